/**
 * How often a chat thread requests new and changed messages from Graph.
 *
 * Graph documents per-tenant limits of about 20 message reads a second for one app (subject to
 * change), shared by every user of the app in that tenant. So the interval is seconds, not
 * milliseconds, it grows when the user is idle or the tab is hidden, it backs off after failures,
 * and it honours `Retry-After`. `npm run bench` reports the resulting request rates.
 *
 * NOTE: the defaults are an estimate that keeps a tenant of a few hundred users with a chat open
 * under that limit. They were not measured against Graph's throttling, and larger tenants should
 * plug in a push channel (`ChatChangeChannel`).
 */
export interface PollPolicy {
  /** Interval while the page is visible and the user active, in milliseconds. */
  visibleIntervalMs: number;
  /** Interval while the page is visible but the user has been idle for `idleAfterMs`, in milliseconds. */
  idleIntervalMs: number;
  /** Time without keyboard, pointer or wheel input after which the user counts as idle, in milliseconds. */
  idleAfterMs: number;
  /** Interval while the page is hidden, in milliseconds. */
  hiddenIntervalMs: number;
  /** Interval while a push channel delivers changes, as a safety net for lost notifications, in milliseconds. */
  pushIntervalMs: number;
  /** Maximum wait after repeated failures, in milliseconds. */
  maximumBackoffMs: number;
}

export const defaultPollPolicy: PollPolicy = {
  visibleIntervalMs: 15_000,
  idleIntervalMs: 120_000,
  idleAfterMs: 120_000,
  // A hidden page catches up as soon as it becomes visible, so a long wait delays only what the
  // user would not see anyway.
  hiddenIntervalMs: 300_000,
  pushIntervalMs: 300_000,
  maximumBackoffMs: 300_000,
};

/** The mode that sets the poll interval. */
export type PollMode = 'visible' | 'idle' | 'hidden' | 'push';

/** What the next delay depends on. */
export interface PollState {
  hidden: boolean;
  /** True when the user has been idle for the policy's `idleAfterMs`. */
  idle?: boolean;
  /** True while a push channel delivers changes. */
  push?: boolean;
  /** Failed polls in a row; 0 after a success. */
  consecutiveFailures: number;
  /** `Retry-After` of the last failure, in milliseconds, when Graph sent one. */
  retryAfterMs: number | undefined;
}

/** Returns the mode a state polls in: push beats hidden, hidden beats idle. */
export function pollMode(state: PollState): PollMode {
  if (state.push) return 'push';
  if (state.hidden) return 'hidden';
  return state.idle ? 'idle' : 'visible';
}

/**
 * Returns the delay before the next poll, in milliseconds: the interval of the state's mode,
 * doubled for each failure in a row up to `maximumBackoffMs`, and never shorter than the
 * `Retry-After` Graph asked for.
 */
export function nextPollDelay(policy: PollPolicy, state: PollState): number {
  const intervals: Record<PollMode, number> = {
    visible: policy.visibleIntervalMs,
    idle: policy.idleIntervalMs,
    hidden: policy.hiddenIntervalMs,
    push: policy.pushIntervalMs,
  };
  const interval = intervals[pollMode(state)];
  const backoff = state.consecutiveFailures === 0 ? interval : Math.min(interval * 2 ** Math.min(state.consecutiveFailures, 10), policy.maximumBackoffMs);
  return Math.max(backoff, state.retryAfterMs ?? 0);
}
