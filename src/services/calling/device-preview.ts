import type { AgentParts } from './agent-connection.js';
import type { MediaOptions } from './calling-options.js';
import { classifyDeviceError } from './device-errors.js';
import type { LocalDevices } from './local-devices.js';
import { MicrophoneLevel } from './microphone-level.js';
import type { LocalAudioStreamPort, LocalVideoStreamPort } from './port.js';
import { Store } from './store.js';

/** The state of a pre-join screen: its camera stream, microphone level and the person's choices. */
export interface DevicePreviewState {
  /** False until `start()` has asked for access and opened the camera and microphone. */
  ready: boolean;
  /** The camera stream to render, while the camera is on and opened. */
  camera: LocalVideoStreamPort | undefined;
  /** The person's choice to start the call with the camera on. */
  cameraOn: boolean;
  /** The person's choice to start the call muted. */
  muted: boolean;
  /** The selected microphone's loudness from 0 to 1; `undefined` while it cannot be measured. */
  microphoneLevel: number | undefined;
  /** True once `dispose()` ran. */
  disposed: boolean;
}

/** The choices a preview starts with. */
export interface DevicePreviewChoices {
  /** Starts with the camera on. Defaults to true, so the person sees themselves before joining. */
  video?: boolean;
  /** Starts muted. Defaults to false. */
  muted?: boolean;
}

/**
 * The camera and microphone before a call: a camera stream for a local renderer view, the
 * microphone's level, and the person's choices for the call (camera on, muted). Device failures
 * go to the calling service's `deviceProblems`, and a device that works later clears its problem.
 * `dispose()` stops the camera and the microphone; it runs once, and later calls do nothing.
 */
export class DevicePreview extends Store<DevicePreviewState> {
  readonly #parts: AgentParts;
  readonly #devices: LocalDevices;
  readonly #onDisposed: () => void;
  #microphone: { stream: LocalAudioStreamPort; level: MicrophoneLevel | undefined } | undefined;
  /** Bumped when the camera or microphone is reopened, so a slow earlier open cannot win. */
  #cameraGeneration = 0;
  #microphoneGeneration = 0;

  constructor(parts: AgentParts, devices: LocalDevices, choices: DevicePreviewChoices, onDisposed: () => void) {
    super({ ready: false, camera: undefined, cameraOn: choices.video ?? true, muted: choices.muted ?? false, microphoneLevel: undefined, disposed: false });
    this.#parts = parts;
    this.#devices = devices;
    this.#onDisposed = onDisposed;
  }

  /** The media options for `call`, `join` or `accept` that carry the person's choices. */
  get mediaOptions(): MediaOptions {
    return { video: this.snapshot.cameraOn, muted: this.snapshot.muted };
  }

