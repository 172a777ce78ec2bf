import type { SandboxApp } from '../directory.js';
import { entraError, type EntraError } from './errors.js';
import { isLoopbackRedirectUri } from './redirect-uri.js';
import { parseScopes, type ParsedScopes } from './scopes.js';
import { resolveTenantSegment, type TenantSegment } from './tenants.js';

/** The place of the authorization response in the redirect URI: its query or its fragment. */
export type ResponseMode = 'query' | 'fragment';

/** A validated `/authorize` request. */
export interface AuthorizeRequest {
  tenant: TenantSegment;
  clientId: string;
  redirectUri: string;
  responseMode: ResponseMode;
  scopes: ParsedScopes;
  state: string | undefined;
  nonce: string | undefined;
  /** `none`, `login`, `select_account`, `consent` or `create`; other values are ignored. */
  prompt: string | undefined;
  loginHint: string | undefined;
  /** PKCE challenge; Entra requires one when the code is redeemed from a browser. */
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
}

/**
 * The outcome of validating an `/authorize` request. Problems found before the redirect URI is
 * trusted are shown on an error page; later ones go back to the app on the redirect URI.
 */
export type AuthorizeValidation =
  | { outcome: 'valid'; request: AuthorizeRequest }
  | { outcome: 'error-page'; status: number; error: EntraError }
  | { outcome: 'error-redirect'; redirectUri: string; responseMode: ResponseMode; state: string | undefined; error: EntraError };

/**
 * Validates the parameters of an authorization request in the order Entra ID checks them: the
 * tenant, the client id, the redirect URI, then everything that can be reported to the app.
 * The sandbox's app registration accepts any redirect URI on a loopback origin, so that tests on
 * any port work; Entra accepts only the URIs registered for the app.
 */
export function validateAuthorizeRequest(tenantSegment: string, parameters: URLSearchParams, app: SandboxApp): AuthorizeValidation {
  const tenant = resolveTenantSegment(tenantSegment);
  if (tenant === undefined) {
    return pageError(400, entraError('invalid_request', 90002, `Tenant '${tenantSegment}' not found. Check the tenant id or domain in the authority URL.`));
  }

  const clientId = parameters.get('client_id');
  if (!clientId) return pageError(400, missingParameter('client_id'));
  if (clientId.toLowerCase() !== app.clientId) {
    return pageError(
      400,
      entraError('unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory. Use the Application (client) ID of the app registration.`),
    );
  }

  const redirectUri = parameters.get('redirect_uri');
  if (!redirectUri) return pageError(400, missingParameter('redirect_uri'));
  if (!isLoopbackRedirectUri(redirectUri)) {
    return pageError(
      400,
      entraError('invalid_request', 50011, `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. The sandbox accepts https or http URIs on localhost, 127.0.0.1 or [::1], without a fragment.`),
    );
  }

  // From here on the redirect URI is trusted, so errors go back to the app.
  const state = parameters.get('state') ?? undefined;
  const responseModeValue = parameters.get('response_mode') ?? 'query';
  if (responseModeValue !== 'query' && responseModeValue !== 'fragment') {
    return redirectError(
      redirectUri,
      'query',
      state,
      entraError('invalid_request', 9002313, `The response_mode '${responseModeValue}' is not supported by the sandbox. Use 'query' or 'fragment'.`),
    );
  }
  const responseMode: ResponseMode = responseModeValue;

  const responseType = parameters.get('response_type');
  if (responseType !== 'code') {
    return redirectError(
      redirectUri,
      responseMode,
      state,
      entraError('unsupported_response_type', 70005, `The response_type '${responseType ?? ''}' is not enabled for the application. Single-page apps use 'code' with PKCE.`),
    );
  }

  const scopeValue = parameters.get('scope');
  if (!scopeValue) return redirectError(redirectUri, responseMode, state, missingParameter('scope'));
  const scopes = parseScopes(scopeValue);
  if (scopes.unknown.length > 0) {
    return redirectError(
      redirectUri,
      responseMode,
      state,
      entraError('invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${scopes.unknown.join(' ')} is not valid.`),
    );
  }

  const codeChallenge = parameters.get('code_challenge') ?? undefined;
  const method = parameters.get('code_challenge_method') ?? (codeChallenge === undefined ? undefined : 'plain');
  if (method !== undefined && method !== 'S256' && method !== 'plain') {
    return redirectError(
      redirectUri,
      responseMode,
      state,
      entraError('invalid_request', 9002313, `The code_challenge_method '${method}' is not supported. Use 'S256'.`),
    );
  }

  return {
    outcome: 'valid',
    request: {
      tenant,
      clientId: app.clientId,
      redirectUri,
      responseMode,
      scopes,
      state,
      nonce: parameters.get('nonce') ?? undefined,
      prompt: parameters.get('prompt') ?? undefined,
      loginHint: parameters.get('login_hint') ?? undefined,
      codeChallenge,
      codeChallengeMethod: method,
    },
  };
}

/** Returns the error Entra gives for a missing required parameter. */
export function missingParameter(name: string): EntraError {
  return entraError('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}

function pageError(status: number, error: EntraError): AuthorizeValidation {
  return { outcome: 'error-page', status, error };
}

function redirectError(redirectUri: string, responseMode: ResponseMode, state: string | undefined, error: EntraError): AuthorizeValidation {
  return { outcome: 'error-redirect', redirectUri, responseMode, state, error };
}
