import type { SessionApi } from '../session/types.js';
import type { ChatService } from './chat-service.js';

/**
 * Loads the chat service with a dynamic `import()` and returns the session's instance. The chat
 * service brings the Graph client and DOMPurify, so pages load that code only when a chat
 * element is connected and signed in. This module itself imports nothing at run time.
 */
export async function loadChatService(session: SessionApi): Promise<ChatService> {
  const module = await import('./chat-service.js');
  return module.ChatService.forSession(session);
}
