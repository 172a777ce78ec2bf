import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { createMemoryLog } from '../../sandbox/server/log.js';

describe('sandbox shell', () => {
  let sandbox: Sandbox;
  const log = createMemoryLog();

  before(async () => {
    sandbox = await startSandbox({ port: 0, serveFiles: false, log });
  });
  after(() => sandbox.close());

  it('serves HTTPS on localhost', () => {
    assert.match(sandbox.origin, /^https:\/\/localhost:\d+$/);
  });

  it('answers unknown paths with 404 and logs them', async () => {
    const response = await fetch(`${sandbox.origin}/no/such/path`);
    assert.equal(response.status, 404);
    const body = (await response.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'NotFound');
    assert.ok(log.lines.some((line) => line.includes('rejected GET /no/such/path 404')));
  });

  it('mints Entra tokens for tests', async () => {
    const response = await fetch(`${sandbox.origin}/__sandbox/entra-token`, {
      method: 'POST',
      body: JSON.stringify({ user: 'adele.vance@contoso.com' }),
    });
    assert.equal(response.status, 200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    const claims = sandbox.context.signingKey.verify(accessToken);
    assert.equal(claims?.['aud'], 'https://auth.msft.communication.azure.com');
    assert.equal(claims?.['scp'], 'Teams.ManageCalls Teams.ManageChats');
  });

  it('applies an armed fault once', () => {
    sandbox.context.faults.arm('example', { status: 429 });
    assert.equal(sandbox.context.faults.take('example')?.status, 429);
    assert.equal(sandbox.context.faults.take('example'), undefined);
  });
});
