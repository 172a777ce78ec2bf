import { TeamsError } from '../errors.js';

/** Scopes that ask for sign-in itself, not for an API. MSAL adds them to every request. */
const oidcScopes = new Set(['openid', 'profile', 'email', 'offline_access']);

/**
 * Returns the resource a scope belongs to, as Entra ID reads it: the part before the last `/` of a
 * fully qualified scope, and Microsoft Graph for a short name such as `User.Read`.
 */
export function resourceOfScope(scope: string): string | undefined {
  if (oidcScopes.has(scope.toLowerCase())) return undefined;
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return 'https://graph.microsoft.com';
  return scope.slice(0, slash).toLowerCase();
}

/**
 * Rejects a token request whose scopes name more than one resource before it reaches Entra ID,
 * which would reject it with AADSTS28000 because one access token is for one resource.
 */
export function assertOneResource(scopes: readonly string[]): void {
  const resources = new Set(scopes.map(resourceOfScope).filter((resource) => resource !== undefined));
  if (resources.size > 1) {
    throw new TeamsError(
      'configuration-invalid',
      `The scopes "${scopes.join(' ')}" belong to ${resources.size} resources (${[...resources].join(', ')}). Entra ID issues an access token for one resource per request: request each resource's scopes separately.`,
    );
  }
}
