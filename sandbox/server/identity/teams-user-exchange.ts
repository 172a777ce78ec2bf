import type { SandboxContext } from '../context.js';
import { communicationAudience } from '../entra/access-token.js';
import { findUser } from '../directory.js';
import { issueTeamsUserToken } from './communication-token.js';
import { identityError } from './errors.js';

/** App id of the Azure Communication Services first-party app, the other `aud` Entra ID may write. */
const communicationAppId = '1fd5118e-2576-4263-8130-9503064c837a';

/** Entra scopes of the Communication Services resource and the `acsScope` entries they grant. */
const scopeGrants: ReadonlyArray<[entraScope: string, acsScope: string]> = [
  ['Teams.ManageCalls', 'voip'],
  ['Teams.ManageChats', 'chat'],
];

/**
 * `POST /teamsUser/:exchangeAccessToken`: exchanges an Entra token of a Teams user for a
 * Communication Services token. The body is `{ token, appId, userId }`, the response `{ token, expiresOn }`.
 *
 * The Entra token is checked the way the real service checks it: signature (against the sandbox
 * key, which stands in for Entra ID's keys), audience and expiry (401 `InvalidAccessToken`), then
 * `appId` and `userId` against the token's app and `oid` (400 `ValidationError`), then consent.
 */
export function exchangeTeamsUserToken(context: SandboxContext, request: Request, body: Record<string, unknown>): Response {
  const invalidToken = (reason: string) =>
    identityError(context, request, 401, { code: 'InvalidAccessToken', message: `The Teams user's access token is not valid: ${reason}.` });

  const entraToken = typeof body['token'] === 'string' ? body['token'] : '';
  const claims = context.signingKey.verify(entraToken);
  if (claims === undefined) return invalidToken('it is not a JWT signed by the sandbox Entra ID');

  const { aud, exp, oid, tid, scp } = claims;
  const appId = claims['appid'] ?? claims['azp'];
  if (aud !== communicationAudience && aud !== communicationAppId) return invalidToken(`its audience is ${String(aud)}`);
  if (typeof exp !== 'number' || exp * 1000 <= Date.now()) return invalidToken('it has expired');
  if (typeof oid !== 'string' || typeof tid !== 'string' || typeof appId !== 'string') {
    return invalidToken('it lacks oid, tid or appid');
  }

  if (body['appId'] !== appId) {
    return identityError(context, request, 400, {
      code: 'ValidationError',
      message: 'The appId does not match the application the token was issued to.',
      target: 'appId',
    });
  }
  if (body['userId'] !== oid) {
    return identityError(context, request, 400, {
      code: 'ValidationError',
      message: 'The userId does not match the user the token was issued to.',
      target: 'userId',
    });
  }

  // NOTE: the real service's response to a tenant without consent, or to a token without Teams
  // scopes, was not found in public recordings. 403 Forbidden is the sandbox's assumption.
  if (appId !== context.app.clientId || !context.app.consentedTenantIds.includes(tid)) {
    return identityError(context, request, 403, {
      code: 'Forbidden',
      message: `Tenant ${tid} has not consented to application ${appId}.`,
    });
  }
  const entraScopes = typeof scp === 'string' ? scp.split(' ') : [];
  const scopes = scopeGrants.filter(([entraScope]) => entraScopes.includes(entraScope)).map(([, acsScope]) => acsScope);
  if (scopes.length === 0) {
    return identityError(context, request, 403, {
      code: 'Forbidden',
      message: 'The token carries neither Teams.ManageCalls nor Teams.ManageChats.',
    });
  }

  const issued = issueTeamsUserToken(context, { objectId: oid, tenantId: tid, entraExpiresAt: exp, scopes });
  const user = findUser(oid);
  context.log.info(`identity: issued a Communication Services token for ${user?.userPrincipalName ?? oid}`);
  return Response.json({ token: issued.token, expiresOn: issued.expiresOn.toISOString() }, { status: 200 });
}
