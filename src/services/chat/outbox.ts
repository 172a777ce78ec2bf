import type { TeamsError } from '../errors.js';

/** Delivery state of a message the user sent. */
export type DeliveryState = 'pending' | 'sent' | 'failed';

/** A message the user sent from this page. */
export interface OutboxEntry {
  /** Local id, until Graph assigns the message its own. */
  readonly clientMessageId: string;
  /** The HTML body sent to Graph. */
  readonly html: string;
  /** When the user sent it, ISO 8601, by the local clock. */
  readonly createdDateTime: string;
  state: DeliveryState;
  /** Graph's message id, once sent. */
  messageId: string | undefined;
  /** The error of the last attempt, when it failed. */
  error: TeamsError | undefined;
}

let lastClientMessageNumber = 0;

/**
 * The messages the user sent from this page, in the order they were sent. A failed message stays
 * here until it is sent, so it never disappears from the thread.
 *
 * TODO: keep pending and failed messages in storage so that they survive a reload.
 */
export class Outbox {
  readonly #entries: OutboxEntry[] = [];

  get entries(): readonly OutboxEntry[] {
    return this.#entries;
  }

  add(html: string, now: Date): OutboxEntry {
    lastClientMessageNumber += 1;
    const entry: OutboxEntry = {
      clientMessageId: `local-${now.getTime()}-${lastClientMessageNumber}`,
      html,
      createdDateTime: now.toISOString(),
      state: 'pending',
      messageId: undefined,
      error: undefined,
    };
    this.#entries.push(entry);
    return entry;
  }

  find(clientMessageId: string): OutboxEntry | undefined {
    return this.#entries.find((entry) => entry.clientMessageId === clientMessageId);
  }

  /** Finds the entry Graph stored as `messageId`, if this page sent it. */
  findSent(messageId: string): OutboxEntry | undefined {
    return this.#entries.find((entry) => entry.messageId === messageId);
  }

  markPending(entry: OutboxEntry): void {
    entry.state = 'pending';
    entry.error = undefined;
  }

  markSent(entry: OutboxEntry, messageId: string): void {
    entry.state = 'sent';
    entry.messageId = messageId;
    entry.error = undefined;
  }

  markFailed(entry: OutboxEntry, error: TeamsError): void {
    entry.state = 'failed';
    entry.error = error;
  }
}
