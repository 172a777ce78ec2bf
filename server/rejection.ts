import { exchangeErrors, type ExchangeErrorBody, type ExchangeErrorCode } from './error-codes.js';

/** Why the endpoint refuses a request: the code and message sent to the client. */
export interface Rejection {
  code: ExchangeErrorCode;
  /** What was wrong and what to do. Sent to the client and logged, so it must never contain a token. */
  message: string;
  /** Extra response headers, such as `Retry-After`. */
  headers?: Record<string, string>;
}

/** Creates a rejection. */
export function reject(code: ExchangeErrorCode, message: string, headers?: Record<string, string>): Rejection {
  return headers === undefined ? { code, message } : { code, message, headers };
}

/** Tells a rejection from other step results. */
export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/**
 * Builds the JSON error response for a rejection, with the status from the error-code table.
 * Every 401 carries `WWW-Authenticate` as RFC 6750 asks of a bearer-token resource.
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
