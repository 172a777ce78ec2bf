import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { app, contoso, fabrikam, users } from '../../sandbox/server/directory.js';
import { entraGrants } from '../../sandbox/server/entra/index.js';
import { createMemoryLog } from '../../sandbox/server/log.js';
import {
  authorize,
  authorizeParameters,
  claimsOf,
  communicationScopes,
  graphScopes,
  pageOrigin,
  pickerIdOf,
  redirectParameters,
  redirectUri,
  requestToken,
  signInForCode,
  submitPicker,
} from './entra-flow.js';

const adele = users.find((user) => user.displayName === 'Adele Vance')!;
const diego = users.find((user) => user.displayName === 'Diego Siciliani')!;

interface TokenResponse {
  token_type: string;
  scope: string;
  expires_in: number;
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  client_info: string;
}

interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  suberror?: string;
}

describe('emulated Entra ID token endpoint', () => {
  let sandbox: Sandbox;
  const log = createMemoryLog();
  let clientId: string;

  before(async () => {
    sandbox = await startSandbox({ port: 0, serveFiles: false, log });
    clientId = sandbox.context.app.clientId;
  });
  afterEach(() => {
    sandbox.context.app = app;
    sandbox.context.faults.clear();
    entraGrants(sandbox.context).now = Date.now;
  });
  after(() => sandbox.close());

  function redeemForm(code: string, verifier: string, overrides: Record<string, string> = {}): Record<string, string> {
    return {
      client_id: clientId,
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
      scope: `${graphScopes} openid profile offline_access`,
      ...overrides,
    };
  }

  async function signInAndRedeem(user = adele.id, tenant = 'organizations'): Promise<TokenResponse> {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, user, { tenant });
    const response = await requestToken(sandbox.origin, tenant, redeemForm(code, verifier));
    assert.equal(response.status, 200);
    return (await response.json()) as TokenResponse;
  }

  async function expectError(response: Response, status: number, error: string, code: number): Promise<EntraErrorBody> {
    assert.equal(response.status, status);
    const body = (await response.json()) as EntraErrorBody;
    assert.equal(body.error, error);
    assert.deepEqual(body.error_codes, [code]);
    assert.match(body.error_description, new RegExp(`^AADSTS${code}: `));
    return body;
  }

  it('redeems a code with PKCE', async () => {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, adele.id);
    const response = await requestToken(sandbox.origin, 'organizations', redeemForm(code, verifier));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), pageOrigin);
    assert.equal(response.headers.get('cache-control'), 'no-store');

    const tokens = (await response.json()) as TokenResponse;
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(tokens.scope, 'User.Read Chat.ReadWrite openid profile');
    assert.equal(tokens.expires_in, 3600);
    assert.ok(tokens.refresh_token);
    assert.deepEqual(JSON.parse(Buffer.from(tokens.client_info, 'base64url').toString()), { uid: adele.id, utid: contoso.id });

    const access = sandbox.context.signingKey.verify(tokens.access_token);
    assert.equal(access?.['aud'], 'https://graph.microsoft.com');
    assert.equal(access?.['scp'], 'User.Read Chat.ReadWrite');
    assert.equal(access?.['oid'], adele.id);
    assert.equal(access?.['tid'], contoso.id);
    assert.equal(access?.['appid'], clientId);
  });

  it('id token has nonce and claims', async () => {
    const tokens = await signInAndRedeem();
    const claims = sandbox.context.signingKey.verify(tokens.id_token!);
    assert.ok(claims);
    assert.equal(claims['nonce'], 'nonce-1');
    assert.equal(claims['aud'], clientId);
    assert.equal(claims['iss'], `${sandbox.origin}/${contoso.id}/v2.0`);
    assert.equal(claims['tid'], contoso.id);
    assert.equal(claims['oid'], adele.id);
    assert.equal(claims['preferred_username'], 'adele.vance@contoso.com');
    assert.equal(claims['name'], 'Adele Vance');
    assert.equal(typeof claims['sub'], 'string');
    assert.notEqual(claims['sub'], adele.id);
    assert.equal(claims['ver'], '2.0');
  });

  it('Fabrikam user gets Fabrikam issuer', async () => {
    const tokens = await signInAndRedeem(diego.id);
    const claims = claimsOf(tokens.id_token!);
    assert.equal(claims['tid'], fabrikam.id);
    assert.equal(claims['iss'], `${sandbox.origin}/${fabrikam.id}/v2.0`);
  });

  it('reused code is AADSTS54005', async () => {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, adele.id);
    assert.equal((await requestToken(sandbox.origin, 'organizations', redeemForm(code, verifier))).status, 200);
    await expectError(await requestToken(sandbox.origin, 'organizations', redeemForm(code, verifier)), 400, 'invalid_grant', 54005);
  });

  it('wrong verifier is AADSTS50148', async () => {
    const { code } = await signInForCode(sandbox.origin, clientId, adele.id);
    const wrong = 'w'.repeat(43);
    await expectError(await requestToken(sandbox.origin, 'organizations', redeemForm(code, wrong)), 400, 'invalid_grant', 50148);
  });

  it('wrong verifier uses up the code', async () => {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, adele.id);
    await requestToken(sandbox.origin, 'organizations', redeemForm(code, 'w'.repeat(43)));
    await expectError(await requestToken(sandbox.origin, 'organizations', redeemForm(code, verifier)), 400, 'invalid_grant', 54005);
  });

  it('missing verifier is AADSTS50148', async () => {
    const { code } = await signInForCode(sandbox.origin, clientId, adele.id);
    const form = redeemForm(code, '');
    delete form['code_verifier'];
    await expectError(await requestToken(sandbox.origin, 'organizations', form), 400, 'invalid_grant', 50148);
  });

  it('code without challenge needs PKCE cross-origin', async () => {
    const page = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId));
    const choice = await submitPicker(sandbox.origin, 'organizations', pickerIdOf(await page.text()), { account: adele.id });
    const code = redirectParameters(choice).get('code')!;
    const form = redeemForm(code, '');
    delete form['code_verifier'];
    await expectError(await requestToken(sandbox.origin, 'organizations', form), 400, 'invalid_request', 9002325);
  });

  it('unknown client is AADSTS700016', async () => {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, adele.id);
    const form = redeemForm(code, verifier, { client_id: '00000000-0000-4000-8000-000000000000' });
    await expectError(await requestToken(sandbox.origin, 'organizations', form), 400, 'unauthorized_client', 700016);
  });

  it('other redirect URI is AADSTS500112', async () => {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, adele.id);
    const form = redeemForm(code, verifier, { redirect_uri: 'https://localhost:5173/other.html' });
    await expectError(await requestToken(sandbox.origin, 'organizations', form), 400, 'invalid_grant', 500112);
  });

  it('unknown code is AADSTS70000', async () => {
    await expectError(await requestToken(sandbox.origin, 'organizations', redeemForm('not-a-code', 'v'.repeat(43))), 400, 'invalid_grant', 70000);
  });

  it('expired code is AADSTS70008', async () => {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, adele.id);
    entraGrants(sandbox.context).now = () => Date.now() + 11 * 60 * 1000;
    await expectError(await requestToken(sandbox.origin, 'organizations', redeemForm(code, verifier)), 400, 'invalid_grant', 70008);
  });

  it('empty scope is AADSTS28003', async () => {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, adele.id);
    await expectError(await requestToken(sandbox.origin, 'organizations', redeemForm(code, verifier, { scope: '' })), 400, 'invalid_request', 28003);
  });

  it('mixed resources are AADSTS28000', async () => {
    const { code, verifier } = await signInForCode(sandbox.origin, clientId, adele.id);
    const form = redeemForm(code, verifier, { scope: `${graphScopes} ${communicationScopes} openid profile offline_access` });
    const body = await expectError(await requestToken(sandbox.origin, 'organizations', form), 400, 'invalid_request', 28000);
    assert.match(body.error_description, /contains more than one resource/);
    assert.match(body.timestamp, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
    assert.match(body.trace_id, /^[0-9a-f-]{36}$/);
    assert.match(body.correlation_id, /^[0-9a-f-]{36}$/);
  });

  it('echoes client-request-id as correlation id', async () => {
    const response = await fetch(`${sandbox.origin}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' },
      body: new URLSearchParams({ client_id: clientId, grant_type: 'password' }),
    });
    const body = await expectError(response, 400, 'unsupported_grant_type', 70003);
    assert.equal(body.correlation_id, 'c0ffee00-0000-4000-8000-000000000001');
  });

  it('rejects a JSON body', async () => {
    const response = await fetch(`${sandbox.origin}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: clientId }),
    });
    await expectError(response, 400, 'invalid_request', 9002313);
  });

  it('refresh token redeems for Communication Services', async () => {
    const tokens = await signInAndRedeem();
    const response = await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: `${communicationScopes} openid profile offline_access`,
    });
    assert.equal(response.status, 200);
    const refreshed = (await response.json()) as TokenResponse;
    assert.equal(refreshed.scope, communicationScopes);

    const access = sandbox.context.signingKey.verify(refreshed.access_token);
    assert.equal(access?.['aud'], 'https://auth.msft.communication.azure.com');
    assert.equal(access?.['scp'], 'Teams.ManageCalls Teams.ManageChats');
    assert.equal(access?.['oid'], adele.id);

    assert.ok(refreshed.refresh_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    assert.equal(claimsOf(refreshed.id_token!)['nonce'], undefined);
  });

  it('same refresh token redeems for Graph too', async () => {
    const tokens = await signInAndRedeem();
    const forCommunication = await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: `${communicationScopes} offline_access`,
    });
    assert.equal(forCommunication.status, 200);
    const forGraph = await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: 'Chat.ReadWrite offline_access',
    });
    assert.equal(forGraph.status, 200);
    const access = claimsOf(((await forGraph.json()) as TokenResponse).access_token);
    assert.equal(access['aud'], 'https://graph.microsoft.com');
    assert.equal(access['scp'], 'Chat.ReadWrite');
  });

  it('.default grants all permissions', async () => {
    const tokens = await signInAndRedeem();
    const response = await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: 'https://auth.msft.communication.azure.com/.default',
    });
    const refreshed = (await response.json()) as TokenResponse;
    assert.equal(claimsOf(refreshed.access_token)['scp'], 'Teams.ManageCalls Teams.ManageChats');
    assert.equal(refreshed.refresh_token, undefined);
    assert.equal(refreshed.id_token, undefined);
  });

  it('refresh with mixed resources is AADSTS28000', async () => {
    const tokens = await signInAndRedeem();
    const response = await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: `User.Read ${communicationScopes}`,
    });
    await expectError(response, 400, 'invalid_request', 28000);
  });

  it('unknown refresh token is invalid_grant', async () => {
    const response = await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: 'not-a-refresh-token',
      scope: 'User.Read',
    });
    await expectError(response, 400, 'invalid_grant', 9002313);
  });

  it('expired refresh token is AADSTS700084', async () => {
    const tokens = await signInAndRedeem();
    entraGrants(sandbox.context).now = () => Date.now() + 25 * 60 * 60 * 1000;
    const response = await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: 'User.Read',
    });
    await expectError(response, 400, 'invalid_grant', 700084);
  });

  it('refresh at another tenant is AADSTS50020', async () => {
    const tokens = await signInAndRedeem();
    const response = await requestToken(sandbox.origin, fabrikam.id, {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: 'User.Read',
    });
    await expectError(response, 400, 'invalid_grant', 50020);
  });

  it('unconsented tenant needs consent', async () => {
    const tokens = await signInAndRedeem(diego.id);
    sandbox.context.app = { ...app, consentedTenantIds: [contoso.id] };
    const response = await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: 'User.Read',
    });
    const body = await expectError(response, 400, 'invalid_grant', 65001);
    assert.equal(body.suberror, 'consent_required');
  });

  it('armed fault answers once', async () => {
    const first = await signInForCode(sandbox.origin, clientId, adele.id);
    sandbox.context.faults.arm('entra', { status: 503 });
    const failed = await requestToken(sandbox.origin, 'organizations', redeemForm(first.code, first.verifier));
    assert.equal(failed.status, 503);

    const second = await signInForCode(sandbox.origin, clientId, adele.id);
    const response = await requestToken(sandbox.origin, 'organizations', redeemForm(second.code, second.verifier));
    assert.equal(response.status, 200);
  });

  it('armed fault uses the Entra error shape', async () => {
    sandbox.context.faults.arm('entra', { status: 503, retryAfterSeconds: 2 });
    const response = await requestToken(sandbox.origin, 'organizations', redeemForm('any', 'v'.repeat(43)));
    const body = await expectError(response, 503, 'temporarily_unavailable', 90033);
    assert.ok(body.trace_id);
    assert.equal(response.headers.get('retry-after'), '2');
    assert.equal(response.headers.get('access-control-allow-origin'), pageOrigin);
  });

  it('armed fault can send a body', async () => {
    sandbox.context.faults.arm('entra', { status: 500, body: { error: 'server_error' } });
    const response = await requestToken(sandbox.origin, 'organizations', redeemForm('any', 'v'.repeat(43)));
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: 'server_error' });
  });

  it('armed fault delays the answer', async () => {
    sandbox.context.faults.arm('entra', { delayMs: 300 });
    const started = Date.now();
    const response = await requestToken(sandbox.origin, 'organizations', redeemForm('any', 'v'.repeat(43)));
    assert.ok(Date.now() - started >= 290, 'the answer should come after the delay');
    assert.equal(response.status, 400);
  });

  it('answers preflight requests', async () => {
    const response = await fetch(`${sandbox.origin}/organizations/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: { origin: pageOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), pageOrigin);
  });

  it('logs no codes or tokens', async () => {
    const tokens = await signInAndRedeem();
    await requestToken(sandbox.origin, 'organizations', {
      client_id: clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      scope: `User.Read ${communicationScopes}`,
    });
    assert.ok(log.lines.some((line) => line.startsWith('rejected POST /organizations/oauth2/v2.0/token 400 invalid_request AADSTS28000')));
    for (const secret of [tokens.refresh_token!, tokens.access_token, tokens.id_token!]) {
      assert.equal(log.lines.some((line) => line.includes(secret)), false);
    }
  });
});
