import { randomUUID } from 'node:crypto';

import type { SandboxContext } from '../context.js';
import { users, type SandboxUser } from '../directory.js';
import type { RouteHandler } from '../router.js';
import { renderAccountPicker } from './account-picker-page.js';
import { validateAuthorizeRequest, type AuthorizeRequest } from './authorize-request.js';
import { entraError, entraErrorPage, errorRedirectParameters, type EntraError } from './errors.js';
import type { EntraGrants } from './grants.js';
import { clientInfo } from './id-token.js';
import { redirectResponse, redirectUrlWith } from './redirect-uri.js';
import { readCookie, sessionCookie, sessionCookieName } from './session-cookie.js';
import { acceptsUser } from './tenants.js';

/**
 * `GET` and `POST /{tenant}/oauth2/v2.0/authorize`. A request shows the account picker, or with
 * `prompt=none` responds at once from the browser session. A `POST` that carries a picker id is
 * the user's choice on that page; any other `POST` is an authorization request sent as a form.
 */
export function authorizeEndpoint(context: SandboxContext, grants: EntraGrants): RouteHandler {
  return async (request, params) => {
    const tenantSegment = params['tenant']!;
    let parameters = new URL(request.url).searchParams;

    if (request.method === 'POST') {
      parameters = new URLSearchParams(await request.text());
      const pickerId = parameters.get('picker');
      if (pickerId !== null) return completePicker(context, grants, request, pickerId, parameters);
    }

    const validation = validateAuthorizeRequest(tenantSegment, parameters, context.app);
    if (validation.outcome === 'error-page') return entraErrorPage(context, request, validation.status, validation.error);
    if (validation.outcome === 'error-redirect') {
      context.log.rejected(request, 302, `${validation.error.error} AADSTS${validation.error.code}: ${validation.error.description}`);
      const query = errorRedirectParameters(request, validation.error, validation.state);
      return redirectResponse(redirectUrlWith(validation.redirectUri, validation.responseMode, query));
    }

    const authorizeRequest = validation.request;
    if (authorizeRequest.prompt === 'none') return signInSilently(context, grants, request, authorizeRequest);

    const pickerId = grants.openPicker(authorizeRequest);
    const html = renderAccountPicker(context.app, authorizeRequest, pickerId, new URL(request.url).pathname);
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
  };
}

/** `prompt=none`: signs in the user of the browser session, or returns an error to the app. */
function signInSilently(context: SandboxContext, grants: EntraGrants, request: Request, authorizeRequest: AuthorizeRequest): Response {
  const user = grants.findSession(readCookie(request, sessionCookieName));
  if (user === undefined || !acceptsUser(authorizeRequest.tenant, user)) {
    return rejectToApp(context, request, authorizeRequest, entraError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'));
  }

  const hint = authorizeRequest.loginHint?.trim().toLowerCase();
  if (hint && hint !== user.userPrincipalName && hint !== user.mail) {
    return rejectToApp(
      context,
      request,
      authorizeRequest,
      entraError('login_required', 50058, 'A silent sign-in request was sent but the signed-in user is not the user named in login_hint.'),
    );
  }

  if (!context.app.consentedTenantIds.includes(user.tenantId)) {
    return rejectToApp(
      context,
      request,
      authorizeRequest,
      entraError('consent_required', 65001, `The user or administrator has not consented to use the application '${context.app.displayName}'. Send an interactive authorization request.`),
    );
  }

  return issueCode(grants, authorizeRequest, user);
}

/** Handles the user's choice on the account picker: an account, or Cancel. */
function completePicker(
  context: SandboxContext,
  grants: EntraGrants,
  request: Request,
  pickerId: string,
  form: URLSearchParams,
): Response {
  const authorizeRequest = grants.takePicker(pickerId);
  if (authorizeRequest === undefined) {
    return entraErrorPage(
      context,
      request,
      400,
      entraError('invalid_request', 9002313, 'This sign-in page has expired or was already used. Close it and sign in again from the app.'),
    );
  }

  if (form.has('cancel')) {
    return rejectToApp(context, request, authorizeRequest, entraError('access_denied', 65004, 'The user declined to consent to access the app.'));
  }

  const user = users.find((candidate) => candidate.id === form.get('account'));
  if (user === undefined || !acceptsUser(authorizeRequest.tenant, user)) {
    return entraErrorPage(context, request, 400, entraError('invalid_request', 9002313, 'The chosen account cannot sign in to this tenant. Close this window and sign in again.'));
  }

  if (!context.app.consentedTenantIds.includes(user.tenantId)) {
    return rejectToApp(
      context,
      request,
      authorizeRequest,
      entraError('access_denied', 90094, `An administrator of the user's organization must grant '${context.app.displayName}' permission before its users can sign in.`),
    );
  }

  const session = grants.startSession(user);
  return issueCode(grants, authorizeRequest, user, { 'set-cookie': sessionCookie(session) });
}

/** Sends the app an authorization code, with `state`, `client_info` and `session_state`. */
function issueCode(grants: EntraGrants, authorizeRequest: AuthorizeRequest, user: SandboxUser, headers: Record<string, string> = {}): Response {
  const response = new URLSearchParams({ code: grants.issueCode(user, authorizeRequest) });
  if (authorizeRequest.state !== undefined) response.set('state', authorizeRequest.state);
  response.set('client_info', clientInfo(user));
  response.set('session_state', randomUUID());
  return redirectResponse(redirectUrlWith(authorizeRequest.redirectUri, authorizeRequest.responseMode, response), headers);
}

function rejectToApp(context: SandboxContext, request: Request, authorizeRequest: AuthorizeRequest, error: EntraError): Response {
  context.log.rejected(request, 302, `${error.error} AADSTS${error.code}: ${error.description}`);
  const parameters = errorRedirectParameters(request, error, authorizeRequest.state);
  return redirectResponse(redirectUrlWith(authorizeRequest.redirectUri, authorizeRequest.responseMode, parameters));
}
