import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import type { Sandbox } from '../../sandbox/server/app.js';
import {
  createExchangeHandler,
  toAzureFunctionsHandler,
  toNodeListener,
  type ExchangeHandler,
  type TeamsTokenExchanger,
} from '../../server/index.js';
import { entraToken, startTestSandbox } from './exchange-helpers.js';

/** Creates an identity client that resolves at once, or waits for abort while `hold` is set. */
function fakeIdentityClient(state: { hold: boolean; aborted: boolean }): TeamsTokenExchanger {
  return {
    getTokenForTeamsUser: (options) =>
      new Promise((resolve, reject) => {
        if (!state.hold) {
          resolve({ token: 'communication-token', expiresOn: new Date(Date.now() + 60_000) });
          return;
        }
        options.abortSignal?.addEventListener('abort', () => {
          state.aborted = true;
          reject(new Error('aborted'));
        });
      }),
  };
}

describe('exchange endpoint adapters', () => {
  let sandbox: Sandbox;
  let server: Server;
  let url: string;
  let handler: ExchangeHandler;
  const identity = { hold: false, aborted: false };

  before(async () => {
    ({ sandbox } = await startTestSandbox());
    handler = createExchangeHandler({
      identityClient: fakeIdentityClient(identity),
      allowedTenantIds: '*',
      allowedClientIds: [sandbox.context.app.clientId],
      rateLimit: { perClientAddress: { limit: 3, windowMs: 60_000 } },
    });
    server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await sandbox.close();
  });

  it('exchanges through node:http', async () => {
    const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${entraToken(sandbox.context)}` } });

    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { token: string }).token, 'communication-token');
  });

  it('caps a chunked body through node:http', async () => {
    const chunks = ['{"padding":"', 'x'.repeat(3000), 'x'.repeat(3000), '"}'];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });

    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${entraToken(sandbox.context)}` },
      body,
      duplex: 'half',
    } as RequestInit);

    assert.equal(response.status, 413);
  });

  it('aborts the identity call when the client leaves', async () => {
    identity.hold = true;
    const controller = new AbortController();

    const request = fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${entraToken(sandbox.context)}` },
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await assert.rejects(request);
    await new Promise((resolve) => setTimeout(resolve, 200));
    identity.hold = false;

    assert.equal(identity.aborted, true);
  });

  it('limits by the socket address', async () => {
    // The three requests above used this address's budget of three.
    const response = await fetch(url, { method: 'POST' });

    assert.equal(response.status, 429);
    assert.ok(Number(response.headers.get('retry-after')) > 0);
  });

  it('exchanges through the Azure Functions adapter', async () => {
    const functionsHandler = toAzureFunctionsHandler(
      createExchangeHandler({
        identityClient: fakeIdentityClient({ hold: false, aborted: false }),
        allowedTenantIds: '*',
        allowedClientIds: [sandbox.context.app.clientId],
      }),
    );

    const response = await functionsHandler({
      method: 'POST',
      url: 'https://functions.example/api/token-exchange',
      headers: new Headers({ authorization: `Bearer ${entraToken(sandbox.context)}`, origin: 'https://functions.example' }),
      body: new Response('{}').body,
    });

    assert.equal(response.status, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal((JSON.parse(response.body) as { token: string }).token, 'communication-token');
  });
});
