import type { SandboxContext } from '../context.js';
import { preflight } from '../http.js';
import { authorizeEndpoint } from './authorize.js';
import { discoveryEndpoint, keysEndpoint } from './discovery.js';
import { EntraGrants } from './grants.js';
import { logoutEndpoint } from './logout.js';
import { tokenEndpoint } from './token.js';

export { communicationAudience, graphAudience, issueEntraAccessToken, type EntraAccessTokenRequest } from './access-token.js';
export type { EntraGrants } from './grants.js';

const grantsByContext = new WeakMap<SandboxContext, EntraGrants>();

/** Returns the emulated Entra ID's codes, refresh tokens and sessions of a sandbox, for tests. */
export function entraGrants(context: SandboxContext): EntraGrants {
  const grants = grantsByContext.get(context);
  if (grants === undefined) throw new Error('The emulated Entra ID is not registered on this sandbox. Call registerEntra(context) first.');
  return grants;
}

/**
 * Registers the emulated Entra ID on the sandbox origin, for every tenant by id or domain and for
 * `organizations` and `common`: OpenID Connect discovery, the signing keys, the authorize page,
 * the token endpoint and sign-out. Issuers are `https://localhost:<port>/<tenant id>/v2.0`.
 */
export function registerEntra(context: SandboxContext): void {
  const grants = new EntraGrants();
  grantsByContext.set(context, grants);
  const { router } = context;

  router.add('OPTIONS', '/{tenant}/v2.0/.well-known/openid-configuration', preflight);
  router.add('GET', '/{tenant}/v2.0/.well-known/openid-configuration', discoveryEndpoint(context));
  router.add('OPTIONS', '/{tenant}/discovery/v2.0/keys', preflight);
  router.add('GET', '/{tenant}/discovery/v2.0/keys', keysEndpoint(context));

  const authorize = authorizeEndpoint(context, grants);
  router.add('GET', '/{tenant}/oauth2/v2.0/authorize', authorize);
  router.add('POST', '/{tenant}/oauth2/v2.0/authorize', authorize);

  router.add('OPTIONS', '/{tenant}/oauth2/v2.0/token', preflight);
  router.add('POST', '/{tenant}/oauth2/v2.0/token', tokenEndpoint(context, grants));

  router.add('GET', '/{tenant}/oauth2/v2.0/logout', logoutEndpoint(context, grants));
}
