import type { VideoDeviceInfo } from '@azure/communication-calling';

import { TeamsError } from '../errors.js';
import type { AgentConnection, AgentParts } from './agent-connection.js';
import type { CallingLogger } from './calling-options.js';
import { describeError } from './describe-error.js';
import { type DeviceProblem, type MediaDevice, classifyDeviceError } from './device-errors.js';
import { withDeviceProblem, withoutDeviceProblem } from './device-problems.js';
import { createCameraStream } from './local-media.js';
import type { LocalVideoStreamPort, TeamsCallPort } from './port.js';
import type { CallingStateAccess } from './service-state.js';

export interface LocalDevicesOptions {
  state: CallingStateAccess;
  logger: CallingLogger | null;
  agent: AgentConnection;
  /** The call that device actions apply to, when there is one. */
  currentCall(): TeamsCallPort | undefined;
}

/**
 * The local camera, microphone, speaker and screen of a session: the camera stream a call sends,
 * device actions on the current call, device choices, and the problems each device reported.
 * A failure is classified and kept in `deviceProblems`; a later success of the same device
 * removes it.
 */
export class LocalDevices {
  readonly #state: CallingStateAccess;
  readonly #logger: CallingLogger | null;
  readonly #agent: AgentConnection;
  readonly #currentCall: () => TeamsCallPort | undefined;

  #cameraStream: LocalVideoStreamPort | undefined;
  /** Device actions in flight. A second click on the same control is ignored until the first finishes. */
  readonly #busyDevices = new Set<MediaDevice>();

  constructor(options: LocalDevicesOptions) {
    this.#state = options.state;
    this.#logger = options.logger;
    this.#agent = options.agent;
    this.#currentCall = options.currentCall;
  }

  /** Takes over the camera stream a new call started with; `release` disposes it. */
  adoptCameraStream(stream: LocalVideoStreamPort | undefined): void {
    this.#cameraStream = stream;
  }

  /** Disposes the current call's camera stream and forgets device actions in flight. */
  release(): void {
    this.#cameraStream?.dispose();
    this.#cameraStream = undefined;
    this.#busyDevices.clear();
  }

  async startVideo(): Promise<void> {
    await this.useDevice('camera', async (call, parts) => {
      const stream = this.#cameraStream ?? (await createCameraStream(parts.module, await currentCamera(parts)));
      this.#cameraStream = stream;
      await call.startVideo(stream);
    });
  }

  async stopVideo(): Promise<void> {
    await this.useDevice('camera', async (call) => {
      const stream = this.#cameraStream ?? call.localVideoStreams.find((candidate) => candidate.mediaStreamType === 'Video');
      if (stream !== undefined) await call.stopVideo(stream);
    });
  }

