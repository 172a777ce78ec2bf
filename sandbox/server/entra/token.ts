import type { SandboxContext } from '../context.js';
import type { SandboxUser } from '../directory.js';
import { applyFaultDelay, type Fault } from '../faults.js';
import { corsHeaders } from '../http.js';
import type { RouteHandler } from '../router.js';
import { issueEntraAccessToken } from './access-token.js';
import { missingParameter } from './authorize-request.js';
import { entraError, entraErrorResponse, type EntraError } from './errors.js';
import type { EntraGrants } from './grants.js';
import { clientInfo, issueIdToken } from './id-token.js';
import { verifyCodeVerifier } from './pkce.js';
import { expandDefault, formatGrantedScopes, graphResource, parseScopes, resourceById } from './scopes.js';
import { acceptsUser, resolveTenantSegment, type TenantSegment } from './tenants.js';

/** Lifetime of an access token, in seconds. Entra ID picks 60 to 90 minutes, and the sandbox uses one hour. */
const accessTokenLifetimeSeconds = 3600;

/** What the token endpoint needs to handle one grant. */
interface TokenCall {
  context: SandboxContext;
  grants: EntraGrants;
  request: Request;
  tenant: TenantSegment;
  clientId: string;
  form: URLSearchParams;
}

/** A token request that failed, with its HTTP status. */
class TokenRejection {
  constructor(
    readonly status: number,
    readonly error: EntraError,
  ) {}
}

/**
 * `POST /{tenant}/oauth2/v2.0/token`: redeems an authorization code (with PKCE) or a refresh
 * token. Browsers call it cross-origin, so every response carries CORS headers. The armed `entra`
 * fault applies before anything else. Refresh tokens are multi-resource, as Entra's are: one
 * refresh token redeems for Microsoft Graph or for the Communication Services resource, but one
 * request names scopes of one resource only (AADSTS28000).
 */
