import { randomUUID } from 'node:crypto';

import { corsHeaders } from '../http.js';

/**
 * Headers Graph sends with every response: `request-id`, and `client-request-id` echoing the
 * client's header (the Graph SDKs send one), so a test can match a response to its request.
 */
function requestIdHeaders(request: Request): { requestId: string; clientRequestId: string } {
  const requestId = randomUUID();
  return { requestId, clientRequestId: request.headers.get('client-request-id') ?? requestId };
}

/** Builds a successful Graph JSON response with CORS and request id headers. */
export function graphJson(request: Request, body: unknown, status = 200): Response {
  const { requestId, clientRequestId } = requestIdHeaders(request);
  return Response.json(body, {
    status,
    headers: { ...corsHeaders(request), 'request-id': requestId, 'client-request-id': clientRequestId },
  });
}

/** Builds Graph's empty success response, 204 No Content, with CORS and request id headers. */
export function graphNoContent(request: Request): Response {
  const { requestId, clientRequestId } = requestIdHeaders(request);
  return new Response(null, { status: 204, headers: { ...corsHeaders(request), 'request-id': requestId, 'client-request-id': clientRequestId } });
}

/**
 * Builds a Graph error response: `{ error: { code, message, innerError: { date, request-id,
 * client-request-id } } }`, the shape the Graph SDKs parse into `GraphError`.
 */
export function graphError(
  request: Request,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const { requestId, clientRequestId } = requestIdHeaders(request);
  const body = {
    error: {
      code,
      message,
      innerError: {
        // Graph writes the date without fractional seconds or zone, as in "2026-01-05T10:15:02".
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
  return Response.json(body, {
    status,
    headers: { ...corsHeaders(request), 'request-id': requestId, 'client-request-id': clientRequestId, ...headers },
  });
}

/** Graph's error code for an HTTP status, for faults armed without a body. */
export function defaultErrorCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BadRequest',
    401: 'InvalidAuthenticationToken',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    413: 'RequestEntityTooLarge',
    429: 'TooManyRequests',
    500: 'InternalServerError',
    502: 'BadGateway',
    503: 'ServiceUnavailable',
    504: 'GatewayTimeout',
  };
  return codes[status] ?? 'UnknownError';
}
