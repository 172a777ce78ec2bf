/**
 * A push channel a host page can plug in instead of polling: its backend subscribes to Graph
 * change notifications for chat messages (`/chats/{id}/messages`) and relays them to the page,
 * over a WebSocket, server-sent events or anything else.
 *
 * The kit does not trust a notification's content: each notification only makes the thread ask
 * Graph for the changes since its last request, so a lost, repeated or forged notification costs
 * one request and changes nothing else. While the channel reports itself disconnected, the thread
 * polls at its normal intervals. While connected, it still polls rarely (`pushIntervalMs`), in
 * case a notification is lost.
 */
export interface ChatChangeChannel {
  /** Starts delivering changes of one chat's messages to `listener`. Returns a function that stops them. */
  subscribe(chatId: string, listener: ChatChangeListener): () => void;
}

/** The calls a channel makes on a thread. */
export interface ChatChangeListener {
  /** A message of the chat was created, updated or deleted. */
  changed(notification: ChatChangeNotification): void;
  /** The channel connected (true) or lost its connection (false). Threads start as disconnected. */
  connection(connected: boolean): void;
}

/** One change notification, as relayed from Graph's `changeNotification`. */
export interface ChatChangeNotification {
  chatId: string;
  changeType?: 'created' | 'updated' | 'deleted';
  /** The message id, when the relay has it. */
  messageId?: string;
}
