import type { SandboxContext } from '../context.js';
import type { GraphCaller } from './auth.js';
import type { StoredChat } from './model.js';
import { graphError } from './responses.js';
import type { ChatStore } from './store.js';

/**
 * Finds a chat the caller is a member of. Returns a 404 response for an unknown chat id and a 403
 * response when the caller is not a member, as Graph responds to delegated requests.
 */
export function findMemberChat(
  context: SandboxContext,
  store: ChatStore,
  request: Request,
  caller: GraphCaller,
  chatId: string,
): StoredChat | Response {
  const chat = store.findChat(chatId);
  if (chat === undefined) {
    context.log.rejected(request, 404, `no chat ${chatId}`);
    return graphError(request, 404, 'NotFound', `No chat has the id "${chatId}". List the user's chats with GET /me/chats to find its id.`);
  }
  if (!chat.memberIds.includes(caller.user.id)) {
    context.log.rejected(request, 403, `${caller.user.userPrincipalName} is not a member of chat ${chatId}`);
    return graphError(request, 403, 'Forbidden', `The user ${caller.user.id} is not a member of the chat "${chatId}", so it cannot be read or written.`);
  }
  return chat;
}
