import { TeamsError } from '../errors.js';
import type { SessionAccount } from '../session/types.js';
import type { ActivitySource } from './activity.js';
import { pageActivity } from './activity.js';
import type { ChatChangeChannel } from './change-channel.js';
import { getChat, markChatRead } from './chat-list.js';
import { ChatStorage, defaultKeyValueStorage, type KeyValueStorage, type StoredDraft } from './chat-storage.js';
import type { ChatSummary } from './chat-summary.js';
import { Delivery, pageNetwork, type NetworkSource } from './delivery.js';
import { withoutRetries, type GraphConnection } from './graph-client.js';
import type { GraphChatMessage, GraphPage } from './graph-types.js';
import { History, messagePageSize } from './history.js';
import { MessageActions } from './message-actions.js';
import { buildMessageContent, checkMessageSize, type MentionChoice } from './message-content.js';
import { MessageStore } from './message-store.js';
import { messageHtmlToEditableText } from './message-text.js';
import { Outbox } from './outbox.js';
import { followNextLinks } from './paging.js';
import type { PollPolicy } from './poll-schedule.js';
import { Poller, type PollStatus, type VisibilitySource } from './poller.js';
import { reactionEmoji } from './reactions.js';
import { ThreadItemBuilder, type ThreadItem, type ThreadItemContext } from './thread-item.js';

/** Pages one poll reads at most; more changes than this wait for the next poll. */
const maximumPollPages = 4;

/** Options of `ChatService.openThread()`. */
export interface ChatThreadOptions {
  /** Poll intervals; `false` turns polling off (call `poll()` yourself). */
  poll?: Partial<PollPolicy> | false;
  /** Page visibility for the poll interval; the page's `document` by default. */
  page?: VisibilitySource;
  /** User input times for the idle poll interval; the page's input events by default. */
  activity?: ActivitySource;
  /** Network state for sending queued messages when the connection returns; the page's by default. */
  network?: NetworkSource;
  /** The chat as the chat list has it. With it, the thread shows after one Graph request. */
  chat?: ChatSummary;
  /**
   * Storage that keeps drafts and unsent messages across reloads: the page's `localStorage` by
   * default, or `null` to keep them in memory only.
   */
  storage?: KeyValueStorage | null;
  /** A push channel for message changes; while it is connected, polling slows to `pushIntervalMs`. */
  changes?: ChatChangeChannel;
  /**
   * How long after an interrupted send (a reload or a lost response) the thread waits before it looks
   * the message up in Graph, in milliseconds. 5 s by default.
   */
  sendLookupDelayMs?: number;
}

/** Load state of a thread. */
export type ThreadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A message being sent: its local id at once, and its final item once Graph responds. */
export interface SendOperation {
  clientMessageId: string;
  delivered: Promise<ThreadItem>;
}

/** Detail of a thread's `messages-received` event: messages from others that polling found. */
export type MessagesReceived = ThreadItem[];

/** A message's text and mentions, ready for the composer to edit. */
export interface EditableMessage {
  text: string;
  mentions: MentionChoice[];
}

/**
 * One open chat: its newest messages, older pages on request, and new and changed messages by
 * polling (or a push channel). Messages the user sends show at once, stay until Graph stores them
 * (even across reloads), and are sent once. Edits, deletes and reactions show at once too.
 *
 * Fires `change` (an `Event`) whenever `items`, the status or the poll status change, and
 * `messages-received` (a `CustomEvent<MessagesReceived>`) when polling finds messages from other
 * members.
 */
export class ChatThread extends EventTarget {
  readonly chatId: string;
  readonly #connection: GraphConnection;
  readonly #account: SessionAccount | undefined;
  readonly #builder = new ThreadItemBuilder();
  readonly #storage: ChatStorage;
  readonly #outbox: Outbox;
  readonly #messages = new MessageStore();
  readonly #history: History;
  readonly #delivery: Delivery;
  readonly #actions: MessageActions;
  readonly #poller: Poller | undefined;
  readonly #channel: ChatChangeChannel | undefined;
  #unsubscribe: (() => void) | undefined;
  #pushConnected = false;
  #chat: ChatSummary | undefined;
  #status: ThreadStatus = 'idle';
  #error: TeamsError | undefined;
  #items: ThreadItem[] = [];
  #itemCache = new WeakMap<GraphChatMessage, ThreadItem>();
  /** Number of names the cached items were built with. */
  #knownNames = 0;
  /** `createdDateTime` of the newest message from others that `markRead()` reported. */
  #markedReadUpTo = 0;
  #disposed = false;

