import { Client, RetryHandlerOptions, type MiddlewareOptions } from '@microsoft/microsoft-graph-client';

import { TeamsError } from '../errors.js';
import { defaultGraphBaseUrl } from '../session/defaults.js';
import type { SessionApi } from '../session/types.js';
import { toChatError } from './chat-error.js';

/**
 * A Graph client that takes its access tokens from one session, and turns every failure into a
 * `TeamsError`.
 *
 * The base URL is the session's `graphBaseUrl` (a relative URL resolves against the page), else
 * Microsoft Graph. The Graph client attaches the token only to Graph's own hosts and to
 * `customHosts`, which hold host names without a port, and only over https.
 */
export class GraphConnection {
  readonly client: Client;

  /** The Graph base URL in use: absolute, https, with a trailing slash. */
  readonly baseUrl: string;

  /**
   * The session's error from the last failed token request. The Graph client wraps it in a
   * `GraphError` that loses the `TeamsError` code, so `request()` reads it from here.
   */
  #tokenError: unknown;

  constructor(session: SessionApi) {
    this.baseUrl = resolveBaseUrl(session.options?.graphBaseUrl);
    this.client = Client.initWithMiddleware({
      authProvider: {
        getAccessToken: async () => {
          try {
            const token = await session.getGraphToken();
            this.#tokenError = undefined;
            return token;
          } catch (error) {
            this.#tokenError = error;
            throw error;
          }
        },
      },
      baseUrl: this.baseUrl,
      customHosts: new Set([new URL(this.baseUrl).hostname]),
    });
  }

  /**
   * Runs one Graph call. A failure is rethrown as a `TeamsError` whose message starts with
   * `action`, such as "Listing chats".
   */
  async request<T>(action: string, run: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await run(this.client);
    } catch (error) {
      throw toChatError(error, action, this.#tokenError);
    }
  }
}

/**
 * Middleware options that turn off the Graph client's own retries of 429, 503 and 504 for one
 * request. Polls use them so that the poller gets `Retry-After` at once and shows the slowed-down
 * state. Sends use them because a retried POST after a lost response could store a message twice,
 * so the outbox retries instead, after checking whether the first attempt arrived.
 */
export function withoutRetries(): MiddlewareOptions[] {
  return [new RetryHandlerOptions(0, 0)];
}

function resolveBaseUrl(configured: string | undefined): string {
  const pageUrl = typeof document === 'undefined' ? undefined : document.baseURI;
  let url: URL;
  try {
    url = new URL(configured ?? defaultGraphBaseUrl, pageUrl);
  } catch {
    throw new TeamsError('configuration-invalid', `The Graph base URL "${configured}" is not a URL. Use an absolute https URL such as ${defaultGraphBaseUrl}, or leave it out.`);
  }
  if (url.protocol !== 'https:') {
    throw new TeamsError('configuration-invalid', `The Graph base URL "${url.href}" must use https:, because the Graph client sends the access token only over https.`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
