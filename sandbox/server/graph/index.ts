import type { SandboxContext } from '../context.js';
import { registerChatRoutes } from './chats-routes.js';
import { registerMessageRoutes } from './messages-routes.js';
import { ChatStore } from './store.js';
import { registerUserRoutes } from './users-routes.js';

/**
 * Registers the emulated Microsoft Graph chat API under `/graph/v1.0` on the sandbox origin:
 * `/me`, `/users/{id}`, `/me/chats`, `/chats/{id}` and `/chats/{id}/messages`. Requests need an
 * access token the sandbox's Entra ID issued for Microsoft Graph; chats and messages live in the
 * `graph` state section.
 */
export function registerGraph(context: SandboxContext): void {
  const store = new ChatStore(context.state);
  registerUserRoutes(context);
  registerChatRoutes(context, store);
  registerMessageRoutes(context, store);
}
