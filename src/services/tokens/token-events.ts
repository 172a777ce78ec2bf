import type { TeamsError } from '../errors.js';

/** Trigger of a refresh: a `getToken` call, the proactive timer, a retry after a failure, or a page resume. */
export type RefreshReason = 'request' | 'scheduled' | 'retry' | 'resume';

/** Detail of `token-refreshed`. The token itself is left out; call `getToken()` for it. */
export interface TokenRefreshedDetail {
  /** Expiry of the new Communication Services token, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
  /** When the service plans the next proactive refresh, in milliseconds since the epoch. */
  nextRefreshTimestamp: number;
  reason: RefreshReason;
}

/** Detail of `refresh-failed`. */
export interface RefreshFailedDetail {
  error: TeamsError;
  reason: RefreshReason;
  /** Consecutive failed refreshes, this one included. */
  failures: number;
  /**
   * Delay until the service retries on its own, in milliseconds, or `undefined` when it does not:
   * after `interaction-required` or `exchange-forbidden`, once the cached token has expired, or
   * when no token was cached.
   */
  retryDelayMs: number | undefined;
}

/** Events of `CommunicationTokenService`. */
export interface TokenServiceEventMap {
  'token-refreshed': CustomEvent<TokenRefreshedDetail>;
  'refresh-failed': CustomEvent<RefreshFailedDetail>;
}
