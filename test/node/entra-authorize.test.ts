import assert from 'node:assert/strict';
import { afterEach, after, before, describe, it } from 'node:test';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { app, contoso, fabrikam, users } from '../../sandbox/server/directory.js';
import { createMemoryLog } from '../../sandbox/server/log.js';
import {
  accountButtonNames,
  authorize,
  authorizeParameters,
  createProofKey,
  pickerIdOf,
  redirectParameters,
  redirectUri,
  signInForCode,
  submitPicker,
} from './entra-flow.js';

const adele = users.find((user) => user.displayName === 'Adele Vance')!;
const diego = users.find((user) => user.displayName === 'Diego Siciliani')!;
const contosoNames = ['Adele Vance', 'Alex Wilber', 'Megan Bowen'];
const fabrikamNames = ['Diego Siciliani', 'Lee Gu', 'Nestor Wilke'];

describe('emulated Entra ID authorize', () => {
  let sandbox: Sandbox;
  const log = createMemoryLog();
  let clientId: string;

  before(async () => {
    sandbox = await startSandbox({ port: 0, serveFiles: false, log });
    clientId = sandbox.context.app.clientId;
  });
  afterEach(() => {
    sandbox.context.app = app;
  });
  after(() => sandbox.close());

  async function pickerPage(tenant: string, overrides: Record<string, string> = {}): Promise<string> {
    const response = await authorize(sandbox.origin, tenant, authorizeParameters(clientId, overrides));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    return response.text();
  }

  it('lists Contoso users by tenant id', async () => {
    assert.deepEqual(accountButtonNames(await pickerPage(contoso.id)), contosoNames);
  });

  it('lists Fabrikam users by domain', async () => {
    assert.deepEqual(accountButtonNames(await pickerPage('fabrikam.com')), fabrikamNames);
  });

  it('lists all users for organizations', async () => {
    assert.deepEqual(accountButtonNames(await pickerPage('organizations')), [...contosoNames, ...fabrikamNames]);
  });

  it('lists all users for common', async () => {
    assert.deepEqual(accountButtonNames(await pickerPage('common')), [...contosoNames, ...fabrikamNames]);
  });

  it('names the app and its permissions', async () => {
    const html = await pickerPage('organizations');
    assert.match(html, /<h1>Pick an account<\/h1>/);
    assert.match(html, /Contoso Teams endpoint/);
    assert.match(html, /<li>Read and write your chat messages<\/li>/);
    assert.match(html, /<li>Make and receive Teams calls as you<\/li>/);
    assert.match(html, /<li>Maintain access to data you have given it access to<\/li>/);
  });

  it('shows each account\'s object id under its address, for calls across tenants', async () => {
    const html = await pickerPage('organizations');
    for (const user of users) {
      assert.match(html, new RegExp(`<span class="object-id" id="object-id-${user.id}">Object id: ${user.id}</span>`));
      assert.match(html, new RegExp(`aria-describedby="username-${user.id} object-id-${user.id}"`));
    }
  });

  it('puts the login_hint account first', async () => {
    const html = await pickerPage(contoso.id, { login_hint: 'megan.bowen@contoso.com' });
    assert.deepEqual(accountButtonNames(html), ['Megan Bowen', 'Adele Vance', 'Alex Wilber']);
    assert.match(html, /value="0a1b2c3d-0003-4000-8000-00000000c0a3"[^>]* autofocus>Megan Bowen/);
  });

  it('returns code and state in the fragment', async () => {
    const { parameters } = await signInForCode(sandbox.origin, clientId, adele.id);
    assert.ok(parameters.get('code'));
    assert.equal(parameters.get('state'), 'state-1');
    const clientInfo = JSON.parse(Buffer.from(parameters.get('client_info')!, 'base64url').toString()) as Record<string, string>;
    assert.deepEqual(clientInfo, { uid: adele.id, utid: contoso.id });
  });

  it('returns the code in the query', async () => {
    const page = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { response_mode: 'query' }));
    const choice = await submitPicker(sandbox.origin, 'organizations', pickerIdOf(await page.text()), { account: adele.id });
    assert.equal(choice.status, 302);
    const location = new URL(choice.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, redirectUri);
    assert.equal(location.hash, '');
    assert.ok(location.searchParams.get('code'));
    assert.equal(location.searchParams.get('state'), 'state-1');
  });

  it('answers a picker once', async () => {
    const page = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId));
    const pickerId = pickerIdOf(await page.text());
    const first = await submitPicker(sandbox.origin, 'organizations', pickerId, { account: adele.id });
    assert.equal(first.status, 302);
    const second = await submitPicker(sandbox.origin, 'organizations', pickerId, { account: adele.id });
    assert.equal(second.status, 400);
    assert.match(await second.text(), /has expired or was already used/);
  });

  it('rejects an account of another tenant', async () => {
    const page = await authorize(sandbox.origin, contoso.id, authorizeParameters(clientId));
    const choice = await submitPicker(sandbox.origin, contoso.id, pickerIdOf(await page.text()), { account: diego.id });
    assert.equal(choice.status, 400);
  });

  it('cancel returns access_denied', async () => {
    const page = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId));
    const choice = await submitPicker(sandbox.origin, 'organizations', pickerIdOf(await page.text()), { cancel: true });
    const parameters = redirectParameters(choice);
    assert.equal(parameters.get('error'), 'access_denied');
    assert.match(parameters.get('error_description')!, /^AADSTS65004: /);
    assert.equal(parameters.get('state'), 'state-1');
  });

  it('unknown client id shows AADSTS700016', async () => {
    const response = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { client_id: '00000000-0000-4000-8000-000000000000' }));
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
    assert.match(await response.text(), /AADSTS700016: Application with identifier &#39;00000000-0000-4000-8000-000000000000&#39; was not found/);
    assert.ok(log.lines.some((line) => line.startsWith('rejected GET /organizations/oauth2/v2.0/authorize 400 unauthorized_client AADSTS700016')));
  });

  it('non-loopback redirect URI shows AADSTS50011', async () => {
    const response = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { redirect_uri: 'https://app.example.com/redirect.html' }));
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
    assert.match(await response.text(), /AADSTS50011: The redirect URI &#39;https:\/\/app.example.com\/redirect.html&#39;/);
  });

  it('redirect URI with a fragment is rejected', async () => {
    const response = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { redirect_uri: `${redirectUri}#x` }));
    assert.equal(response.status, 400);
  });

  it('unknown tenant shows AADSTS90002', async () => {
    const response = await authorize(sandbox.origin, 'nowhere.example', authorizeParameters(clientId));
    assert.equal(response.status, 400);
    assert.match(await response.text(), /AADSTS90002/);
  });

  it('missing scope goes back to the app', async () => {
    const response = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { scope: '' }));
    assert.equal(response.status, 302);
    const parameters = redirectParameters(response);
    assert.equal(parameters.get('error'), 'invalid_request');
    assert.match(parameters.get('error_description')!, /^AADSTS900144: .*'scope'/);
    assert.equal(parameters.get('state'), 'state-1');
  });

  it('unknown scope is invalid_scope', async () => {
    const parameters = redirectParameters(await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { scope: 'openid Files.ReadWrite.All' })));
    assert.equal(parameters.get('error'), 'invalid_scope');
    assert.match(parameters.get('error_description')!, /^AADSTS70011: .*Files\.ReadWrite\.All/);
  });

  it('response_type other than code is rejected', async () => {
    const parameters = redirectParameters(await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { response_type: 'token' })));
    assert.equal(parameters.get('error'), 'unsupported_response_type');
  });

  it('prompt=none without a session is login_required', async () => {
    const parameters = redirectParameters(await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { prompt: 'none' })));
    assert.equal(parameters.get('error'), 'login_required');
    assert.match(parameters.get('error_description')!, /^AADSTS50058: /);
    assert.equal(parameters.get('state'), 'state-1');
  });

  it('prompt=none with a session returns a code', async () => {
    const { cookie } = await signInForCode(sandbox.origin, clientId, adele.id);
    assert.match(cookie, /^sandbox-entra-session=/);
    const proofKey = createProofKey();
    const response = await authorize(
      sandbox.origin,
      'organizations',
      authorizeParameters(clientId, { prompt: 'none', code_challenge: proofKey.challenge, code_challenge_method: 'S256' }),
      cookie,
    );
    assert.equal(response.status, 302);
    assert.ok(redirectParameters(response).get('code'));
  });

  it('prompt=none for another login_hint is login_required', async () => {
    const { cookie } = await signInForCode(sandbox.origin, clientId, adele.id);
    const response = await authorize(
      sandbox.origin,
      'organizations',
      authorizeParameters(clientId, { prompt: 'none', login_hint: 'alex.wilber@contoso.com' }),
      cookie,
    );
    assert.equal(redirectParameters(response).get('error'), 'login_required');
  });

  it('unconsented tenant is denied', async () => {
    sandbox.context.app = { ...app, consentedTenantIds: [contoso.id] };
    const page = await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId));
    const choice = await submitPicker(sandbox.origin, 'organizations', pickerIdOf(await page.text()), { account: diego.id });
    const parameters = redirectParameters(choice);
    assert.equal(parameters.get('error'), 'access_denied');
    assert.match(parameters.get('error_description')!, /^AADSTS90094: /);
    assert.equal(parameters.get('code'), null);
  });

  it('unconsented tenant is consent_required silently', async () => {
    const { cookie } = await signInForCode(sandbox.origin, clientId, diego.id, { tenant: fabrikam.id });
    sandbox.context.app = { ...app, consentedTenantIds: [contoso.id] };
    const response = await authorize(sandbox.origin, fabrikam.id, authorizeParameters(clientId, { prompt: 'none' }), cookie);
    const parameters = redirectParameters(response);
    assert.equal(parameters.get('error'), 'consent_required');
    assert.match(parameters.get('error_description')!, /^AADSTS65001: /);
  });

  it('logs rejections without codes', async () => {
    const { code } = await signInForCode(sandbox.origin, clientId, adele.id);
    await authorize(sandbox.origin, 'organizations', authorizeParameters(clientId, { scope: '' }));
    assert.ok(log.lines.some((line) => line.startsWith('rejected GET /organizations/oauth2/v2.0/authorize 302 invalid_request AADSTS900144')));
    assert.equal(log.lines.some((line) => line.includes(code)), false);
  });
});
