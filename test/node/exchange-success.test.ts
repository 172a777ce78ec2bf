import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Sandbox } from '../../sandbox/server/app.js';
import { contoso, fabrikam, findUser } from '../../sandbox/server/directory.js';
import { identityRequestCount, verifyCommunicationToken } from '../../sandbox/server/identity/index.js';
import type { ExchangeSuccessBody } from '../../server/index.js';
import { entraToken, exchangeRequest, jwtClaims, startTestSandbox } from './exchange-helpers.js';

const users = [
  { upn: 'adele.vance@contoso.com', tenant: contoso },
  { upn: 'lee.gu@fabrikam.com', tenant: fabrikam },
];

describe('exchange endpoint success over HTTPS', () => {
  let sandbox: Sandbox;

  before(async () => {
    ({ sandbox } = await startTestSandbox());
  });
  after(() => sandbox.close());

  for (const { upn, tenant } of users) {
    it(`exchanges a ${tenant.displayName} user token`, async () => {
      const user = findUser(upn)!;
      const countBefore = identityRequestCount(sandbox.context);

      const response = await fetch(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { user: upn }) }));
      const body = (await response.json()) as ExchangeSuccessBody;

      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(identityRequestCount(sandbox.context), countBefore + 1);

      const claims = jwtClaims(body.token);
      assert.equal(claims['skypeid'], `orgid:${user.id}`);
      assert.equal(claims['tid'], tenant.id);
      assert.equal(claims['resourceId'], sandbox.context.resource.id);
      assert.match(String(claims['acsScope']), /(^|,)voip(,|$)/);
      assert.equal(body.expiresOn, new Date((claims['exp'] as number) * 1000).toISOString());
      assert.equal(verifyCommunicationToken(sandbox.context, body.token)?.rawId, `8:orgid:${user.id}`);
    });
  }

  it('answers a loopback preflight', async () => {
    const response = await fetch(exchangeRequest(sandbox, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    }));

    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /authorization/);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('sends CORS headers to an allowed origin', async () => {
    const origin = 'http://127.0.0.1:9876';

    const response = await fetch(exchangeRequest(sandbox, { token: entraToken(sandbox.context), headers: { origin } }));

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), origin);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /retry-after/);
  });

  it('accepts its own origin', async () => {
    const response = await fetch(exchangeRequest(sandbox, { token: entraToken(sandbox.context), headers: { origin: sandbox.origin } }));

    assert.equal(response.status, 200);
  });

  it('ignores a JSON object body', async () => {
    const body = JSON.stringify({ code: 'Anything', message: 'looks like an error but is a body' });

    const response = await fetch(exchangeRequest(sandbox, { token: entraToken(sandbox.context), body }));

    assert.equal(response.status, 200);
  });

  it('accepts a v2 token with azp only', async () => {
    const { appid: _appid, ...claims } = jwtClaims(entraToken(sandbox.context));

    const response = await fetch(exchangeRequest(sandbox, { token: sandbox.context.signingKey.sign(claims) }));

    assert.equal(response.status, 200);
  });

  it('accepts the app id audience', async () => {
    const token = entraToken(sandbox.context, { audience: '1fd5118e-2576-4263-8130-9503064c837a' });

    const response = await fetch(exchangeRequest(sandbox, { token }));

    assert.equal(response.status, 200);
  });
});
