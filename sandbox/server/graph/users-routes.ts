import type { SandboxContext } from '../context.js';
import { findUser, type SandboxUser } from '../directory.js';
import { requireScope } from './auth.js';
import { addGraphRoute, graphBasePath } from './graph-route.js';
import { readOtherUserScopes, readOwnProfileScopes } from './permissions.js';
import { graphError, graphJson } from './responses.js';

/**
 * `GET /me` and `GET /users/{id | userPrincipalName}`. Like Graph, `/users` finds only users of
 * the caller's own tenant, and reading another user's profile needs a `User.ReadBasic.All`-level
 * scope: `User.Read` covers the signed-in user only.
 *
 * NOTE: a federated user of another tenant (Diego of Fabrikam for Adele of Contoso) gets a 404
 * response here, as Graph returns for users outside the caller's directory.
 */
export function registerUserRoutes(context: SandboxContext): void {
  addGraphRoute(context, 'GET', '/me', 'get-me', (request, _params, caller) => {
    const denied = requireScope(context, request, caller, readOwnProfileScopes);
    if (denied) return denied;
    return graphJson(request, selectProperties(request, toGraphUser(request, caller.user)));
  });

  addGraphRoute(context, 'GET', '/users/{idOrName}', 'get-user', (request, params, caller) => {
    const idOrName = params['idOrName']!;
    const user = findUser(idOrName);
    const self = user?.id === caller.user.id;

    const denied = requireScope(context, request, caller, self ? readOwnProfileScopes : readOtherUserScopes);
    if (denied) return denied;

    if (user === undefined || user.tenantId !== caller.user.tenantId) {
      context.log.rejected(request, 404, `no user ${idOrName} in tenant ${caller.user.tenantId}`);
      return graphError(request, 404, 'Request_ResourceNotFound', `The user "${idOrName}" does not exist in the directory of tenant ${caller.user.tenantId}. Check the object id or user principal name.`);
    }
    return graphJson(request, selectProperties(request, toGraphUser(request, user)));
  });
}

/** Returns a user as Graph's `user` resource with its default properties. */
function toGraphUser(request: Request, user: SandboxUser): Record<string, unknown> {
  return {
    '@odata.context': `${new URL(request.url).origin}${graphBasePath}/$metadata#users/$entity`,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

/** Applies `$select=id,displayName,...`: keeps the OData context and the named properties. */
function selectProperties(request: Request, resource: Record<string, unknown>): Record<string, unknown> {
  const select = new URL(request.url).searchParams.get('$select');
  if (select === null) return resource;

  const names = new Set(['@odata.context', ...select.split(',').map((name) => name.trim())]);
  return Object.fromEntries(Object.entries(resource).filter(([name]) => names.has(name)));
}
