import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Sandbox } from '../../sandbox/server/app.js';
import { graphAudience } from '../../sandbox/server/entra/access-token.js';
import { createSandboxExchangeHandler } from '../../sandbox/server/exchange.js';
import type { ExchangeSuccessBody } from '../../server/index.js';
import { redactSecrets } from '../../server/logging.js';
import { createRecordingLogger, entraToken, exchangeRequest, startTestSandbox } from './exchange-helpers.js';

describe('exchange endpoint logging', () => {
  let sandbox: Sandbox;
  let sandboxLog: { lines: string[] };

  before(async () => {
    ({ sandbox, log: sandboxLog } = await startTestSandbox());
  });
  after(() => sandbox.close());

  it('never logs a token', async () => {
    const logger = createRecordingLogger();
    const handler = createSandboxExchangeHandler(sandbox.context, { logger, identityTimeoutMs: 300 });
    const secrets: string[] = [];
    const token = (options: Parameters<typeof entraToken>[1] = {}) => {
      const value = entraToken(sandbox.context, options);
      secrets.push(value);
      return value;
    };

    // A success, local rejections and identity failures, through the handler and over HTTPS.
    const success = await handler(exchangeRequest(sandbox, { token: token() }));
    secrets.push(((await success.json()) as ExchangeSuccessBody).token);
    const overHttps = await fetch(exchangeRequest(sandbox, { token: token() }));
    secrets.push(((await overHttps.json()) as ExchangeSuccessBody).token);
    await handler(exchangeRequest(sandbox, { token: token({ lifetimeSeconds: -5 }) }));
    await handler(exchangeRequest(sandbox, { token: token({ audience: graphAudience }) }));
    await fetch(exchangeRequest(sandbox, { token: token({ scopes: ['Teams.ManageChats'] }) }));
    await handler(exchangeRequest(sandbox, { headers: { authorization: `Basic ${token()}` } }));
    sandbox.context.faults.arm('identity', { status: 401 });
    await handler(exchangeRequest(sandbox, { token: token() }));
    sandbox.context.faults.arm('identity', { status: 500 });
    await fetch(exchangeRequest(sandbox, { token: token() }));
    sandbox.context.faults.arm('identity', { hang: true });
    await handler(exchangeRequest(sandbox, { token: token() }));

    const lines = [...logger.lines, ...sandboxLog.lines];
    assert.equal(logger.lines.length, 6, 'one line per request through the handler with the logger');
    for (const secret of secrets) {
      const leaks = lines.filter((line) => line.includes(secret) || line.includes(secret.split('.')[2]!));
      assert.deepEqual(leaks, [], 'a log line contains a token or its signature');
    }
    assert.deepEqual(lines.filter((line) => line.includes('eyJ')), [], 'a log line contains a JWT segment');
  });

  it('logs the code and ids of a rejection', async () => {
    const logger = createRecordingLogger();
    const handler = createSandboxExchangeHandler(sandbox.context, { logger });

    await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { scopes: ['Teams.ManageChats'] }) }));

    assert.equal(logger.lines.length, 1);
    assert.match(logger.lines[0]!, /^info token exchange rejected: MissingScope/);
    assert.match(logger.lines[0]!, /oid 0a1b2c3d-0001-4000-8000-00000000c0a1/);
  });

  it('logs identity failures as errors', async () => {
    const logger = createRecordingLogger();
    const handler = createSandboxExchangeHandler(sandbox.context, { logger });
    sandbox.context.faults.arm('identity', { status: 500 });

    await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));

    assert.equal(logger.lines.length, 1);
    assert.match(logger.lines[0]!, /^error token exchange rejected: IdentityServiceError/);
    assert.match(logger.lines[0]!, /answered 500 InternalServerError/);
  });

  it('survives a logger that throws', async () => {
    const throwing = () => {
      throw new Error('log sink down');
    };
    const handler = createSandboxExchangeHandler(sandbox.context, { logger: { info: throwing, warn: throwing, error: throwing } });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));

    assert.equal(response.status, 200);
  });

  it('redacts JWTs and Authorization values', () => {
    const jwt = entraToken(sandbox.context);

    const redacted = redactSecrets(
      `got ${jwt} with Authorization: Bearer opaque-access-token.value and HMAC-SHA256 SignedHeaders=x&Signature=y`,
    );

    assert.equal(redacted.includes(jwt), false);
    assert.equal(redacted.includes('opaque-access-token.value'), false);
    assert.equal(redacted.includes('Signature=y'), false);
    assert.match(redacted, /\[redacted token\]/);
    assert.equal(redactSecrets('The bearer token is not a JWT.'), 'The bearer token is not a JWT.');
  });
});
