import { TeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import { graphBaseUrl } from './graph-base-url.js';

/** The session members a group chat lookup uses. */
export type GroupChatSession = Pick<SessionApi, 'account' | 'options' | 'getGraphToken'>;

export interface GroupChatOptions {
  signal?: AbortSignal;
  /** Replaces `fetch`, for tests. */
  fetch?: typeof fetch;
}

/** The fields of Microsoft Graph's `chat` resource (with `$expand=members`) that are read here. */
interface GraphChat {
  id: string;
  chatType?: string;
  members?: Array<{ userId?: string | null }>;
}

interface GraphChatPage {
  value?: GraphChat[];
  '@odata.nextLink'?: string;
}

/**
 * How many pages of `GET /me/chats` are searched before a new chat is created. At Graph's page
 * size of 50 that is the 500 most recent chats; an older chat of the same people is missed and a
 * second one created, as Teams itself sometimes does.
 */
const maxChatPages = 10;

/**
 * Returns the id of the group chat of the signed-in user and exactly these other people, creating
 * the chat through Microsoft Graph when there is none. A Teams group call needs it: the calling
 * SDK's `startCall` takes it as `threadId`, and Teams shows the call in that chat.
 *
 * Needs the `Chat.ReadWrite` scope (or `Chat.Read` and `Chat.Create`). Throws `TeamsError` with
 * code `group-chat-forbidden` (HTTP 401 or 403) or `group-chat-failed`.
 */
export async function findOrCreateGroupChat(session: GroupChatSession, objectIds: string[], options: GroupChatOptions = {}): Promise<string> {
  const account = session.account;
  if (account === undefined) throw new TeamsError('signed-out', 'The session is not signed in, so no group chat can be found. Sign in first.');

  const wanted = new Set([account.objectId, ...objectIds].map((id) => id.toLowerCase()));
  const baseUrl = graphBaseUrl(session);
  const token = await session.getGraphToken();

  const existing = await findGroupChat(baseUrl, token, wanted, options);
  if (existing !== undefined) return existing;
  return createGroupChat(baseUrl, token, [...wanted], options);
}

async function findGroupChat(baseUrl: string, token: string, wanted: Set<string>, options: GroupChatOptions): Promise<string | undefined> {
  let url: string | undefined = `${baseUrl}v1.0/me/chats?$expand=members&$top=50`;

  for (let page = 0; page < maxChatPages && url !== undefined; page++) {
    const response = await send(url, { method: 'GET' }, token, options, 'Listing your chats to find the group chat');
    const body = (await response.json()) as GraphChatPage;

    const match = (body.value ?? []).find((chat) => chat.chatType === 'group' && hasExactlyMembers(chat, wanted));
    if (match !== undefined) return match.id;
    url = body['@odata.nextLink'];
  }
  return undefined;
}

async function createGroupChat(baseUrl: string, token: string, memberIds: string[], options: GroupChatOptions): Promise<string> {
  // Graph binds each member by the URL of its user resource on the same Graph endpoint.
  const members = memberIds.map((id) => ({
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: ['owner'],
    'user@odata.bind': `${baseUrl}v1.0/users('${id}')`,
  }));
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chatType: 'group', members }),
  };

  const response = await send(`${baseUrl}v1.0/chats`, init, token, options, 'Creating the group chat for the call');
  const chat = (await response.json()) as Partial<GraphChat>;
  if (typeof chat.id !== 'string' || chat.id === '') {
    throw new TeamsError('group-chat-failed', 'Microsoft Graph created the group chat but returned no chat id. Try the call again.');
  }
  return chat.id;
}

function hasExactlyMembers(chat: GraphChat, wanted: Set<string>): boolean {
  const members = new Set((chat.members ?? []).map((member) => (member.userId ?? '').toLowerCase()));
  return members.size === wanted.size && [...wanted].every((id) => members.has(id));
}

/** Sends a Graph request and turns a failure into a `TeamsError` that names the step. */
async function send(url: string, init: RequestInit, token: string, options: GroupChatOptions, step: string): Promise<Response> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}`, accept: 'application/json' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new TeamsError('group-chat-failed', `${step} failed: ${error instanceof Error ? error.message : String(error)}. Check the connection and try again.`, {
      retryable: true,
      cause: error,
    });
  }

  if (response.status === 401 || response.status === 403) {
    throw new TeamsError(
      'group-chat-forbidden',
      `${step} was refused by Microsoft Graph (HTTP ${response.status}). A group call needs a group chat: add the Chat.ReadWrite scope to the session's Graph scopes.`,
      { status: response.status },
    );
  }
  if (!response.ok) {
    throw new TeamsError('group-chat-failed', `${step} failed with HTTP ${response.status}. Try again later.`, {
      status: response.status,
      retryable: response.status === 429 || response.status >= 500,
    });
  }
  return response;
}
