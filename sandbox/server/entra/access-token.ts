import type { SandboxContext } from '../context.js';
import type { SandboxUser } from '../directory.js';

/** Audience (`aud`) of Entra tokens for the Communication Services resource. */
export const communicationAudience = 'https://auth.msft.communication.azure.com';

/** Audience (`aud`) of Entra tokens for Microsoft Graph. */
export const graphAudience = 'https://graph.microsoft.com';

/** Options of `issueEntraAccessToken`. */
export interface EntraAccessTokenRequest {
  user: SandboxUser;
  /** The app the token is issued to (`appid` and `azp`). */
  clientId: string;
  /** The resource, `communicationAudience` or `graphAudience`. */
  audience: string;
  /** Scope names without the resource prefix, as Entra writes `scp` (`Teams.ManageCalls`). */
  scopes: string[];
  /** Lifetime in seconds; Entra issues 60 to 90 minutes. Default 3600. */
  lifetimeSeconds?: number;
  /** Clock override in milliseconds since the epoch, for tests of expiry. */
  now?: number;
}

/**
 * Issues an Entra ID v2 access token for a sandbox user, signed with the sandbox key. The claims
 * are the ones the exchange endpoint and Communication Services read: `aud`, `iss`, `tid`, `oid`,
 * `sub`, `appid`/`azp`, `scp`, `iat`, `nbf` and `exp`, plus the user's name.
 */
export function issueEntraAccessToken(context: SandboxContext, request: EntraAccessTokenRequest): string {
  const issuedAt = Math.floor((request.now ?? Date.now()) / 1000);
  return context.signingKey.sign({
    aud: request.audience,
    iss: `${context.origin}/${request.user.tenantId}/v2.0`,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + (request.lifetimeSeconds ?? 3600),
    tid: request.user.tenantId,
    oid: request.user.id,
    sub: `${request.user.id}:${request.clientId}`,
    appid: request.clientId,
    azp: request.clientId,
    scp: request.scopes.join(' '),
    name: request.user.displayName,
    preferred_username: request.user.userPrincipalName,
    ver: '2.0',
  });
}
