import { signallingPath } from './protocol.js';

let override: URL | undefined;

/**
 * Sets the signalling socket's URL for call agents created from now on; `undefined` restores the
 * default. Tests need it because they load this module from the test server's origin, not the
 * sandbox's.
 */
export function setSignallingUrl(url: string | URL | undefined): void {
  override = url === undefined ? undefined : new URL(url);
}

/**
 * Returns the signalling socket's URL: the override, else `/calling/signal` on the origin this
 * module was served from (the sandbox serves it at `/sandbox/calling.js`). The module's own URL
 * rather than the page's, so a page on another origin that imports the module from the sandbox
 * reaches the sandbox's socket. A copy of the module served from elsewhere needs the override.
 */
export function signallingUrl(): URL {
  const url = new URL(override ?? new URL(signallingPath, import.meta.url));
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol === 'http:') url.protocol = 'ws:';
  return url;
}
