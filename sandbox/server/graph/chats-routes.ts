import type { SandboxContext } from '../context.js';
import { requireScope } from './auth.js';
import { parseChatExpansion, toGraphChat } from './chat-view.js';
import { addGraphRoute, graphBasePath } from './graph-route.js';
import { findMemberChat } from './membership.js';
import { decodeSkipToken, encodeSkipToken, nextLink, parseTop } from './paging.js';
import { buildChat, maximumTopicLength, readNewChat } from './new-chat.js';
import { createChatScopes, readChatScopes, writeChatScopes } from './permissions.js';
import { chatRenamed, systemEvent } from './seed-builders.js';
import { readJsonBody } from './request-body.js';
import { graphError, graphJson, graphNoContent } from './responses.js';
import type { ChatStore } from './store.js';

/** The largest (and default) `$top` of `GET /me/chats`. */
const maximumChatPageSize = 50;

/**
 * `GET /me/chats` (with `$expand=members,lastMessagePreview`, `$top` and
 * `$orderby=lastMessagePreview/createdDateTime desc`), `POST /chats`, `GET /chats/{chatId}`, and
 * `PATCH /chats/{chatId}` to rename a group chat.
 */
export function registerChatRoutes(context: SandboxContext, store: ChatStore): void {
  addGraphRoute(context, 'GET', '/me/chats', 'list-chats', (request, _params, caller) => {
    const denied = requireScope(context, request, caller, readChatScopes);
    if (denied) return denied;

    const url = new URL(request.url);
    const top = parseTop(url.searchParams.get('$top'), maximumChatPageSize, maximumChatPageSize);
    if (typeof top === 'string') return graphError(request, 400, 'BadRequest', top);

    // The skip token of a chat page stores the offset of its first chat in the `id` field.
    const skipToken = url.searchParams.get('$skiptoken');
    const cursor = skipToken === null ? undefined : decodeSkipToken(skipToken);
    if (cursor === null) return graphError(request, 400, 'BadRequest', 'Invalid continuation token: the $skiptoken was not issued by this service. Start again from the first page.');
    const offset = cursor === undefined ? 0 : Number(cursor.id);

    const chats = store.chatsOf(caller.user.id);
    if ((url.searchParams.get('$orderby') ?? '').replace(/\s+/g, ' ').trim() === 'lastMessagePreview/createdDateTime desc') {
      const lastActivity = (chatId: string): number => Date.parse(store.messagesOf(chatId).at(-1)?.createdDateTime ?? '') || 0;
      chats.sort((a, b) => lastActivity(b.id) - lastActivity(a.id));
    }

    const expansion = parseChatExpansion(url);
    const page = chats.slice(offset, offset + top);
    const body: Record<string, unknown> = {
      '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats`,
      '@odata.count': page.length,
      value: page.map((chat) => toGraphChat(store, chat, expansion, caller.user.id)),
    };
    if (offset + top < chats.length) {
      body['@odata.nextLink'] = nextLink(url, encodeSkipToken({ time: 0, id: String(offset + top) }));
    }
    return graphJson(request, body);
  });

  addGraphRoute(context, 'POST', '/chats', 'create-chat', async (request, _params, caller) => {
    const denied = requireScope(context, request, caller, createChatScopes);
    if (denied) return denied;

    const input = await readJsonBody(request, 'chat');
    if (input instanceof Response) return input;

    const newChat = readNewChat(caller.user, input);
    if ('status' in newChat) {
      context.log.rejected(request, newChat.status, newChat.message);
      return graphError(request, newChat.status, newChat.code, newChat.message);
    }

    // Only one 1:1 chat exists between two users: creating it again returns the existing chat.
    const chat = buildChat(newChat, caller.user, new Date());
    const existing = chat.chatType === 'oneOnOne' ? store.findChat(chat.id) : undefined;
    if (existing === undefined) {
      store.addChat(chat);
      for (const memberId of chat.memberIds) store.setLastReadTime(chat.id, memberId, chat.createdDateTime);
    }

    const url = new URL(request.url);
    return graphJson(
      request,
      { '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats/$entity`, ...toGraphChat(store, existing ?? chat, parseChatExpansion(url), caller.user.id) },
      201,
    );
  });

  addGraphRoute(context, 'PATCH', '/chats/{chatId}', 'rename-chat', async (request, params, caller) => {
    const denied = requireScope(context, request, caller, writeChatScopes);
    if (denied) return denied;
    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const input = await readJsonBody(request, 'chat');
    if (input instanceof Response) return input;
    const topic = typeof input === 'object' && input !== null ? (input as { topic?: unknown }).topic : undefined;
    const invalid =
      chat.chatType !== 'group'
        ? `Only a group chat can be renamed; the chat "${chat.id}" is a ${chat.chatType} chat.`
        : typeof topic !== 'string' || topic.trim() === '' || topic.length > maximumTopicLength
          ? `The topic must be a non-empty string of at most ${maximumTopicLength} characters.`
          : undefined;
    if (invalid !== undefined) {
      context.log.rejected(request, 400, invalid);
      return graphError(request, 400, 'BadRequest', invalid);
    }

    // Graph posts a system event message into the chat for every rename.
    chat.topic = topic as string;
    const created = new Date(Number(store.nextMessageId(Date.now()))).toISOString();
    store.addMessage(chat, systemEvent(chat.id, created, chatRenamed(caller.user, chat.id, chat.topic)));
    return graphNoContent(request);
  });

  addGraphRoute(context, 'GET', '/chats/{chatId}', 'get-chat', (request, params, caller) => {
    const denied = requireScope(context, request, caller, readChatScopes);
    if (denied) return denied;

    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const url = new URL(request.url);
    return graphJson(request, {
      '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats/$entity`,
      ...toGraphChat(store, chat, parseChatExpansion(url), caller.user.id),
    });
  });
}