  /** Asks for device access, then opens the camera (when on) and the microphone's level meter. */
  async start(): Promise<void> {
    const access = await this.#devices.askDevicePermission(this.#parts, this.snapshot.cameraOn);
    if (this.snapshot.disposed) return;

    await Promise.all([this.snapshot.cameraOn && access.video ? this.#openCamera() : undefined, this.#openMicrophone()]);
    if (!this.snapshot.disposed) this.update({ ready: true });
  }

  /** Turns the preview camera on or off; the call starts with the camera as it is then. */
  async setCameraOn(cameraOn: boolean): Promise<void> {
    if (this.snapshot.disposed || cameraOn === this.snapshot.cameraOn) return;
    this.update({ cameraOn });
    if (cameraOn) await this.#openCamera();
    else this.#closeCamera();
  }

  /** Chooses whether the call starts muted. */
  setMuted(muted: boolean): void {
    if (!this.snapshot.disposed && muted !== this.snapshot.muted) this.update({ muted });
  }

  /** Chooses the camera for the preview and the call; a camera that opens clears the camera's problem. */
  async selectCamera(deviceId: string): Promise<void> {
    await this.#devices.selectCamera(deviceId);
    if (this.snapshot.cameraOn) await this.#openCamera();
  }

  /** Chooses the microphone for the meter and the call. */
  async selectMicrophone(deviceId: string): Promise<void> {
    await this.#devices.selectMicrophone(deviceId);
    await this.#openMicrophone();
  }

  /** Stops the camera and the microphone. The renderer view of `camera` belongs to the screen that showed it. */
  dispose(): void {
    if (this.snapshot.disposed) return;
    this.#cameraGeneration++;
    this.#microphoneGeneration++;
    this.snapshot.camera?.dispose();
    this.#closeMicrophone();
    this.update({ camera: undefined, microphoneLevel: undefined, disposed: true });
    this.#onDisposed();
  }

  /**
   * Opens the selected camera in a new stream, in place of the one shown. The stream is read
   * once, because creating a `LocalVideoStream` does not open the camera and the browser's
   * error (blocked, in use, missing) only comes from opening it.
   *
   * NOTE: with the real SDK, `LocalVideoStream.getMediaStream()` is assumed to open the camera;
   * this was checked with the sandbox module only.
   */
  async #openCamera(): Promise<void> {
    const generation = ++this.#cameraGeneration;
    this.#closeCamera();

    const stream = await this.#devices.tryCreateCameraStream(this.#parts);
    if (stream === undefined) return;
    try {
      await stream.getMediaStream();
    } catch (error) {
      stream.dispose();
      this.#devices.reportProblem(classifyDeviceError('camera', error));
      return;
    }

    if (generation !== this.#cameraGeneration || this.snapshot.disposed || !this.snapshot.cameraOn) {
      stream.dispose();
      return;
    }
    this.#devices.clearProblem('camera');
    this.update({ camera: stream });
  }

  #closeCamera(): void {
    const camera = this.snapshot.camera;
    if (camera === undefined) return;
    this.update({ camera: undefined });
    camera.dispose();
  }

  /** Opens the selected microphone and measures its level, where the calling module has `LocalAudioStream`. */
  async #openMicrophone(): Promise<void> {
    const generation = ++this.#microphoneGeneration;
    this.#closeMicrophone();

    const { module, devices, deviceManager } = this.#parts;
    const lists = devices.lists;
    const microphone =
      lists.microphones.find((candidate) => candidate.id === lists.selectedMicrophoneId) ?? deviceManager.selectedMicrophone ?? lists.microphones[0];
    if (microphone === undefined) {
      this.#devices.reportProblem({ device: 'microphone', kind: 'not-found', detail: 'The device manager lists no microphone.' });
      return;
    }
    if (module.LocalAudioStream === undefined) return;

    const stream = new module.LocalAudioStream(microphone);
    let mediaStream: MediaStream;
    try {
      mediaStream = await stream.getMediaStream();
    } catch (error) {
      stream.dispose();
      this.#devices.reportProblem(classifyDeviceError('microphone', error));
      return;
    }
    if (generation !== this.#microphoneGeneration || this.snapshot.disposed) {
      stream.dispose();
      return;
    }

    this.#devices.clearProblem('microphone');
    this.#microphone = { stream, level: this.#measure(mediaStream) };
  }

  #measure(mediaStream: MediaStream): MicrophoneLevel | undefined {
    try {
      return new MicrophoneLevel(mediaStream, (level) => {
        // Rounded, so a steady level does not render the screen again ten times a second.
        const rounded = Math.round(level * 20) / 20;
        if (rounded !== this.snapshot.microphoneLevel) this.update({ microphoneLevel: rounded });
      });
    } catch {
      // A stream without an audio track, or no Web Audio: the screen shows no meter.
      return undefined;
    }
  }

  #closeMicrophone(): void {
    this.#microphone?.level?.stop();
    this.#microphone?.stream.dispose();
    this.#microphone = undefined;
  }
}
