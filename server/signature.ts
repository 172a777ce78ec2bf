import type { DecodedJwt } from './jwt.js';
import { reject, type Rejection } from './rejection.js';

/** One RSA public key of a JSON Web Key Set, as Entra ID publishes them at `jwks_uri`. */
export interface PublicJsonWebKey {
  kty: string;
  kid?: string;
  n?: string;
  e?: string;
  alg?: string;
  use?: string;
}

/** A JSON Web Key Set. */
export interface JsonWebKeySet {
  keys: PublicJsonWebKey[];
}

/** The token details a key source receives to find the keys that signed it. */
export interface SigningKeyRequest {
  /** `iss` of the token, not yet trusted. */
  issuer: string;
  /** `tid` of the token, not yet trusted. */
  tenantId: string;
  /** `kid` of the token's header, when present. */
  keyId: string | undefined;
}

/**
 * Returns the keys that may have signed a token from `issuer`, or `undefined` when that issuer is
 * not trusted. Deciding which issuers to trust is the source's job.
 */
export type SigningKeySource = (request: SigningKeyRequest) => Promise<JsonWebKeySet | undefined> | JsonWebKeySet | undefined;

/**
 * Verifies a token's RS256 signature against the keys its issuer publishes. Entra ID signs access
 * tokens with RS256 only, so any other `alg` is refused. Uses WebCrypto rather than `node:crypto`,
 * like the rest of the handler.
 */
export async function verifyTokenSignature(
  token: DecodedJwt,
  issuer: string | undefined,
  tenantId: string,
  keySource: SigningKeySource,
): Promise<Rejection | undefined> {
  if (token.header['alg'] !== 'RS256') {
    return reject('InvalidSignature', `The token is signed with "${String(token.header['alg'])}", but only RS256 is accepted. Send an Entra ID access token.`);
  }
  if (issuer === undefined) {
    return reject('InvalidSignature', 'The token has no iss claim, so its signing keys cannot be found. Send an Entra ID access token.');
  }

  const keyId = typeof token.header['kid'] === 'string' ? token.header['kid'] : undefined;
  let keySet: JsonWebKeySet | undefined;
  try {
    keySet = await keySource({ issuer, tenantId, keyId });
  } catch {
    return reject('InvalidSignature', `The signing keys of issuer ${issuer} could not be loaded. Retry later.`);
  }
  if (keySet === undefined) {
    return reject('InvalidSignature', `Issuer ${issuer} is not trusted by this endpoint. Sign in with Entra ID.`);
  }

  const candidates = keySet.keys.filter((key) => key.kty === 'RSA' && (keyId === undefined || key.kid === keyId));
  for (const key of candidates) {
    if (await verifyWithKey(key, token)) return undefined;
  }
  return reject('InvalidSignature', `The token's signature does not match any key of issuer ${issuer}. Acquire a new token from Entra ID.`);
}

async function verifyWithKey(key: PublicJsonWebKey, token: DecodedJwt): Promise<boolean> {
  if (key.n === undefined || key.e === undefined) return false;
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };

  try {
    const publicKey = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: key.n, e: key.e, ext: true }, algorithm, false, ['verify']);
    return await crypto.subtle.verify(algorithm, publicKey, token.signature, new TextEncoder().encode(token.signingInput));
  } catch {
    // A key that does not import is skipped like a key that does not match.
    return false;
  }
}
