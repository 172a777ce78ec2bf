import type { AudioDeviceInfo, VideoDeviceInfo } from '@azure/communication-calling';

import type { DeviceManagerPort } from './port.js';

/** The cameras, microphones and speakers the device manager lists, and which one of each is chosen. */
export interface DeviceLists {
  cameras: VideoDeviceInfo[];
  microphones: AudioDeviceInfo[];
  speakers: AudioDeviceInfo[];
  /** The camera new video streams use; the SDK has no selected camera, so the kit keeps it. */
  selectedCameraId: string | undefined;
  selectedMicrophoneId: string | undefined;
  selectedSpeakerId: string | undefined;
  /** False in browsers that cannot choose an audio output (no `setSinkId`). */
  speakerSelectionAvailable: boolean;
}

export const emptyDeviceLists: DeviceLists = {
  cameras: [],
  microphones: [],
  speakers: [],
  selectedCameraId: undefined,
  selectedMicrophoneId: undefined,
  selectedSpeakerId: undefined,
  speakerSelectionAvailable: false,
};

export interface DeviceSelectionOptions {
  /** Called with the new lists after every change. */
  onChange(lists: DeviceLists): void;
  /** Called when the selected camera was unplugged: with the camera that replaces it, or `undefined` when none is left. */
  onCameraReplaced(camera: VideoDeviceInfo | undefined): void;
  /** Called when a fallback selection fails, for the log. */
  onError(message: string): void;
}

/**
 * Follows the device manager's cameras, microphones and speakers. When the selected device of a
 * kind is unplugged, the first remaining device of that kind is selected in its place, so a call
 * goes on with another microphone or camera instead of falling silent.
 */
export class DeviceSelection {
  readonly #deviceManager: DeviceManagerPort;
  readonly #options: DeviceSelectionOptions;
  #lists: DeviceLists = emptyDeviceLists;
  #refreshing: Promise<void> | undefined;
  #refreshAgain = false;
  #disposed = false;
  readonly #onDevicesUpdated = (): void => void this.refresh();

  constructor(deviceManager: DeviceManagerPort, options: DeviceSelectionOptions) {
    this.#deviceManager = deviceManager;
    this.#options = options;
    deviceManager.on('videoDevicesUpdated', this.#onDevicesUpdated);
    deviceManager.on('audioDevicesUpdated', this.#onDevicesUpdated);
    deviceManager.on('selectedMicrophoneChanged', this.#onDevicesUpdated);
    deviceManager.on('selectedSpeakerChanged', this.#onDevicesUpdated);
  }

  get lists(): DeviceLists {
    return this.#lists;
  }

  /** The camera a new video stream should use: the selected one, else the first. */
  get camera(): VideoDeviceInfo | undefined {
    return this.#lists.cameras.find((camera) => camera.id === this.#lists.selectedCameraId) ?? this.#lists.cameras[0];
  }

  /**
   * Lists the devices again and replaces selections whose device is gone. Calls made while a
   * refresh runs are merged into one more refresh after it.
   */
  refresh(): Promise<void> {
    if (this.#refreshing !== undefined) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    this.#refreshing = this.#refreshOnce().finally(() => {
      this.#refreshing = undefined;
      if (this.#refreshAgain && !this.#disposed) {
        this.#refreshAgain = false;
        void this.refresh();
      }
    });
    return this.#refreshing;
  }

  /** Chooses the camera for new video streams; the caller switches a running stream itself. */
  selectCamera(camera: VideoDeviceInfo): void {
    this.#set({ ...this.#lists, selectedCameraId: camera.id });
  }

  async selectMicrophone(microphone: AudioDeviceInfo): Promise<void> {
    await this.#deviceManager.selectMicrophone(microphone);
    this.#set({ ...this.#lists, selectedMicrophoneId: microphone.id });
  }

  async selectSpeaker(speaker: AudioDeviceInfo): Promise<void> {
    await this.#deviceManager.selectSpeaker(speaker);
    this.#set({ ...this.#lists, selectedSpeakerId: speaker.id });
  }

  dispose(): void {
    this.#disposed = true;
    this.#deviceManager.off('videoDevicesUpdated', this.#onDevicesUpdated);
    this.#deviceManager.off('audioDevicesUpdated', this.#onDevicesUpdated);
    this.#deviceManager.off('selectedMicrophoneChanged', this.#onDevicesUpdated);
    this.#deviceManager.off('selectedSpeakerChanged', this.#onDevicesUpdated);
  }

  async #refreshOnce(): Promise<void> {
    const [cameras, microphones, speakers] = await Promise.all([
      this.#deviceManager.getCameras(),
      this.#deviceManager.getMicrophones(),
      this.#deviceManager.getSpeakers(),
    ]);
    if (this.#disposed) return;

    const previous = this.#lists;
    const next: DeviceLists = {
      cameras,
      microphones,
      speakers,
      selectedCameraId: previous.selectedCameraId,
      selectedMicrophoneId: this.#deviceManager.selectedMicrophone?.id ?? previous.selectedMicrophoneId,
      selectedSpeakerId: this.#deviceManager.selectedSpeaker?.id ?? previous.selectedSpeakerId,
      speakerSelectionAvailable: this.#deviceManager.isSpeakerSelectionAvailable,
    };

    // A selected camera that was unplugged: the running video moves to the first camera left.
    if (next.selectedCameraId !== undefined && !cameras.some((camera) => camera.id === next.selectedCameraId)) {
      next.selectedCameraId = cameras[0]?.id;
      this.#options.onCameraReplaced(cameras[0]);
    }

    const microphoneGone = next.selectedMicrophoneId !== undefined && !microphones.some((device) => device.id === next.selectedMicrophoneId);
    const speakerGone = next.selectedSpeakerId !== undefined && !speakers.some((device) => device.id === next.selectedSpeakerId);
    if (microphoneGone) next.selectedMicrophoneId = undefined;
    if (speakerGone) next.selectedSpeakerId = undefined;
    this.#set(next);

    if (microphoneGone) await this.#fallBack('microphone', microphones, (device) => this.selectMicrophone(device));
    if (speakerGone && next.speakerSelectionAvailable) await this.#fallBack('speaker', speakers, (device) => this.selectSpeaker(device));
  }

  async #fallBack(kind: string, devices: AudioDeviceInfo[], select: (device: AudioDeviceInfo) => Promise<void>): Promise<void> {
    const replacement = devices.find((device) => device.isSystemDefault) ?? devices[0];
    if (replacement === undefined) return;
    try {
      await select(replacement);
    } catch (error) {
      this.#options.onError(`Selecting ${kind} ${replacement.name || replacement.id} after the selected one was unplugged failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #set(lists: DeviceLists): void {
    this.#lists = lists;
    this.#options.onChange(lists);
  }
}
