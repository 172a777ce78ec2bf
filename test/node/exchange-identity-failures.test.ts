import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';

import type { Sandbox } from '../../sandbox/server/app.js';
import { createSandboxExchangeHandler } from '../../sandbox/server/exchange.js';
import type { Fault } from '../../sandbox/server/faults.js';
import { identityRequestCount } from '../../sandbox/server/identity/index.js';
import { createExchangeHandler, exchangeErrors, type ExchangeErrorCode, type TeamsTokenExchanger } from '../../server/index.js';
import { entraToken, exchangeRequest, readError, startTestSandbox } from './exchange-helpers.js';

/** An identity API response armed as a fault, and the error the endpoint must map it to. */
interface FailureCase {
  name: string;
  fault: Fault;
  code: ExchangeErrorCode;
}

const failures: FailureCase[] = [
  { name: '401 InvalidAccessToken', fault: { status: 401 }, code: 'TokenRejected' },
  {
    name: '401 Denied',
    fault: { status: 401, body: { error: { code: 'Denied', message: 'Signature mismatch.' } } },
    code: 'IdentityServiceUnauthorized',
  },
  { name: '400 ValidationError', fault: { status: 400 }, code: 'ExchangeRejected' },
  { name: '403', fault: { status: 403 }, code: 'ExchangeRejected' },
  { name: '429 without Retry-After', fault: { status: 429 }, code: 'TooManyRequests' },
  { name: '500', fault: { status: 500 }, code: 'IdentityServiceError' },
  { name: '503', fault: { status: 503 }, code: 'IdentityServiceError' },
  { name: '200 with an empty object', fault: { status: 200, body: {} }, code: 'IdentityServiceError' },
  {
    name: '200 with an invalid date',
    fault: { status: 200, body: { token: 'opaque', expiresOn: 'not a date' } },
    code: 'IdentityServiceError',
  },
  {
    name: '200 with a past date',
    fault: { status: 200, body: { token: 'opaque', expiresOn: '2001-01-01T00:00:00Z' } },
    code: 'IdentityServiceError',
  },
  {
    name: '200 with an empty token',
    fault: { status: 200, body: { token: '', expiresOn: new Date(Date.now() + 3_600_000).toISOString() } },
    code: 'IdentityServiceError',
  },
];

describe('exchange endpoint identity failures', () => {
  let sandbox: Sandbox;

  before(async () => {
    ({ sandbox } = await startTestSandbox());
  });
  after(() => sandbox.close());
  beforeEach(() => sandbox.context.faults.clear());

  for (const failure of failures) {
    it(`maps identity ${failure.name} to ${failure.code}`, async () => {
      const handler = createSandboxExchangeHandler(sandbox.context);
      sandbox.context.faults.arm('identity', failure.fault);
      const countBefore = identityRequestCount(sandbox.context);

      const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
      const error = await readError(response);

      assert.equal(response.status, exchangeErrors[failure.code]);
      assert.equal(error.code, failure.code);
      assert.equal(identityRequestCount(sandbox.context), countBefore + 1, 'one call, no retry');
    });
  }

  it('passes Retry-After through on 429', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context);
    sandbox.context.faults.arm('identity', { status: 429, retryAfterSeconds: 7, times: 4 });
    const countBefore = identityRequestCount(sandbox.context);

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context), headers: { origin: 'http://localhost:8000' } }));
    const error = await readError(response);

    assert.equal(response.status, 429);
    assert.equal(error.code, 'TooManyRequests');
    assert.equal(response.headers.get('retry-after'), '7');
    assert.match(error.message, /7 seconds/);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /retry-after/);
    assert.equal(identityRequestCount(sandbox.context), countBefore + 1, 'the SDK did not retry after Retry-After');
  });

  it('answers 504 when the identity API hangs', async () => {
    const timeoutMs = 400;
    const handler = createSandboxExchangeHandler(sandbox.context, { identityTimeoutMs: timeoutMs });
    sandbox.context.faults.arm('identity', { hang: true });
    const started = performance.now();

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const elapsed = performance.now() - started;
    const error = await readError(response);

    assert.equal(response.status, 504);
    assert.equal(error.code, 'IdentityServiceUnavailable');
    assert.ok(elapsed >= timeoutMs - 20, `answered after ${elapsed} ms, before the timeout`);
    assert.ok(elapsed < timeoutMs + 1000, `answered after ${elapsed} ms, long after the ${timeoutMs} ms timeout`);
  });

  it('succeeds when the identity API is slow but in time', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { identityTimeoutMs: 2000 });
    sandbox.context.faults.arm('identity', { delayMs: 200 });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));

    assert.equal(response.status, 200);
  });

  it('maps a wrong access key to 502', async () => {
    const wrongKey = randomBytes(32).toString('base64');
    const handler = createSandboxExchangeHandler(sandbox.context, {
      connectionString: `endpoint=${sandbox.context.resource.endpoint};accesskey=${wrongKey}`,
    });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const error = await readError(response);

    assert.equal(response.status, 502);
    assert.equal(error.code, 'IdentityServiceUnauthorized');
  });

  it('maps a refused connection to 504', async () => {
    const port = await closedLoopbackPort();
    const handler = createSandboxExchangeHandler(sandbox.context, {
      connectionString: `endpoint=https://127.0.0.1:${port}/;accesskey=${sandbox.context.resource.accessKey}`,
    });
    const started = performance.now();

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const error = await readError(response);

    assert.equal(response.status, 504);
    assert.equal(error.code, 'IdentityServiceUnavailable');
    assert.ok(performance.now() - started < 2000, 'no retries before answering');
  });

  it('maps an injected client that throws to 502', async () => {
    const identityClient: TeamsTokenExchanger = {
      getTokenForTeamsUser: () => Promise.reject(new TypeError('client bug')),
    };
    const handler = createExchangeHandler({ identityClient, allowedTenantIds: '*', allowedClientIds: [sandbox.context.app.clientId] });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const error = await readError(response);

    assert.equal(response.status, 502);
    assert.equal(error.code, 'IdentityServiceError');
  });

  it('times out a client that ignores abort', async () => {
    const identityClient: TeamsTokenExchanger = { getTokenForTeamsUser: () => new Promise(() => undefined) };
    const handler = createExchangeHandler({
      identityClient,
      allowedTenantIds: '*',
      allowedClientIds: [sandbox.context.app.clientId],
      identityTimeoutMs: 100,
    });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));

    assert.equal(response.status, 504);
  });

  it('passes the token claims to the identity client', async () => {
    const calls: unknown[] = [];
    const identityClient: TeamsTokenExchanger = {
      getTokenForTeamsUser: async (options) => {
        calls.push({ ...options, abortSignal: undefined });
        return { token: 'opaque', expiresOn: new Date(Date.now() + 60_000) };
      },
    };
    const handler = createExchangeHandler({ identityClient, allowedTenantIds: '*', allowedClientIds: [sandbox.context.app.clientId] });
    const token = entraToken(sandbox.context, { user: 'lee.gu@fabrikam.com' });

    const response = await handler(exchangeRequest(sandbox, { token }));

    assert.equal(response.status, 200);
    assert.deepEqual(calls, [{
      teamsUserAadToken: token,
      clientId: sandbox.context.app.clientId,
      userObjectId: '0a1b2c3d-0005-4000-8000-00000000fab5',
      abortSignal: undefined,
    }]);
  });
});

/** Returns a loopback port that nothing listens on, by binding it once and releasing it. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
