import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Headers a Communication Services request must sign, as the SDKs sign them. */
const requiredSignedHeaders = ['x-ms-date', 'host', 'x-ms-content-sha256'];

/**
 * How far `x-ms-date` may be from the sandbox's clock.
 * NOTE: the real service's tolerance is not documented where we looked; 15 minutes is assumed.
 */
const maxClockSkewMs = 15 * 60 * 1000;

/**
 * Verifies a request's HMAC-SHA256 authentication as the Communication Services SDKs produce it:
 *
 * - `x-ms-content-sha256` is the base64 SHA-256 of the body,
 * - `Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64>`,
 * - the signature is HMAC-SHA256, keyed with the base64-decoded access key, of
 *   `VERB\n<path>?<query>\n<x-ms-date>;<host>;<content hash>`.
 *
 * Returns why the request fails, or `undefined` when it is authentic.
 */
export function verifyHmacRequest(request: Request, body: Uint8Array, accessKey: string, now: number): string | undefined {
  const authorization = /^HMAC-SHA256\s+(.+)$/.exec(request.headers.get('authorization') ?? '');
  if (authorization === null) return 'The Authorization header is missing or not HMAC-SHA256.';

  const parameters = new Map<string, string>();
  for (const pair of authorization[1]!.split('&')) {
    const separator = pair.indexOf('=');
    if (separator > 0) parameters.set(pair.slice(0, separator), pair.slice(separator + 1));
  }
  const signedHeaders = (parameters.get('SignedHeaders') ?? '').split(';').map((name) => name.toLowerCase());
  const signature = parameters.get('Signature');
  const unsigned = requiredSignedHeaders.filter((name) => !signedHeaders.includes(name));
  if (signature === undefined || unsigned.length > 0) {
    return `The Authorization header must sign ${requiredSignedHeaders.join(';')} and carry a Signature.`;
  }

  const date = request.headers.get('x-ms-date');
  const dateMs = date === null ? Number.NaN : Date.parse(date);
  if (!Number.isFinite(dateMs)) return 'The x-ms-date header is missing or not an RFC 1123 date.';
  if (Math.abs(now - dateMs) > maxClockSkewMs) return `The x-ms-date ${date} is more than 15 minutes from the service's clock.`;

  const contentHash = createHash('sha256').update(body).digest('base64');
  if (request.headers.get('x-ms-content-sha256') !== contentHash) {
    return 'The x-ms-content-sha256 header does not match the hash of the body.';
  }

  const url = new URL(request.url);
  const query = url.searchParams.toString();
  const pathAndQuery = query === '' ? url.pathname : `${url.pathname}?${query}`;
  const values = signedHeaders.map((name) => (name === 'host' ? url.host : request.headers.get(name) ?? ''));
  const stringToSign = `${request.method.toUpperCase()}\n${pathAndQuery}\n${values.join(';')}`;

  const expected = createHmac('sha256', Buffer.from(accessKey, 'base64')).update(stringToSign).digest();
  const actual = Buffer.from(signature, 'base64');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return 'The HMAC signature does not match. Check the access key in the connection string.';
  }
  return undefined;
}
