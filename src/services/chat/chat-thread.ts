import type { Client } from '@microsoft/microsoft-graph-client';

import { TeamsError } from '../errors.js';
import type { SessionAccount } from '../session/types.js';
import { getChat } from './chat-list.js';
import type { ChatSummary } from './chat-summary.js';
import type { GraphConnection } from './graph-client.js';
import type { GraphChatMessage, GraphPage } from './graph-types.js';
import { textToMessageHtml } from './message-text.js';
import { Outbox } from './outbox.js';
import { followNextLinks } from './paging.js';
import type { PollPolicy } from './poll-schedule.js';
import { Poller, type VisibilitySource } from './poller.js';
import { ThreadItemBuilder, type ThreadItem, type ThreadItemContext } from './thread-item.js';

/** Messages per page: Graph's maximum for chat messages. */
const pageSize = 50;

/** Pages one poll reads at most; more changes than this wait for the next poll. */
const maximumPollPages = 4;

/** Empty pages with a next link followed in a row before giving up on older messages. */
const maximumEmptyPages = 3;

/** Options of `ChatService.openThread()`. */
export interface ChatThreadOptions {
  /** Poll intervals; `false` turns polling off (call `poll()` yourself). */
  poll?: Partial<PollPolicy> | false;
  /** Page visibility for the poll interval; the page's `document` by default. */
  page?: VisibilitySource;
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

/**
 * One open chat: its newest messages, older pages on request, new and changed messages by
 * polling, and messages the user sends, shown at once as pending and kept as failed until sent.
 *
 * Fires `change` (an `Event`) whenever `items` or the status change, and `messages-received` (a
 * `CustomEvent<MessagesReceived>`) when polling finds messages from other members.
 */
export class ChatThread extends EventTarget {
  readonly chatId: string;
  readonly #connection: GraphConnection;
  readonly #account: SessionAccount | undefined;
  readonly #builder = new ThreadItemBuilder();
  readonly #outbox = new Outbox();
  readonly #messages = new Map<string, GraphChatMessage>();
  readonly #followedLinks = new Set<string>();
  readonly #poller: Poller | undefined;
  #chat: ChatSummary | undefined;
  #status: ThreadStatus = 'idle';
  #error: TeamsError | undefined;
  #olderLink: string | undefined;
  #loadingOlder = false;
  /** Newest `lastModifiedDateTime` seen from Graph: polls ask for changes after it. */
  #since: string | undefined;
  #items: ThreadItem[] = [];
  #disposed = false;

  constructor(connection: GraphConnection, chatId: string, account: SessionAccount | undefined, options: ChatThreadOptions = {}) {
    super();
    this.chatId = chatId;
    this.#connection = connection;
    this.#account = account;
    if (options.poll !== false) {
      this.#poller = new Poller(() => this.poll(), {
        ...(options.poll === undefined ? {} : { policy: options.poll }),
        ...(options.page === undefined ? {} : { page: options.page }),
        onError: (error) => this.#reportPollError(error),
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
    return this.#olderLink !== undefined;
  }

  get loadingOlder(): boolean {
    return this.#loadingOlder;
  }

  /** Loads the chat and its newest 50 messages in one request each, then starts polling. */
  async load(): Promise<void> {
    this.#status = 'loading';
    this.#error = undefined;
    this.#changed();

    try {
      const [chat, page] = await Promise.all([
        getChat(this.#connection, this.chatId, this.#account),
        this.#connection.request(`Loading the messages of chat ${this.chatId}`, async (client) => {
          return (await this.#messagesRequest(client).orderby('createdDateTime desc').get()) as GraphPage<GraphChatMessage>;
        }),
      ]);
      if (this.#disposed) return;

      this.#chat = chat;
      this.#addPage(page);
      this.#status = 'ready';
      this.#changed();
      this.#poller?.start();
    } catch (error) {
      if (this.#disposed) return;
      this.#status = 'error';
      this.#error = error instanceof TeamsError ? error : new TeamsError('chat-request-failed', String(error), { cause: error });
      this.#changed();
      throw this.#error;
    }
  }

  /** Loads the next page of older messages, if there is one. */
  async loadOlder(): Promise<void> {
    if (this.#olderLink === undefined || this.#loadingOlder) return;
    this.#loadingOlder = true;
    this.#changed();

    try {
      let emptyPages = 0;
      while (this.#olderLink !== undefined && emptyPages < maximumEmptyPages) {
        const link = this.#olderLink;
        const page = await this.#connection.request(`Loading older messages of chat ${this.chatId}`, async (client) => {
          return (await client.api(link).get()) as GraphPage<GraphChatMessage>;
        });
        if (this.#disposed) return;
        this.#addPage(page);
        // Graph may return an empty page that still links to another, so skip a few of those.
        if (page.value.length > 0) break;
        emptyPages += 1;
      }
      if (emptyPages >= maximumEmptyPages) this.#olderLink = undefined;
    } finally {
      this.#loadingOlder = false;
      this.#changed();
    }
  }

  /**
   * Sends a message typed as plain text. It is in `items` at once as `pending`. `delivered`
   * resolves with its item once it is `sent` or `failed`, and never rejects for a Graph failure.
   * Throws `TeamsError` `chat-message-empty` for blank text.
   */
  send(text: string): SendOperation {
    if (text.trim() === '') {
      throw new TeamsError('chat-message-empty', 'The message is empty. Type some text before sending.');
    }
    const entry = this.#outbox.add(textToMessageHtml(text), new Date());
    return { clientMessageId: entry.clientMessageId, delivered: this.#deliver(entry.clientMessageId) };
  }

  /** Sends a failed message again. */
  async retry(clientMessageId: string): Promise<ThreadItem> {
    const entry = this.#outbox.find(clientMessageId);
    if (entry === undefined) {
      throw new TeamsError('chat-message-not-found', `No message with the local id ${clientMessageId} was sent from this page.`);
    }
    if (entry.state !== 'failed') return this.#itemFor(clientMessageId);
    this.#outbox.markPending(entry);
    return this.#deliver(clientMessageId);
  }

  /**
   * Asks Graph for messages created or changed since the newest one seen, and merges them in.
   * Polling calls this on its schedule; call it directly to refresh now.
   */
  async poll(): Promise<void> {
    const since = this.#since;
    const changed = await this.#connection.request(`Checking chat ${this.chatId} for new messages`, async (client) => {
      let request = this.#messagesRequest(client).orderby('lastModifiedDateTime desc');
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

  /** Stops polling and ignores requests still in flight. */
  dispose(): void {
    this.#disposed = true;
    this.#poller?.stop();
  }

  #messagesRequest(client: Client) {
    return client.api(`/chats/${encodeURIComponent(this.chatId)}/messages`).top(pageSize);
  }

  async #deliver(clientMessageId: string): Promise<ThreadItem> {
    const entry = this.#outbox.find(clientMessageId)!;
    // The pending message shows before the request goes out.
    this.#changed();

    try {
      const message = await this.#connection.request(`Sending a message to chat ${this.chatId}`, async (client) => {
        return (await client
          .api(`/chats/${encodeURIComponent(this.chatId)}/messages`)
          .post({ body: { contentType: 'html', content: entry.html } })) as GraphChatMessage;
      });
      this.#messages.set(message.id, message);
      this.#outbox.markSent(entry, message.id);
    } catch (error) {
      // NOTE: a 5xx or a lost connection may come after Graph stored the message; Graph's send
      // has no idempotency key, so a retry can then post it twice.
      this.#outbox.markFailed(entry, error instanceof TeamsError ? error : new TeamsError('chat-request-failed', String(error), { cause: error }));
    }

    this.#changed();
    return this.#itemFor(clientMessageId);
  }

  #addPage(page: GraphPage<GraphChatMessage>): void {
    for (const message of page.value) this.#keepNewer(message);
    this.#advanceSince(page.value);

    const next = page['@odata.nextLink'];
    // A next link that repeats one already followed would loop forever.
    if (next === undefined || this.#followedLinks.has(next)) {
      this.#olderLink = undefined;
    } else {
      this.#followedLinks.add(next);
      this.#olderLink = next;
    }
  }

