import { parseLoopbackUrl } from '../loopback.js';
import type { ResponseMode } from './authorize-request.js';

/**
 * True for an absolute http or https URL on a loopback host, without a fragment: the redirect URIs
 * the sandbox's app registration accepts. Entra ID also rejects redirect URIs with a fragment.
 */
export function isLoopbackRedirectUri(value: string): boolean {
  return parseLoopbackUrl(value) !== undefined && !value.includes('#');
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
