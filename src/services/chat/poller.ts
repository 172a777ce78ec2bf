import { isTeamsError } from '../errors.js';
import { ChatError } from './chat-error.js';
import { defaultPollPolicy, nextPollDelay, type PollPolicy } from './poll-schedule.js';

/** The page's visibility, as `document` provides it; tests pass a fake. */
export interface VisibilitySource extends EventTarget {
  readonly visibilityState: DocumentVisibilityState;
}

/**
 * Runs a poll task on a timer: one run at a time, slower while the page is hidden, honouring
 * `Retry-After`, backing off after failures, and once more as soon as the page becomes visible.
 */
export class Poller {
  readonly #task: () => Promise<void>;
  readonly #policy: PollPolicy;
  readonly #page: VisibilitySource | undefined;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #started = false;
  #consecutiveFailures = 0;
  #retryAfterMs: number | undefined;

  readonly #handleVisibilityChange = (): void => {
    // Catch up at once when the user comes back, unless Graph asked us to wait.
    if (this.#started && !this.#hidden() && this.#retryAfterMs === undefined) this.#schedule(0);
  };

  constructor(task: () => Promise<void>, options: { policy?: Partial<PollPolicy>; page?: VisibilitySource; onError?: (error: unknown) => void } = {}) {
    this.#task = task;
    this.#policy = { ...defaultPollPolicy, ...options.policy };
    this.#page = options.page ?? (typeof document === 'undefined' ? undefined : document);
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Starts polling; the first run comes after one interval. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#page?.addEventListener('visibilitychange', this.#handleVisibilityChange);
    this.#schedule(this.#nextDelay());
  }

  stop(): void {
    this.#started = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#page?.removeEventListener('visibilitychange', this.#handleVisibilityChange);
  }

  /** Runs the task now (or joins the run in progress) and schedules the next run after it. */
  runNow(): Promise<void> {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
      if (this.#started) this.#schedule(this.#nextDelay());
    });
    return this.#running;
  }

  async #run(): Promise<void> {
    clearTimeout(this.#timer);
    try {
      await this.#task();
      this.#consecutiveFailures = 0;
      this.#retryAfterMs = undefined;
    } catch (error) {
      this.#consecutiveFailures += 1;
      this.#retryAfterMs = error instanceof ChatError ? error.retryAfterMs : undefined;
      this.#onError(error);
      // A signed-out session will not recover by polling; the owner restarts after sign-in.
      if (isTeamsError(error, 'signed-out') || isTeamsError(error, 'interaction-required')) this.stop();
    }
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.runNow(), delayMs);
  }

  #nextDelay(): number {
    return nextPollDelay(this.#policy, {
      hidden: this.#hidden(),
      consecutiveFailures: this.#consecutiveFailures,
      retryAfterMs: this.#retryAfterMs,
    });
  }

  #hidden(): boolean {
    return this.#page?.visibilityState === 'hidden';
  }
}
