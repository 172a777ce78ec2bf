/** How often the level is read, in milliseconds: fast enough for a meter to look live. */
const sampleIntervalMs = 100;

/**
 * The loudness of a microphone's `MediaStream`, from 0 (silence) to 1, read with the Web Audio
 * API's `AnalyserNode`. It reports a new value every 100 ms until `stop()`.
 */
export class MicrophoneLevel {
  readonly #context: AudioContext;
  readonly #source: MediaStreamAudioSourceNode;
  readonly #analyser: AnalyserNode;
  readonly #samples: Float32Array<ArrayBuffer>;
  readonly #timer: ReturnType<typeof setInterval>;
  #level = 0;
  #stopped = false;

  constructor(stream: MediaStream, onLevel: (level: number) => void) {
    this.#context = new AudioContext();
    this.#source = this.#context.createMediaStreamSource(stream);
    this.#analyser = this.#context.createAnalyser();
    this.#analyser.fftSize = 1024;
    this.#samples = new Float32Array(this.#analyser.fftSize);
    this.#source.connect(this.#analyser);

    // An AudioContext created without a user gesture starts suspended in some browsers. The
    // pre-join screen opens from a click, so resuming here normally succeeds.
    void this.#context.resume().catch(() => undefined);
    this.#timer = setInterval(() => onLevel(this.#read()), sampleIntervalMs);
  }

  /** Stops reading and closes the audio context; the stream's tracks stay open. */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#source.disconnect();
    void this.#context.close().catch(() => undefined);
  }

  #read(): number {
    this.#analyser.getFloatTimeDomainData(this.#samples);
    let sum = 0;
    for (const sample of this.#samples) sum += sample * sample;
    const rms = Math.sqrt(sum / this.#samples.length);

    // Speech peaks around 0.1-0.3 RMS, so the scale is stretched to fill the meter; capped at 1.
    // A peak falls back over a few readings instead of at once, as level meters do, so a short
    // sound stays visible for the eye.
    this.#level = Math.max(Math.min(1, rms * 4), this.#level * 0.7);
    return this.#level;
  }
}
