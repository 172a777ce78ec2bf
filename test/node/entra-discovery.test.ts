import assert from 'node:assert/strict';
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { contoso } from '../../sandbox/server/directory.js';
import { createMemoryLog } from '../../sandbox/server/log.js';
import { pageOrigin, redirectUri, requestToken, signInForCode } from './entra-flow.js';

describe('emulated Entra ID discovery', () => {
  let sandbox: Sandbox;
  const log = createMemoryLog();

  before(async () => {
    sandbox = await startSandbox({ port: 0, serveFiles: false, log });
  });
  after(() => sandbox.close());

  async function discovery(tenant: string): Promise<Response> {
    return fetch(`${sandbox.origin}/${tenant}/v2.0/.well-known/openid-configuration`, { headers: { origin: pageOrigin } });
  }

  it('organizations has an issuer template', async () => {
    const response = await discovery('organizations');
    assert.equal(response.status, 200);
    const document = (await response.json()) as Record<string, string>;
    assert.equal(document['issuer'], `${sandbox.origin}/{tenantid}/v2.0`);
    assert.equal(document['authorization_endpoint'], `${sandbox.origin}/organizations/oauth2/v2.0/authorize`);
    assert.equal(document['token_endpoint'], `${sandbox.origin}/organizations/oauth2/v2.0/token`);
    assert.equal(document['jwks_uri'], `${sandbox.origin}/organizations/discovery/v2.0/keys`);
    assert.equal(document['end_session_endpoint'], `${sandbox.origin}/organizations/oauth2/v2.0/logout`);
  });

  it('common matches organizations', async () => {
    const document = (await (await discovery('common')).json()) as Record<string, string>;
    assert.equal(document['issuer'], `${sandbox.origin}/{tenantid}/v2.0`);
    assert.equal(document['token_endpoint'], `${sandbox.origin}/common/oauth2/v2.0/token`);
  });

  it('tenant by domain uses the tenant id', async () => {
    const document = (await (await discovery('contoso.com')).json()) as Record<string, string>;
    assert.equal(document['issuer'], `${sandbox.origin}/${contoso.id}/v2.0`);
    assert.equal(document['authorization_endpoint'], `${sandbox.origin}/${contoso.id}/oauth2/v2.0/authorize`);
  });

  it('allows cross-origin reads', async () => {
    const response = await discovery(contoso.id);
    assert.equal(response.headers.get('access-control-allow-origin'), pageOrigin);
  });

  it('unknown tenant is AADSTS90002', async () => {
    const response = await discovery('nowhere.example');
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: string; error_codes: number[]; error_description: string };
    assert.equal(body.error, 'invalid_tenant');
    assert.deepEqual(body.error_codes, [90002]);
    assert.match(body.error_description, /^AADSTS90002: Tenant 'nowhere.example' not found/);
    assert.ok(log.lines.some((line) => line.includes('rejected GET /nowhere.example/v2.0/.well-known/openid-configuration 400')));
  });

  it('keys verify issued id tokens', async () => {
    const response = await fetch(`${sandbox.origin}/organizations/discovery/v2.0/keys`);
    assert.equal(response.status, 200);
    const { keys } = (await response.json()) as { keys: Array<JsonWebKey & { kid: string; use: string; alg: string }> };
    assert.equal(keys.length, 1);
    assert.equal(keys[0]!.kid, sandbox.context.signingKey.kid);
    assert.equal(keys[0]!.use, 'sig');
    assert.equal(keys[0]!.alg, 'RS256');

    const { code, verifier } = await signInForCode(sandbox.origin, sandbox.context.app.clientId, '0a1b2c3d-0001-4000-8000-00000000c0a1');
    const tokens = (await (
      await requestToken(sandbox.origin, 'organizations', {
        client_id: sandbox.context.app.clientId,
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: redirectUri,
        scope: 'User.Read openid profile offline_access',
      })
    ).json()) as { id_token: string };
    const [header, payload, signature] = tokens.id_token.split('.') as [string, string, string];
    const publicKey = createPublicKey({ key: keys[0]!, format: 'jwk' });
    assert.equal(verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url')), true);
  });

  it('keys of an unknown tenant are rejected', async () => {
    const response = await fetch(`${sandbox.origin}/nowhere.example/discovery/v2.0/keys`);
    assert.equal(response.status, 400);
  });
});
