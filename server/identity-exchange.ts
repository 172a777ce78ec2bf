import {
  CommunicationIdentityClient,
  type CommunicationIdentityClientOptions,
} from '@azure/communication-identity';

import { reject, type Rejection } from './rejection.js';

/** The part of `CommunicationIdentityClient` the endpoint uses, so tests and hosts can inject one. */
export type TeamsTokenExchanger = Pick<CommunicationIdentityClient, 'getTokenForTeamsUser'>;

/** Arguments of `getTokenForTeamsUser`, taken from the checked Entra token. */
export interface TeamsTokenExchangeRequest {
  teamsUserAadToken: string;
  clientId: string;
  userObjectId: string;
}

/** The result of one call to Communication Services. */
export type ExchangeOutcome =
  | { ok: true; token: string; expiresOn: Date }
  /** `detail` is for the log: the upstream status and error code, never a token. */
  | { ok: false; rejection: Rejection; detail: string; level: 'warn' | 'error' };

/**
 * Creates the identity client from a connection string, with the SDK's retries turned off. By
 * default the SDK retries a 5xx up to three times over about five seconds, and a throttled request
 * after its Retry-After, while the browser's request stays open. The browser's exchange client
 * retries with backoff itself.
 */
export function createIdentityClient(
  connectionString: string,
  options: CommunicationIdentityClientOptions = {},
): TeamsTokenExchanger {
  return new CommunicationIdentityClient(connectionString, {
    ...options,
    retryOptions: { ...options.retryOptions, maxRetries: 0 },
  });
}

/**
 * Calls `getTokenForTeamsUser` within `timeoutMs` and checks the result, which the SDK does not
 * validate. The call is aborted when the time is up or when the client's request is aborted.
 * Every failure becomes a rejection, and nothing is thrown.
 */
export async function exchangeTeamsToken(
  client: TeamsTokenExchanger,
  request: TeamsTokenExchangeRequest,
  timeoutMs: number,
  requestSignal: AbortSignal,
): Promise<ExchangeOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const abortWithRequest = () => controller.abort();
  requestSignal.addEventListener('abort', abortWithRequest, { once: true });

  // Racing the abort as well covers an injected client that ignores `abortSignal`.
  const aborted = new Promise<never>((_, rejectPromise) => {
    controller.signal.addEventListener('abort', () => rejectPromise(new Error('aborted')), { once: true });
  });
  aborted.catch(() => undefined);

  try {
    const answer = await Promise.race([
      Promise.resolve().then(() => client.getTokenForTeamsUser({ ...request, abortSignal: controller.signal })),
      aborted,
    ]);
    return checkAnswer(answer);
  } catch (error) {
    if (timedOut) {
      return failure(
        reject('IdentityServiceUnavailable', `Communication Services did not answer within ${timeoutMs} ms. Retry in a few seconds.`),
        `no answer within ${timeoutMs} ms`,
        'error',
      );
    }
    if (requestSignal.aborted) {
      return failure(
        reject('IdentityServiceUnavailable', 'The request was aborted before Communication Services responded.'),
        'the client aborted the request',
        'warn',
      );
    }
    return mapIdentityError(error);
  } finally {
    clearTimeout(timer);
    requestSignal.removeEventListener('abort', abortWithRequest);
  }
}

/** Turns what the identity client threw into a rejection for the browser. */
export function mapIdentityError(error: unknown): ExchangeOutcome & { ok: false } {
  const restError = readRestError(error);
  if (restError === undefined) {
    return failure(
      reject('IdentityServiceError', 'The call to Communication Services failed unexpectedly. Retry later; if it persists, check the endpoint\'s log.'),
      `identity client threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      'error',
    );
  }

  const { statusCode, code, retryAfter } = restError;
  const detail =
    statusCode === undefined
      ? `no response from Communication Services (${code ?? 'unknown error'})`
      : `Communication Services answered ${statusCode}${code === undefined ? '' : ` ${code}`}`;

  if (statusCode === undefined) {
    return failure(
      reject('IdentityServiceUnavailable', 'Communication Services could not be reached. Retry in a few seconds.'),
      detail,
      'error',
    );
  }
  if (statusCode === 401 && code === 'InvalidAccessToken') {
    return failure(
      reject('TokenRejected', 'Communication Services found the Entra token invalid. Sign in again to get a new token.'),
      detail,
      'warn',
    );
  }
  if (statusCode === 401) {
    return failure(
      reject('IdentityServiceUnauthorized', 'Communication Services rejected this endpoint\'s credentials. The operator must check the connection string\'s endpoint and access key.'),
      detail,
      'error',
    );
  }
  if (statusCode === 400 || statusCode === 403) {
    return failure(
      reject('ExchangeRejected', `Communication Services refused to exchange the token (${code ?? statusCode}). Check that the user has a Teams license and the tenant has consented to the app.`),
      detail,
      'warn',
    );
  }
  if (statusCode === 429) {
    const headers = retryAfter === undefined ? undefined : { 'retry-after': retryAfter };
    const wait = retryAfter === undefined ? 'Retry later' : `Retry after ${retryAfter} seconds`;
    return failure(reject('TooManyRequests', `Communication Services is throttling token exchanges. ${wait}.`, headers), detail, 'warn');
  }
  return failure(
    reject('IdentityServiceError', `Communication Services failed with status ${statusCode}. Retry later.`),
    detail,
    'error',
  );
}

function checkAnswer(answer: unknown): ExchangeOutcome {
  const { token, expiresOn } = (answer ?? {}) as { token?: unknown; expiresOn?: unknown };
  const validToken = typeof token === 'string' && token !== '';
  const validExpiry = expiresOn instanceof Date && Number.isFinite(expiresOn.getTime()) && expiresOn.getTime() > Date.now();

  if (!validToken || !validExpiry) {
    return failure(
      reject('IdentityServiceError', 'Communication Services returned an invalid token or expiry. Retry later.'),
      `invalid response: ${validToken ? 'token present' : 'no token'}, ${validExpiry ? 'expiry valid' : 'expiresOn missing, invalid or past'}`,
      'error',
    );
  }
  return { ok: true, token, expiresOn };
}

/**
 * Reads a `RestError` of `@azure/core-rest-pipeline` by shape, because that package is not a
 * direct dependency: `statusCode` is missing when no response arrived (connection refused, TLS),
 * and `code` is the service's `error.code`.
 */
function readRestError(error: unknown): { statusCode: number | undefined; code: string | undefined; retryAfter: string | undefined } | undefined {
  if (!(error instanceof Error) || error.name !== 'RestError') return undefined;
  const fields = error as Error & {
    statusCode?: unknown;
    code?: unknown;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  return {
    statusCode: typeof fields.statusCode === 'number' ? fields.statusCode : undefined,
    code: typeof fields.code === 'string' ? fields.code : undefined,
    retryAfter: fields.response?.headers?.get?.('retry-after'),
  };
}

function failure(rejection: Rejection, detail: string, level: 'warn' | 'error'): ExchangeOutcome & { ok: false } {
  return { ok: false, rejection, detail, level };
}
