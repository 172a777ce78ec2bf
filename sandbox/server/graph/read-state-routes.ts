import type { SandboxContext } from '../context.js';
import { requireScope, type GraphCaller } from './auth.js';
import { addGraphRoute } from './graph-route.js';
import { findMemberChat } from './membership.js';
import { writeChatScopes } from './permissions.js';
import { readJsonBody } from './request-body.js';
import { graphError, graphNoContent } from './responses.js';
import type { ChatStore } from './store.js';

/**
 * Read state of a chat for one user, as Graph's chat `viewpoint` reports it:
 * `POST /chats/{chatId}/markChatReadForUser` with `{ user: { id, tenantId } }`, and
 * `POST /chats/{chatId}/markChatUnreadForUser` with the same `user` and a `lastMessageReadDateTime`.
 * A delegated caller may mark a chat only for themselves.
 */
export function registerReadStateRoutes(context: SandboxContext, store: ChatStore): void {
  addGraphRoute(context, 'POST', '/chats/{chatId}/markChatReadForUser', 'mark-chat-read', async (request, params, caller) => {
    const denied = requireScope(context, request, caller, writeChatScopes);
    if (denied) return denied;
    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const input = await readJsonBody(request, '{ "user": { "id", "tenantId" } }');
    if (input instanceof Response) return input;
    const rejected = checkUser(context, request, caller, input);
    if (rejected) return rejected;

    store.setLastReadTime(chat.id, caller.user.id, store.nextModifiedTime());
    return graphNoContent(request);
  });

  addGraphRoute(context, 'POST', '/chats/{chatId}/markChatUnreadForUser', 'mark-chat-unread', async (request, params, caller) => {
    const denied = requireScope(context, request, caller, writeChatScopes);
    if (denied) return denied;
    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const input = await readJsonBody(request, '{ "user": { "id", "tenantId" }, "lastMessageReadDateTime" }');
    if (input instanceof Response) return input;
    const rejected = checkUser(context, request, caller, input);
    if (rejected) return rejected;

    const time = (input as { lastMessageReadDateTime?: unknown }).lastMessageReadDateTime;
    if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) {
      return reject(context, request, 400, `lastMessageReadDateTime ${JSON.stringify(time)} is invalid. Send an ISO 8601 time.`);
    }
    store.setLastReadTime(chat.id, caller.user.id, new Date(time).toISOString());
    return graphNoContent(request);
  });
}

function checkUser(context: SandboxContext, request: Request, caller: GraphCaller, input: unknown): Response | undefined {
  const user = typeof input === 'object' && input !== null ? (input as { user?: { id?: unknown; tenantId?: unknown } }).user : undefined;
  if (typeof user?.id !== 'string') return reject(context, request, 400, 'The request body has no "user": send { "user": { "id": "<object id>", "tenantId": "<tenant id>" } }.');
  if (user.id !== caller.user.id || (user.tenantId !== undefined && user.tenantId !== caller.user.tenantId)) {
    return reject(context, request, 403, `The signed-in user ${caller.user.id} can mark chats only for themselves, not for ${user.id}.`, 'Forbidden');
  }
  return undefined;
}

function reject(context: SandboxContext, request: Request, status: number, message: string, code = 'BadRequest'): Response {
  context.log.rejected(request, status, message);
  return graphError(request, status, code, message);
}
