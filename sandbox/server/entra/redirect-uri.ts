import type { ResponseMode } from './authorize-request.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True for an absolute http or https URL on a loopback host, without a fragment: the redirect URIs
 * the sandbox's app registration accepts. Entra ID also rejects redirect URIs with a fragment.
 */
export function isLoopbackRedirectUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (value.includes('#')) return false;
  return loopbackHosts.has(url.hostname);
}

/** Adds the response parameters to the redirect URI's query or fragment. */
export function redirectUrlWith(redirectUri: string, responseMode: ResponseMode, parameters: URLSearchParams): string {
  const url = new URL(redirectUri);
  if (responseMode === 'fragment') {
    url.hash = parameters.toString();
  } else {
    for (const [name, value] of parameters) url.searchParams.append(name, value);
  }
  return url.href;
}

/** Creates a 302 redirect, with extra headers such as `set-cookie`. */
export function redirectResponse(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store', ...headers } });
}
