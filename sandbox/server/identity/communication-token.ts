import type { SandboxContext } from '../context.js';

/** Lifetime cap of a Communication Services token for a Teams user: one hour. */
const maxLifetimeSeconds = 60 * 60;

/** Input of `issueTeamsUserToken`. */
export interface TeamsUserTokenRequest {
  objectId: string;
  tenantId: string;
  /** `exp` of the Entra token, in seconds; the issued token never outlives it. */
  entraExpiresAt: number;
  /** `acsScope` entries, such as `voip` and `chat`. */
  scopes: string[];
  /** Clock override in milliseconds since the epoch, for tests. */
  now?: number;
}

/**
 * Issues a Communication Services access token for a Teams user, signed with the sandbox key.
 * Its claims are the ones the calling SDK checks when it creates a Teams call agent (`skypeid`,
 * `acsScope` with `voip`, `tid`) plus `resourceId`, `rgn`, `iat`, `exp`, `scp` and `csi`. It
 * expires with the Entra token or after one hour, whichever comes first.
 *
 * NOTE: `scp` (1024), `csi` (issue time as a string) and `rgn` ("amer") are plausible values that
 * were not compared with real tokens. The calling SDK does not check them when it creates a call
 * agent.
 */
export function issueTeamsUserToken(context: SandboxContext, request: TeamsUserTokenRequest): { token: string; expiresOn: Date } {
  const issuedAt = Math.floor((request.now ?? Date.now()) / 1000);
  const expiresAt = Math.min(request.entraExpiresAt, issuedAt + maxLifetimeSeconds);

  const token = context.signingKey.sign({
    skypeid: `orgid:${request.objectId}`,
    scp: 1024,
    csi: String(issuedAt),
    iat: issuedAt,
    exp: expiresAt,
    rgn: 'amer',
    tid: request.tenantId,
    acsScope: request.scopes.join(','),
    resourceId: context.resource.id,
  });
  return { token, expiresOn: new Date(expiresAt * 1000) };
}

/** A Teams user authenticated by a Communication Services token. */
export interface CommunicationTokenIdentity {
  /** Entra object id of the user. */
  oid: string;
  /** Entra tenant id of the user. */
  tid: string;
  /** Raw id of the user as Communication Services writes it: `8:orgid:<oid>`. */
  rawId: string;
}

/**
 * Verifies a Communication Services token that the sandbox issued to a Teams user: signature,
 * expiry, resource and `skypeid`. Returns the user, or `undefined` for any other token. The
 * calling signalling socket uses it to authenticate a client.
 */
export function verifyCommunicationToken(context: SandboxContext, token: string, now = Date.now()): CommunicationTokenIdentity | undefined {
  const claims = context.signingKey.verify(token);
  if (claims === undefined) return undefined;

  const { exp, resourceId, skypeid, tid } = claims;
  if (typeof exp !== 'number' || exp * 1000 <= now) return undefined;
  if (resourceId !== context.resource.id) return undefined;
  if (typeof tid !== 'string' || typeof skypeid !== 'string' || !skypeid.startsWith('orgid:')) return undefined;

  const oid = skypeid.slice('orgid:'.length);
  if (oid === '') return undefined;
  return { oid, tid, rawId: `8:orgid:${oid}` };
}
