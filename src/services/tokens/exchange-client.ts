import { TeamsError, isTeamsError } from '../errors.js';
import type { CommunicationAccessToken, ExchangeFunction, SessionAccount } from '../session/types.js';
import { raceWithAbort } from './abort.js';
import { systemClock, type Clock } from './clock.js';
import { ExchangeError, redactSecrets } from './exchange-error.js';
import { readExchangeHttpError } from './exchange-http-error.js';
import { readExchangeResult } from './exchange-result.js';

/**
 * Default time limit of one exchange, in milliseconds. It leaves room for an endpoint whose
 * identity client retries 5xx, which takes about 5 s with `@azure/communication-identity` 1.3.1.
 */
export const defaultExchangeTimeoutMs = 30_000;

/** Options of `ExchangeClient`. */
export interface ExchangeClientOptions {
  /**
   * Exchange endpoint URL, absolute or relative to the page, or a function that performs the
   * exchange. A URL must be `https:`, or `http:` on localhost, because the request carries the
   * user's Entra token.
   */
  exchange: string | ExchangeFunction;
  /** Time limit of one exchange in milliseconds. Default 30 000. */
  timeoutMs?: number;
  clock?: Clock;
  /** The `fetch` to send requests with. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** Parameters of one exchange besides the Entra token. */
export interface ExchangeContext {
  /** The signed-in account, passed on to an exchange function. */
  account: SessionAccount;
  /** Cancels the exchange; it then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Exchanges an Entra token for the Communication Services resource for a Communication Services
 * access token, at an endpoint URL or through a host's function.
 *
 * Every failure rejects with a `TeamsError`: an `ExchangeError` for the exchange itself, or the
 * exchange function's own `TeamsError`. The only exception is a cancellation through
 * `context.signal`, which rejects with the signal's reason. No message contains a token.
 */
export class ExchangeClient {
  readonly #exchangeFunction: ExchangeFunction | undefined;
  readonly #endpointUrl: URL | undefined;
  /** Subject of error messages: the endpoint URL without its query, or "The exchange function". */
  readonly #description: string;
  readonly #timeoutMs: number;
  readonly #clock: Clock;
  readonly #fetch: typeof fetch;

  constructor(options: ExchangeClientOptions) {
    if (typeof options.exchange === 'string') {
      this.#endpointUrl = resolveEndpointUrl(options.exchange);
      // The query can carry a secret such as an Azure Functions key, so messages leave it out.
      this.#description = `The exchange endpoint ${this.#endpointUrl.origin}${this.#endpointUrl.pathname}`;
    } else {
      this.#exchangeFunction = options.exchange;
      this.#description = 'The exchange function';
    }

    this.#timeoutMs = options.timeoutMs ?? defaultExchangeTimeoutMs;
    this.#clock = options.clock ?? systemClock;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Performs one exchange and returns the validated Communication Services access token. */
  async exchange(entraToken: string, context: ExchangeContext): Promise<CommunicationAccessToken> {
    context.signal?.throwIfAborted();

    // One controller cancels the request on the caller's abort and on the timeout alike.
    const controller = new AbortController();
    const seconds = this.#timeoutMs / 1000;
    const timeoutError = new ExchangeError(
      'exchange-unavailable',
      `${this.#description} timed out: no response within ${seconds} s. Check that it is running and reachable.`,
      { retryable: true },
    );
    const timer = this.#clock.setTimeout(() => controller.abort(timeoutError), this.#timeoutMs);
    const forwardAbort = (): void => controller.abort(context.signal?.reason);
    context.signal?.addEventListener('abort', forwardAbort, { once: true });

    try {
      const result =
        this.#endpointUrl === undefined
          ? await this.#callFunction(entraToken, context.account, controller.signal)
          : await this.#post(this.#endpointUrl, entraToken, controller.signal);
      return readExchangeResult(result, this.#description, this.#clock.now());
    } finally {
      this.#clock.clearTimeout(timer);
      context.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  async #post(url: URL, entraToken: string, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${entraToken}`, 'content-type': 'application/json' },
        body: '{}',
        // The Entra token is the only credential, so no cookies are sent. Responses are never cached.
        credentials: 'omit',
        cache: 'no-store',
        // An endpoint that redirects is misconfigured (often a login page in front of it), and
        // following the redirect could send the token to another URL.
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new ExchangeError(
        'exchange-unavailable',
        `${this.#description} could not be reached (network error, or its CORS settings do not allow this page's origin).`,
        { retryable: true, cause: error },
      );
    }

    if (response.type === 'opaqueredirect') {
      throw new ExchangeError(
        'exchange-failed',
        `${this.#description} responded with a redirect. Point the exchange URL at the endpoint itself.`,
      );
    }

    if (!response.ok) {
      throw await readExchangeHttpError(response, this.#description, entraToken, this.#clock.now());
    }

    try {
      return await response.json();
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new ExchangeError(
        'exchange-invalid-response',
        `${this.#description} responded ${response.status} with a body that is not JSON.`,
        { status: response.status, cause: error },
      );
    }
  }

  async #callFunction(entraToken: string, account: SessionAccount, signal: AbortSignal): Promise<unknown> {
    const exchangeFunction = this.#exchangeFunction!;
    try {
      // The race enforces the timeout and cancellation on a function that ignores its signal.
      return await raceWithAbort(Promise.resolve(exchangeFunction(entraToken, { account, signal })), signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (isTeamsError(error)) throw error;

      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new ExchangeError(
        'exchange-unavailable',
        `${this.#description} failed with ${redactSecrets(detail, [entraToken])}. Throw a TeamsError from it to report a specific failure.`,
        { retryable: true, cause: error },
      );
    }
  }
}

/** Resolves the endpoint URL against the page and rejects one that would send the token in clear text. */
function resolveEndpointUrl(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint, globalThis.location?.href);
  } catch (error) {
    throw new TeamsError('invalid-exchange-url', `The exchange URL "${endpoint}" is not a valid URL.`, { cause: error });
  }

  const loopbackHosts = ['localhost', '127.0.0.1', '[::1]'];
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.includes(url.hostname));
  if (!secure) {
    throw new TeamsError(
      'invalid-exchange-url',
      `The exchange URL ${url.origin}${url.pathname} must use https: (http: only on localhost), because requests to it carry the user's Entra token.`,
    );
  }
  return url;
}
