import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { rewriteSignInAttributes } from '../../sandbox/server/static-files.js';
import { loadTenantConfig } from '../../sandbox/server/tenant-config.js';

const noFile = { TEAMS_ELEMENTS_CONFIG: undefined } as const;
const complete = {
  ...noFile,
  TEAMS_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  ACS_CONNECTION_STRING: 'endpoint=https://contoso-acs.example/;accesskey=a2V5',
  TEAMS_ALLOWED_TENANT_IDS: 'aaaa, bbbb',
};

describe('tenant configuration', () => {
  it('is absent without file or variables', async () => {
    assert.equal(await loadTenantConfig({}), undefined);
  });

  it('reads the environment', async () => {
    const config = await loadTenantConfig(complete);
    assert.equal(config?.clientId, complete.TEAMS_CLIENT_ID);
    assert.equal(config?.authority, 'https://login.microsoftonline.com/organizations');
    assert.deepEqual(config?.allowedTenantIds, ['aaaa', 'bbbb']);
  });

  it('accepts any tenant with a star', async () => {
    const config = await loadTenantConfig({ ...complete, TEAMS_ALLOWED_TENANT_IDS: '*' });
    assert.equal(config?.allowedTenantIds, '*');
  });

  it('names the missing client id', async () => {
    await assert.rejects(loadTenantConfig({ ...complete, TEAMS_CLIENT_ID: '' }), /clientId \(TEAMS_CLIENT_ID\) is missing/);
  });

  it('rejects a malformed connection string', async () => {
    await assert.rejects(loadTenantConfig({ ...complete, ACS_CONNECTION_STRING: 'accesskey=only' }), /connectionString/);
  });

  it('rejects an http authority', async () => {
    await assert.rejects(loadTenantConfig({ ...complete, TEAMS_AUTHORITY: 'http://login.example/x' }), /must be an https URL/);
  });

  it('requires allowed tenants', async () => {
    await assert.rejects(loadTenantConfig({ ...complete, TEAMS_ALLOWED_TENANT_IDS: undefined }), /allowedTenantIds/);
  });

  it('reports a missing named file', async () => {
    await assert.rejects(loadTenantConfig({ TEAMS_ELEMENTS_CONFIG: '/nonexistent/teams.json' }), /does not exist/);
  });
});

describe('demo page rewrite', () => {
  it('points sign-in at the tenant', () => {
    const html = '<teams-sign-in\n  client-id="old" authority="/organizations/v2.0"\n  graph-base-url="/graph/"\n  calling-module="/sandbox/calling.js"\n  exchange-url="/api/token-exchange"></teams-sign-in>';
    const rewritten = rewriteSignInAttributes(html, {
      clientId: 'new"id',
      authority: 'https://login.microsoftonline.com/organizations',
      connectionString: 'endpoint=https://x/;accesskey=y',
      allowedTenantIds: '*',
    });
    assert.match(rewritten, /client-id="new&quot;id"/);
    assert.match(rewritten, /authority="https:\/\/login\.microsoftonline\.com\/organizations"/);
    assert.doesNotMatch(rewritten, /graph-base-url/);
    assert.doesNotMatch(rewritten, /calling-module/);
    assert.match(rewritten, /exchange-url="\/api\/token-exchange"/);
  });
});
