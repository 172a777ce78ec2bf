import type { MediaStreamType, VideoDeviceInfo } from '@azure/communication-calling';

import type { LocalVideoStreamPort } from '../../src/services/calling/port.js';
import { EventEmitter } from './event-emitter.js';

/**
 * A local camera (or screen) video stream, like the SDK's `LocalVideoStream`. Built from a
 * camera, it opens the camera on first use; built from a `MediaStream`, it uses that stream's
 * video track as it is. The `MediaStream` it hands out stays the same object for its lifetime,
 * and `switchSource` swaps the track inside it, so views and calls keep working across a switch.
 */
export class LocalVideoStream implements LocalVideoStreamPort {
  readonly #mediaStream = new MediaStream();
  readonly #mediaStreamType: MediaStreamType;
  readonly #internal = new EventEmitter();
  #source: VideoDeviceInfo;
  /** True when this object opened the camera, so it is the one to stop the track. */
  #ownsTrack: boolean;
  #opening: Promise<MediaStream> | undefined;
  #disposed = false;

  constructor(source: VideoDeviceInfo);
  constructor(source: MediaStream);
  /** @internal The call uses this form for a screen share. */
  constructor(source: MediaStream, mediaStreamType: MediaStreamType);
  constructor(source: VideoDeviceInfo | MediaStream, mediaStreamType: MediaStreamType = 'Video') {
    this.#mediaStreamType = mediaStreamType;
    if (source instanceof MediaStream) {
      const track = source.getVideoTracks()[0];
      if (track === undefined) throw new TypeError('A LocalVideoStream needs a MediaStream with a video track; this one has none.');
      this.#mediaStream.addTrack(track);
      this.#source = { id: track.id, name: track.label || 'Custom video', deviceType: mediaStreamType === 'ScreenSharing' ? 'ScreenSharing' : 'Unknown' };
      this.#ownsTrack = false;
    } else {
      this.#source = source;
      this.#ownsTrack = true;
    }
  }

  get source(): VideoDeviceInfo {
    return this.#source;
  }

  get mediaStreamType(): MediaStreamType {
    return this.#mediaStreamType;
  }

  /** The video track now in the stream, or `undefined` before the camera opened. */
  get videoTrack(): MediaStreamTrack | undefined {
    return this.#mediaStream.getVideoTracks()[0];
  }

  /** Returns the stream, opening the camera the first time (and again after its track ended). */
  async getMediaStream(): Promise<MediaStream> {
    if (this.#disposed) throw new Error(`The local video stream of ${this.#source.name} is disposed; create a new one.`);
    const track = this.videoTrack;
    if (track !== undefined && track.readyState === 'live') return this.#mediaStream;
    if (!this.#ownsTrack) return this.#mediaStream;

    this.#opening ??= this.#openCamera(this.#source).finally(() => (this.#opening = undefined));
    return this.#opening;
  }

  /** Moves the stream to another camera; calls that send this stream send the new camera. */
  async switchSource(source: VideoDeviceInfo): Promise<void> {
    if (this.#disposed) throw new Error(`The local video stream of ${this.#source.name} is disposed; create a new one.`);
    const previous = this.videoTrack;
    this.#source = source;
    this.#ownsTrack = true;
    if (previous === undefined) return;

    await this.#openCamera(source);
    previous.stop();
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    if (this.#ownsTrack) this.videoTrack?.stop();
  }

  /** @internal Listens for the track being replaced (`switchSource`). */
  onTrackChanged(listener: (track: MediaStreamTrack) => void): () => void {
    this.#internal.on('trackChanged', listener);
    return () => this.#internal.off('trackChanged', listener);
  }

  async #openCamera(source: VideoDeviceInfo): Promise<MediaStream> {
    const opened = await navigator.mediaDevices.getUserMedia({ video: source.id ? { deviceId: { exact: source.id } } : true });
    const track = opened.getVideoTracks()[0]!;
    if (this.#disposed) {
      track.stop();
      throw new Error(`The local video stream of ${source.name} was disposed while its camera opened.`);
    }

    for (const old of this.#mediaStream.getVideoTracks()) this.#mediaStream.removeTrack(old);
    this.#mediaStream.addTrack(track);
    this.#internal.emit('trackChanged', track);
    return this.#mediaStream;
  }
}
