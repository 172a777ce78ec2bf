import type {
  AudioDeviceInfo,
  DeviceAccess,
  PermissionConstraints,
  PropertyChangedEvent,
  VideoDeviceInfo,
} from '@azure/communication-calling';

import type { CollectionUpdatedListener, DeviceManagerPort } from '../../src/services/calling/port.js';
import { EventEmitter } from './event-emitter.js';

type SelectionEvent = 'selectedMicrophoneChanged' | 'selectedSpeakerChanged';

/**
 * Cameras, microphones and speakers from `navigator.mediaDevices`, like the SDK's
 * `DeviceManager`. Calls of the same call client follow its microphone and speaker selection.
 * Device names are empty until the page has media permission, as the browser hides labels.
 */
export class DeviceManager implements DeviceManagerPort {
  readonly #events = new EventEmitter();
  #selectedMicrophone: AudioDeviceInfo | undefined;
  #selectedSpeaker: AudioDeviceInfo | undefined;
  #cameras: VideoDeviceInfo[] = [];
  #audioDevices: AudioDeviceInfo[] = [];
  readonly #onDeviceChange = (): void => void this.#refresh(true);

  constructor() {
    navigator.mediaDevices.addEventListener('devicechange', this.#onDeviceChange);
    void this.#refresh(false);
  }

  get isSpeakerSelectionAvailable(): boolean {
    return 'setSinkId' in HTMLMediaElement.prototype;
  }

  get selectedMicrophone(): AudioDeviceInfo | undefined {
    return this.#selectedMicrophone;
  }

  get selectedSpeaker(): AudioDeviceInfo | undefined {
    return this.#selectedSpeaker;
  }

  async getCameras(): Promise<VideoDeviceInfo[]> {
    return (await this.#refresh(false)).cameras;
  }

  async getMicrophones(): Promise<AudioDeviceInfo[]> {
    return (await this.#refresh(false)).audioDevices.filter((device) => device.deviceType === 'Microphone');
  }

  async getSpeakers(): Promise<AudioDeviceInfo[]> {
    return (await this.#refresh(false)).audioDevices.filter((device) => device.deviceType === 'Speaker');
  }

  async selectMicrophone(microphone: AudioDeviceInfo): Promise<void> {
    if (microphone.deviceType !== 'Microphone') {
      throw new TypeError(`${microphone.name || microphone.id} is a ${microphone.deviceType}, not a microphone.`);
    }
    this.#selectedMicrophone = microphone;
    this.#events.emit('selectedMicrophoneChanged');
  }

  async selectSpeaker(speaker: AudioDeviceInfo): Promise<void> {
    if (speaker.deviceType !== 'Speaker') {
      throw new TypeError(`${speaker.name || speaker.id} is a ${speaker.deviceType}, not a speaker.`);
    }
    if (!this.isSpeakerSelectionAvailable) {
      throw new Error('This browser cannot choose a speaker (HTMLMediaElement.setSinkId is missing).');
    }
    this.#selectedSpeaker = speaker;
    this.#events.emit('selectedSpeakerChanged');
  }

  /**
   * Asks for microphone and camera access, each on its own, so one refused device does not hide
   * the other's result. The tracks opened to ask are stopped at once.
   */
  async askDevicePermission(constraints: PermissionConstraints): Promise<DeviceAccess> {
    const access: DeviceAccess = { audio: false, video: false };
    if (constraints.audio) access.audio = await canOpen({ audio: true });
    if (constraints.video) access.video = await canOpen({ video: true });
    await this.#refresh(true);
    return access;
  }

  on(event: 'videoDevicesUpdated', listener: CollectionUpdatedListener<VideoDeviceInfo>): void;
  on(event: 'audioDevicesUpdated', listener: CollectionUpdatedListener<AudioDeviceInfo>): void;
  on(event: SelectionEvent, listener: PropertyChangedEvent): void;
  on(event: string, listener: (...args: never[]) => void): void {
    this.#events.on(event, listener);
  }

  off(event: 'videoDevicesUpdated', listener: CollectionUpdatedListener<VideoDeviceInfo>): void;
  off(event: 'audioDevicesUpdated', listener: CollectionUpdatedListener<AudioDeviceInfo>): void;
  off(event: SelectionEvent, listener: PropertyChangedEvent): void;
  off(event: string, listener: (...args: never[]) => void): void {
    this.#events.off(event, listener);
  }

  /** @internal Stops listening for device changes. */
  dispose(): void {
    navigator.mediaDevices.removeEventListener('devicechange', this.#onDeviceChange);
  }

  /** Lists the devices again; with `notify`, emits what was added and removed since last time. */
  async #refresh(notify: boolean): Promise<{ cameras: VideoDeviceInfo[]; audioDevices: AudioDeviceInfo[] }> {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const cameras: VideoDeviceInfo[] = devices
      .filter((device) => device.kind === 'videoinput')
      .map((device) => ({ id: device.deviceId, name: device.label, deviceType: 'UsbCamera' }));
    const audioDevices: AudioDeviceInfo[] = devices
      .filter((device) => device.kind === 'audioinput' || device.kind === 'audiooutput')
      .map((device) => ({
        id: device.deviceId,
        name: device.label,
        isSystemDefault: device.deviceId === 'default',
        deviceType: device.kind === 'audioinput' ? 'Microphone' : 'Speaker',
      }));

    if (notify) {
      emitDifference(this.#events, 'videoDevicesUpdated', this.#cameras, cameras);
      emitDifference(this.#events, 'audioDevicesUpdated', this.#audioDevices, audioDevices);
    }
    this.#cameras = cameras;
    this.#audioDevices = audioDevices;
    return { cameras, audioDevices };
  }
}

async function canOpen(constraints: MediaStreamConstraints): Promise<boolean> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(constraints);
    for (const track of stream.getTracks()) track.stop();
    return true;
  } catch {
    return false;
  }
}

function emitDifference<T extends { id: string; deviceType: string }>(events: EventEmitter, event: string, before: T[], after: T[]): void {
  const key = (device: T): string => `${device.deviceType}:${device.id}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const added = after.filter((device) => !beforeKeys.has(key(device)));
  const removed = before.filter((device) => !afterKeys.has(key(device)));
  if (added.length > 0 || removed.length > 0) events.emit(event, { added, removed });
}
