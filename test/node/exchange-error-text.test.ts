import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { createMemoryLog } from '../../sandbox/server/log.js';
import { readExchangeHttpError } from '../../src/services/tokens/exchange-http-error.js';

describe('the error of an exchange URL that is no exchange endpoint', () => {
  let sandbox: Sandbox;

  before(async () => {
    // With the demo files served, a POST to an unknown path meets their GET routes: a 405.
    sandbox = await startSandbox({ port: 0, log: createMemoryLog() });
  });
  after(() => sandbox.close());

  it('joins the server\'s sentence and its own with one period', async () => {
    const url = `${sandbox.origin}/api/does-not-exist`;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(response.status, 405);

    const error = await readExchangeHttpError(response, `The exchange endpoint ${url}`, 'entra-token', Date.now());

    assert.equal(error.code, 'exchange-failed');
    assert.equal(error.status, 405);
    assert.equal(
      error.message,
      `The exchange endpoint ${url} responded 405 MethodNotAllowed: POST is not allowed on /api/does-not-exist. Check the exchange endpoint URL and its configuration.`,
    );
  });
});
