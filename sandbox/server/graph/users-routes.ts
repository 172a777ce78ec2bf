import type { SandboxContext } from '../context.js';
import { findUser, users, type SandboxUser } from '../directory.js';
import { corsHeaders } from '../http.js';
import { requireScope, type GraphCaller } from './auth.js';
import { addGraphRoute, graphBasePath } from './graph-route.js';
import { hasPhoto, userPhoto } from './images.js';
import { parseTop } from './paging.js';
import { readOtherPhotoScopes, readOtherUserScopes, readOwnProfileScopes } from './permissions.js';
import { graphError, graphJson } from './responses.js';
import { parseUserFilter, parseUserSearch, type UserQuery } from './user-search.js';

/** Default and maximum `$top` of `GET /users`, as Graph documents them. */
const defaultUserPageSize = 100;
const maximumUserPageSize = 999;

/**
 * `GET /me`, `GET /users/{id | userPrincipalName}`, `GET /users` with `$filter` or `$search`
 * (see `user-search.ts`), and profile photos at `/me/photo/$value` and
 * `/users/{id}/photo/$value`. Like Graph, `/users` finds only users of the caller's own tenant,
 * and reading another user's profile needs a `User.ReadBasic.All`-level scope: `User.Read` covers
 * the signed-in user only.
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

  addGraphRoute(context, 'GET', '/users', 'search-users', (request, _params, caller) => {
    const denied = requireScope(context, request, caller, readOtherUserScopes);
    if (denied) return denied;

    const url = new URL(request.url);
    const top = parseTop(url.searchParams.get('$top'), defaultUserPageSize, maximumUserPageSize);
    if (typeof top === 'string') return graphError(request, 400, 'Request_UnsupportedQuery', top);

    const search = url.searchParams.get('$search');
    const filter = url.searchParams.get('$filter');
    if (search !== null && request.headers.get('consistencylevel')?.toLowerCase() !== 'eventual') {
      const message = '$search needs the request header "ConsistencyLevel: eventual". Add the header, or use $filter=startswith(displayName,\'...\').';
      context.log.rejected(request, 400, message);
      return graphError(request, 400, 'Request_UnsupportedQuery', message);
    }
    let query: UserQuery = { matches: () => true };
    if (search !== null) query = parseUserSearch(search);
    else if (filter !== null) query = parseUserFilter(filter);
    if ('error' in query) {
      context.log.rejected(request, 400, query.error);
      return graphError(request, 400, 'Request_UnsupportedQuery', query.error);
    }

    const found = users
      .filter((user) => user.tenantId === caller.user.tenantId && query.matches(user))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, top);
    return graphJson(request, {
      '@odata.context': `${url.origin}${graphBasePath}/$metadata#users`,
      value: found.map((user) => {
        const { ['@odata.context']: _context, ...resource } = selectProperties(request, toGraphUser(request, user));
        return resource;
      }),
    });
  });

  addGraphRoute(context, 'GET', '/me/photo/$value', 'get-user-photo', (request, _params, caller) => {
    const denied = requireScope(context, request, caller, readOwnProfileScopes);
    if (denied) return denied;
    return photoResponse(context, request, caller, caller.user);
  });

  addGraphRoute(context, 'GET', '/users/{idOrName}/photo/$value', 'get-user-photo', (request, params, caller) => {
    const user = findUser(params['idOrName']!);
    const self = user?.id === caller.user.id;
    const denied = requireScope(context, request, caller, self ? readOwnProfileScopes : readOtherPhotoScopes);
    if (denied) return denied;

    if (user === undefined || user.tenantId !== caller.user.tenantId) {
      context.log.rejected(request, 404, `no user ${params['idOrName']} in tenant ${caller.user.tenantId}`);
      return graphError(request, 404, 'Request_ResourceNotFound', `The user "${params['idOrName']}" does not exist in the directory of tenant ${caller.user.tenantId}.`);
    }
    return photoResponse(context, request, caller, user);
  });
}

/** Returns a user's photo as a PNG, or Graph's 404 `ImageNotFound` for a user without one. */
function photoResponse(context: SandboxContext, request: Request, caller: GraphCaller, user: SandboxUser): Response {
  if (!hasPhoto(user)) {
    context.log.rejected(request, 404, `user ${user.id} has no photo (asked by ${caller.user.id})`);
    return graphError(request, 404, 'ImageNotFound', `The user ${user.id} has no profile photo.`);
  }
  return new Response(new Uint8Array(userPhoto(user)), {
    status: 200,
    headers: { ...corsHeaders(request), 'content-type': 'image/png', 'cache-control': 'private, max-age=3600' },
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
