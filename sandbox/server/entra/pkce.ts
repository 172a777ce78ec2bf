import { createHash } from 'node:crypto';

/** RFC 7636: a code verifier is 43 to 128 unreserved characters. */
const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Checks a PKCE code verifier against the challenge of the authorization request: for `S256` the
 * challenge is the base64url SHA-256 of the verifier, for `plain` the verifier itself.
 */
export function verifyCodeVerifier(challenge: string, method: 'S256' | 'plain', verifier: string): boolean {
  if (!verifierPattern.test(verifier)) return false;
  const expected = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return expected === challenge;
}
