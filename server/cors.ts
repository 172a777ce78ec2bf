/** Browser origins allowed to call the endpoint: exact origins, or a predicate. */
export type OriginPolicy = readonly string[] | ((origin: string) => boolean);

/**
 * Decides whether a request's `Origin` may call the endpoint. A request without `Origin` comes
 * from a server or a tool, not a browser page, and is allowed because CORS does not apply to it.
 * The endpoint's own origin is always allowed, because browsers send `Origin` on same-origin POSTs.
 */
export function isOriginAllowed(origin: string | null, requestUrl: string, policy: OriginPolicy | undefined): boolean {
  if (origin === null) return true;
  if (origin === new URL(requestUrl).origin) return true;
  if (policy === undefined) return false;
  if (typeof policy !== 'function') return policy.includes(origin);

  try {
    return policy(origin);
  } catch {
    // A predicate that fails allows nothing, rather than failing the request.
    return false;
  }
}

/**
 * Headers that let an allowed page read the response. No credentials: the browser sends the token
 * in `Authorization`, never in a cookie.
 */
export function corsHeaders(origin: string | null): Record<string, string> {
  if (origin === null) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'retry-after, www-authenticate',
    vary: 'origin',
  };
}

/** Builds the response to a CORS preflight (`OPTIONS`) from an allowed origin. */
export function preflightResponse(origin: string | null): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
      allow: 'POST, OPTIONS',
    },
  });
}
