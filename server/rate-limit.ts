/** A request budget: at most `limit` requests per `windowMs` milliseconds for one key. */
export interface RateLimitWindow {
  limit: number;
  windowMs: number;
}

/** The result of counting one request. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * An in-memory fixed-window counter per key. A window starts at a key's first request and lasts
 * `windowMs`; requests beyond `limit` in it are refused until it ends.
 *
 * NOTE: the counts live in this process only. Behind several instances each instance allows the
 * full budget, so the effective limit is `limit` times the instance count.
 */
export class FixedWindowRateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #windows = new Map<string, { startedAt: number; count: number }>();

  /** `maxKeys` bounds memory: past it, expired windows are dropped first, then the oldest ones. */
  constructor(window: RateLimitWindow, maxKeys = 10_000) {
    if (!Number.isInteger(window.limit) || window.limit < 1) {
      throw new RangeError(`Rate limit ${window.limit} is invalid; use a whole number of requests of at least 1.`);
    }
    if (!Number.isFinite(window.windowMs) || window.windowMs <= 0) {
      throw new RangeError(`Rate limit window ${window.windowMs} ms is invalid; use a positive number of milliseconds.`);
    }
    this.#limit = window.limit;
    this.#windowMs = window.windowMs;
    this.#maxKeys = maxKeys;
  }

  /** Counts one request for `key` at time `now` (milliseconds) and returns whether it may proceed. */
  take(key: string, now: number): RateLimitDecision {
    let window = this.#windows.get(key);
    if (window === undefined || now - window.startedAt >= this.#windowMs) {
      this.#windows.delete(key);
      this.#makeRoom(now);
      window = { startedAt: now, count: 0 };
      this.#windows.set(key, window);
    }

    window.count += 1;
    if (window.count <= this.#limit) return { allowed: true };

    const remainingMs = window.startedAt + this.#windowMs - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
  }

  #makeRoom(now: number): void {
    if (this.#windows.size < this.#maxKeys) return;

    for (const [key, window] of this.#windows) {
      if (now - window.startedAt >= this.#windowMs) this.#windows.delete(key);
    }
    // A Map iterates in insertion order, so the first keys are the oldest windows.
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < this.#maxKeys) break;
      this.#windows.delete(key);
    }
  }
}
