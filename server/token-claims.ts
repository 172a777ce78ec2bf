import type { DecodedJwt } from './jwt.js';
import { reject, type Rejection } from './rejection.js';

/**
 * Audiences (`aud`) of Entra tokens for Communication Services: the resource's app id URI and the
 * app id of the Azure Communication Services first-party app, which are the two service principal
 * names Entra ID lists for it.
 */
export const communicationAudiences: readonly string[] = [
  'https://auth.msft.communication.azure.com',
  '1fd5118e-2576-4263-8130-9503064c837a',
];

/** The claims of an Entra access token that the exchange reads. */
export interface TeamsTokenClaims {
  /** `oid`: the user's object id. */
  objectId: string;
  /** `tid`: the user's tenant. */
  tenantId: string;
  /** `appid` (v1 tokens) or `azp` (v2 tokens): the app the token was issued to. */
  clientId: string;
  /** `aud` */
  audience: string;
  /** `scp`, split at spaces. Empty for app-only tokens, which have no `scp`. */
  scopes: string[];
  /** `exp`, in seconds since the epoch. */
  expiresAt: number;
  /** `iss`, when present; only signature verification uses it. */
  issuer: string | undefined;
}

/**
 * Reads the claims the exchange needs from a decoded token. Rejects with `MalformedToken`, naming
 * the claims, when one is missing or has the wrong type.
 */
export function readTeamsTokenClaims(token: DecodedJwt): TeamsTokenClaims | Rejection {
  const { claims } = token;
  const text = (name: string) => (typeof claims[name] === 'string' && claims[name] !== '' ? (claims[name] as string) : undefined);

  const objectId = text('oid');
  const tenantId = text('tid');
  const clientId = text('appid') ?? text('azp');
  const audience = text('aud');
  const expiresAt = typeof claims['exp'] === 'number' && Number.isFinite(claims['exp']) ? claims['exp'] : undefined;

  const missing = [
    objectId === undefined ? 'oid' : undefined,
    tenantId === undefined ? 'tid' : undefined,
    clientId === undefined ? 'appid or azp' : undefined,
    audience === undefined ? 'aud' : undefined,
    expiresAt === undefined ? 'exp' : undefined,
  ].filter((name) => name !== undefined);

  if (objectId === undefined || tenantId === undefined || clientId === undefined || audience === undefined || expiresAt === undefined) {
    return reject(
      'MalformedToken',
      `The bearer token lacks the claims ${missing.join(', ')}. Send an Entra ID access token of a signed-in user for https://auth.msft.communication.azure.com.`,
    );
  }

  return {
    objectId,
    tenantId,
    clientId,
    audience,
    scopes: (text('scp') ?? '').split(' ').filter((scope) => scope !== ''),
    expiresAt,
    issuer: text('iss'),
  };
}
