import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Sandbox } from '../../sandbox/server/app.js';
import { contoso } from '../../sandbox/server/directory.js';
import { graphAudience } from '../../sandbox/server/entra/access-token.js';
import { createSandboxExchangeHandler } from '../../sandbox/server/exchange.js';
import { identityRequestCount } from '../../sandbox/server/identity/index.js';
import { exchangeErrors, type ExchangeErrorCode } from '../../server/index.js';
import { entraToken, exchangeRequest, jwtClaims, readError, startTestSandbox } from './exchange-helpers.js';

/** One request the endpoint must reject locally. */
interface RejectionCase {
  name: string;
  code: ExchangeErrorCode;
  request: (sandbox: Sandbox) => Request;
}

const fabrikamUser = 'diego.siciliani@fabrikam.com';

const cases: RejectionCase[] = [
  {
    name: 'GET',
    code: 'MethodNotAllowed',
    request: (sandbox) => exchangeRequest(sandbox, { method: 'GET', token: entraToken(sandbox.context) }),
  },
  {
    name: 'foreign origin',
    code: 'OriginNotAllowed',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context), headers: { origin: 'https://pages.example' } }),
  },
  {
    name: 'no Authorization header',
    code: 'MissingAuthorization',
    request: (sandbox) => exchangeRequest(sandbox),
  },
  {
    name: 'Basic scheme',
    code: 'InvalidAuthorizationScheme',
    request: (sandbox) => exchangeRequest(sandbox, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
  },
  {
    name: 'bearer that is not a JWT',
    code: 'MalformedToken',
    request: (sandbox) => exchangeRequest(sandbox, { token: 'opaque-token-value' }),
  },
  {
    name: 'JWT without oid',
    code: 'MalformedToken',
    request: (sandbox) => {
      const { oid: _oid, ...claims } = jwtClaims(entraToken(sandbox.context));
      return exchangeRequest(sandbox, { token: sandbox.context.signingKey.sign(claims) });
    },
  },
  {
    name: 'expired token',
    code: 'TokenExpired',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context, { lifetimeSeconds: -60 }) }),
  },
  {
    name: 'Graph audience',
    code: 'WrongAudience',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context, { audience: graphAudience, scopes: ['Chat.ReadWrite'] }) }),
  },
  {
    name: 'chats scope only',
    code: 'MissingScope',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context, { scopes: ['Teams.ManageChats'] }) }),
  },
  {
    name: 'tenant outside the list',
    code: 'TenantNotAllowed',
    request: (sandbox) => {
      const claims = jwtClaims(entraToken(sandbox.context));
      return exchangeRequest(sandbox, { token: sandbox.context.signingKey.sign({ ...claims, tid: '11111111-2222-4333-8444-555555555555' }) });
    },
  },
  {
    name: 'another app',
    code: 'ClientNotAllowed',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context, { clientId: '00000000-0000-4000-8000-0000000000ab' }) }),
  },
  {
    name: 'Content-Length over the limit',
    code: 'PayloadTooLarge',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context), body: JSON.stringify({ padding: 'x'.repeat(5000) }) }),
  },
  {
    name: 'chunked body over the limit',
    code: 'PayloadTooLarge',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context), body: chunkedBody(3, 2048) }),
  },
  {
    name: 'body that is not JSON',
    code: 'InvalidBody',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context), body: 'token=abc' }),
  },
  {
    name: 'JSON array body',
    code: 'InvalidBody',
    request: (sandbox) => exchangeRequest(sandbox, { token: entraToken(sandbox.context), body: '[1, 2]' }),
  },
];

/** Creates a body streamed in `count` chunks of `size` bytes, without Content-Length. */
function chunkedBody(count: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === count) {
        controller.close();
        return;
      }
      sent += 1;
      controller.enqueue(new TextEncoder().encode(' '.repeat(size)));
    },
  });
}

