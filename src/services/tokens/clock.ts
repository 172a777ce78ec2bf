/** Opaque handle of a scheduled timer, as `Clock.setTimeout` returns it. */
export type TimerHandle = unknown;

/**
 * The time source and timers of the token service. The service takes one as an option so that
 * tests can replace it with a fake clock and simulate hours of token lifetimes in milliseconds.
 */
export interface Clock {
  /** Wall-clock time in milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * Maximum delay `setTimeout` accepts (2^31 - 1 ms, about 24.8 days). A longer delay overflows and
 * the callback runs at once, so callers clamp to it.
 */
export const maximumTimerDelayMs = 2 ** 31 - 1;

/** The real clock: `Date.now()` and the global timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, Math.min(delayMs, maximumTimerDelayMs)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
