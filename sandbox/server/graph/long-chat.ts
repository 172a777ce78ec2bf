import type { SandboxContext } from '../context.js';
import type { SandboxUser } from '../directory.js';
import { corsHeaders, jsonResponse, preflight } from '../http.js';
import type { ChatMessage, StoredChat } from './model.js';
import { html, mention, message, reaction } from './seed-builders.js';
import { requireUser } from './seed.js';
import type { ChatStore } from './store.js';

/** Default and maximum size of a long chat, in messages. */
const defaultLongChatLength = 10_000;
const maximumLongChatLength = 50_000;

/**
 * Adds the test-control route `POST /__sandbox/graph/long-chat` with the body
 * `{ messages?: number, users?: string[] }`. It creates a group chat "Long history" of `messages`
 * messages (10,000 by default), one a minute up to now, among `users` (UPNs; Adele, Alex and Megan
 * by default), and responds with `{ chatId, messages }`. Asking again for the same size and users
 * returns the same chat, so the benchmark and tests can share it.
 */
export function registerLongChatRoute(context: SandboxContext, store: ChatStore): void {
  context.router.add('OPTIONS', '/__sandbox/graph/long-chat', preflight);
  context.router.add('POST', '/__sandbox/graph/long-chat', async (request) => {
    const body = (await request.json().catch(() => ({}))) as { messages?: unknown; users?: unknown };
    const count = body.messages === undefined ? defaultLongChatLength : Number(body.messages);
    if (!Number.isInteger(count) || count < 1 || count > maximumLongChatLength) {
      return jsonResponse(request, { error: { code: 'BadRequest', message: `messages ${String(body.messages)} is invalid. Use an integer from 1 to ${maximumLongChatLength}.` } }, 400);
    }

    const upns = Array.isArray(body.users) ? body.users.map(String) : ['adele.vance@contoso.com', 'alex.wilber@contoso.com', 'megan.bowen@contoso.com'];
    let members: SandboxUser[];
    try {
      members = upns.map((upn) => requireUser(upn));
    } catch (error) {
      return jsonResponse(request, { error: { code: 'BadRequest', message: (error as Error).message } }, 400);
    }

    const chatId = longChatId(count, members);
    if (store.findChat(chatId) === undefined) {
      const { chat, messages } = buildLongChat(chatId, count, members, new Date());
      store.addChat(chat, messages);
      for (const member of members) store.setLastReadTime(chat.id, member.id, chat.lastUpdatedDateTime);
      context.log.info(`Created the long chat ${chatId} with ${count} messages.`);
    }
    return new Response(JSON.stringify({ chatId, messages: count }), { status: 200, headers: { ...corsHeaders(request), 'content-type': 'application/json' } });
  });
}

/** Returns a group chat id that depends only on the size and the members. */
function longChatId(count: number, members: SandboxUser[]): string {
  const memberHash = members
    .map((member) => member.id)
    .sort()
    .join('')
    .split('')
    .reduce((hash, character) => (hash * 33 + character.charCodeAt(0)) >>> 0, 5381);
  return `19:long${count.toString(16).padStart(8, '0')}${memberHash.toString(16).padStart(8, '0')}0000000000000000@thread.v2`;
}

/** Builds the chat and its messages, oldest first, with a mix of the kinds a thread renders. */
function buildLongChat(chatId: string, count: number, members: SandboxUser[], now: Date): { chat: StoredChat; messages: ChatMessage[] } {
  const start = now.getTime() - (count + 1) * 60_000;
  const at = (index: number): string => new Date(start + (index + 1) * 60_000).toISOString();
  const messages: ChatMessage[] = [];

  for (let index = 0; index < count; index++) {
    const sender = members[index % members.length]!;
    const other = members[(index + 1) % members.length]!;
    const number = index + 1;
    let body = `<p>Message ${number} of ${count}: aisle ${(index % 24) + 1} counted, ${(index * 7) % 90} items.</p>`;
    const extras: Parameters<typeof message>[4] = {};

    if (number % 11 === 0) {
      body = `<p><at id="0">${other.displayName}</at>, message ${number}: please check aisle ${(index % 24) + 1}.</p>`;
      extras.mentions = [mention(0, other)];
    } else if (number % 7 === 0) {
      body = `<p>Message ${number}: the count query.</p><codeblock><code>SELECT aisle, COUNT(*) FROM items\nWHERE store = ${index % 40}\nGROUP BY aisle;</code></codeblock>`;
    } else if (number % 13 === 0) {
      body = `<p>Message ${number}, on three lines:<br>first the shelves,<br>then the back room.</p>`;
    }
    if (number % 50 === 0) extras.editedAfterMinutes = 0.5;
    if (number % 17 === 0) extras.reactions = [reaction('👍', other, at(index))];

    messages.push(message(chatId, sender, at(index), html(body), extras));
  }

  const created = new Date(start).toISOString();
  const chat: StoredChat = {
    id: chatId,
    topic: `Long history (${count.toLocaleString('en-US')} messages)`,
    chatType: 'group',
    createdDateTime: created,
    lastUpdatedDateTime: messages.at(-1)?.createdDateTime ?? created,
    tenantId: members[0]!.tenantId,
    memberIds: members.map((member) => member.id),
  };
  return { chat, messages };
}
