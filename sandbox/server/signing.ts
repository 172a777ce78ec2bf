import { generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

/** Claims of a JSON Web Token, as the sandbox issues and reads them. */
export type JwtClaims = Record<string, unknown>;

/** A JSON Web Key Set entry for an RS256 public key. */
export interface PublicJwk {
  kty: string;
  use: 'sig';
  alg: 'RS256';
  kid: string;
  n: string;
  e: string;
}

/**
 * An RS256 signing key created at run time. The sandbox signs every token it issues with one, so
 * a token from one run is rejected by the next, and no key is ever written to the repository.
 */
export class SigningKey {
  readonly kid = randomUUID();
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.#privateKey = pair.privateKey;
    this.#publicKey = pair.publicKey;
  }

  /** Signs claims as a compact JWT with `alg: RS256` and this key's `kid`. */
  sign(claims: JwtClaims): string {
    const header = encodeSegment({ typ: 'JWT', alg: 'RS256', kid: this.kid });
    const payload = encodeSegment(claims);
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), this.#privateKey);
    return `${header}.${payload}.${signature.toString('base64url')}`;
  }

  /**
   * Verifies a JWT's signature against this key. Returns its claims, or `undefined` when the token
   * is malformed, names another key or has a bad signature. Expiry is the caller's check, because
   * the emulators answer an expired token with a different error than a forged one.
   */
  verify(token: string): JwtClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];

    const decodedHeader = decodeSegment(header);
    if (decodedHeader?.['alg'] !== 'RS256' || decodedHeader['kid'] !== this.kid) return undefined;
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      this.#publicKey,
      Buffer.from(signature, 'base64url'),
    );
    return valid ? decodeSegment(payload) : undefined;
  }

  /** The public key as a JWK, for the `jwks_uri` of the emulated Entra ID. */
  toJwk(): PublicJwk {
    const jwk = this.#publicKey.export({ format: 'jwk' });
    return { kty: String(jwk.kty), use: 'sig', alg: 'RS256', kid: this.kid, n: String(jwk.n), e: String(jwk.e) };
  }
}

/** Reads a JWT's claims without verifying it. Returns `undefined` for anything but a JWT. */
export function decodeJwtClaims(token: string): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  return decodeSegment(parts[1]!);
}

function encodeSegment(value: JwtClaims): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeSegment(segment: string): JwtClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}
