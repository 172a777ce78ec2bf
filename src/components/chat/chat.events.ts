/** Detail of `teams-chat-open`. */
export interface ChatOpenDetail {
  chatId: string;
  /** The chat's topic or the other members' names, when known. */
  name: string | undefined;
}

/** Detail of `teams-message-send`: the user sent a message; it is pending. */
export interface MessageSendDetail {
  chatId: string;
  /** Local id of the message until Graph assigns one. */
  clientMessageId: string;
  /** The text as typed. */
  text: string;
}

/** Detail of `teams-message-sent`: Graph stored the message. */
export interface MessageSentDetail {
  chatId: string;
  clientMessageId: string;
  /** Graph's message id. */
  messageId: string;
}

/** Detail of `teams-message-failed`: sending failed; the message stays with a "Retry" button. */
export interface MessageFailedDetail {
  chatId: string;
  clientMessageId: string;
  /** The `TeamsError` code, such as `chat-unavailable`. */
  code: string;
  /** The developer message of the error. */
  message: string;
}

/** One message of `teams-message-receive`. */
export interface ReceivedMessage {
  messageId: string;
  senderId: string | undefined;
  senderName: string | undefined;
  /** The body as one line of text. */
  text: string;
}

/** Detail of `teams-message-receive`: polling found new messages from other members. */
export interface MessageReceiveDetail {
  chatId: string;
  messages: ReceivedMessage[];
}

/** Detail of `teams-chat-error`: loading chats or messages failed. */
export interface ChatErrorDetail {
  /** The open chat, when the failure concerns one. */
  chatId: string | undefined;
  code: string;
  message: string;
}

/** Detail of `teams-chat-create`: the user started a chat, or Graph returned their existing 1:1 chat. */
export interface ChatCreateDetail {
  chatId: string;
  name: string | undefined;
}

/** Detail of `teams-message-action-failed`: an edit, delete or reaction did not reach Graph. */
export interface MessageActionFailedDetail {
  chatId: string;
  messageId: string;
  /** `edit`, `delete`, `undo-delete`, `react` or `unreact`. */
  action: string;
  code: string;
  message: string;
}

declare module '../shared/events.js' {
  interface TeamsEventMap {
    'teams-chat-open': ChatOpenDetail;
    'teams-message-send': MessageSendDetail;
    'teams-message-sent': MessageSentDetail;
    'teams-message-failed': MessageFailedDetail;
    'teams-message-receive': MessageReceiveDetail;
    'teams-chat-error': ChatErrorDetail;
    'teams-chat-create': ChatCreateDetail;
    'teams-message-action-failed': MessageActionFailedDetail;
  }
}
