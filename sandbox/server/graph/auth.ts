import type { SandboxContext } from '../context.js';
import { findUser, type SandboxUser } from '../directory.js';
import { graphAudience } from '../entra/access-token.js';
import { bearerToken } from '../http.js';
import { graphError } from './responses.js';

/** The signed-in user a Graph request acts for, read from its access token. */
export interface GraphCaller {
  user: SandboxUser;
  /** Delegated scopes from the token's `scp` claim, such as `Chat.ReadWrite`. */
  scopes: ReadonlySet<string>;
}

/**
 * Audiences Graph accepts: its URL, and its application id, which Entra writes in `aud` of v1.0
 * tokens.
 */
const acceptedAudiences = new Set([graphAudience, '00000003-0000-0000-c000-000000000000']);

/** Clock skew tolerated on `exp` and `nbf`, in seconds. */
const clockSkewSeconds = 300;

/**
 * Checks a request's bearer token as Graph does: signed by the sandbox's Entra key, issued for
 * Microsoft Graph, within its lifetime, for a user of the directory. Returns the caller, or a 401
 * response in Graph's error shape that names the failed check.
 */
export function authenticate(context: SandboxContext, request: Request): GraphCaller | Response {
  const reject = (message: string): Response => {
    context.log.rejected(request, 401, message);
    return graphError(request, 401, 'InvalidAuthenticationToken', message, {
      'www-authenticate': 'Bearer realm="", error="invalid_token"',
    });
  };

  const token = bearerToken(request);
  if (token === undefined) return reject('The request has no access token. Send an Authorization: Bearer header with an Entra access token for Microsoft Graph.');

  const claims = context.signingKey.verify(token);
  if (claims === undefined) return reject('The access token is malformed or its signature is invalid. Acquire a token from the sandbox\'s Entra ID.');

  const audience = claims['aud'];
  if (typeof audience !== 'string' || !acceptedAudiences.has(audience)) {
    return reject(`The access token is for the audience "${String(audience)}", not Microsoft Graph. Request a token for ${graphAudience}.`);
  }

  const now = Math.floor(Date.now() / 1000);
  const expiresAt = claims['exp'];
  if (typeof expiresAt !== 'number' || expiresAt + clockSkewSeconds <= now) {
    return reject('The access token is expired. Acquire a new token.');
  }
  const notBefore = claims['nbf'];
  if (typeof notBefore === 'number' && notBefore - clockSkewSeconds > now) {
    return reject('The access token is not valid yet: its nbf time is in the future.');
  }

  const objectId = claims['oid'];
  const user = typeof objectId === 'string' ? findUser(objectId) : undefined;
  if (user === undefined || claims['tid'] !== user.tenantId) {
    return reject(`The access token's user ${String(objectId)} of tenant ${String(claims['tid'])} is not in the sandbox directory.`);
  }

  const scopes = typeof claims['scp'] === 'string' ? claims['scp'].split(' ').filter((scope) => scope !== '') : [];
  return { user, scopes: new Set(scopes) };
}

/**
 * Returns a 403 response when the caller's token has none of the `anyOf` delegated scopes, as
 * Graph responds to a valid token without permission. Returns `undefined` when one is there.
 */
export function requireScope(
  context: SandboxContext,
  request: Request,
  caller: GraphCaller,
  anyOf: readonly string[],
): Response | undefined {
  if (anyOf.some((scope) => caller.scopes.has(scope))) return undefined;

  const message =
    `The access token has none of the scopes this request needs (${anyOf.join(', ')}). ` +
    `Its scopes are "${[...caller.scopes].join(' ')}". Request one of them when acquiring the token.`;
  context.log.rejected(request, 403, message);
  return graphError(request, 403, 'Forbidden', message);
}
