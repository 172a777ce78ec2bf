import { isTeamsError } from '../errors.js';
import type { ActivitySource } from './activity.js';
import { ChatError } from './chat-error.js';
import { defaultPollPolicy, nextPollDelay, pollMode, type PollMode, type PollPolicy, type PollState } from './poll-schedule.js';

/** The page's visibility, as `document` provides it; tests pass a fake. */
export interface VisibilitySource extends EventTarget {
  readonly visibilityState: DocumentVisibilityState;
}

/** The state of a poller, for elements to show and tests to check. */
export interface PollStatus {
  mode: PollMode;
  /** True while Graph's `Retry-After` (on a 429 or 503) delays the next poll. */
  slowedDown: boolean;
  /** Failed polls in a row. */
  consecutiveFailures: number;
  /** When the next poll runs, in milliseconds since the epoch; `undefined` when stopped. */
  nextRunAt: number | undefined;
}

/** Options of a `Poller`. */
export interface PollerOptions {
  policy?: Partial<PollPolicy>;
  page?: VisibilitySource;
  activity?: ActivitySource;
  onError?: (error: unknown) => void;
  /** Runs whenever `status` changes. */
  onStatus?: (status: PollStatus) => void;
}

/**
 * Runs a poll task on a timer, one run at a time. It runs slower while the user is idle or the
 * page is hidden, and slower still while a push channel is connected. It honours `Retry-After`,
 * backs off after failures, and runs once more as soon as the page becomes visible.
 */
export class Poller {
  readonly #task: () => Promise<void>;
  readonly #policy: PollPolicy;
  readonly #page: VisibilitySource | undefined;
  readonly #activity: ActivitySource | undefined;
  readonly #onError: (error: unknown) => void;
  readonly #onStatus: (status: PollStatus) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #started = false;
  #push = false;
  #consecutiveFailures = 0;
  #retryAfterMs: number | undefined;
  #status: PollStatus;

  readonly #handleVisibilityChange = (): void => {
    // Catch up at once when the user comes back, unless Graph asked us to wait.
    if (this.#started && !this.#hidden() && this.#retryAfterMs === undefined) this.#schedule(0);
    else this.#publish();
  };

  constructor(task: () => Promise<void>, options: PollerOptions = {}) {
    this.#task = task;
    this.#policy = { ...defaultPollPolicy, ...options.policy };
    this.#page = options.page ?? (typeof document === 'undefined' ? undefined : document);
    this.#activity = options.activity;
    this.#onError = options.onError ?? (() => undefined);
    this.#onStatus = options.onStatus ?? (() => undefined);
    this.#status = { mode: 'visible', slowedDown: false, consecutiveFailures: 0, nextRunAt: undefined };
  }

  get status(): PollStatus {
    return this.#status;
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
    this.#publish({ nextRunAt: undefined });
  }

  /** Switches between the push interval (a push channel is connected) and the normal ones. */
  set push(connected: boolean) {
    if (this.#push === connected) return;
    this.#push = connected;
    if (this.#started && this.#running === undefined) this.#schedule(this.#nextDelay());
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
    this.#publish({ nextRunAt: Date.now() + delayMs });
  }

  /** Updates `status`, keeping the time of the next run unless one is given. */
  #publish(change: { nextRunAt: number | undefined } = { nextRunAt: this.#status.nextRunAt }): void {
    const { nextRunAt } = change;
    this.#status = {
      mode: pollMode(this.#state()),
      slowedDown: this.#retryAfterMs !== undefined,
      consecutiveFailures: this.#consecutiveFailures,
      nextRunAt,
    };
    this.#onStatus(this.#status);
  }

  #nextDelay(): number {
    return nextPollDelay(this.#policy, this.#state());
  }

  #state(): PollState {
    const idle = this.#activity !== undefined && Date.now() - this.#activity.lastActivityAt() >= this.#policy.idleAfterMs;
    return {
      hidden: this.#hidden(),
      idle,
      push: this.#push,
      consecutiveFailures: this.#consecutiveFailures,
      retryAfterMs: this.#retryAfterMs,
    };
  }

  #hidden(): boolean {
    return this.#page?.visibilityState === 'hidden';
  }
}
