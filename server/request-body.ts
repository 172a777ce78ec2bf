import { reject, type Rejection } from './rejection.js';

/**
 * Reads and checks the request body: empty, or a JSON object of at most `maxBytes` bytes. The
 * exchange uses nothing from the body today. It is checked anyway, so that a field added later
 * cannot turn an oversized or garbled body into a crash.
 *
 * `Content-Length` is checked before reading, and a chunked body is counted while it streams, so a
 * large body is refused without being buffered.
 */
export async function readRequestBody(request: Request, maxBytes: number): Promise<Record<string, unknown> | Rejection> {
  const declaredLength = request.headers.get('content-length');
  if (declaredLength !== null && Number(declaredLength) > maxBytes) {
    return tooLarge(maxBytes);
  }

  const read = await readTextWithLimit(request, maxBytes);
  if ('failure' in read) {
    if (read.failure === 'too-large') return tooLarge(maxBytes);
    if (read.failure === 'not-utf-8') {
      return reject('InvalidBody', 'The request body is not UTF-8 text. Send an empty body or a JSON object.');
    }
    return reject('InvalidBody', 'The request body could not be read to the end. Send the request again.');
  }
  const text = read.text;
  if (text.trim() === '') return {};

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return reject('InvalidBody', 'The request body is not valid JSON. Send an empty body or a JSON object.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject('InvalidBody', 'The request body is JSON but not an object. Send an empty body or a JSON object.');
  }
  return value as Record<string, unknown>;
}

type ReadResult = { text: string } | { failure: 'too-large' | 'unreadable' | 'not-utf-8' };

async function readTextWithLimit(request: Request, maxBytes: number): Promise<ReadResult> {
  if (request.body === null) return { text: '' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { failure: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { failure: 'unreadable' };
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { failure: 'not-utf-8' };
  }
}

function tooLarge(maxBytes: number): Rejection {
  return reject(
    'PayloadTooLarge',
    `The request body exceeds ${maxBytes} bytes. Send an empty body; the token goes in the Authorization header.`,
  );
}
