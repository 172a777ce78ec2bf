import type { SandboxContext } from '../context.js';
import { jsonResponse } from '../http.js';
import type { RouteHandler } from '../router.js';
import { entraError, entraErrorResponse } from './errors.js';
import { oidcScopes } from './scopes.js';
import { endpointSegment, resolveTenantSegment, type TenantSegment } from './tenants.js';

/**
 * `GET /{tenant}/v2.0/.well-known/openid-configuration`: the OpenID Connect discovery document
 * MSAL reads for the authority's endpoints. MSAL needs `authorization_endpoint`, `token_endpoint`,
 * `issuer` on the authority's host and `jwks_uri`. As in Entra ID, the `organizations` and
 * `common` documents carry the issuer template `{tenantid}`, because the issuer of a token is the
 * tenant of the user who signed in.
 */
export function discoveryEndpoint(context: SandboxContext): RouteHandler {
  return (request, params) => {
    const tenant = resolveTenantSegment(params['tenant']!);
    if (tenant === undefined) return unknownTenant(context, request, params['tenant']!);
    return jsonResponse(request, openIdConfiguration(context.origin, tenant), 200, { 'cache-control': 'max-age=3600' });
  };
}

/** `GET /{tenant}/discovery/v2.0/keys`: the JSON Web Key Set that verifies the sandbox's tokens. */
export function keysEndpoint(context: SandboxContext): RouteHandler {
  return (request, params) => {
    const tenant = resolveTenantSegment(params['tenant']!);
    if (tenant === undefined) return unknownTenant(context, request, params['tenant']!);
    return jsonResponse(request, { keys: [context.signingKey.toJwk()] }, 200, { 'cache-control': 'max-age=3600' });
  };
}

/** Builds the discovery document of one tenant segment, with the fields Entra's own document has. */
export function openIdConfiguration(origin: string, tenant: TenantSegment): Record<string, unknown> {
  const base = `${origin}/${endpointSegment(tenant)}`;
  const issuerTenant = tenant.kind === 'tenant' ? tenant.tenant.id : '{tenantid}';

  return {
    issuer: `${origin}/${issuerTenant}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256', 'plain'],
    scopes_supported: [...oidcScopes.keys()],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'nonce', 'name', 'preferred_username', 'oid', 'tid', 'ver'],
    request_uri_parameter_supported: false,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    tenant_region_scope: 'NA',
    cloud_instance_name: new URL(origin).host,
  };
}

function unknownTenant(context: SandboxContext, request: Request, segment: string): Response {
  return entraErrorResponse(
    context,
    request,
    400,
    entraError('invalid_tenant', 90002, `Tenant '${segment}' not found. Check the tenant id or domain in the authority URL.`),
  );
}
