import { exchangeErrors, type ExchangeErrorBody, type ExchangeErrorCode } from './error-codes.js';

/**
 * The reason the endpoint rejects a request: the code and message sent to the client. A class
 * rather than a plain object, so that `instanceof` distinguishes it from a parsed body that
 * happens to have `code` and `message` fields.
 */
export class Rejection {
  constructor(
    readonly code: ExchangeErrorCode,
    /** The problem and the fix, sent to the client and logged, so it must never contain a token. */
    readonly message: string,
    /** Extra response headers, such as `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {}
}

/** Creates a rejection. */
export function reject(code: ExchangeErrorCode, message: string, headers?: Record<string, string>): Rejection {
  return new Rejection(code, message, headers);
}

/**
 * Builds the JSON error response for a rejection, with the status from the error-code table.
 * Every 401 carries `WWW-Authenticate`, as RFC 6750 requires of a bearer-token resource.
 */
export function rejectionResponse(rejection: Rejection, corsHeaders: Record<string, string>): Response {
  const status = exchangeErrors[rejection.code];
  const headers: Record<string, string> = {
    ...corsHeaders,
    'cache-control': 'no-store',
    ...rejection.headers,
  };

  if (status === 401) {
    headers['www-authenticate'] =
      rejection.code === 'MissingAuthorization' ? 'Bearer' : 'Bearer error="invalid_token"';
  }

  const body: ExchangeErrorBody = { error: { code: rejection.code, message: rejection.message } };
  return Response.json(body, { status, headers });
}
