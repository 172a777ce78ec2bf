import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { isLoopbackOrigin } from '../../sandbox/server/loopback.js';
import { createMemoryLog } from '../../sandbox/server/log.js';

// The module is rollup's output; `npm run build` writes it.
const built = existsSync('build/sandbox/calling.js');
const chunks = existsSync('build/sandbox/chunks') ? readdirSync('build/sandbox/chunks').filter((name) => name.endsWith('.js')) : [];

describe('the sandbox calling module for pages on other origins', { skip: built ? false : 'build/sandbox/calling.js is missing; run npm run build' }, () => {
  let sandbox: Sandbox;

  before(async () => {
    sandbox = await startSandbox({ port: 0, log: createMemoryLog() });
  });
  after(() => sandbox.close());

  it('lets a page on another loopback origin import it', async () => {
    const response = await fetch(`${sandbox.origin}/sandbox/calling.js`, { headers: { origin: 'http://localhost:8906' } });

    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:8906');
    assert.match(response.headers.get('vary') ?? '', /origin/i);
  });

  it('lets such a page import the chunks too', { skip: chunks.length === 0 ? 'this build has no chunks' : false }, async () => {
    const response = await fetch(`${sandbox.origin}/sandbox/chunks/${chunks[0]}`, { headers: { origin: 'http://127.0.0.1:5173' } });

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
  });

  it('does not open it to origins off loopback', async () => {
    const response = await fetch(`${sandbox.origin}/sandbox/calling.js`, { headers: { origin: 'https://contoso.example' } });

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('keeps the demo pages to the sandbox origin', async () => {
    const response = await fetch(`${sandbox.origin}/`, { headers: { origin: 'http://localhost:8906' } });

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('isLoopbackOrigin', () => {
  it('accepts loopback hosts on any port', () => {
    for (const origin of ['http://localhost:8906', 'https://localhost', 'http://127.0.0.1:3000', 'http://[::1]:8080']) {
      assert.equal(isLoopbackOrigin(origin), true, origin);
    }
  });

  it('rejects other hosts, schemes and values that are not origins', () => {
    for (const origin of ['https://contoso.example', 'http://localhost.contoso.example', 'file://localhost', 'null', 'http://localhost:8906/path', '']) {
      assert.equal(isLoopbackOrigin(origin), false, origin);
    }
  });
});
