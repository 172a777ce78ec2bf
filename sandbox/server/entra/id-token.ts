import { createHash } from 'node:crypto';

import type { SandboxContext } from '../context.js';
import type { SandboxUser } from '../directory.js';

/** Lifetime of an id token, in seconds; Entra issues them for one hour. */
export const idTokenLifetimeSeconds = 3600;

/**
 * Entra's `client_info`: base64url JSON of the user's object id (`uid`) and home tenant id
 * (`utid`). MSAL builds the account's home account id `<uid>.<utid>` from it.
 */
export function clientInfo(user: SandboxUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}

/**
 * Issues an Entra ID v2 id token. `nonce` is the one of the authorization request (MSAL rejects
 * a mismatch); an id token from a refresh has none. `sub` is pairwise, as in Entra: the same user
 * has another `sub` in another app.
 */
export function issueIdToken(
  context: SandboxContext,
  request: { user: SandboxUser; clientId: string; nonce?: string | undefined; now?: number },
): string {
  const issuedAt = Math.floor((request.now ?? Date.now()) / 1000);
  const claims: Record<string, unknown> = {
    aud: request.clientId,
    iss: `${context.origin}/${request.user.tenantId}/v2.0`,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + idTokenLifetimeSeconds,
    name: request.user.displayName,
    oid: request.user.id,
    preferred_username: request.user.userPrincipalName,
    sub: pairwiseSubject(request.user.id, request.clientId),
    tid: request.user.tenantId,
    ver: '2.0',
  };
  if (request.nonce !== undefined) claims['nonce'] = request.nonce;
  return context.signingKey.sign(claims);
}

function pairwiseSubject(objectId: string, clientId: string): string {
  return createHash('sha256').update(`${objectId}:${clientId}`).digest('base64url').slice(0, 43);
}
