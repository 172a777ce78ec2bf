/** Helpers shared by the sandbox's emulators for building web-standard responses. */

/**
 * CORS headers that let any page on a loopback origin call an emulated Microsoft endpoint, as
 * the real Entra ID token endpoint and Microsoft Graph allow browser calls from any origin.
 */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  if (origin === null) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers':
      request.headers.get('access-control-request-headers') ?? 'authorization, content-type',
    'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
    'access-control-expose-headers': 'retry-after, request-id, client-request-id, location',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

/** A 204 answer to a CORS preflight request. */
export function preflight(request: Request): Response {
  return new Response(null, { status: 204, headers: corsHeaders(request) });
}

/** A JSON response with CORS headers for the request's origin. */
export function jsonResponse(request: Request, body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...corsHeaders(request), ...headers } });
}

/** Reads a request's `Authorization: Bearer` token, or `undefined` when there is none. */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}
