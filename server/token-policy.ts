import { reject, type Rejection } from './rejection.js';
import { communicationAudiences, type TeamsTokenClaims } from './token-claims.js';

/** The endpoint's rules for accepting a token. Ids are compared without regard to case. */
export interface TokenPolicy {
  allowedTenantIds: readonly string[] | '*';
  allowedClientIds: readonly string[];
  /** Scopes that must all be in `scp`. */
  requiredScopes: readonly string[];
}

/**
 * Checks a token's claims in a fixed order: expiry, audience, scopes, tenant, app. Returns the
 * first failure, or `undefined` when the token may be exchanged.
 */
export function checkTokenClaims(claims: TeamsTokenClaims, policy: TokenPolicy, nowMs: number): Rejection | undefined {
  if (claims.expiresAt * 1000 <= nowMs) {
    return reject(
      'TokenExpired',
      `The Entra token expired at ${new Date(claims.expiresAt * 1000).toISOString()}. Acquire a new token (with MSAL, forceRefresh) and retry.`,
    );
  }

  if (!communicationAudiences.includes(claims.audience)) {
    return reject(
      'WrongAudience',
      `The token is for "${claims.audience}", not for Communication Services. Request a token for the scope https://auth.msft.communication.azure.com/Teams.ManageCalls.`,
    );
  }

  const missingScopes = policy.requiredScopes.filter((scope) => !claims.scopes.includes(scope));
  if (missingScopes.length > 0) {
    return reject(
      'MissingScope',
      `The token lacks the scope ${missingScopes.join(', ')}. Request https://auth.msft.communication.azure.com/${missingScopes[0]} and make sure the tenant has consented to it.`,
    );
  }

  if (policy.allowedTenantIds !== '*' && !includesId(policy.allowedTenantIds, claims.tenantId)) {
    return reject(
      'TenantNotAllowed',
      `Tenant ${claims.tenantId} is not allowed to use this endpoint. Ask the endpoint's operator to add it to allowedTenantIds.`,
    );
  }

  if (!includesId(policy.allowedClientIds, claims.clientId)) {
    return reject(
      'ClientNotAllowed',
      `The token was issued to app ${claims.clientId}, which this endpoint does not serve. Sign in with an app listed in allowedClientIds.`,
    );
  }

  return undefined;
}

function includesId(ids: readonly string[], id: string): boolean {
  const wanted = id.toLowerCase();
  return ids.some((candidate) => candidate.toLowerCase() === wanted);
}