  constructor(connection: GraphConnection, chatId: string, account: SessionAccount | undefined, options: ChatThreadOptions = {}) {
    super();
    this.chatId = chatId;
    this.#connection = connection;
    this.#account = account;
    this.#chat = options.chat;
    this.#storage = new ChatStorage(options.storage === null ? undefined : (options.storage ?? defaultKeyValueStorage()), account, chatId);
    this.#outbox = new Outbox(this.#storage);
    this.#history = new History(connection, chatId, this.#messages);
    this.#actions = new MessageActions(connection, chatId, this.#messages, account?.objectId, () => this.#changed());
    this.#delivery = new Delivery({
      connection,
      chatId,
      accountId: account?.objectId,
      outbox: this.#outbox,
      storage: this.#storage,
      messages: this.#messages,
      network: options.network ?? pageNetwork(),
      ...(options.sendLookupDelayMs === undefined ? {} : { lookupDelayMs: options.sendLookupDelayMs }),
      changed: () => this.#changed(),
    });
    this.#channel = options.changes;

    if (options.poll !== false) {
      this.#poller = new Poller(() => this.poll(), {
        ...(options.poll === undefined ? {} : { policy: options.poll }),
        ...(options.page === undefined ? {} : { page: options.page }),
        activity: options.activity ?? pageActivity(),
        onError: (error) => this.#reportPollError(error),
        onStatus: () => this.#changed(),
      });
    }
  }

  /** The chat with its members, once loaded. */
  get chat(): ChatSummary | undefined {
    return this.#chat;
  }

  get status(): ThreadStatus {
    return this.#status;
  }

  /** The error of the failed load, or of the last poll when it failed. */
  get error(): TeamsError | undefined {
    return this.#error;
  }

  /** The thread, oldest first, ending with messages still being sent or failed. */
  get items(): readonly ThreadItem[] {
    return this.#items;
  }

  get hasOlderMessages(): boolean {
    return this.#history.hasOlder;
  }

  get loadingOlder(): boolean {
    return this.#history.loading;
  }

  /** The error of the last attempt to load older messages; `loadOlder()` again to retry. */
  get olderError(): TeamsError | undefined {
    return this.#history.error;
  }

  /** The state of polling; `undefined` when polling is off. */
  get pollStatus(): PollStatus | undefined {
    return this.#poller?.status;
  }

  /** True while a push channel is connected. */
  get pushConnected(): boolean {
    return this.#pushConnected;
  }

  /**
   * Loads the newest messages in one request (and the chat's members in a second one, in
   * parallel, when the chat was not given), then sends what a previous page left unsent, and
   * starts polling.
   */
  async load(): Promise<void> {
    this.#status = 'loading';
    this.#error = undefined;
    this.#changed();

    try {
      const chat = this.#chat === undefined ? getChat(this.#connection, this.chatId, this.#account) : Promise.resolve(this.#chat);
      const [summary] = await Promise.all([chat, this.#history.loadNewest()]);
      if (this.#disposed) return;

      this.#chat = summary;
      this.#markedReadUpTo = Date.parse(summary.lastReadDateTime ?? '') || 0;
      this.#itemCache = new WeakMap();
      this.#status = 'ready';
      for (const entry of this.#outbox.restore()) {
        if (entry.state === 'pending' || entry.retrying) void this.#delivery.deliver(entry);
      }
      this.#changed();
      this.#startUpdates();
    } catch (error) {
      if (this.#disposed) return;
      this.#status = 'error';
      this.#error = asTeamsError(error);
      this.#changed();
      throw this.#error;
    }
  }

  /** Loads the next page of older messages, if there is one. Rejects with the error it keeps in `olderError`. */
  async loadOlder(): Promise<void> {
    const loading = this.#history.loadOlder();
    this.#changed();
    try {
      await loading;
    } finally {
      if (!this.#disposed) this.#changed();
    }
  }

  /**
   * Sends a message typed in the composer, with the mentions chosen in it. It is in `items` at once
   * as `pending`, and stored so that it survives a reload. `delivered` resolves with its item once
   * it is `sent` or `failed`, and never rejects for a Graph failure. Throws `TeamsError`
   * `chat-message-empty` for blank text and `chat-message-too-large` for a message over Teams' limit.
   */
  send(text: string, mentions: readonly MentionChoice[] = []): SendOperation {
    if (text.trim() === '') {
      throw new TeamsError('chat-message-empty', 'The message is empty. Type some text before sending.');
    }
    const content = buildMessageContent(text, mentions);
    checkMessageSize(content.html);

    const entry = this.#outbox.add(content, new Date());
    this.#changed();
    const delivered = this.#delivery.deliver(entry).then(() => this.#itemFor(entry.clientMessageId));
    return { clientMessageId: entry.clientMessageId, delivered };
  }

  /** Sends a failed message again now. */
  async retry(clientMessageId: string): Promise<ThreadItem> {
    const entry = this.#requireEntry(clientMessageId);
    if (entry.state === 'failed') {
      this.#outbox.markPending(entry);
      this.#changed();
      await this.#delivery.deliver(entry);
    }
    return this.#itemFor(clientMessageId);
  }

  /** Removes a failed message the user gives up on. */
  discard(clientMessageId: string): void {
    const entry = this.#requireEntry(clientMessageId);
    if (entry.state !== 'failed') {
      throw new TeamsError('chat-request-invalid', `The message ${clientMessageId} is ${entry.state}, so it cannot be discarded. Only a failed message can.`);
    }
    this.#outbox.discard(entry);
    this.#changed();
  }

  /** Replaces the text of one of the user's own messages. Throws like `send()` for bad text. */
  edit(messageId: string, text: string, mentions: readonly MentionChoice[] = []): Promise<void> {
    if (text.trim() === '') throw new TeamsError('chat-message-empty', 'The edited message is empty. Type some text, or delete the message instead.');
    const content = buildMessageContent(text, mentions);
    checkMessageSize(content.html);
    return this.#actions.edit(messageId, content);
  }

  /** Deletes one of the user's own messages; `undoDelete()` brings it back. */
  delete(messageId: string): Promise<void> {
    return this.#actions.delete(messageId);
  }

  undoDelete(messageId: string): Promise<void> {
    return this.#actions.undoDelete(messageId);
  }

  /** Adds the user's reaction (a Unicode emoji such as `👍`), or removes it when the user already chose it. */
  toggleReaction(messageId: string, reactionType: string): Promise<void> {
    const emoji = reactionEmoji(reactionType);
    const message = this.#messages.get(messageId);
    const mine = (message?.reactions ?? []).some((reaction) => reactionEmoji(reaction.reactionType) === emoji && reaction.user?.user?.id === this.#account?.objectId);
    if (!mine) return this.#actions.react(messageId, emoji);

    // Older messages may carry the reaction under its old name, such as `like`, which unsetReaction needs.
    const stored = message?.reactions?.find((reaction) => reactionEmoji(reaction.reactionType) === emoji && reaction.user?.user?.id === this.#account?.objectId);
    return this.#actions.unreact(messageId, stored?.reactionType ?? emoji);
  }

  /** Returns one of the thread's messages as composer text, with its mentions, for editing. */
  editableMessage(messageId: string): EditableMessage | undefined {
    const item = this.#items.find((candidate) => candidate.messageId === messageId && candidate.kind === 'message');
    if (item === undefined) return undefined;

    const mentions: MentionChoice[] = (item.message?.mentions ?? []).flatMap((mention) => {
      const user = mention.mentioned.user;
      return user ? [{ userId: user.id, displayName: mention.mentionText, ...(user.tenantId === undefined ? {} : { tenantId: user.tenantId }) }] : [];
    });
    return { text: messageHtmlToEditableText(item.html), mentions };
  }

  /** The draft of the message box, as stored for this account and chat. */
  get draft(): StoredDraft | undefined {
    return this.#storage.readDraft();
  }

  set draft(draft: StoredDraft | undefined) {
    this.#storage.writeDraft(draft);
  }

  /**
   * Asks Graph for messages created or changed since the newest one seen, and merges them in.
   * Polling calls this on its schedule; call it directly to refresh now.
   */
  async poll(): Promise<void> {
    const since = this.#messages.since;
    const changed = await this.#connection.request(`Checking chat ${this.chatId} for new messages`, async (client) => {
      let request = client.api(`/chats/${encodeURIComponent(this.chatId)}/messages`).top(messagePageSize).orderby('lastModifiedDateTime desc').middlewareOptions(withoutRetries());
      if (since !== undefined) request = request.filter(`lastModifiedDateTime gt ${since}`);
      const first = (await request.get()) as GraphPage<GraphChatMessage>;
      return followNextLinks(client, first, maximumPollPages);
    });
    if (this.#disposed) return;

    const received = this.#merge(changed);
    if (this.#error !== undefined && this.#status === 'ready') this.#error = undefined;
    this.#changed();
    if (received.length > 0) {
      this.dispatchEvent(new CustomEvent<MessagesReceived>('messages-received', { detail: received }));
    }
  }

  /**
   * Marks the chat read for the signed-in user when a message from someone else arrived since the
   * last call. Resolves `true` when it sent the request.
   */
  async markRead(): Promise<boolean> {
    const account = this.#account;
    if (account === undefined || this.#status !== 'ready') return false;
    const newest = [...this.#items].reverse().find((item) => item.kind === 'message' && !item.own && item.messageId !== undefined);
    const time = newest === undefined ? 0 : Date.parse(newest.createdDateTime);
    if (time <= this.#markedReadUpTo) return false;

    this.#markedReadUpTo = time;
    await markChatRead(this.#connection, this.chatId, account);
    return true;
  }

  /** Stops polling and the push channel, and ignores requests still in flight. */
  dispose(): void {
    this.#disposed = true;
    this.#poller?.stop();
    this.#unsubscribe?.();
    this.#delivery.dispose();
  }

  #startUpdates(): void {
    this.#poller?.start();
    if (this.#channel === undefined) return;

    this.#unsubscribe = this.#channel.subscribe(this.chatId, {
      changed: () => {
        if (!this.#disposed) void (this.#poller?.runNow() ?? this.poll()).catch(() => undefined);
      },
      connection: (connected) => {
        if (this.#disposed) return;
        this.#pushConnected = connected;
        if (this.#poller) this.#poller.push = connected;
        this.#changed();
      },
    });
  }

  /**
   * Merges messages from a poll. Returns the new messages from other members. A changed message
   * older than the loaded history is left for `loadOlder()`, so it does not appear out of place.
   */
  #merge(changed: GraphChatMessage[]): ThreadItem[] {
    const oldestLoaded = this.#messages.oldestCreatedTime();
    const received: GraphChatMessage[] = [];

    for (const message of changed) {
      const known = this.#messages.has(message.id);
      if (!known && this.#history.hasOlder && Date.parse(message.createdDateTime) < oldestLoaded) continue;
      this.#messages.put(message);
      const fromOthers = message.from?.user?.id !== undefined && message.from.user.id !== this.#account?.objectId;
      if (!known && fromOthers && message.messageType === 'message' && !message.deletedDateTime) received.push(message);
    }

    const context = this.#itemContext();
    return received
      .sort((a, b) => Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime))
      .map((message) => this.#builder.fromMessage(message, context));
  }

  #reportPollError(error: unknown): void {
    if (this.#disposed) return;
    this.#error = asTeamsError(error);
    this.#changed();
  }

  #itemContext(): ThreadItemContext {
    // Former members are no longer in the member list, so the names senders had in their messages fill in.
    const memberNames = new Map<string, string>();
    for (const message of this.#messages.sorted()) {
      const sender = message.from?.user;
      if (sender?.displayName) memberNames.set(sender.id, sender.displayName);
    }
    for (const member of this.#chat?.members ?? []) if (member.displayName) memberNames.set(member.userId, member.displayName);
    return { accountId: this.#account?.objectId, memberNames, graphBaseUrl: this.#connection.baseUrl };
  }

  #requireEntry(clientMessageId: string) {
    const entry = this.#outbox.find(clientMessageId);
    if (entry === undefined) {
      throw new TeamsError('chat-message-not-found', `No message with the local id ${clientMessageId} waits in chat ${this.chatId}. It was sent or discarded already.`);
    }
    return entry;
  }

  #itemFor(clientMessageId: string): ThreadItem {
    return this.#items.find((item) => item.clientMessageId === clientMessageId)!;
  }

  /** Rebuilds `items` and fires `change`. */
  #changed(): void {
    if (this.#disposed) return;
    const context = this.#itemContext();
    // Items built before a name was known would keep showing it as unknown.
    if (context.memberNames.size !== this.#knownNames) {
      this.#knownNames = context.memberNames.size;
      this.#itemCache = new WeakMap();
    }
    const sent = this.#messages.sorted().map((message) => {
      const entry = this.#outbox.findSent(message.id);
      if (entry !== undefined) return this.#builder.fromMessage(message, context, entry);

      let item = this.#itemCache.get(message);
      if (item === undefined) {
        item = this.#builder.fromMessage(message, context);
        this.#itemCache.set(message, item);
      }
      return item;
    });
    const unsent = this.#outbox.entries
      .filter((entry) => entry.messageId === undefined || !this.#messages.has(entry.messageId))
      .map((entry) => this.#builder.fromOutbox(entry, context, this.#account?.name));

    this.#items = [...sent, ...unsent];
    this.dispatchEvent(new Event('change'));
  }
}

function asTeamsError(error: unknown): TeamsError {
  return error instanceof TeamsError ? error : new TeamsError('chat-request-failed', error instanceof Error ? error.message : String(error), { cause: error });
}
