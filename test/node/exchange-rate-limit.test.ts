import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Sandbox } from '../../sandbox/server/app.js';
import { createSandboxExchangeHandler } from '../../sandbox/server/exchange.js';
import { identityRequestCount } from '../../sandbox/server/identity/index.js';
import { FixedWindowRateLimiter } from '../../server/rate-limit.js';
import { entraToken, exchangeRequest, readError, startTestSandbox } from './exchange-helpers.js';

describe('exchange endpoint rate limits', () => {
  let sandbox: Sandbox;

  before(async () => {
    ({ sandbox } = await startTestSandbox());
  });
  after(() => sandbox.close());

  it('limits one client address', async () => {
    let now = 1_000_000;
    const handler = createSandboxExchangeHandler(sandbox.context, {
      rateLimit: { perClientAddress: { limit: 2, windowMs: 10_000 } },
      now: () => now,
    });
    const send = (remoteAddress: string) => handler(exchangeRequest(sandbox), { remoteAddress });

    const first = await send('192.0.2.1');
    const second = await send('192.0.2.1');
    now += 4000;
    const third = await send('192.0.2.1');
    const otherAddress = await send('192.0.2.2');

    assert.equal(first.status, 401, 'within the budget, the request goes on to the token checks');
    assert.equal(second.status, 401);
    assert.equal(third.status, 429);
    assert.equal((await readError(third)).code, 'TooManyRequests');
    assert.equal(third.headers.get('retry-after'), '6');
    assert.equal(otherAddress.status, 401, 'another address has its own budget');
  });

  it('opens a new window after windowMs', async () => {
    let now = 5_000_000;
    const handler = createSandboxExchangeHandler(sandbox.context, {
      rateLimit: { perClientAddress: { limit: 1, windowMs: 1000 } },
      now: () => now,
    });
    const send = () => handler(exchangeRequest(sandbox), { remoteAddress: '192.0.2.9' });

    await send();
    const refused = await send();
    now += 1000;
    const later = await send();

    assert.equal(refused.status, 429);
    assert.equal(later.status, 401);
  });

  it('limits one user before the identity call', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { rateLimit: { perUser: { limit: 1, windowMs: 60_000 } } });
    const countBefore = identityRequestCount(sandbox.context);

    const first = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const second = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const otherUser = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { user: 'lee.gu@fabrikam.com' }) }));

    assert.equal(first.status, 200);
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), '60');
    assert.equal(otherUser.status, 200);
    assert.equal(identityRequestCount(sandbox.context), countBefore + 2, 'the refused request spent no identity call');
  });

  it('counts only tokens that pass the checks per user', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { rateLimit: { perUser: { limit: 1, windowMs: 60_000 } } });
    const user = 'megan.bowen@contoso.com';

    const expired = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { user, lifetimeSeconds: -5 }) }));
    const valid = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { user }) }));

    assert.equal(expired.status, 401);
    assert.equal(valid.status, 200);
  });

  it('reads the address from clientAddress', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, {
      rateLimit: {
        perClientAddress: { limit: 1, windowMs: 60_000 },
        clientAddress: (request) => request.headers.get('x-test-client') ?? undefined,
      },
    });
    const send = (client: string) => handler(exchangeRequest(sandbox, { headers: { 'x-test-client': client } }));

    await send('a');
    const refused = await send('a');
    const other = await send('b');

    assert.equal(refused.status, 429);
    assert.equal(other.status, 401);
  });
});

describe('FixedWindowRateLimiter', () => {
  it('drops the oldest keys past maxKeys', () => {
    const limiter = new FixedWindowRateLimiter({ limit: 1, windowMs: 60_000 }, 2);

    limiter.take('a', 0);
    limiter.take('b', 1);
    limiter.take('c', 2);

    assert.equal(limiter.take('a', 3).allowed, true, 'a was evicted, so its budget starts again');
    assert.equal(limiter.take('c', 4).allowed, false, 'c is still counted');
  });

  it('rejects a limit below one', () => {
    assert.throws(() => new FixedWindowRateLimiter({ limit: 0, windowMs: 1000 }), RangeError);
    assert.throws(() => new FixedWindowRateLimiter({ limit: 1, windowMs: 0 }), RangeError);
  });
});
