/** When the token service refreshes, and how it backs off after failures. Times in milliseconds. */
export interface RefreshPolicy {
  /**
   * How long before expiry a token is refreshed. A token with less than twice this much lifetime
   * left is refreshed at half its remaining lifetime instead. Default 10 minutes.
   */
  refreshWindowMs: number;
  /** Shortest delay before a proactive refresh, so that very short tokens cannot cause a refresh storm. Default 30 s. */
  minimumRefreshDelayMs: number;
  /**
   * Safety margin for clock skew: `getToken` exchanges again instead of returning a cached token
   * with less than this much lifetime left. Default 30 s.
   */
  expiryMarginMs: number;
  /** Delay before the first retry after a failed refresh. Each further failure doubles it. Default 5 s. */
  initialRetryDelayMs: number;
  /** Maximum retry delay before jitter. Default 5 minutes. */
  maximumRetryDelayMs: number;
  /** Random spread of each retry delay as a fraction of it: 0.2 spreads it over ±20 %. Default 0.2. */
  jitterRatio: number;
}

export const defaultRefreshPolicy: Readonly<RefreshPolicy> = {
  refreshWindowMs: 10 * 60_000,
  minimumRefreshDelayMs: 30_000,
  expiryMarginMs: 30_000,
  initialRetryDelayMs: 5_000,
  maximumRetryDelayMs: 5 * 60_000,
  jitterRatio: 0.2,
};

/** Returns the delay from `now` to the proactive refresh of a token that expires at `expiresOnTimestamp`. */
export function proactiveRefreshDelay(expiresOnTimestamp: number, now: number, policy: RefreshPolicy): number {
  const remaining = expiresOnTimestamp - now;
  const lead = Math.min(policy.refreshWindowMs, remaining / 2);
  return Math.max(policy.minimumRefreshDelayMs, remaining - lead);
}

/**
 * Returns the delay before the next attempt after `failures` consecutive failed refreshes (1 after
 * the first): exponential backoff with jitter from `random` (a number in [0, 1), like
 * `Math.random`), and never shorter than the server's `Retry-After`.
 */
export function retryDelay(
  failures: number,
  random: () => number,
  policy: RefreshPolicy,
  retryAfterMs: number | undefined,
): number {
  const exponential = Math.min(policy.maximumRetryDelayMs, policy.initialRetryDelayMs * 2 ** (failures - 1));
  const jitterFactor = 1 - policy.jitterRatio + 2 * policy.jitterRatio * random();
  return Math.max(Math.round(exponential * jitterFactor), retryAfterMs ?? 0);
}

/**
 * Tells whether an Entra token expires inside the refresh window. A Communication Services token
 * exchanged from it would expire with it and be due for refresh at once, so the service requests
 * a new Entra token from MSAL instead.
 */
export function expiresInsideRefreshWindow(expiresOnTimestamp: number, now: number, policy: RefreshPolicy): boolean {
  return expiresOnTimestamp - now <= policy.refreshWindowMs;
}
