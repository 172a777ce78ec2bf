import type { SandboxContext } from '../context.js';
import type { RouteHandler } from '../router.js';
import type { EntraGrants } from './grants.js';
import { renderPage } from './page.js';
import { isLoopbackRedirectUri, redirectResponse } from './redirect-uri.js';
import { expiredSessionCookie, readCookie, sessionCookieName } from './session-cookie.js';

/**
 * `GET /{tenant}/oauth2/v2.0/logout`: ends the browser session, then returns to
 * `post_logout_redirect_uri` (with `state`) when it is a loopback URL, or shows a signed-out page.
 * The kit signs out by clearing MSAL's cache and never calls this; MSAL's `logoutPopup` and
 * `logoutRedirect` do.
 */
export function logoutEndpoint(context: SandboxContext, grants: EntraGrants): RouteHandler {
  return (request) => {
    grants.endSession(readCookie(request, sessionCookieName));
    const headers = { 'set-cookie': expiredSessionCookie() };

    const parameters = new URL(request.url).searchParams;
    const postLogoutRedirectUri = parameters.get('post_logout_redirect_uri');
    if (postLogoutRedirectUri !== null && isLoopbackRedirectUri(postLogoutRedirectUri)) {
      const target = new URL(postLogoutRedirectUri);
      const state = parameters.get('state');
      if (state !== null) target.searchParams.set('state', state);
      return redirectResponse(target.href, headers);
    }
    if (postLogoutRedirectUri !== null) {
      context.log.rejected(request, 200, 'post_logout_redirect_uri is not a loopback URL; showing the signed-out page');
    }

    const html = renderPage({
      title: 'Signed out',
      body: '<h1>You signed out of your account</h1><p>It is a good idea to close all browser windows.</p>',
    });
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers } });
  };
}
