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

/** Gets one chat with its members. */
export async function getChat(connection: GraphConnection, chatId: string, account: SessionAccount | undefined): Promise<ChatSummary> {
  const chat = await connection.request(`Reading chat ${chatId}`, async (client) => {
    return (await client.api(`/chats/${encodeURIComponent(chatId)}`).expand('members').get()) as GraphChat;
  });
  return toChatSummary(chat, account);
}
