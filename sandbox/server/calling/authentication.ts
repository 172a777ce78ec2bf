import { closeCodes, teamsUserRawId, type ParticipantInfo } from '../../calling/protocol.js';
import { findUser } from '../directory.js';
import type { SigningKey } from '../signing.js';

/** A signalling client whose Communication Services token the sandbox accepted. */
export interface AuthenticatedUser extends ParticipantInfo {
  objectId: string;
  tenantId: string;
}

/** A token rejection: the WebSocket close code and a reason safe to show and log. */
export interface TokenRejection {
  closeCode: number;
  reason: string;
}

/**
 * Checks a Communication Services token as the calling service would: a signature by the
 * sandbox's key, a `skypeid` of a Teams user (`orgid:<object id>`) and an `exp` in the future.
 * The reason never contains the token.
 */
export function authenticateToken(
  signingKey: SigningKey,
  token: unknown,
  now: Date = new Date(),
): AuthenticatedUser | TokenRejection {
  if (typeof token !== 'string' || token === '') {
    return { closeCode: closeCodes.invalidToken, reason: 'Missing token: send { type: "authenticate", token } first.' };
  }

  const claims = signingKey.verify(token);
  if (claims === undefined) {
    return {
      closeCode: closeCodes.invalidToken,
      reason: 'Invalid token: it is malformed or not signed by this sandbox. Get a new one from the identity API.',
    };
  }

  const skypeId = claims['skypeid'];
  const objectId = typeof skypeId === 'string' && skypeId.startsWith('orgid:') ? skypeId.slice('orgid:'.length) : '';
  if (objectId === '') {
    return { closeCode: closeCodes.invalidToken, reason: 'Invalid token: the skypeid claim of a Teams user (orgid:<object id>) is missing.' };
  }

  const expiresAt = claims['exp'];
  if (typeof expiresAt !== 'number') {
    return { closeCode: closeCodes.invalidToken, reason: 'Invalid token: the exp claim is missing.' };
  }
  if (expiresAt * 1000 <= now.getTime()) {
    return {
      closeCode: closeCodes.expiredToken,
      reason: `Expired token: it expired at ${new Date(expiresAt * 1000).toISOString()}. Refresh it and connect again.`,
    };
  }

  // A token for a user the directory does not list still identifies someone; the call simply
  // shows the object id as the name.
  const user = findUser(objectId);
  return {
    rawId: teamsUserRawId(objectId),
    displayName: user?.displayName ?? objectId,
    objectId,
    tenantId: typeof claims['tid'] === 'string' ? claims['tid'] : (user?.tenantId ?? ''),
  };
}

/** Narrows the result of `authenticateToken`. */
export function isTokenRejection(result: AuthenticatedUser | TokenRejection): result is TokenRejection {
  return 'closeCode' in result;
}
