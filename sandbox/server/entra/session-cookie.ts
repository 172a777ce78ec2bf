/** Name of the cookie that keeps a user signed in to the emulated Entra ID, for `prompt=none`. */
export const sessionCookieName = 'sandbox-entra-session';

/** Reads a cookie from a request's `Cookie` header. */
export function readCookie(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() === name) return decodeURIComponent(pair.slice(separator + 1).trim());
  }
  return undefined;
}

/**
 * Builds the `Set-Cookie` value that starts a browser session. `SameSite=None` lets the hidden iframe of
 * MSAL's silent sign-in send it when the page is on another loopback origin.
 */
export function sessionCookie(sessionId: string): string {
  return `${sessionCookieName}=${encodeURIComponent(sessionId)}; Path=/; Secure; HttpOnly; SameSite=None`;
}

/** Builds the `Set-Cookie` value that ends the browser session. */
export function expiredSessionCookie(): string {
  return `${sessionCookieName}=; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=0`;
}
