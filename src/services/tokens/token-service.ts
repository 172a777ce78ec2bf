import { TeamsError, isTeamsError } from '../errors.js';
import { communicationScopes } from '../session/defaults.js';
import type {
  CommunicationAccessToken,
  EntraToken,
  EntraTokenProvider,
  ExchangeFunction,
  SessionAccount,
} from '../session/types.js';
import { raceWithAbort } from './abort.js';
import { maximumTimerDelayMs, systemClock, type Clock, type TimerHandle } from './clock.js';
import { TokenServiceCredential } from './credential.js';
import { ExchangeClient } from './exchange-client.js';
import { ExchangeError } from './exchange-error.js';
import { browserPageLifecycle, type PageLifecycle, type ResumeReason } from './page-lifecycle.js';
import {
  defaultRefreshPolicy,
  expiresInsideRefreshWindow,
  proactiveRefreshDelay,
  retryDelay,
  type RefreshPolicy,
} from './refresh-schedule.js';
import type { RefreshFailedDetail, RefreshReason, TokenRefreshedDetail, TokenServiceEventMap } from './token-events.js';
import { TypedEventTarget } from './typed-event-target.js';

/** Scopes of the Entra token for the Communication Services resource that a Teams user exchanges. */
export const communicationServicesScopes: readonly string[] = communicationScopes;

/** Destination of the service's log messages, which never contain a token. */
export interface TokenServiceLogger {
  debug(message: string): void;
  warn(message: string): void;
}

/** Options of `CommunicationTokenService`. */
export interface CommunicationTokenServiceOptions {
  /** Source of Entra tokens, normally the MSAL sign-in service. */
  entraTokenProvider: EntraTokenProvider;
  /** Exchange endpoint URL, or a function that performs the exchange. */
  exchange: string | ExchangeFunction;
  /** The signed-in account, passed on to an exchange function. */
  account: SessionAccount;
  /** Scopes to request from Entra. Default: `communicationServicesScopes`. */
  scopes?: readonly string[];
  /** Time limit of one exchange in milliseconds. Default 30 000. */
  exchangeTimeoutMs?: number;
  /** Changes to `defaultRefreshPolicy`. */
  refreshPolicy?: Partial<RefreshPolicy>;
  clock?: Clock;
  /** Source of jitter, a number in [0, 1). Default `Math.random`. */
  random?: () => number;
  /**
   * Page events after which the service rechecks its token. Default: `visibilitychange` and
   * `online` of the page. `null` turns the rechecks off.
   */
  pageLifecycle?: PageLifecycle | null;
  /** The `fetch` for an exchange URL. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Default: `console`. `null` turns logging off. */
  logger?: TokenServiceLogger | null;
}

/** Options of `CommunicationTokenService.getToken`. */
export interface GetTokenOptions {
  /** Releases this caller; an exchange that other callers share goes on. */
  signal?: AbortSignal;
  /**
   * Exchanges again even when the cached token is still valid, for example after the token was
   * rejected. An exchange already in flight is joined instead.
   */
  forceRefresh?: boolean;
}

/**
 * Exchanges, caches and refreshes the Communication Services access token of one signed-in account.
 *
 * - One exchange at a time: concurrent callers share the exchange in flight.
 * - The token is kept in memory only. It is never stored, logged or put into an event.
 * - A proactive refresh runs before expiry (see `RefreshPolicy`). After a failure the service
 *   retries with exponential backoff and jitter until the cached token expires. It stops after
 *   `interaction-required` (the user must sign in) and `exchange-forbidden` (retrying cannot
 *   change the policy), and starts again with the next successful `getToken`.
 * - When MSAL returns an Entra token that expires inside the refresh window, the service requests
 *   a new one with `forceRefresh`. Exchanging the old one would give a token that expires with it,
 *   which would make every refresh due at once.
 * - When the page becomes visible or comes back online, a refresh that is due runs at once,
 *   because timers run late or not at all in hidden tabs and during sleep.
 * - A failed exchange caches nothing. A background failure is reported through `refresh-failed`
 *   and the logger, and never becomes an unhandled promise rejection.
 *
 * @fires token-refreshed - A new token is cached. Detail: `TokenRefreshedDetail`.
 * @fires refresh-failed - An exchange or the Entra token request failed. Detail: `RefreshFailedDetail`.
 */
export class CommunicationTokenService extends TypedEventTarget<TokenServiceEventMap> {
  readonly #entraTokenProvider: EntraTokenProvider;
  readonly #exchangeClient: ExchangeClient;
  readonly #account: SessionAccount;
  readonly #scopes: readonly string[];
  readonly #policy: RefreshPolicy;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #logger: TokenServiceLogger | null;
  readonly #removeResumeListener: () => void;

  #token: CommunicationAccessToken | undefined;
  #pendingExchange: Promise<CommunicationAccessToken> | undefined;
  #exchangeController: AbortController | undefined;
  #timer: TimerHandle | undefined;
  /** Wall-clock time at which the timer should fire. A resume compares it with `now()`, because timers run late after sleep. */
  #nextAttemptTimestamp: number | undefined;
  #failures = 0;
  #refreshStopped = false;
  #disposed = false;
  #credential: TokenServiceCredential | undefined;

