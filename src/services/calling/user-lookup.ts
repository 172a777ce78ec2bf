import { TeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import { type CallTarget, parseCallTarget, rejectSelfCall } from './call-target.js';
import { graphBaseUrl } from './graph-base-url.js';

/** The fields of Microsoft Graph's `user` resource that a call needs. */
interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

/** The session members a lookup uses. */
export type LookupSession = Pick<SessionApi, 'account' | 'options' | 'getGraphToken'>;

export interface ResolveOptions {
  signal?: AbortSignal;
  /** Replaces `fetch`, for tests. */
  fetch?: typeof fetch;
}

/**
 * Turns what a person typed into a Teams user to call. An object id is used as it is. A user
 * principal name is looked up with Microsoft Graph to get the object id the call agent needs:
 * `GET /v1.0/users/{upn}`, which needs the `User.ReadBasic.All` scope and finds only users of the
 * signed-in account's own tenant.
 *
 * Throws `TeamsError` with code `call-target-missing`, `call-target-invalid`, `call-target-self`,
 * `call-target-not-found`, `call-target-lookup-forbidden` or `call-target-lookup-failed`.
 */
export async function resolveCallTarget(session: LookupSession, input: string, options: ResolveOptions = {}): Promise<CallTarget> {
  const parsed = parseCallTarget(input);
  rejectSelfCall(parsed, session.account);

  if (parsed.kind === 'object-id') {
    return { identifier: { microsoftTeamsUserId: parsed.objectId } };
  }

  const user = await lookUpUser(session, parsed.userPrincipalName, options);
  const target: CallTarget = {
    identifier: { microsoftTeamsUserId: user.id },
    ...(user.displayName ? { displayName: user.displayName } : {}),
  };

  // The same person can sign in with an alias or their mail address, so compare object ids too.
  rejectSelfCall(target, session.account);
  return target;
}

async function lookUpUser(session: LookupSession, userPrincipalName: string, options: ResolveOptions): Promise<GraphUser> {
  const url = `${graphBaseUrl(session)}v1.0/users/${encodeURIComponent(userPrincipalName)}?$select=id,displayName,userPrincipalName`;
  const token = await session.getGraphToken();

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new TeamsError(
      'call-target-lookup-failed',
      `Looking up ${userPrincipalName} in Microsoft Graph failed: ${error instanceof Error ? error.message : String(error)}. Check the connection and try again.`,
      { retryable: true, cause: error },
    );
  }

  if (response.status === 404 || response.status === 400) {
    throw new TeamsError(
      'call-target-not-found',
      `No user ${userPrincipalName} was found in the directory of the signed-in account. Check the address, or pass the user's object id.`,
      { status: response.status },
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new TeamsError(
      'call-target-lookup-forbidden',
      `Microsoft Graph refused to look up ${userPrincipalName} (HTTP ${response.status}). Add the User.ReadBasic.All scope to the session's Graph scopes, or pass the user's object id.`,
      { status: response.status },
    );
  }
  if (!response.ok) {
    throw new TeamsError(
      'call-target-lookup-failed',
      `Looking up ${userPrincipalName} in Microsoft Graph failed with HTTP ${response.status}. Try again later.`,
      { status: response.status, retryable: response.status === 429 || response.status >= 500 },
    );
  }

  const user = (await response.json()) as Partial<GraphUser>;
  if (typeof user.id !== 'string' || user.id === '') {
    throw new TeamsError(
      'call-target-lookup-failed',
      `Microsoft Graph returned no object id for ${userPrincipalName}. Pass the user's object id instead.`,
    );
  }
  return user as GraphUser;
}
