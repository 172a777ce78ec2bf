/**
 * Loopback checks shared by the sandbox's routes. The sandbox is a development server on this
 * machine, so it trusts pages, redirect URIs and module importers on loopback hosts only.
 */

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Parses `value` as an `http` or `https` URL on a loopback host and port, or returns `undefined`. */
export function parseLoopbackUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return loopbackHosts.has(url.hostname) ? url : undefined;
}

/** True for an origin (scheme, host and port only) on a loopback host, such as `http://localhost:8906`. */
export function isLoopbackOrigin(origin: string): boolean {
  return parseLoopbackUrl(origin)?.origin === origin;
}
