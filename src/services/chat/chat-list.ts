import { TeamsError } from '../errors.js';
import type { SessionAccount } from '../session/types.js';
import { compareByLastActivity, toChatSummary, type ChatSummary } from './chat-summary.js';
import type { GraphChat, GraphPage } from './graph-types.js';
import type { GraphConnection } from './graph-client.js';
import { followNextLinks } from './paging.js';

/**
 * Pages of chats read at most. Graph returns up to 50 chats a page.
 *
 * TODO: load more chats on demand instead of stopping after this many pages.
 */
const maximumChatPages = 4;

/** A person to start a chat with: an Entra user, of the signed-in user's tenant or another. */
export interface NewChatMember {
  /** Entra object id. */
  userId: string;
  /** The user's tenant, when it differs from the signed-in user's. */
  tenantId?: string | undefined;
}

/**
 * Lists the signed-in user's chats with their members and last message, newest activity first.
 *
 * NOTE: Graph documents `$expand=members` and `$expand=lastMessagePreview` for listing chats;
 * whether it accepts both in one request was not confirmed against Graph itself.
 */
export async function listChats(connection: GraphConnection, account: SessionAccount | undefined): Promise<ChatSummary[]> {
  const chats = await connection.request('Listing chats', async (client) => {
    const first = (await client
      .api('/me/chats')
      .expand('members,lastMessagePreview')
      .orderby('lastMessagePreview/createdDateTime desc')
      .top(50)
      .get()) as GraphPage<GraphChat>;
    return followNextLinks(client, first, maximumChatPages);
  });
  return chats.map((chat) => toChatSummary(chat, account)).sort(compareByLastActivity);
}

/** Gets one chat with its members and last message. */
export async function getChat(connection: GraphConnection, chatId: string, account: SessionAccount | undefined): Promise<ChatSummary> {
  const chat = await connection.request(`Reading chat ${chatId}`, async (client) => {
    return (await client.api(`/chats/${encodeURIComponent(chatId)}`).expand('members,lastMessagePreview').get()) as GraphChat;
  });
  return toChatSummary(chat, account);
}

/** Marks a chat read for the signed-in user, up to now. */
export async function markChatRead(connection: GraphConnection, chatId: string, account: SessionAccount): Promise<void> {
  await connection.request(`Marking chat ${chatId} read`, async (client) => {
    await client.api(`/chats/${encodeURIComponent(chatId)}/markChatReadForUser`).post({ user: { id: account.objectId, tenantId: account.tenantId } });
  });
}

/**
 * Creates a chat of the signed-in user and `members`: a 1:1 chat for one other person (Graph
 * returns the existing one when there is one), else a group chat with `topic`. Returns the chat
 * with its members.
 */
export async function createChat(connection: GraphConnection, account: SessionAccount, members: NewChatMember[], topic?: string): Promise<ChatSummary> {
  const others = members.filter((member, index) => member.userId !== account.objectId && members.findIndex((other) => other.userId === member.userId) === index);
  if (others.length === 0) {
    throw new TeamsError('chat-request-invalid', 'A new chat needs at least one other person. Choose someone to chat with.');
  }

  const chatType = others.length === 1 ? 'oneOnOne' : 'group';
  const conversationMember = (member: NewChatMember): Record<string, unknown> => ({
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: ['owner'],
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${member.userId}')`,
    ...(member.tenantId !== undefined && member.tenantId !== account.tenantId ? { tenantId: member.tenantId } : {}),
  });
  const body: Record<string, unknown> = {
    chatType,
    members: [{ userId: account.objectId }, ...others].map(conversationMember),
  };
  const trimmedTopic = topic?.trim();
  if (chatType === 'group' && trimmedTopic) body['topic'] = trimmedTopic;

  const created = await connection.request('Creating a chat', async (client) => (await client.api('/chats').post(body)) as GraphChat);
  // Graph's create response has no members, so read the chat again with them.
  return getChat(connection, created.id, account);
}