describe('exchange endpoint rejections over HTTPS', () => {
  let sandbox: Sandbox;
  let log: { lines: string[] };

  before(async () => {
    ({ sandbox, log } = await startTestSandbox());
  });
  after(() => sandbox.close());

  for (const rejection of cases) {
    it(`rejects ${rejection.name} with ${rejection.code}`, async () => {
      const countBefore = identityRequestCount(sandbox.context);

      const response = await fetch(rejection.request(sandbox));
      const error = await readError(response);

      assert.equal(response.status, exchangeErrors[rejection.code]);
      assert.equal(error.code, rejection.code);
      assert.ok(error.message.length > 20, 'the message explains the problem');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(identityRequestCount(sandbox.context), countBefore, 'the identity API was not called');
      assert.ok(log.lines.some((line) => line.includes(`rejected ${response.status === 405 ? 'GET' : 'POST'} /api/token-exchange ${response.status} ${rejection.code}`)));
    });
  }

  it('sends Allow with MethodNotAllowed', async () => {
    const response = await fetch(exchangeRequest(sandbox, { method: 'DELETE' }));

    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
  });

  it('sends WWW-Authenticate with 401s', async () => {
    const missing = await fetch(exchangeRequest(sandbox));
    const expired = await fetch(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { lifetimeSeconds: -1 }) }));

    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    assert.equal(expired.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
  });

  it('checks expiry before audience', async () => {
    const token = entraToken(sandbox.context, { audience: graphAudience, lifetimeSeconds: -60 });

    const error = await readError(await fetch(exchangeRequest(sandbox, { token })));

    assert.equal(error.code, 'TokenExpired');
  });

  it('checks scope before tenant and app', async () => {
    const claims = jwtClaims(entraToken(sandbox.context, { scopes: ['Teams.ManageChats'], clientId: '00000000-0000-4000-8000-0000000000ab' }));
    const token = sandbox.context.signingKey.sign({ ...claims, tid: '11111111-2222-4333-8444-555555555555' });

    const error = await readError(await fetch(exchangeRequest(sandbox, { token })));

    assert.equal(error.code, 'MissingScope');
  });

  it('checks the token before the body', async () => {
    const token = entraToken(sandbox.context, { clientId: '00000000-0000-4000-8000-0000000000ab' });

    const error = await readError(await fetch(exchangeRequest(sandbox, { token, body: 'x'.repeat(10_000) })));

    assert.equal(error.code, 'ClientNotAllowed');
  });

  it('names the foreign audience in the message', async () => {
    const token = entraToken(sandbox.context, { audience: graphAudience });

    const error = await readError(await fetch(exchangeRequest(sandbox, { token })));

    assert.match(error.message, /https:\/\/graph\.microsoft\.com/);
    assert.match(error.message, /Teams\.ManageCalls/);
  });
});

describe('exchange endpoint tenant list', () => {
  let sandbox: Sandbox;

  before(async () => {
    ({ sandbox } = await startTestSandbox());
  });
  after(() => sandbox.close());

  it('rejects Fabrikam when only Contoso is allowed', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { allowedTenantIds: [contoso.id] });
    const countBefore = identityRequestCount(sandbox.context);

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { user: fabrikamUser }) }));
    const error = await readError(response);

    assert.equal(response.status, 403);
    assert.equal(error.code, 'TenantNotAllowed');
    assert.equal(identityRequestCount(sandbox.context), countBefore);
  });

  it('accepts any tenant with "*"', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { allowedTenantIds: '*' });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { user: fabrikamUser }) }));

    assert.equal(response.status, 200);
  });

  it('requires ManageChats when configured', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { requiredScopes: ['Teams.ManageCalls', 'Teams.ManageChats'] });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { scopes: ['Teams.ManageCalls'] }) }));
    const error = await readError(response);

    assert.equal(error.code, 'MissingScope');
    assert.match(error.message, /Teams\.ManageChats/);
  });

  it('refuses incomplete options at creation', () => {
    assert.throws(() => createSandboxExchangeHandler(sandbox.context, { allowedClientIds: [] }), /allowedClientIds/);
    assert.throws(() => createSandboxExchangeHandler(sandbox.context, { allowedTenantIds: [] }), /allowedTenantIds/);
    assert.throws(() => createSandboxExchangeHandler(sandbox.context, { connectionString: '' }), /connectionString/);
    assert.throws(() => createSandboxExchangeHandler(sandbox.context, { identityTimeoutMs: 0 }), /identityTimeoutMs/);
  });
});
