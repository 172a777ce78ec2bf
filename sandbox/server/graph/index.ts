import type { SandboxContext } from '../context.js';
import { registerChatRoutes } from './chats-routes.js';
import { registerHostedContentRoutes } from './hosted-contents-routes.js';
import { registerLongChatRoute } from './long-chat.js';
import { registerMessageActionRoutes } from './message-actions-routes.js';
import { registerMessageRoutes } from './messages-routes.js';
import { registerReadStateRoutes } from './read-state-routes.js';
import { ChatStore } from './store.js';
import { registerUserRoutes } from './users-routes.js';

/**
 * Registers the emulated Microsoft Graph chat API under `/graph/v1.0` on the sandbox origin:
 * users (profiles, photos, people search), chats (list, create, rename, read state) and messages
 * (list, send, edit, delete, reactions, hosted contents). Requests need an access token the
 * sandbox's Entra ID issued for Microsoft Graph; chats and messages live in the `graph` state
 * section. Also adds the test-control route `/__sandbox/graph/long-chat`.
 */
export function registerGraph(context: SandboxContext): void {
  const store = new ChatStore(context.state);
  registerUserRoutes(context);
  registerChatRoutes(context, store);
  registerReadStateRoutes(context, store);
  registerMessageRoutes(context, store);
  registerMessageActionRoutes(context, store);
  registerHostedContentRoutes(context, store);
  registerLongChatRoute(context, store);
}
