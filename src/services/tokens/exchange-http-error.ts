import { ExchangeError, redactSecrets } from './exchange-error.js';

/** Maximum length of the excerpt of a server's error message that an `ExchangeError` message includes. */
const maximumServerMessageLength = 300;

/** Error body of the exchange endpoint, `{ error: { code, message } }`, with the fields that are strings. */
interface ServerError {
  code: string | undefined;
  message: string | undefined;
}

/**
 * Converts an exchange endpoint's error response (any status outside 200-299) into an
 * `ExchangeError`. The message starts with `description` (which names the endpoint URL), gives the
 * status and the server's code, and includes the server's own message with JWTs and `entraToken`
 * redacted.
 */
export async function readExchangeHttpError(
  response: Response,
  description: string,
  entraToken: string,
  now: number,
): Promise<ExchangeError> {
  const status = response.status;
  const serverError = await readServerError(response);
  const serverCode = serverError.code;
  const codeText = serverCode === undefined ? '' : ` ${serverCode}`;
  // The server's message usually ends with a period, and a sentence of ours follows it.
  const serverText =
    serverError.message === undefined ? '' : `: ${serverError.message.slice(0, maximumServerMessageLength).replace(/[\s.]+$/, '')}`;
  const summary = redactSecrets(`${description} responded ${status}${codeText}${serverText}`, [entraToken]);
  const base = { status, ...(serverCode === undefined ? {} : { serverCode }) };

  if (status === 401) {
    return new ExchangeError(
      'exchange-unauthorized',
      `${summary}. The endpoint rejected the Entra token. Sign in again, and check that the token is for the Communication Services resource.`,
      base,
    );
  }

  if (status === 403) {
    return new ExchangeError(
      'exchange-forbidden',
      `${summary}. The endpoint's policy does not allow this user, tenant, app or origin.`,
      base,
    );
  }

  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    const when = retryAfterMs === undefined ? 'later' : `in ${Math.ceil(retryAfterMs / 1000)} s`;
    return new ExchangeError('exchange-throttled', `${summary}. Too many requests. Try again ${when}.`, {
      ...base,
      retryable: true,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  if (status >= 500) {
    return new ExchangeError('exchange-unavailable', `${summary}. Try again later.`, { ...base, retryable: true });
  }

  return new ExchangeError('exchange-failed', `${summary}. Check the exchange endpoint URL and its configuration.`, base);
}

/**
 * Parses a `Retry-After` header, either delay seconds or an HTTP date, into milliseconds from
 * `now`. Returns `undefined` when the header is missing or unreadable.
 *
 * NOTE: a browser only exposes `Retry-After` of a cross-origin response when the endpoint lists it
 * in `Access-Control-Expose-Headers`.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;

  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;

  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

async function readServerError(response: Response): Promise<ServerError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A proxy or platform error page is usually HTML, so the status is all there is.
    return { code: undefined, message: undefined };
  }

  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  };
}