export function tokenEndpoint(context: SandboxContext, grants: EntraGrants): RouteHandler {
  return async (request, params) => {
    const fault = context.faults.take('entra');
    if (fault !== undefined) {
      await applyFaultDelay(fault, request.signal);
      // A hung request ends when the client gives up, and no client reads this response.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if (fault.status !== undefined) return faultResponse(context, request, { ...fault, status: fault.status });
    }

    try {
      const call = await readTokenCall(context, grants, request, params['tenant']!);
      const grantType = call.form.get('grant_type');
      if (grantType === 'authorization_code') return redeemCode(call);
      if (grantType === 'refresh_token') return redeemRefreshToken(call);
      if (!grantType) throw new TokenRejection(400, missingParameter('grant_type'));
      throw new TokenRejection(400, entraError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'. The sandbox supports authorization_code and refresh_token.`));
    } catch (error) {
      if (error instanceof TokenRejection) return entraErrorResponse(context, request, error.status, error.error);
      throw error;
    }
  };
}

async function readTokenCall(context: SandboxContext, grants: EntraGrants, request: Request, tenantSegment: string): Promise<TokenCall> {
  const tenant = resolveTenantSegment(tenantSegment);
  if (tenant === undefined) {
    throw new TokenRejection(400, entraError('invalid_tenant', 90002, `Tenant '${tenantSegment}' not found. Check the tenant id or domain in the authority URL.`));
  }

  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new TokenRejection(400, entraError('invalid_request', 9002313, `The request body must be application/x-www-form-urlencoded, not '${contentType}'.`));
  }
  const form = new URLSearchParams(await request.text());

  const clientId = form.get('client_id');
  if (!clientId) throw new TokenRejection(400, missingParameter('client_id'));
  if (clientId.toLowerCase() !== context.app.clientId) {
    throw new TokenRejection(
      400,
      entraError('unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory. Use the Application (client) ID of the app registration.`),
    );
  }
  return { context, grants, request, tenant, clientId: context.app.clientId, form };
}

/**
 * `grant_type=authorization_code`. A code is used up by its first redemption, whether that
 * succeeds or not, so a stolen code cannot be tried twice.
 */
function redeemCode(call: TokenCall): Response {
  const code = call.form.get('code');
  if (!code) throw new TokenRejection(400, missingParameter('code'));

  const grant = call.grants.findCode(code);
  if (grant === undefined || grant.request.clientId !== call.clientId) {
    throw new TokenRejection(400, entraError('invalid_grant', 70000, 'The provided authorization code is invalid because this sandbox did not issue it to this app.'));
  }
  if (grant.redeemed) {
    throw new TokenRejection(
      400,
      entraError('invalid_grant', 54005, 'OAuth2 authorization code was already redeemed. Retry with a new code or use the refresh token.'),
    );
  }
  grant.redeemed = true;

  if (grant.expiresAt < call.grants.now()) {
    throw new TokenRejection(400, entraError('invalid_grant', 70008, 'The provided authorization code has expired. Sign in again.'));
  }
  if (!acceptsUser(call.tenant, grant.user)) {
    throw new TokenRejection(400, entraError('invalid_grant', 50020, `The user of this code does not belong to the tenant in the token endpoint URL.`));
  }

  const redirectUri = call.form.get('redirect_uri');
  if (redirectUri !== grant.request.redirectUri) {
    throw new TokenRejection(
      400,
      entraError('invalid_grant', 500112, `The reply address '${redirectUri ?? ''}' does not match the reply address '${grant.request.redirectUri}' provided when requesting the authorization code.`),
    );
  }

  checkProofKey(call, grant.request.codeChallenge, grant.request.codeChallengeMethod);

  const scope = call.form.get('scope');
  if (!scope) {
    throw new TokenRejection(
      400,
      entraError('invalid_request', 28003, 'Provided value for the input parameter scope cannot be empty when requesting an access token using the provided authorization code. Specify a valid scope.'),
    );
  }
  return issueTokens(call, grant.user, scope, grant.request.nonce);
}

/** PKCE (RFC 7636): required when a browser redeems the code cross-origin, as Entra requires it. */
function checkProofKey(call: TokenCall, challenge: string | undefined, method: 'S256' | 'plain' | undefined): void {
  const verifier = call.form.get('code_verifier');

  if (challenge === undefined) {
    if (call.request.headers.get('origin') !== null) {
      throw new TokenRejection(
        400,
        entraError('invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption. Send code_challenge in the authorization request.'),
      );
    }
    return;
  }

  if (!verifier) {
    throw new TokenRejection(400, entraError('invalid_grant', 50148, 'The code_verifier is missing, but the authorization request supplied a code_challenge for PKCE.'));
  }
  if (!verifyCodeVerifier(challenge, method ?? 'plain', verifier)) {
    throw new TokenRejection(400, entraError('invalid_grant', 50148, 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.'));
  }
}

/** `grant_type=refresh_token`: a new access token for any resource the app may use, and a new refresh token. */
function redeemRefreshToken(call: TokenCall): Response {
  const refreshToken = call.form.get('refresh_token');
  if (!refreshToken) throw new TokenRejection(400, missingParameter('refresh_token'));

  const grant = call.grants.findRefreshToken(refreshToken);
  if (grant === undefined || grant.clientId !== call.clientId) {
    throw new TokenRejection(400, entraError('invalid_grant', 9002313, 'Invalid request: the refresh token is malformed or was not issued by this sandbox to this app.'));
  }
  if (grant.expiresAt < call.grants.now()) {
    throw new TokenRejection(
      400,
      entraError('invalid_grant', 700084, 'The refresh token was issued to a single-page app and has a fixed lifetime of 24 hours, which has passed. Sign in again.'),
    );
  }
  if (!acceptsUser(call.tenant, grant.user)) {
    throw new TokenRejection(400, entraError('invalid_grant', 50020, 'The user of this refresh token does not belong to the tenant in the token endpoint URL.'));
  }

  const scope = call.form.get('scope');
  if (!scope) throw new TokenRejection(400, missingParameter('scope'));
  return issueTokens(call, grant.user, scope, undefined);
}

/**
 * Issues the access token for the one resource that `scope` names, plus an id token for `openid`
 * and a refresh token for `offline_access`.
 */
function issueTokens(call: TokenCall, user: SandboxUser, scope: string, nonce: string | undefined): Response {
  const { context } = call;
  const parsed = parseScopes(scope);
  if (parsed.unknown.length > 0) {
    throw new TokenRejection(400, entraError('invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${parsed.unknown.join(' ')} is not valid.`));
  }
  if (parsed.byResource.size > 1) {
    throw new TokenRejection(
      400,
      entraError('invalid_request', 28000, `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`),
    );
  }
  if (!context.app.consentedTenantIds.includes(user.tenantId)) {
    throw new TokenRejection(
      400,
      entraError('invalid_grant', 65001, `The user or administrator has not consented to use the application '${context.app.displayName}'. Send an interactive authorization request for this user and resource.`, 'consent_required'),
    );
  }

  // A request with OpenID Connect scopes only gets a Microsoft Graph token, as from Entra.
  const [resourceId, names] = [...parsed.byResource][0] ?? ['graph', new Set<string>()];
  const resource = resourceById(resourceId);
  const granted = expandDefault(resource, names);
  const identityScopes = [...parsed.oidc].filter((name) => name !== 'offline_access');

  const accessToken = issueEntraAccessToken(context, {
    user,
    clientId: call.clientId,
    audience: resource.audience,
    scopes: granted.length > 0 ? granted : identityScopes,
    lifetimeSeconds: accessTokenLifetimeSeconds,
  });

  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: [...formatGrantedScopes(resource, granted), ...(resource === graphResource ? identityScopes : [])].join(' '),
    expires_in: accessTokenLifetimeSeconds,
    ext_expires_in: accessTokenLifetimeSeconds,
    access_token: accessToken,
    client_info: clientInfo(user),
  };
  if (parsed.oidc.has('openid')) body['id_token'] = issueIdToken(context, { user, clientId: call.clientId, nonce });
  if (parsed.oidc.has('offline_access')) {
    body['refresh_token'] = call.grants.issueRefreshToken(user, call.clientId);
    body['refresh_token_expires_in'] = 24 * 60 * 60;
  }

  return Response.json(body, { headers: { ...corsHeaders(call.request), 'cache-control': 'no-store', pragma: 'no-cache' } });
}

/**
 * Default Entra errors for armed faults, by status.
 * NOTE: the codes for 429 and 5xx are assumptions; no public recording of them was found.
 */
const faultErrors: Record<number, EntraError> = {
  400: entraError('invalid_request', 9002313, 'Invalid request (sandbox fault).'),
  401: entraError('invalid_client', 7000215, 'Invalid client (sandbox fault).'),
  429: entraError('temporarily_unavailable', 90033, 'Too many requests (sandbox fault). Retry later.'),
  500: entraError('server_error', 90033, 'A transient error has occurred (sandbox fault). Retry.'),
  503: entraError('temporarily_unavailable', 90033, 'The service is temporarily unavailable (sandbox fault). Retry.'),
};

function faultResponse(context: SandboxContext, request: Request, fault: Fault & { status: number }): Response {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);

  if (fault.body !== undefined) {
    context.log.rejected(request, fault.status, 'armed fault with a custom body');
    return Response.json(fault.body, { status: fault.status, headers: { ...corsHeaders(request), ...headers } });
  }
  const error = faultErrors[fault.status] ?? entraError('server_error', 90033, `Sandbox fault with status ${fault.status}.`);
  return entraErrorResponse(context, request, fault.status, error, headers);
}
