import type { SandboxContext } from '../context.js';
import { requireScope } from './auth.js';
import { addGraphRoute, graphBasePath } from './graph-route.js';
import { findMemberChat } from './membership.js';
import { toGraphMessage } from './message-view.js';
import { createMessage } from './new-message.js';
import { encodeSkipToken, nextLink, parseMessageQuery, selectMessagePage } from './paging.js';
import { applyPagingFaults, takeInvalidContinuation } from './paging-faults.js';
import { readMessageScopes, sendMessageScopes } from './permissions.js';
import { readJsonBody } from './request-body.js';
import { graphError, graphJson } from './responses.js';
import type { ChatStore } from './store.js';

/**
 * Fault name for a send whose response is lost: the message is stored, then the client gets a 504.
 * Tests arm it to check that a retry does not store the message twice.
 */
export const lostResponseFault = 'graph.send-message.lost-response';

/**
 * `GET /chats/{chatId}/messages` (paged, ordered, filtered, with the paging faults of
 * `paging-faults.ts`), `GET /chats/{chatId}/messages/{messageId}` and
 * `POST /chats/{chatId}/messages`.
 */
export function registerMessageRoutes(context: SandboxContext, store: ChatStore): void {
  addGraphRoute(context, 'GET', '/chats/{chatId}/messages', 'list-messages', (request, params, caller) => {
    const denied = requireScope(context, request, caller, readMessageScopes);
    if (denied) return denied;

    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const url = new URL(request.url);
    if (takeInvalidContinuation(context, url)) {
      context.log.rejected(request, 400, 'armed paging fault: invalid continuation token');
      return graphError(request, 400, 'BadRequest', 'Invalid continuation token. Request the first page again.');
    }

    const query = parseMessageQuery(url);
    if ('error' in query) {
      context.log.rejected(request, 400, query.error);
      return graphError(request, 400, 'BadRequest', query.error);
    }

    const selected = selectMessagePage(store.messagesOf(chat.id), query);
    const previous = query.after === undefined ? undefined : store.findMessage(chat.id, query.after.id);
    const { page, link } = applyPagingFaults(
      context,
      url,
      selected.page,
      selected.next === undefined ? undefined : nextLink(url, encodeSkipToken(selected.next)),
      previous,
    );

    const body: Record<string, unknown> = {
      '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages`,
      '@odata.count': page.length,
      value: page.map((message) => toGraphMessage(message, url.origin)),
    };
    if (link !== undefined) body['@odata.nextLink'] = link;
    return graphJson(request, body);
  });

  addGraphRoute(context, 'GET', '/chats/{chatId}/messages/{messageId}', 'get-message', (request, params, caller) => {
    const denied = requireScope(context, request, caller, readMessageScopes);
    if (denied) return denied;

    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const message = store.findMessage(chat.id, params['messageId']!);
    if (message === undefined) {
      context.log.rejected(request, 404, `no message ${params['messageId']} in chat ${chat.id}`);
      return graphError(request, 404, 'NotFound', `The chat "${chat.id}" has no message with the id "${params['messageId']}".`);
    }
    const url = new URL(request.url);
    return graphJson(request, {
      '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages/$entity`,
      ...toGraphMessage(message, url.origin),
    });
  });

  addGraphRoute(context, 'POST', '/chats/{chatId}/messages', 'send-message', async (request, params, caller) => {
    const denied = requireScope(context, request, caller, sendMessageScopes);
    if (denied) return denied;

    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const input = await readJsonBody(request, 'chatMessage');
    if (input instanceof Response) return input;

    const message = createMessage(chat, caller.user, input, store.nextMessageId(Date.now()));
    if ('status' in message) {
      context.log.rejected(request, message.status, message.message);
      return graphError(request, message.status, message.code, message.message);
    }

    store.addMessage(chat, message);
    // Sending a message marks the chat read for its sender, as Teams clients do.
    store.setLastReadTime(chat.id, caller.user.id, message.createdDateTime);

    if (context.faults.take(lostResponseFault) !== undefined) {
      // The message is stored, but the client never learns it: as when a gateway times out.
      context.log.rejected(request, 504, `armed fault: the response for the stored message ${message.id} is lost`);
      return graphError(request, 504, 'GatewayTimeout', 'The gateway timed out before the service responded.');
    }

    const url = new URL(request.url);
    return graphJson(request, { '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages/$entity`, ...toGraphMessage(message, url.origin) }, 201);
  });
}