  async selectCamera(deviceId: string): Promise<void> {
    const parts = await this.#agent.prepare();
    const camera = findDevice(parts.devices.lists.cameras, deviceId, 'camera');
    parts.devices.selectCamera(camera);

    // Without a running video, an earlier failure of this kind belonged to the camera chosen
    // before; the new one is tried when video starts. A blocked permission covers every camera.
    const problem = this.#state.snapshot.deviceProblems.find((candidate) => candidate.device === 'camera');
    if (this.#cameraStream === undefined && problem !== undefined && problem.kind !== 'permission-denied') this.clearProblem('camera');

    await this.switchCamera(camera);
  }

  async selectMicrophone(deviceId: string): Promise<void> {
    const parts = await this.#agent.prepare();
    const microphone = findDevice(parts.devices.lists.microphones, deviceId, 'microphone');
    try {
      await parts.devices.selectMicrophone(microphone);
      this.clearProblem('microphone');
    } catch (error) {
      this.reportProblem(classifyDeviceError('microphone', error));
    }
  }

  async selectSpeaker(deviceId: string): Promise<void> {
    const parts = await this.#agent.prepare();
    const speaker = findDevice(parts.devices.lists.speakers, deviceId, 'speaker');
    try {
      await parts.devices.selectSpeaker(speaker);
      this.clearProblem('speaker');
    } catch (error) {
      this.reportProblem(classifyDeviceError('speaker', error));
      throw new TeamsError('speaker-select-failed', `Selecting the speaker ${speaker.name || speaker.id} failed: ${describeError(error)}. Choose another speaker.`, { cause: error });
    }
  }

  /** Moves the running camera video to `camera`, or stops it when no camera is left. */
  async switchCamera(camera: VideoDeviceInfo | undefined): Promise<void> {
    const stream = this.#cameraStream;
    if (stream === undefined) return;

    if (camera === undefined) {
      await this.stopVideo().catch(() => undefined);
      this.reportProblem({ device: 'camera', kind: 'not-found', detail: 'The selected camera was unplugged and no other camera is connected.' });
      return;
    }

    try {
      await stream.switchSource(camera);
      this.clearProblem('camera');
    } catch (error) {
      this.reportProblem(classifyDeviceError('camera', error));
    }
  }

  /**
   * Runs a device action on the current call. Its failure is classified and stored in
   * `deviceProblems` instead of rejecting; its success removes that device's earlier problem.
   */
  async useDevice(device: MediaDevice, action: (call: TeamsCallPort, parts: AgentParts) => Promise<void>): Promise<void> {
    const call = this.#currentCall();
    const parts = this.#agent.parts;
    if (call === undefined || parts === undefined) {
      throw new TeamsError('no-active-call', `There is no call to use the ${device} in. Start or accept a call first.`);
    }
    if (this.#busyDevices.has(device)) return;

    this.#busyDevices.add(device);
    try {
      await action(call, parts);
      this.clearProblem(device);
    } catch (error) {
      this.reportProblem(classifyDeviceError(device, error));
    } finally {
      this.#busyDevices.delete(device);
    }
  }

  /**
   * Asks for microphone (and camera) access before a call, so a block shows before it rings.
   * Returns whether the camera may be opened. A refused camera is not opened at all, because the
   * SDK would start the call without it and the reason would be lost.
   */
  async askDevicePermission(parts: AgentParts, video: boolean): Promise<{ video: boolean }> {
    try {
      const access = await parts.deviceManager.askDevicePermission({ audio: true, video });
      if (access.audio) this.clearProblem('microphone');
      else this.reportProblem({ device: 'microphone', kind: 'permission-denied', detail: 'askDevicePermission returned audio: false' });
      if (video && !access.video) this.reportProblem({ device: 'camera', kind: 'permission-denied', detail: 'askDevicePermission returned video: false' });

      // With permission the browser reveals device names, so the pickers can show them.
      await parts.devices.refresh();
      return { video: access.video };
    } catch (error) {
      // The call still starts: the person can hear and fix the microphone during it.
      this.reportProblem(classifyDeviceError('microphone', error));
      return { video };
    }
  }

  /** Returns a camera stream, or `undefined` (with the problem reported) so the call starts audio only. */
  async tryCreateCameraStream(parts: AgentParts): Promise<LocalVideoStreamPort | undefined> {
    try {
      const stream = await createCameraStream(parts.module, await currentCamera(parts));
      this.clearProblem('camera');
      return stream;
    } catch (error) {
      this.reportProblem(classifyDeviceError('camera', error));
      return undefined;
    }
  }

  reportProblem(problem: DeviceProblem): void {
    if (problem.kind === 'cancelled') return;
    this.#logger?.warn(`${problem.device === 'speaker' ? 'Selecting' : 'Starting'} the ${problem.device} failed (${problem.kind}): ${problem.detail}`);
    this.#state.update({ deviceProblems: withDeviceProblem(this.#state.snapshot.deviceProblems, problem) });
  }

  clearProblem(device: MediaDevice): void {
    const remaining = withoutDeviceProblem(this.#state.snapshot.deviceProblems, device);
    if (remaining !== this.#state.snapshot.deviceProblems) this.#state.update({ deviceProblems: remaining });
  }
}

/**
 * Lists the cameras again (one may have been unplugged since) and returns the one to use. It
 * becomes the selected camera, so unplugging it moves the video to another.
 */
async function currentCamera(parts: AgentParts): Promise<VideoDeviceInfo | undefined> {
  await parts.devices.refresh();
  const camera = parts.devices.camera;
  if (camera !== undefined) parts.devices.selectCamera(camera);
  return camera;
}

function findDevice<Device extends { id: string }>(devices: Device[], deviceId: string, kind: string): Device {
  const device = devices.find((candidate) => candidate.id === deviceId);
  if (device === undefined) {
    throw new TeamsError('device-not-found', `No ${kind} with the id ${deviceId} is connected. Choose one of the listed devices.`);
  }
  return device;
}
