import type { AudioDeviceInfo, MediaStreamType } from '@azure/communication-calling';

import type { LocalAudioStreamPort } from '../../src/services/calling/port.js';

/**
 * A local microphone stream, like the SDK's `LocalAudioStream`: it opens the microphone on the
 * first `getMediaStream()` and stops it on `dispose()`. Calls do not send it; they open the device
 * manager's selected microphone themselves.
 */
export class LocalAudioStream implements LocalAudioStreamPort {
  readonly #mediaStream = new MediaStream();
  #source: AudioDeviceInfo;
  #opening: Promise<MediaStream> | undefined;
  #disposed = false;

  constructor(source: AudioDeviceInfo) {
    this.#source = source;
  }

  get source(): AudioDeviceInfo {
    return this.#source;
  }

  get mediaStreamType(): MediaStreamType {
    return 'Audio';
  }

  /** Returns the stream, opening the microphone the first time (and again after its track ended). */
  async getMediaStream(): Promise<MediaStream> {
    if (this.#disposed) throw new Error(`The local audio stream of ${this.#source.name || this.#source.id} is disposed; create a new one.`);
    const track = this.#mediaStream.getAudioTracks()[0];
    if (track !== undefined && track.readyState === 'live') return this.#mediaStream;

    this.#opening ??= this.#open(this.#source).finally(() => (this.#opening = undefined));
    return this.#opening;
  }

  /** Moves the stream to another microphone. */
  async switchSource(source: AudioDeviceInfo): Promise<void> {
    if (this.#disposed) throw new Error(`The local audio stream of ${this.#source.name || this.#source.id} is disposed; create a new one.`);
    this.#source = source;
    if (this.#mediaStream.getAudioTracks().length > 0) await this.#open(source);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const track of this.#mediaStream.getAudioTracks()) track.stop();
  }

  async #open(source: AudioDeviceInfo): Promise<MediaStream> {
    const opened = await navigator.mediaDevices.getUserMedia({ audio: source.id ? { deviceId: { exact: source.id } } : true });
    const track = opened.getAudioTracks()[0]!;
    if (this.#disposed) {
      track.stop();
      throw new Error(`The local audio stream of ${source.name || source.id} was disposed while its microphone opened.`);
    }

    for (const old of this.#mediaStream.getAudioTracks()) {
      this.#mediaStream.removeTrack(old);
      old.stop();
    }
    this.#mediaStream.addTrack(track);
    return this.#mediaStream;
  }
}
