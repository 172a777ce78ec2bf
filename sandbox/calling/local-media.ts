import { EventEmitter } from './event-emitter.js';
import { LocalVideoStream } from './local-video-stream.js';
import type { LocalMedia } from './peer-link.js';

/**
 * The media one call sends: the microphone track it opened, the camera stream the app started and the
 * screen share. Every change emits `changed`, after which the call passes `snapshot()` to its
 * peer links. `screenShareEnded` fires when the browser's own "Stop sharing" ends the capture.
 */
export class LocalMediaController extends EventEmitter {
  #microphone: MediaStreamTrack | null = null;
  #camera: LocalVideoStream | undefined;
  #stopFollowingCamera: (() => void) | undefined;
  #screenShare: LocalVideoStream | undefined;
  /** The capture `getDisplayMedia` returned, which this controller must stop itself. */
  #screenCapture: MediaStream | undefined;
  #isMuted: boolean;
  #isOnHold = false;
  #disposed = false;

  constructor(options: { muted: boolean }) {
    super();
    this.#isMuted = options.muted;
  }

  get isMuted(): boolean {
    return this.#isMuted;
  }

  get isOnHold(): boolean {
    return this.#isOnHold;
  }

  get camera(): LocalVideoStream | undefined {
    return this.#camera;
  }

  get screenShare(): LocalVideoStream | undefined {
    return this.#screenShare;
  }

  snapshot(): LocalMedia {
    return {
      microphone: this.#microphone,
      camera: this.#camera?.videoTrack ?? null,
      screenShare: this.#screenShare?.videoTrack ?? null,
      isMuted: this.#isMuted,
      isOnHold: this.#isOnHold,
    };
  }

  /**
   * Opens a microphone (`undefined` for the default one) and replaces the previous track. A call
   * without a microphone still connects, so a failure is logged rather than thrown.
   */
  async openMicrophone(deviceId: string | undefined): Promise<void> {
    let track: MediaStreamTrack;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
      track = stream.getAudioTracks()[0]!;
    } catch (error) {
      console.warn(`[sandbox calling] Opening microphone ${deviceId ?? '(default)'} failed; the call goes on without sending audio.`, error);
      return;
    }
    if (this.#disposed) {
      track.stop();
      return;
    }

    this.#microphone?.stop();
    this.#microphone = track;
    track.enabled = !this.#isMuted;
    this.emit('changed');
  }

  setMuted(isMuted: boolean): void {
    this.#isMuted = isMuted;
    if (this.#microphone !== null) this.#microphone.enabled = !isMuted;
    this.emit('changed');
  }

  setOnHold(isOnHold: boolean): void {
    this.#isOnHold = isOnHold;
    this.emit('changed');
  }

  /** Starts sending a camera stream, opening the camera if needed. Rejects as `getUserMedia` does. */
  async startCamera(stream: LocalVideoStream): Promise<void> {
    await stream.getMediaStream();
    this.#stopFollowingCamera?.();
    this.#camera = stream;
    this.#stopFollowingCamera = stream.onTrackChanged(() => this.emit('changed'));
    this.emit('changed');
  }

  /**
   * Starts sending a camera stream at once and opens the camera in the background, for a call
   * that starts with video. Resolves false (and stops the camera again) when it cannot be opened.
   */
  async adoptCamera(stream: LocalVideoStream): Promise<boolean> {
    this.#camera = stream;
    this.#stopFollowingCamera = stream.onTrackChanged(() => this.emit('changed'));
    try {
      await stream.getMediaStream();
    } catch (error) {
      console.warn('[sandbox calling] Opening the camera for the call failed; the call goes on without video.', error);
      if (this.#camera === stream) this.stopCamera();
      return false;
    }
    this.emit('changed');
    return true;
  }

  stopCamera(): void {
    this.#stopFollowingCamera?.();
    this.#stopFollowingCamera = undefined;
    this.#camera = undefined;
    this.emit('changed');
  }

  /**
   * Starts a screen share: the given stream, or a capture the user picks with `getDisplayMedia`.
   * A cancelled picker rejects with the browser's `NotAllowedError` and changes nothing.
   */
  async startScreenShare(stream?: LocalVideoStream): Promise<LocalVideoStream> {
    let share = stream;
    if (share === undefined) {
      const capture = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      if (this.#disposed) {
        stopTracks(capture);
        throw new Error('The call ended while the screen to share was being picked.');
      }
      this.#screenCapture = capture;
      share = new LocalVideoStream(capture, 'ScreenSharing');
    } else {
      await share.getMediaStream();
    }

    // The browser's own "Stop sharing" button ends the track.
    share.videoTrack?.addEventListener('ended', () => {
      if (this.#screenShare === share) this.emit('screenShareEnded');
    }, { once: true });
    this.#screenShare = share;
    this.emit('changed');
    return share;
  }

  stopScreenShare(): void {
    if (this.#screenCapture !== undefined) stopTracks(this.#screenCapture);
    this.#screenCapture = undefined;
    this.#screenShare = undefined;
    this.emit('changed');
  }

  /** Stops the tracks this controller opened. The app's camera stream is the app's to dispose. */
  dispose(): void {
    this.#disposed = true;
    this.#microphone?.stop();
    this.#microphone = null;
    this.#stopFollowingCamera?.();
    if (this.#screenCapture !== undefined) stopTracks(this.#screenCapture);
    this.#screenCapture = undefined;
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
