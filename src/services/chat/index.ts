/**
 * The chat service: chats and messages over Microsoft Graph for a session, usable without any
 * element. Importing this module loads the Graph client and DOMPurify; use `loadChatService()`
 * from `./load.js` to load them on demand.
 */
export type { ActivitySource } from './activity.js';
export type { AttachmentView } from './attachments.js';
export type { ChatChangeChannel, ChatChangeListener, ChatChangeNotification } from './change-channel.js';
export type { NewChatMember } from './chat-list.js';
export { ChatService } from './chat-service.js';
export type { KeyValueStorage, StoredDraft } from './chat-storage.js';
export type { ChatMember, ChatSummary } from './chat-summary.js';
export {
  ChatThread,
  type ChatThreadOptions,
  type EditableMessage,
  type MessagesReceived,
  type SendOperation,
  type ThreadStatus,
} from './chat-thread.js';
export { ChatError, toChatError, type ChatErrorCode } from './chat-error.js';
export type { NetworkSource } from './delivery.js';
export { GraphConnection } from './graph-client.js';
export type * from './graph-types.js';
export { HostedContents } from './hosted-contents.js';
export { loadChatService } from './load.js';
export { buildMessageContent, maximumMessageBytes, type MentionChoice, type MessageContent, type OutgoingMention } from './message-content.js';
export { messageHtmlToEditableText, messageHtmlToText, textToMessageHtml } from './message-text.js';
export type { DeliveryState, OutboxEntry } from './outbox.js';
export { defaultPollPolicy, nextPollDelay, type PollMode, type PollPolicy, type PollState } from './poll-schedule.js';
export { Poller, type PollStatus, type VisibilitySource } from './poller.js';
export type { ReactionSummary } from './reactions.js';
export { sanitizeMessageHtml, type SanitizeOptions } from './sanitizer.js';
export type { SystemEvent, ThreadItem } from './thread-item.js';
export { UserPhotos } from './user-photos.js';
