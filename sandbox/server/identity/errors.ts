import type { SandboxContext } from '../context.js';
import type { Fault } from '../faults.js';

/**
 * Builds an error of the Communication Services identity API, in its wire shape
 * `{ "error": { "code", "message", "target"? } }`. Public recordings of the real service show
 * `InvalidAccessToken` (401) for an invalid or expired Teams token, `ValidationError` (400) with
 * `target` `appId` or `userId` for a mismatch, and `Denied` (401) for a failed HMAC check. The
 * messages here are the sandbox's own words.
 */
export function identityError(
  context: SandboxContext,
  request: Request,
  status: number,
  error: { code: string; message: string; target?: string },
  headers: Record<string, string> = {},
): Response {
  context.log.rejected(request, status, `${error.code}: ${error.message}`);
  return Response.json({ error }, { status, headers });
}

/**
 * Default error bodies for armed faults, by status.
 * NOTE: the codes for 403, 429 and 5xx are assumptions; no public recording of them was found.
 */
const faultErrors: Record<number, { code: string; message: string }> = {
  400: { code: 'ValidationError', message: 'The request is invalid (sandbox fault).' },
  401: { code: 'InvalidAccessToken', message: 'The access token is not valid (sandbox fault).' },
  403: { code: 'Forbidden', message: 'The exchange is not allowed (sandbox fault).' },
  429: { code: 'TooManyRequests', message: 'Too many requests (sandbox fault).' },
  500: { code: 'InternalServerError', message: 'The service failed (sandbox fault).' },
  503: { code: 'ServiceUnavailable', message: 'The service is unavailable (sandbox fault).' },
};

/** Builds the response for a fault armed with a status: its body, or the default body for the status. */
export function faultResponse(context: SandboxContext, request: Request, fault: Fault & { status: number }): Response {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);

  if (fault.body !== undefined) {
    context.log.rejected(request, fault.status, 'armed fault with a custom body');
    return Response.json(fault.body, { status: fault.status, headers });
  }
  const error = faultErrors[fault.status] ?? { code: `Status${fault.status}`, message: `Sandbox fault with status ${fault.status}.` };
  return identityError(context, request, fault.status, error, headers);
}
