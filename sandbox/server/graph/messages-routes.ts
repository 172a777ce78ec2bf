import type { SandboxContext } from '../context.js';
import { requireScope } from './auth.js';
import { addGraphRoute, graphBasePath } from './graph-route.js';
import { findMemberChat } from './membership.js';
import { createMessage } from './new-message.js';
import { encodeSkipToken, nextLink, parseMessageQuery, selectMessagePage } from './paging.js';
import { readMessageScopes, sendMessageScopes } from './permissions.js';
import { graphError, graphJson } from './responses.js';
import type { ChatStore } from './store.js';

/**
 * Largest request body the emulator reads, in bytes. Graph rejects requests over 4 MB; a chat
 * message body is limited far below that.
 */
const maximumRequestBytes = 4 * 1024 * 1024;

/** `GET /chats/{chatId}/messages` (paged, ordered, filtered) and `POST /chats/{chatId}/messages`. */
export function registerMessageRoutes(context: SandboxContext, store: ChatStore): void {
  addGraphRoute(context, 'GET', '/chats/{chatId}/messages', 'list-messages', (request, params, caller) => {
    const denied = requireScope(context, request, caller, readMessageScopes);
    if (denied) return denied;

    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const url = new URL(request.url);
    const query = parseMessageQuery(url);
    if ('error' in query) {
      context.log.rejected(request, 400, query.error);
      return graphError(request, 400, 'BadRequest', query.error);
    }

    const { page, next } = selectMessagePage(store.messagesOf(chat.id), query);
    const body: Record<string, unknown> = {
      '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages`,
      '@odata.count': page.length,
      value: page,
    };
    if (next !== undefined) body['@odata.nextLink'] = nextLink(url, encodeSkipToken(next));
    return graphJson(request, body);
  });

  addGraphRoute(context, 'POST', '/chats/{chatId}/messages', 'send-message', async (request, params, caller) => {
    const denied = requireScope(context, request, caller, sendMessageScopes);
    if (denied) return denied;

    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    if (Number(request.headers.get('content-length') ?? 0) > maximumRequestBytes) {
      return graphError(request, 413, 'RequestEntityTooLarge', `The request body is larger than ${maximumRequestBytes} bytes.`);
    }
    let input: unknown;
    try {
      input = await request.json();
    } catch {
      return graphError(request, 400, 'BadRequest', 'The request body is not valid JSON. Send a chatMessage object.');
    }

    const message = createMessage(chat, caller.user, input, store.nextMessageId(Date.now()));
    if ('status' in message) {
      context.log.rejected(request, message.status, message.message);
      return graphError(request, message.status, message.code, message.message);
    }

    store.addMessage(chat, message);
    const url = new URL(request.url);
    return graphJson(request, { '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages/$entity`, ...message }, 201);
  });
}