  constructor(options: CommunicationTokenServiceOptions) {
    super();
    this.#entraTokenProvider = options.entraTokenProvider;
    this.#account = options.account;
    this.#scopes = options.scopes ?? communicationServicesScopes;
    this.#policy = { ...defaultRefreshPolicy, ...options.refreshPolicy };
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#logger = options.logger === undefined ? console : options.logger;
    this.#exchangeClient = new ExchangeClient({
      exchange: options.exchange,
      clock: this.#clock,
      ...(options.exchangeTimeoutMs === undefined ? {} : { timeoutMs: options.exchangeTimeoutMs }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });

    const pageLifecycle = options.pageLifecycle === undefined ? defaultPageLifecycle() : options.pageLifecycle;
    this.#removeResumeListener = pageLifecycle?.onResume((reason) => this.#handleResume(reason)) ?? (() => {});
  }

  /**
   * A `CommunicationTokenCredential` for `createTeamsCallAgent`, shared by every call agent of the
   * session. Each call of its `getToken` calls this service, so refreshed tokens reach the agents.
   * Use `new TokenServiceCredential(service)` for a credential that is disposed on its own.
   */
  get credential(): TokenServiceCredential {
    this.#credential ??= new TokenServiceCredential(this);
    return this.#credential;
  }

  /** True after `dispose()`. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /**
   * Returns the cached Communication Services access token while it is valid, and otherwise
   * exchanges a new one (or joins the exchange in flight). Rejects with a `TeamsError`, such as an
   * `ExchangeError`, `interaction-required` from the Entra token provider, or
   * `token-service-disposed`; or with `signal.reason` when `signal` aborts.
   */
  getToken(options: GetTokenOptions = {}): Promise<CommunicationAccessToken> {
    if (this.#disposed) return Promise.reject(disposedError());
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);

    const cached = this.#token;
    if (!options.forceRefresh && cached !== undefined && this.#isUsable(cached)) {
      return Promise.resolve(cached);
    }

    return raceWithAbort(this.#refresh('request'), options.signal);
  }

  /** Stops timers and page listeners, cancels the exchange in flight and clears the token. */
  dispose(): void {
    if (this.#disposed) return;

    this.#disposed = true;
    this.#clearTimer();
    this.#removeResumeListener();
    this.#exchangeController?.abort(disposedError());
    this.#token = undefined;
  }

  /** Starts an exchange, or returns the one in flight. Every caller shares its result. */
  #refresh(reason: RefreshReason): Promise<CommunicationAccessToken> {
    if (this.#pendingExchange !== undefined) return this.#pendingExchange;

    this.#clearTimer();
    const controller = new AbortController();
    this.#exchangeController = controller;

    const pending = this.#acquireAndExchange(controller.signal).then(
      (token) => this.#acceptToken(token, reason),
      (error: unknown) => {
        throw this.#recordFailure(error, reason);
      },
    );
    this.#pendingExchange = pending;
    return pending;
  }

  /** Runs a refresh that no caller awaits. Its failure is reported by `#recordFailure`. */
  #refreshInBackground(reason: RefreshReason): void {
    this.#refresh(reason).catch(() => {
      // `#recordFailure` already reported the failure, and no caller awaits this promise.
    });
  }

  async #acquireAndExchange(signal: AbortSignal): Promise<CommunicationAccessToken> {
    const entraToken = await this.#acquireEntraToken();
    signal.throwIfAborted();
    return this.#exchangeClient.exchange(entraToken.accessToken, { account: this.#account, signal });
  }

  async #acquireEntraToken(): Promise<EntraToken> {
    const entraToken = await this.#requestEntraToken(false);
    if (!expiresInsideRefreshWindow(entraToken.expiresOnTimestamp, this.#clock.now(), this.#policy)) {
      return entraToken;
    }

    // MSAL keeps serving its cached token until about 5 minutes before expiry, which is inside
    // the refresh window. A forced refresh redeems the refresh token for a full-lifetime token.
    // NOTE: when Entra itself issues short tokens, the forced one is short as well. It is used
    // anyway, and the proactive refresh then runs at half its remaining lifetime.
    return this.#requestEntraToken(true);
  }

  async #requestEntraToken(forceRefresh: boolean): Promise<EntraToken> {
    const request = forceRefresh ? { scopes: [...this.#scopes], forceRefresh: true } : { scopes: [...this.#scopes] };
    try {
      return await this.#entraTokenProvider.acquireToken(request);
    } catch (error) {
      if (isTeamsError(error)) throw error;
      const name = error instanceof Error ? error.name : typeof error;
      throw new TeamsError(
        'entra-token-failed',
        `Acquiring the Entra token for the Communication Services resource failed (${name}).`,
        { retryable: true, cause: error },
      );
    }
  }

  #acceptToken(token: CommunicationAccessToken, reason: RefreshReason): CommunicationAccessToken {
    this.#pendingExchange = undefined;
    this.#exchangeController = undefined;
    if (this.#disposed) throw disposedError();

    this.#token = token;
    this.#failures = 0;
    this.#refreshStopped = false;

    const now = this.#clock.now();
    const delay = proactiveRefreshDelay(token.expiresOnTimestamp, now, this.#policy);
    this.#schedule(delay, 'scheduled');

    const detail: TokenRefreshedDetail = {
      expiresOnTimestamp: token.expiresOnTimestamp,
      nextRefreshTimestamp: now + delay,
      reason,
    };
    this.#logger?.debug(
      `Communication Services token refreshed (${reason}). It expires at ${isoTime(token.expiresOnTimestamp)}, and the next refresh is at ${isoTime(now + delay)}.`,
    );
    this.emit('token-refreshed', detail);
    return token;
  }

  /** Counts a failure, schedules the retry and reports it. Returns the error to reject callers with. */
  #recordFailure(error: unknown, reason: RefreshReason): TeamsError {
    this.#pendingExchange = undefined;
    this.#exchangeController = undefined;
    if (this.#disposed) return disposedError();

    const teamsError = isTeamsError(error)
      ? error
      : new TeamsError('token-refresh-failed', 'Refreshing the Communication Services token failed.', {
          retryable: true,
          cause: error,
        });
    this.#failures += 1;
    const retryDelayMs = this.#scheduleRetry(teamsError);

    // A caller of getToken receives the error itself, so only background failures are logged.
    if (reason !== 'request') {
      const next = retryDelayMs === undefined ? 'No further retry.' : `Retrying in ${Math.round(retryDelayMs / 1000)} s.`;
      this.#logger?.warn(
        `Refreshing the Communication Services token failed (${teamsError.code}, failure ${this.#failures}): ${teamsError.message} ${next}`,
      );
    }

    const detail: RefreshFailedDetail = { error: teamsError, reason, failures: this.#failures, retryDelayMs };
    this.emit('refresh-failed', detail);
    return teamsError;
  }

  /** Schedules the next attempt after a failure and returns its delay, or `undefined` when there is none. */
  #scheduleRetry(error: TeamsError): number | undefined {
    if (error.code === 'interaction-required' || error.code === 'exchange-forbidden') {
      this.#refreshStopped = true;
      return undefined;
    }

    // Retries run only while a token is cached. Without one, the failure went to the caller of
    // getToken, and the next call exchanges again.
    const token = this.#token;
    const now = this.#clock.now();
    if (token === undefined || token.expiresOnTimestamp <= now) return undefined;

    const retryAfterMs = error instanceof ExchangeError ? error.retryAfterMs : undefined;
    const backoff = retryDelay(this.#failures, this.#random, this.#policy, retryAfterMs);

    // The last attempt runs when the token expires. After that, retries stop.
    const delay = Math.min(backoff, token.expiresOnTimestamp - now);
    this.#schedule(delay, 'retry');
    return delay;
  }

  #schedule(delayMs: number, reason: RefreshReason): void {
    this.#clearTimer();
    const dueAt = this.#clock.now() + delayMs;
    this.#nextAttemptTimestamp = dueAt;

    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;

      // A delay beyond the timer maximum takes several timers.
      const remaining = dueAt - this.#clock.now();
      if (remaining > 0) {
        this.#schedule(remaining, reason);
        return;
      }

      this.#nextAttemptTimestamp = undefined;
      this.#refreshInBackground(reason);
    }, Math.min(delayMs, maximumTimerDelayMs));
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#nextAttemptTimestamp = undefined;
  }

  /**
   * Runs a refresh that is due when the page resumes. Coming back online also cuts a backoff
   * short, since being offline is the likely cause of the failures.
   */
  #handleResume(reason: ResumeReason): void {
    if (this.#disposed || this.#refreshStopped || this.#pendingExchange !== undefined) return;
    if (this.#token === undefined) return;

    // No attempt is planned once the retries ended with the token's expiry, so one is due.
    const next = this.#nextAttemptTimestamp;
    const due = next === undefined || this.#clock.now() >= next;
    const inBackoff = this.#failures > 0 && reason === 'online';
    if (!due && !inBackoff) return;

    this.#refreshInBackground('resume');
  }

  #isUsable(token: CommunicationAccessToken): boolean {
    return token.expiresOnTimestamp - this.#clock.now() > this.#policy.expiryMarginMs;
  }
}

function disposedError(): TeamsError {
  return new TeamsError(
    'token-service-disposed',
    'The Communication Services token service was disposed, for example at sign-out. Create a new one for the next account.',
  );
}

function defaultPageLifecycle(): PageLifecycle | null {
  return typeof document === 'undefined' ? null : browserPageLifecycle();
}

function isoTime(timestamp: number): string {
  return new Date(timestamp).toISOString();
}
