import { TeamsError } from '../errors.js';
import type { ChatStorage, StoredOutboxEntry } from './chat-storage.js';
import type { MessageContent, OutgoingMention } from './message-content.js';

/** Delivery state of a message the user sent. */
export type DeliveryState = 'pending' | 'sent' | 'failed';

/** A message the user sent from this browser. */
export interface OutboxEntry {
  /** Local id, until Graph assigns the message its own. */
  readonly clientMessageId: string;
  /** The HTML body sent to Graph. */
  readonly html: string;
  readonly mentions: readonly OutgoingMention[];
  /** When the user sent it, ISO 8601, by the local clock. */
  readonly createdDateTime: string;
  state: DeliveryState;
  /** When the last attempt started, in milliseconds since the epoch. */
  attemptStartedAt: number | undefined;
  /**
   * True when an attempt may have reached Graph: it started and ended without a definite
   * rejection (a lost connection, a timeout, a 5xx, or a reload in between). Such a message is
   * looked up in Graph before it is sent again.
   */
  maybeDelivered: boolean;
  /** True when the kit sends a failed message again by itself, once the cause may have passed. */
  retrying: boolean;
  /** Graph's message id, once sent. */
  messageId: string | undefined;
  /** The error of the last attempt, when it failed. */
  error: TeamsError | undefined;
}

let lastClientMessageNumber = 0;

/**
 * The messages the user sent to one chat that Graph has not confirmed yet, in the order they were
 * sent, kept in `ChatStorage` so that they survive a reload. A failed message stays until it is
 * sent or discarded, so it never disappears from the thread. Sent entries stay in memory (to keep
 * their local id on screen) but leave storage.
 */
export class Outbox {
  readonly #storage: ChatStorage;
  readonly #entries: OutboxEntry[] = [];

  constructor(storage: ChatStorage) {
    this.#storage = storage;
  }

  get entries(): readonly OutboxEntry[] {
    return this.#entries;
  }

  /** Adds the entries a previous page left in storage, once, when the thread loads. */
  restore(): OutboxEntry[] {
    const restored: OutboxEntry[] = [];
    for (const stored of this.#storage.readOutbox()) {
      if (this.find(stored.clientMessageId) !== undefined) continue;
      const entry = fromStored(stored);
      this.#entries.push(entry);
      restored.push(entry);
    }
    return restored;
  }

  /** Adds a message and stores it before anything is sent. */
  add(content: MessageContent, now: Date): OutboxEntry {
    lastClientMessageNumber += 1;
    const entry: OutboxEntry = {
      clientMessageId: `local-${now.getTime()}-${lastClientMessageNumber}-${Math.random().toString(36).slice(2, 8)}`,
      html: content.html,
      mentions: content.mentions,
      createdDateTime: now.toISOString(),
      state: 'pending',
      attemptStartedAt: undefined,
      maybeDelivered: false,
      retrying: false,
      messageId: undefined,
      error: undefined,
    };
    this.#entries.push(entry);
    this.#save(entry);
    return entry;
  }

  find(clientMessageId: string): OutboxEntry | undefined {
    return this.#entries.find((entry) => entry.clientMessageId === clientMessageId);
  }

  /** Finds the entry Graph stored as `messageId`, if this browser sent it. */
  findSent(messageId: string): OutboxEntry | undefined {
    return this.#entries.find((entry) => entry.messageId === messageId);
  }

  /**
   * Returns the entry's state in storage now: `stored` while it waits, `sent` with Graph's id
   * when another tab sent it, or `gone` when another tab discarded it.
   */
  storedState(entry: OutboxEntry): { state: 'stored' } | { state: 'sent'; messageId: string } | { state: 'gone' } {
    if (this.#storage.readOutbox().some((stored) => stored.clientMessageId === entry.clientMessageId)) return { state: 'stored' };
    const record = this.#storage.findSent(entry.clientMessageId);
    return record === undefined ? { state: 'gone' } : { state: 'sent', messageId: record.messageId };
  }

  /** Ids of messages this browser sent to the chat recently. */
  recentlySentIds(): Set<string> {
    return this.#storage.recentlySentIds();
  }

  markPending(entry: OutboxEntry): void {
    entry.state = 'pending';
    entry.error = undefined;
    entry.retrying = false;
    this.#save(entry);
  }

  /** Records that an attempt starts now: from here on, the message may reach Graph. */
  markAttempt(entry: OutboxEntry, now: number): void {
    entry.state = 'pending';
    entry.attemptStartedAt = now;
    entry.maybeDelivered = true;
    this.#save(entry);
  }

  markSent(entry: OutboxEntry, messageId: string): void {
    entry.state = 'sent';
    entry.messageId = messageId;
    entry.error = undefined;
    entry.retrying = false;
    entry.maybeDelivered = false;
    this.#storage.removeOutboxEntry(entry.clientMessageId, messageId);
  }

  /**
   * Records a failed attempt. `maybeDelivered` is false only when Graph responded with a rejection,
   * which means it did not store the message.
   */
  markFailed(entry: OutboxEntry, error: TeamsError, options: { maybeDelivered: boolean; retrying: boolean }): void {
    entry.state = 'failed';
    entry.error = error;
    entry.maybeDelivered = options.maybeDelivered;
    entry.retrying = options.retrying;
    this.#save(entry);
  }

  /** Removes a message the user gave up on. */
  discard(entry: OutboxEntry): void {
    const index = this.#entries.indexOf(entry);
    if (index !== -1) this.#entries.splice(index, 1);
    this.#storage.removeOutboxEntry(entry.clientMessageId);
  }

  #save(entry: OutboxEntry): void {
    if (entry.state === 'sent') return;
    this.#storage.putOutboxEntry(toStored(entry));
  }
}

function toStored(entry: OutboxEntry): StoredOutboxEntry {
  return {
    clientMessageId: entry.clientMessageId,
    html: entry.html,
    mentions: [...entry.mentions],
    createdDateTime: entry.createdDateTime,
    state: entry.state === 'failed' ? 'failed' : 'pending',
    attemptStartedAt: entry.attemptStartedAt,
    maybeDelivered: entry.maybeDelivered,
    retrying: entry.retrying,
    errorCode: entry.error?.code,
    errorMessage: entry.error?.message,
  };
}

function fromStored(stored: StoredOutboxEntry): OutboxEntry {
  return {
    clientMessageId: stored.clientMessageId,
    html: stored.html,
    mentions: stored.mentions ?? [],
    createdDateTime: stored.createdDateTime,
    state: stored.state === 'failed' ? 'failed' : 'pending',
    attemptStartedAt: stored.attemptStartedAt,
    maybeDelivered: stored.maybeDelivered,
    retrying: stored.retrying,
    messageId: undefined,
    error: stored.errorCode === undefined ? undefined : new TeamsError(stored.errorCode, stored.errorMessage ?? 'Sending failed before the page was reloaded.'),
  };
}
