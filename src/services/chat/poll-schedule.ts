/**
 * How often a chat thread requests new and changed messages from Graph.
 *
 * Graph documents per-tenant limits of about 20 message reads a second for one app (subject to
 * change), shared by every user of the app in that tenant. So the interval is seconds, not
 * milliseconds, it grows when the tab is hidden, and it backs off after failures.
 *
 * NOTE: the defaults are a first estimate for tenants with up to a few hundred open chats; they
 * were not measured against Graph's throttling.
 */
export interface PollPolicy {
  /** Interval while the page is visible, in milliseconds. */
  visibleIntervalMs: number;
  /** Interval while the page is hidden, in milliseconds. */
  hiddenIntervalMs: number;
  /** Maximum wait after repeated failures, in milliseconds. */
  maximumBackoffMs: number;
}

export const defaultPollPolicy: PollPolicy = {
  visibleIntervalMs: 10_000,
  hiddenIntervalMs: 60_000,
  maximumBackoffMs: 300_000,
};

/** What the next delay depends on. */
export interface PollState {
  hidden: boolean;
  /** Failed polls in a row; 0 after a success. */
  consecutiveFailures: number;
  /** `Retry-After` of the last failure, in milliseconds, when Graph sent one. */
  retryAfterMs: number | undefined;
}

/**
 * Returns the delay before the next poll, in milliseconds: the visible or hidden interval,
 * doubled for each failure in a row up to `maximumBackoffMs`, and never shorter than the
 * `Retry-After` Graph asked for.
 */
export function nextPollDelay(policy: PollPolicy, state: PollState): number {
  const interval = state.hidden ? policy.hiddenIntervalMs : policy.visibleIntervalMs;
  const backoff = state.consecutiveFailures === 0 ? interval : Math.min(interval * 2 ** Math.min(state.consecutiveFailures, 10), policy.maximumBackoffMs);
  return Math.max(backoff, state.retryAfterMs ?? 0);
}
