/** A compact JWT split into its parts. Nothing in it is verified. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** `<header>.<payload>` as sent, the input of the signature. */
  signingInput: string;
  signature: Uint8Array<ArrayBuffer>;
}

/**
 * Splits and decodes a compact JWS (`header.payload.signature`). Returns `undefined` when the text
 * is not three base64url segments whose first two are JSON objects. Uses only web-standard APIs
 * (`atob`, `TextDecoder`), so the handler does not depend on Node's `Buffer`.
 */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [headerSegment, payloadSegment, signatureSegment] = parts as [string, string, string];

  const header = decodeJsonSegment(headerSegment);
  const claims = decodeJsonSegment(payloadSegment);
  const signature = base64UrlToBytes(signatureSegment);
  if (header === undefined || claims === undefined || signature === undefined) return undefined;

  return { header, claims, signingInput: `${headerSegment}.${payloadSegment}`, signature };
}

/** Decodes base64url without padding. Returns `undefined` for any other character. */
export function base64UrlToBytes(segment: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');

  let binary: string;
  try {
    binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return undefined;
  }
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const bytes = base64UrlToBytes(segment);
  if (bytes === undefined || bytes.length === 0) return undefined;

  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
