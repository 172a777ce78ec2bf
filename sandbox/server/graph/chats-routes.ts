import type { SandboxContext } from '../context.js';
import { requireScope } from './auth.js';
import { parseChatExpansion, toGraphChat } from './chat-view.js';
import { addGraphRoute, graphBasePath } from './graph-route.js';
import { findMemberChat } from './membership.js';
import { decodeSkipToken, encodeSkipToken, nextLink, parseTop } from './paging.js';
import { readChatScopes } from './permissions.js';
import { graphError, graphJson } from './responses.js';
import type { ChatStore } from './store.js';

/** The largest (and default) `$top` of `GET /me/chats`. */
const maximumChatPageSize = 50;

/**
 * `GET /me/chats` (with `$expand=members,lastMessagePreview`, `$top` and
 * `$orderby=lastMessagePreview/createdDateTime desc`) and `GET /chats/{chatId}`.
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
      value: page.map((chat) => toGraphChat(store, chat, expansion)),
    };
    if (offset + top < chats.length) {
      body['@odata.nextLink'] = nextLink(url, encodeSkipToken({ time: 0, id: String(offset + top) }));
    }
    return graphJson(request, body);
  });

  addGraphRoute(context, 'GET', '/chats/{chatId}', 'get-chat', (request, params, caller) => {
    const denied = requireScope(context, request, caller, readChatScopes);
    if (denied) return denied;

    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const url = new URL(request.url);
    return graphJson(request, {
      '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats/$entity`,
      ...toGraphChat(store, chat, parseChatExpansion(url)),
    });
  });
}