  /**
   * Merges messages from a poll. Returns the new messages from other members. A changed message
   * older than the loaded history is left for `loadOlder()`, so it does not appear out of place.
   */
  #merge(changed: GraphChatMessage[]): ThreadItem[] {
    const oldestLoaded = this.#oldestLoadedTime();
    const context = this.#itemContext();
    const received: ThreadItem[] = [];

    for (const message of changed) {
      const known = this.#messages.has(message.id);
      if (!known && this.#olderLink !== undefined && Date.parse(message.createdDateTime) < oldestLoaded) continue;
      this.#keepNewer(message);

      const item = this.#builder.fromMessage(message, context, this.#outbox.findSent(message.id));
      if (!known && !item.own && item.kind === 'message') received.push(item);
    }
    this.#advanceSince(changed);
    return received.sort((a, b) => Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime));
  }

  #keepNewer(message: GraphChatMessage): void {
    const known = this.#messages.get(message.id);
    if (known === undefined || Date.parse(message.lastModifiedDateTime) >= Date.parse(known.lastModifiedDateTime)) {
      this.#messages.set(message.id, message);
    }
  }

  #advanceSince(messages: GraphChatMessage[]): void {
    for (const message of messages) {
      if (this.#since === undefined || Date.parse(message.lastModifiedDateTime) > Date.parse(this.#since)) {
        this.#since = message.lastModifiedDateTime;
      }
    }
  }

  #oldestLoadedTime(): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const message of this.#messages.values()) oldest = Math.min(oldest, Date.parse(message.createdDateTime));
    return oldest;
  }

  #reportPollError(error: unknown): void {
    if (this.#disposed) return;
    this.#error = error instanceof TeamsError ? error : new TeamsError('chat-request-failed', String(error), { cause: error });
    this.#changed();
  }

  #itemContext(): ThreadItemContext {
    const memberNames = new Map((this.#chat?.members ?? []).map((member) => [member.userId, member.displayName]));
    return { accountId: this.#account?.objectId, memberNames, graphBaseUrl: this.#connection.baseUrl };
  }

  #itemFor(clientMessageId: string): ThreadItem {
    return this.#items.find((item) => item.clientMessageId === clientMessageId)!;
  }

  /** Rebuilds `items` and fires `change`. */
  #changed(): void {
    const context = this.#itemContext();
    const sent = [...this.#messages.values()]
      .sort((a, b) => Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime) || a.id.localeCompare(b.id))
      .map((message) => this.#builder.fromMessage(message, context, this.#outbox.findSent(message.id)));
    const unsent = this.#outbox.entries
      .filter((entry) => entry.messageId === undefined || !this.#messages.has(entry.messageId))
      .map((entry) => this.#builder.fromOutbox(entry, context, this.#account?.name));

    this.#items = [...sent, ...unsent];
    this.dispatchEvent(new Event('change'));
  }
}
