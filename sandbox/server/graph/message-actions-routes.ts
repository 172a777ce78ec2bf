import type { SandboxContext } from '../context.js';
import { requireScope, type GraphCaller } from './auth.js';
import { addGraphRoute, type GraphOperation } from './graph-route.js';
import { userIdentity } from './identities.js';
import { findMemberChat } from './membership.js';
import type { ChatMessage } from './model.js';
import { readBody, readMentions } from './new-message.js';
import { reactionScopes, writeChatScopes } from './permissions.js';
import { readJsonBody } from './request-body.js';
import { graphError, graphNoContent } from './responses.js';
import type { ChatStore } from './store.js';

/** Longest `reactionType` accepted, in UTF-16 code units: one emoji with modifiers fits. */
const maximumReactionLength = 16;

/**
 * Changes to one message, each responding with 204 No Content as Graph does:
 *
 * - `PATCH /chats/{chatId}/messages/{messageId}`: the sender edits the body (and mentions).
 * - `POST .../softDelete` and `.../undoSoftDelete`: the sender deletes the message or restores it.
 * - `POST .../setReaction` and `.../unsetReaction` with `{ reactionType: "👍" }`: any member.
 *
 * Each change gives the message a new `lastModifiedDateTime`, so polling clients find it.
 */
export function registerMessageActionRoutes(context: SandboxContext, store: ChatStore): void {
  addMessageRoute(context, store, 'PATCH', '', 'edit-message', writeChatScopes, async (request, caller, message, chat) => {
    const rejected = requireSender(context, request, caller, message, 'edit');
    if (rejected) return rejected;
    if (message.deletedDateTime !== null) return reject(context, request, 400, `The message ${message.id} is deleted and cannot be edited. Restore it with undoSoftDelete first.`);

    const input = await readJsonBody(request, 'chatMessage');
    if (input instanceof Response) return input;

    const body = readBody(input);
    if ('status' in body) return reject(context, request, body.status, body.message, body.code);
    const mentions = readMentions(chat, (input as { mentions?: unknown }).mentions);
    if (!Array.isArray(mentions)) return reject(context, request, mentions.status, mentions.message);

    store.updateMessage(message, (changed, now) => {
      changed.body = body;
      changed.mentions = mentions;
      changed.lastEditedDateTime = now;
    });
    return graphNoContent(request);
  });

  addMessageRoute(context, store, 'POST', '/softDelete', 'delete-message', writeChatScopes, (request, caller, message, chat) => {
    const rejected = requireSender(context, request, caller, message, 'delete');
    if (rejected) return rejected;
    if (message.deletedDateTime !== null) return graphNoContent(request);

    store.keepDeletedBody(chat.id, message.id, message.body);
    store.updateMessage(message, (changed, now) => {
      changed.deletedDateTime = now;
    });
    return graphNoContent(request);
  });

  addMessageRoute(context, store, 'POST', '/undoSoftDelete', 'undo-delete-message', writeChatScopes, (request, caller, message, chat) => {
    const rejected = requireSender(context, request, caller, message, 'restore');
    if (rejected) return rejected;
    if (message.deletedDateTime === null) return graphNoContent(request);

    const body = store.takeDeletedBody(chat.id, message.id);
    store.updateMessage(message, (changed) => {
      changed.deletedDateTime = null;
      if (body !== undefined) changed.body = body;
    });
    return graphNoContent(request);
  });

  addMessageRoute(context, store, 'POST', '/setReaction', 'set-reaction', reactionScopes, async (request, caller, message) => {
    const reactionType = await readReactionType(context, request);
    if (reactionType instanceof Response) return reactionType;
    if (message.deletedDateTime !== null) return reject(context, request, 400, `The message ${message.id} is deleted, so it cannot get reactions.`);

    const existing = message.reactions.some((reaction) => reaction.reactionType === reactionType && reaction.user.user.id === caller.user.id);
    if (existing) return graphNoContent(request);
    store.updateMessage(message, (changed, now) => {
      changed.reactions.push({
        reactionType,
        displayName: null,
        reactionContentUrl: null,
        createdDateTime: now,
        user: { application: null, device: null, user: userIdentity(caller.user, false) },
      });
    });
    return graphNoContent(request);
  });

  addMessageRoute(context, store, 'POST', '/unsetReaction', 'unset-reaction', reactionScopes, async (request, caller, message) => {
    const reactionType = await readReactionType(context, request);
    if (reactionType instanceof Response) return reactionType;

    const mine = (reaction: ChatMessage['reactions'][number]): boolean => reaction.reactionType === reactionType && reaction.user.user.id === caller.user.id;
    if (!message.reactions.some(mine)) return graphNoContent(request);
    store.updateMessage(message, (changed) => {
      changed.reactions = changed.reactions.filter((reaction) => !mine(reaction));
    });
    return graphNoContent(request);
  });
}

type MessageActionHandler = (
  request: Request,
  caller: GraphCaller,
  message: ChatMessage,
  chat: NonNullable<ReturnType<ChatStore['findChat']>>,
) => Promise<Response> | Response;

/** Adds a route on one message of a chat the caller is a member of. */
function addMessageRoute(
  context: SandboxContext,
  store: ChatStore,
  method: 'POST' | 'PATCH',
  suffix: string,
  operation: GraphOperation,
  scopes: readonly string[],
  handler: MessageActionHandler,
): void {
  addGraphRoute(context, method, `/chats/{chatId}/messages/{messageId}${suffix}`, operation, (request, params, caller) => {
    const denied = requireScope(context, request, caller, scopes);
    if (denied) return denied;

    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const message = store.findMessage(chat.id, params['messageId']!);
    if (message === undefined) return reject(context, request, 404, `The chat "${chat.id}" has no message with the id "${params['messageId']}".`, 'NotFound');
    if (message.messageType !== 'message') return reject(context, request, 400, `The message ${message.id} is a system event, which cannot be changed.`);
    return handler(request, caller, message, chat);
  });
}

/** Returns a 403 response unless the caller sent the message: users change only their own messages. */
function requireSender(context: SandboxContext, request: Request, caller: GraphCaller, message: ChatMessage, action: string): Response | undefined {
  if (message.from?.user.id === caller.user.id) return undefined;
  return reject(context, request, 403, `The user ${caller.user.id} did not send the message ${message.id}, so they cannot ${action} it.`, 'Forbidden');
}

async function readReactionType(context: SandboxContext, request: Request): Promise<string | Response> {
  const input = await readJsonBody(request, '{ "reactionType": "👍" }');
  if (input instanceof Response) return input;

  const reactionType = typeof input === 'object' && input !== null ? (input as { reactionType?: unknown }).reactionType : undefined;
  if (typeof reactionType !== 'string' || reactionType.trim() === '' || reactionType.length > maximumReactionLength) {
    return reject(context, request, 400, `reactionType ${JSON.stringify(reactionType)} is invalid. Send one Unicode emoji, such as "👍".`);
  }
  return reactionType;
}

function reject(context: SandboxContext, request: Request, status: number, message: string, code = 'BadRequest'): Response {
  context.log.rejected(request, status, message);
  return graphError(request, status, code, message);
}
