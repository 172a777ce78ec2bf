import type { ExchangeHandler } from './exchange-handler.js';

/**
 * The fields of an Azure Functions v4 `HttpRequest` (package `@azure/functions`) that the adapter
 * reads. Declared here so this package does not depend on `@azure/functions`.
 */
export interface AzureFunctionsHttpRequest {
  method: string;
  url: string;
  headers: Iterable<[string, string]>;
  body: ReadableStream<Uint8Array> | null;
}

/** The fields of an Azure Functions v4 `HttpResponseInit` that the adapter sets. */
export interface AzureFunctionsHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Adapts the exchange handler to an Azure Functions v4 HTTP trigger:
 * `app.http('token-exchange', { methods: ['POST', 'OPTIONS'], authLevel: 'anonymous', handler: toAzureFunctionsHandler(handler) })`.
 *
 * NOTE: Functions does not expose the peer address. The per-address rate limit needs
 * `rateLimit.clientAddress`, for example reading `x-forwarded-for` as set by the Functions front end.
 * This adapter was checked against the structural types above, not against the Functions runtime.
 */
export function toAzureFunctionsHandler(handler: ExchangeHandler): (request: AzureFunctionsHttpRequest) => Promise<AzureFunctionsHttpResponse> {
  return async (functionsRequest) => {
    const headers = new Headers();
    for (const [name, value] of functionsRequest.headers) headers.append(name, value);

    const hasBody = functionsRequest.body !== null && functionsRequest.method !== 'GET' && functionsRequest.method !== 'HEAD';
    const request = new Request(functionsRequest.url, {
      method: functionsRequest.method,
      headers,
      ...(hasBody ? { body: functionsRequest.body, duplex: 'half' } : {}),
    } as RequestInit);

    const response = await handler(request, {});
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  };
}
