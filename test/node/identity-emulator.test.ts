import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';

import { CommunicationIdentityClient, type CommunicationIdentityClientOptions } from '@azure/communication-identity';

import type { Sandbox } from '../../sandbox/server/app.js';
import { contoso, fabrikam, findUser } from '../../sandbox/server/directory.js';
import { graphAudience } from '../../sandbox/server/entra/access-token.js';
import { identityRequestCount, verifyCommunicationToken } from '../../sandbox/server/identity/index.js';
import { SigningKey } from '../../sandbox/server/signing.js';
import { entraToken, jwtClaims, startTestSandbox } from './exchange-helpers.js';

type PipelinePolicy = NonNullable<CommunicationIdentityClientOptions['additionalPolicies']>[number]['policy'];

/** What a `RestError` of the SDK carries. */
interface RestErrorFields {
  name: string;
  statusCode?: number;
  code?: string;
  response?: { bodyAsText?: string };
}

const adele = findUser('adele.vance@contoso.com')!;
const diego = findUser('diego.siciliani@fabrikam.com')!;

describe('identity emulator with the real SDK', () => {
  let sandbox: Sandbox;
  let client: CommunicationIdentityClient;

  before(async () => {
    ({ sandbox } = await startTestSandbox());
    client = new CommunicationIdentityClient(sandbox.context.resource.connectionString, { retryOptions: { maxRetries: 0 } });
  });
  after(() => sandbox.close());
  beforeEach(() => sandbox.context.faults.clear());

  /** Runs `action`, expects a `RestError`, and returns it. */
  async function restError(action: () => Promise<unknown>): Promise<RestErrorFields> {
    try {
      await action();
    } catch (error) {
      assert.ok(error instanceof Error);
      assert.equal(error.name, 'RestError');
      return error as RestErrorFields;
    }
    assert.fail('expected the SDK to throw a RestError');
  }

  it('exchanges a Contoso user token', async () => {
    const before = Math.floor(Date.now() / 1000);
    const teamsUserAadToken = entraToken(sandbox.context);

    const result = await client.getTokenForTeamsUser({ teamsUserAadToken, clientId: sandbox.context.app.clientId, userObjectId: adele.id });

    const claims = jwtClaims(result.token);
    assert.equal(claims['skypeid'], `orgid:${adele.id}`);
    assert.match(String(claims['acsScope']), /(^|,)voip(,|$)/);
    assert.equal(claims['tid'], contoso.id);
    assert.equal(claims['resourceId'], sandbox.context.resource.id);
    assert.equal(typeof claims['rgn'], 'string');
    assert.equal(typeof claims['scp'], 'number');
    assert.equal(typeof claims['csi'], 'string');
    assert.ok((claims['iat'] as number) >= before);
    assert.ok((claims['exp'] as number) <= before + 3600 + 5, 'the token lives at most one hour');
    assert.equal(result.expiresOn.getTime(), (claims['exp'] as number) * 1000);
  });

  it('exchanges a Fabrikam user token', async () => {
    const teamsUserAadToken = entraToken(sandbox.context, { user: diego.userPrincipalName });

    const result = await client.getTokenForTeamsUser({ teamsUserAadToken, clientId: sandbox.context.app.clientId, userObjectId: diego.id });

    const claims = jwtClaims(result.token);
    assert.equal(claims['skypeid'], `orgid:${diego.id}`);
    assert.equal(claims['tid'], fabrikam.id);
  });

  it('ends the token with a sooner-expiring Entra token', async () => {
    const teamsUserAadToken = entraToken(sandbox.context, { lifetimeSeconds: 600 });
    const entraExpiry = jwtClaims(teamsUserAadToken)['exp'];

    const result = await client.getTokenForTeamsUser({ teamsUserAadToken, clientId: sandbox.context.app.clientId, userObjectId: adele.id });

    assert.equal(jwtClaims(result.token)['exp'], entraExpiry);
  });

  it('grants only voip for a calls-only token', async () => {
    const teamsUserAadToken = entraToken(sandbox.context, { scopes: ['Teams.ManageCalls'] });

    const result = await client.getTokenForTeamsUser({ teamsUserAadToken, clientId: sandbox.context.app.clientId, userObjectId: adele.id });

    assert.equal(jwtClaims(result.token)['acsScope'], 'voip');
  });

  it('rejects a wrong access key with Denied', async () => {
    const wrongKey = randomBytes(32).toString('base64');
    const impostor = new CommunicationIdentityClient(`endpoint=${sandbox.context.resource.endpoint};accesskey=${wrongKey}`, {
      retryOptions: { maxRetries: 0 },
    });

    const error = await restError(() =>
      impostor.getTokenForTeamsUser({ teamsUserAadToken: entraToken(sandbox.context), clientId: sandbox.context.app.clientId, userObjectId: adele.id }),
    );

    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'Denied');
  });

  it('rejects a body changed after signing', async () => {
    const tamper: PipelinePolicy = {
      name: 'tamperBody',
      sendRequest(request, next) {
        request.body = String(request.body).replace(adele.id, diego.id);
        return next(request);
      },
    };
    // perRetry policies run after the SDK's HMAC policy, so the signature covers the original body.
    const tampering = new CommunicationIdentityClient(sandbox.context.resource.connectionString, {
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: tamper, position: 'perRetry' }],
    });

    const error = await restError(() =>
      tampering.getTokenForTeamsUser({ teamsUserAadToken: entraToken(sandbox.context), clientId: sandbox.context.app.clientId, userObjectId: adele.id }),
    );

    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'Denied');
    assert.match(error.response?.bodyAsText ?? '', /x-ms-content-sha256/);
  });

  it('rejects a stale x-ms-date', async () => {
    const backdate: PipelinePolicy = {
      name: 'backdate',
      sendRequest(request, next) {
        request.headers.set('x-ms-date', new Date(Date.now() - 60 * 60 * 1000).toUTCString());
        return next(request);
      },
    };
    const stale = new CommunicationIdentityClient(sandbox.context.resource.connectionString, {
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: backdate, position: 'perRetry' }],
    });

    const error = await restError(() =>
      stale.getTokenForTeamsUser({ teamsUserAadToken: entraToken(sandbox.context), clientId: sandbox.context.app.clientId, userObjectId: adele.id }),
    );

    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'Denied');
  });

  it('rejects an expired Entra token', async () => {
    const teamsUserAadToken = entraToken(sandbox.context, { lifetimeSeconds: -60 });

    const error = await restError(() =>
      client.getTokenForTeamsUser({ teamsUserAadToken, clientId: sandbox.context.app.clientId, userObjectId: adele.id }),
    );

    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'InvalidAccessToken');
  });

  it('rejects a token for another audience', async () => {
    const teamsUserAadToken = entraToken(sandbox.context, { audience: graphAudience });

    const error = await restError(() =>
      client.getTokenForTeamsUser({ teamsUserAadToken, clientId: sandbox.context.app.clientId, userObjectId: adele.id }),
    );

    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'InvalidAccessToken');
  });

  it('rejects a token signed by another key', async () => {
    const genuine = jwtClaims(entraToken(sandbox.context));
    const forged = new SigningKey().sign(genuine);

    const error = await restError(() =>
      client.getTokenForTeamsUser({ teamsUserAadToken: forged, clientId: sandbox.context.app.clientId, userObjectId: adele.id }),
    );

    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'InvalidAccessToken');
  });

  it('rejects an appId other than the token app', async () => {
    const error = await restError(() =>
      client.getTokenForTeamsUser({
        teamsUserAadToken: entraToken(sandbox.context),
        clientId: '00000000-0000-4000-8000-000000000000',
        userObjectId: adele.id,
      }),
    );

    assert.equal(error.statusCode, 400);
    assert.equal(error.code, 'ValidationError');
    assert.equal(JSON.parse(error.response?.bodyAsText ?? '{}').error?.target, 'appId');
  });

  it('rejects a userId other than the token oid', async () => {
    const error = await restError(() =>
      client.getTokenForTeamsUser({ teamsUserAadToken: entraToken(sandbox.context), clientId: sandbox.context.app.clientId, userObjectId: diego.id }),
    );

    assert.equal(error.statusCode, 400);
    assert.equal(error.code, 'ValidationError');
    assert.equal(JSON.parse(error.response?.bodyAsText ?? '{}').error?.target, 'userId');
  });

  it('rejects a tenant without consent', async () => {
    const claims = jwtClaims(entraToken(sandbox.context));
    const strangerTenant = '11111111-2222-4333-8444-555555555555';
    const teamsUserAadToken = sandbox.context.signingKey.sign({ ...claims, tid: strangerTenant });

    const error = await restError(() =>
      client.getTokenForTeamsUser({ teamsUserAadToken, clientId: sandbox.context.app.clientId, userObjectId: adele.id }),
    );

    assert.equal(error.statusCode, 403);
    assert.equal(error.code, 'Forbidden');
  });

  it('answers an armed fault with its status', async () => {
    sandbox.context.faults.arm('identity', { status: 500 });
    const countBefore = identityRequestCount(sandbox.context);

    const error = await restError(() =>
      client.getTokenForTeamsUser({ teamsUserAadToken: entraToken(sandbox.context), clientId: sandbox.context.app.clientId, userObjectId: adele.id }),
    );

    assert.equal(error.statusCode, 500);
    assert.equal(error.code, 'InternalServerError');
    assert.equal(identityRequestCount(sandbox.context), countBefore + 1, 'maxRetries 0 sends one request');
  });

  it('verifies its own Communication Services token', async () => {
    const result = await client.getTokenForTeamsUser({
      teamsUserAadToken: entraToken(sandbox.context, { user: diego.userPrincipalName }),
      clientId: sandbox.context.app.clientId,
      userObjectId: diego.id,
    });

    assert.deepEqual(verifyCommunicationToken(sandbox.context, result.token), {
      oid: diego.id,
      tid: fabrikam.id,
      rawId: `8:orgid:${diego.id}`,
    });
  });

  it('refuses other tokens in verifyCommunicationToken', async () => {
    const result = await client.getTokenForTeamsUser({
      teamsUserAadToken: entraToken(sandbox.context),
      clientId: sandbox.context.app.clientId,
      userObjectId: adele.id,
    });
    const claims = jwtClaims(result.token);
    const expired = sandbox.context.signingKey.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 });
    const otherResource = sandbox.context.signingKey.sign({ ...claims, resourceId: 'another-resource' });
    const forged = new SigningKey().sign(claims);

    assert.equal(verifyCommunicationToken(sandbox.context, entraToken(sandbox.context)), undefined, 'an Entra token');
    assert.equal(verifyCommunicationToken(sandbox.context, expired), undefined, 'an expired token');
    assert.equal(verifyCommunicationToken(sandbox.context, otherResource), undefined, 'another resource');
    assert.equal(verifyCommunicationToken(sandbox.context, forged), undefined, 'another signing key');
    assert.equal(verifyCommunicationToken(sandbox.context, 'not-a-token'), undefined, 'not a JWT');
  });
});
