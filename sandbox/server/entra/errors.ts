import { randomUUID } from 'node:crypto';

import type { SandboxContext } from '../context.js';
import { corsHeaders } from '../http.js';
import { escapeHtml, renderPage } from './page.js';

/**
 * An Entra ID error: the OAuth `error` value, the AADSTS number and the sandbox's description.
 *
 * NOTE: the AADSTS numbers follow Microsoft's published error-code reference and public logs of
 * real responses; the descriptions are the sandbox's own words. Microsoft's table does not list
 * the `error` value that comes with AADSTS28000, so `invalid_request` is an assumption.
 */
export interface EntraError {
  error: string;
  code: number;
  description: string;
  /** `suberror` that Entra adds to some `invalid_grant` responses, such as `consent_required`. */
  suberror?: string;
}

/** Builds an `EntraError`, for call sites that read as a table of codes. */
export function entraError(error: string, code: number, description: string, suberror?: string): EntraError {
  return suberror === undefined ? { error, code, description } : { error, code, description, suberror };
}

/** Entra's timestamp format, as in `2024-05-24 11:46:29Z`. */
function entraTimestamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** Creates the ids and time Entra appends to every error description. */
function errorTrace(request: Request): { traceId: string; correlationId: string; timestamp: string } {
  return {
    traceId: randomUUID(),
    // Entra echoes the caller's `client-request-id` as the correlation id; MSAL sends one.
    correlationId: request.headers.get('client-request-id') ?? randomUUID(),
    timestamp: entraTimestamp(new Date()),
  };
}

function describe(error: EntraError, trace: ReturnType<typeof errorTrace>): string {
  return `AADSTS${error.code}: ${error.description} Trace ID: ${trace.traceId} Correlation ID: ${trace.correlationId} Timestamp: ${trace.timestamp}`;
}

/**
 * Returns a token-endpoint error in Entra's JSON shape (`error`, `error_description`, `error_codes`,
 * `timestamp`, `trace_id`, `correlation_id`), with CORS headers so that MSAL can read it.
 */
export function entraErrorResponse(
  context: SandboxContext,
  request: Request,
  status: number,
  error: EntraError,
  headers: Record<string, string> = {},
): Response {
  context.log.rejected(request, status, `${error.error} AADSTS${error.code}: ${error.description}`);
  const trace = errorTrace(request);
  const body: Record<string, unknown> = {
    error: error.error,
    error_description: describe(error, trace),
    error_codes: [error.code],
    timestamp: trace.timestamp,
    trace_id: trace.traceId,
    correlation_id: trace.correlationId,
  };
  if (error.suberror !== undefined) body['suberror'] = error.suberror;

  return Response.json(body, {
    status,
    headers: { ...corsHeaders(request), 'cache-control': 'no-store', ...headers },
  });
}

/**
 * Builds the parameters Entra appends to the redirect URI when an authorization request fails after the
 * redirect URI was validated: `error`, `error_description` and the request's `state`.
 */
export function errorRedirectParameters(request: Request, error: EntraError, state: string | undefined): URLSearchParams {
  const parameters = new URLSearchParams({ error: error.error, error_description: describe(error, errorTrace(request)) });
  if (error.suberror !== undefined) parameters.set('error_subcode', error.suberror);
  if (state !== undefined) parameters.set('state', state);
  return parameters;
}

/**
 * Renders the error page Entra shows in the browser when it cannot send the user back to the app, for
 * example for an unknown client id or a redirect URI that is not registered.
 */
export function entraErrorPage(context: SandboxContext, request: Request, status: number, error: EntraError): Response {
  context.log.rejected(request, status, `${error.error} AADSTS${error.code}: ${error.description}`);
  const trace = errorTrace(request);
  const html = renderPage({
    title: 'Sign in failed',
    body: `
      <h1>Sorry, we can't sign you in</h1>
      <p class="error" role="alert">AADSTS${error.code}: ${escapeHtml(error.description)}</p>
      <dl>
        <dt>Error</dt><dd>${escapeHtml(error.error)}</dd>
        <dt>Trace ID</dt><dd>${trace.traceId}</dd>
        <dt>Correlation ID</dt><dd>${escapeHtml(trace.correlationId)}</dd>
        <dt>Timestamp</dt><dd>${trace.timestamp}</dd>
      </dl>
      <p>This is the sandbox's emulated Entra ID. Close this window and check the app's configuration.</p>`,
  });
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
