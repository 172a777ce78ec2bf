/**
 * The chat service: chats and messages over Microsoft Graph for a session, usable without any
 * element. Importing this module loads the Graph client and DOMPurify; use `loadChatService()`
 * from `./load.js` to load them on demand.
 */
export { ChatService } from './chat-service.js';
export { ChatThread, type ChatThreadOptions, type MessagesReceived, type SendOperation, type ThreadStatus } from './chat-thread.js';
export type { ChatMember, ChatSummary } from './chat-summary.js';
export { ChatError, toChatError, type ChatErrorCode } from './chat-error.js';
export { GraphConnection } from './graph-client.js';
export type * from './graph-types.js';
export { loadChatService } from './load.js';
export { messageHtmlToText, textToMessageHtml } from './message-text.js';
export type { DeliveryState, OutboxEntry } from './outbox.js';
export { defaultPollPolicy, nextPollDelay, type PollPolicy, type PollState } from './poll-schedule.js';
export { Poller, type VisibilitySource } from './poller.js';
export { sanitizeMessageHtml, type SanitizeOptions } from './sanitizer.js';
export type { SystemEvent, ThreadItem } from './thread-item.js';
