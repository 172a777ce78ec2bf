import type { MediaStreamType, StreamSize } from '@azure/communication-calling';
import type { PropertyChangedEvent } from '@azure/communication-calling';

import type { RemoteVideoStreamPort } from '../../src/services/calling/port.js';
import { EventEmitter } from './event-emitter.js';

let nextStreamId = 1;

/**
 * A remote participant's camera video or screen share, like the SDK's `RemoteVideoStream`. Each
 * participant has one of each kind. `isAvailable` follows the sender's media state, and
 * `isReceiving` follows whether frames arrive on the receiving track.
 */
export class RemoteVideoStream implements RemoteVideoStreamPort {
  readonly id = nextStreamId++;
  readonly mediaStreamType: MediaStreamType;
  readonly #events = new EventEmitter();
  readonly #mediaStream = new MediaStream();
  #isAvailable = false;
  #isReceiving = false;
  #size: StreamSize = { width: 0, height: 0 };
  #track: MediaStreamTrack | undefined;
  readonly #onMute = (): void => this.#updateReceiving();

  constructor(mediaStreamType: 'Video' | 'ScreenSharing') {
    this.mediaStreamType = mediaStreamType;
  }

  get isAvailable(): boolean {
    return this.#isAvailable;
  }

  get isReceiving(): boolean {
    return this.#isReceiving;
  }

  get size(): StreamSize {
    return this.#size;
  }

  /**
   * Returns the stream holding the receiving track. It is the same object for the stream's
   * lifetime; the track inside changes when the sender's transceiver does.
   */
  async getMediaStream(): Promise<MediaStream> {
    return this.#mediaStream;
  }

  on(event: 'isAvailableChanged' | 'isReceivingChanged' | 'sizeChanged', listener: PropertyChangedEvent): void {
    this.#events.on(event, listener);
  }

  off(event: 'isAvailableChanged' | 'isReceivingChanged' | 'sizeChanged', listener: PropertyChangedEvent): void {
    this.#events.off(event, listener);
  }

  /** @internal Sets the receiving track (or none) and whether the sender reports this video on. */
  update(track: MediaStreamTrack | undefined, isAvailable: boolean): void {
    if (track !== this.#track) {
      this.#track?.removeEventListener('mute', this.#onMute);
      this.#track?.removeEventListener('unmute', this.#onMute);
      for (const old of this.#mediaStream.getTracks()) this.#mediaStream.removeTrack(old);
      this.#track = track;
      if (track !== undefined) {
        this.#mediaStream.addTrack(track);
        track.addEventListener('mute', this.#onMute);
        track.addEventListener('unmute', this.#onMute);
      }
    }

    const available = isAvailable && track !== undefined;
    if (available !== this.#isAvailable) {
      this.#isAvailable = available;
      this.#events.emit('isAvailableChanged');
    }
    this.#updateReceiving();
  }

  /** @internal Sets the frame size the receiver decodes. */
  updateSize(size: StreamSize): void {
    if (size.width === this.#size.width && size.height === this.#size.height) return;
    this.#size = size;
    this.#events.emit('sizeChanged');
  }

  /** @internal The receiving track, for the statistics that give `size`. */
  get track(): MediaStreamTrack | undefined {
    return this.#track;
  }

  #updateReceiving(): void {
    const receiving = this.#isAvailable && this.#track !== undefined && !this.#track.muted;
    if (receiving === this.#isReceiving) return;
    this.#isReceiving = receiving;
    this.#events.emit('isReceivingChanged');
  }
}
