import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Sandbox } from '../../sandbox/server/app.js';
import { contoso } from '../../sandbox/server/directory.js';
import { createSandboxExchangeHandler } from '../../sandbox/server/exchange.js';
import { identityRequestCount } from '../../sandbox/server/identity/index.js';
import { SigningKey } from '../../sandbox/server/signing.js';
import { createOpenIdKeySource, entraDiscoveryUrl, type JsonWebKeySet } from '../../server/index.js';
import { entraToken, exchangeRequest, jwtClaims, readError, startTestSandbox } from './exchange-helpers.js';

describe('exchange endpoint signature verification', () => {
  let sandbox: Sandbox;
  let sandboxKeys: JsonWebKeySet;

  before(async () => {
    ({ sandbox } = await startTestSandbox());
    sandboxKeys = { keys: [sandbox.context.signingKey.toJwk()] };
  });
  after(() => sandbox.close());

  it('accepts a token signed by the issuer key', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { verifySignature: { keys: () => sandboxKeys } });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));

    assert.equal(response.status, 200);
  });

  it('rejects a forged token before the identity call', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { verifySignature: { keys: () => sandboxKeys } });
    const forged = new SigningKey().sign(jwtClaims(entraToken(sandbox.context)));
    const countBefore = identityRequestCount(sandbox.context);

    const response = await handler(exchangeRequest(sandbox, { token: forged }));
    const error = await readError(response);

    assert.equal(response.status, 401);
    assert.equal(error.code, 'InvalidSignature');
    assert.equal(identityRequestCount(sandbox.context), countBefore);
  });

  it('rejects a token with a changed claim', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { verifySignature: { keys: () => sandboxKeys } });
    const [header, , signature] = entraToken(sandbox.context).split('.');
    const payload = Buffer.from(JSON.stringify({ ...jwtClaims(entraToken(sandbox.context)), oid: 'someone-else' })).toString('base64url');

    const response = await handler(exchangeRequest(sandbox, { token: `${header}.${payload}.${signature}` }));

    assert.equal((await readError(response)).code, 'InvalidSignature');
  });

  it('rejects an untrusted issuer', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { verifySignature: { keys: () => undefined } });

    const response = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const error = await readError(response);

    assert.equal(error.code, 'InvalidSignature');
    assert.match(error.message, /not trusted/);
  });

  it('rejects alg none', async () => {
    const handler = createSandboxExchangeHandler(sandbox.context, { verifySignature: { keys: () => sandboxKeys } });
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(jwtClaims(entraToken(sandbox.context)))).toString('base64url');

    const response = await handler(exchangeRequest(sandbox, { token: `${header}.${payload}.` }));

    assert.equal((await readError(response)).code, 'InvalidSignature');
  });

  it('loads keys through OpenID discovery', async () => {
    const requested: string[] = [];
    const issuer = `${sandbox.origin}/${contoso.id}/v2.0`;
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = String(input);
      requested.push(url);
      if (url === `${issuer}/.well-known/openid-configuration`) return Response.json({ jwks_uri: `${sandbox.origin}/keys` });
      if (url === `${sandbox.origin}/keys`) return Response.json(sandboxKeys);
      return new Response(null, { status: 404 });
    }) as typeof fetch;
    const keys = createOpenIdKeySource({
      fetch: fakeFetch,
      discoveryUrl: (tokenIssuer) => (tokenIssuer === issuer ? `${issuer}/.well-known/openid-configuration` : undefined),
    });
    const handler = createSandboxExchangeHandler(sandbox.context, { verifySignature: { keys } });

    const first = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const second = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context) }));
    const otherIssuer = await handler(exchangeRequest(sandbox, { token: entraToken(sandbox.context, { user: 'lee.gu@fabrikam.com' }) }));

    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(requested.length, 2, 'the key set is cached');
    assert.equal((await readError(otherIssuer)).code, 'InvalidSignature', 'the Fabrikam issuer is not mapped');
  });

  it('maps only Entra issuers of the token tenant', () => {
    const tenant = contoso.id;
    const expected = `https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration`;

    assert.equal(entraDiscoveryUrl(`https://login.microsoftonline.com/${tenant}/v2.0`, tenant), expected);
    assert.equal(entraDiscoveryUrl(`https://sts.windows.net/${tenant}/`, tenant), expected);
    assert.equal(entraDiscoveryUrl(`https://login.microsoftonline.com/${tenant}/v2.0`, '9b2e7d14-5c80-4f6a-b3e2-7a1f0c95d002'), undefined);
    assert.equal(entraDiscoveryUrl('https://issuer.example/v2.0', tenant), undefined);
    assert.equal(entraDiscoveryUrl('https://login.microsoftonline.com/../v2.0', '..'), undefined);
  });
});
