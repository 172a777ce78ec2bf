import { graphError } from './responses.js';

/**
 * Largest request body the emulator reads, in bytes. Graph rejects requests over 4 MB; a chat
 * message body is limited far below that.
 */
const maximumRequestBytes = 4 * 1024 * 1024;

/**
 * Reads a JSON request body. Returns a 413 response for a body over 4 MB and a 400 response for
 * one that is not JSON, naming the `expected` resource.
 */
export async function readJsonBody(request: Request, expected: string): Promise<unknown> {
  if (Number(request.headers.get('content-length') ?? 0) > maximumRequestBytes) {
    return graphError(request, 413, 'RequestEntityTooLarge', `The request body is larger than ${maximumRequestBytes} bytes.`);
  }
  try {
    return await request.json();
  } catch {
    return graphError(request, 400, 'BadRequest', `The request body is not valid JSON. Send a ${expected} object.`);
  }
}
