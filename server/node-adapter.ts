import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { TLSSocket } from 'node:tls';

/**
 * A web-standard request handler, as the exchange endpoint and the sandbox routes are written.
 * `connection` carries details only the socket has, such as the peer address.
 */
export type FetchHandler = (request: Request, connection: { remoteAddress?: string }) => Promise<Response>;

/**
 * Converts a `node:http` request to a web-standard `Request`. The body is streamed, not buffered,
 * so the handler decides how much of it to read. The request's `signal` aborts when the client
 * disconnects before the body arrives or, given `outgoing`, before the response is sent.
 */
export function toWebRequest(incoming: IncomingMessage, outgoing?: ServerResponse): Request {
  const protocol = incoming.socket instanceof TLSSocket ? 'https' : 'http';
  const host = incoming.headers.host ?? 'localhost';
  const url = new URL(incoming.url ?? '/', `${protocol}://${host}`);

  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }

  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const abort = new AbortController();
  incoming.once('close', () => {
    if (!incoming.complete) abort.abort();
  });
  outgoing?.once('close', () => {
    if (!outgoing.writableFinished) abort.abort();
  });

  return new Request(url, {
    method,
    headers,
    signal: abort.signal,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

/** Writes a web-standard `Response` to a `node:http` response, streaming its body. */
export async function sendWebResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  outgoing.writeHead(response.status, response.statusText, headers);

  if (response.body === null) {
    outgoing.end();
    return;
  }
  const body = Readable.fromWeb(response.body as NodeReadableStream);
  await new Promise<void>((resolve, reject) => {
    body.once('error', reject);
    outgoing.once('close', resolve);
    body.pipe(outgoing);
  });
}

/**
 * Adapts a web-standard handler to a `node:http` request listener; Express accepts the listener
 * too, because its `req` and `res` are node's. A handler that throws gets a JSON 500 without the
 * error's details, and the error goes to `onError`.
 */
export function toNodeListener(
  handler: FetchHandler,
  onError: (error: unknown) => void = (error) => console.error(error),
): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  return (incoming, outgoing) => {
    void (async () => {
      let response: Response;
      try {
        response = await handler(toWebRequest(incoming, outgoing), { remoteAddress: incoming.socket.remoteAddress });
      } catch (error) {
        onError(error);
        response = Response.json(
          { error: { code: 'InternalError', message: 'The server failed to handle the request.' } },
          { status: 500 },
        );
      }
      await sendWebResponse(response, outgoing).catch(onError);
    })();
  };
}
