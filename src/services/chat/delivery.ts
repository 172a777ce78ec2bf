import { TeamsError } from '../errors.js';
import { withChatLock, type ChatStorage } from './chat-storage.js';
import { ChatError } from './chat-error.js';
import { withoutRetries, type GraphConnection } from './graph-client.js';
import type { GraphChatMessage, GraphPage } from './graph-types.js';
import type { MessageStore } from './message-store.js';
import { messageHtmlToText } from './message-text.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import { followNextLinks } from './paging.js';
import { sanitizeMessageHtml } from './sanitizer.js';

/**
 * How long after an attempt started a message is first looked up in Graph, in milliseconds, by
 * default. A request cut off by a reload may still reach Graph a moment later, and a lookup before
 * that would miss it and send the message twice.
 *
 * NOTE: 5 s is an estimate of how long a request can stay in flight after its page is gone. A
 * request delayed longer than that could still store the message twice.
 */
export const defaultLookupDelayMs = 5_000;

/**
 * How far before an attempt's local start time the lookup searches, in milliseconds, to allow for
 * a local clock that runs ahead of Graph's.
 */
const clockSkewMs = 15 * 60_000;

/** Waits before sending a failed message again: doubled each time from 1 s, at most 60 s. */
const firstRetryDelayMs = 1_000;
const maximumRetryDelayMs = 60_000;

/** The page's network state, as `navigator.onLine` and the `online` event provide it; tests pass a fake. */
export interface NetworkSource {
  readonly onLine: boolean;
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
}

/** Returns the page's network state, or `undefined` outside a browser. */
export function pageNetwork(): NetworkSource | undefined {
  if (typeof window === 'undefined') return undefined;
  return {
    get onLine() {
      return navigator.onLine;
    },
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  };
}

/** The thread's parts and settings a `Delivery` works with. */
export interface DeliveryContext {
  connection: GraphConnection;
  chatId: string;
  accountId: string | undefined;
  outbox: Outbox;
  storage: ChatStorage;
  messages: MessageStore;
  network: NetworkSource | undefined;
  /** Wait before looking up an interrupted attempt, in milliseconds; `defaultLookupDelayMs` when not given. */
  lookupDelayMs?: number;
  /** Runs after every change of an entry's state. */
  changed(): void;
}

/**
 * Sends the messages of an outbox to Graph once each: never lost, never twice.
 *
 * - An entry is stored before its request goes out, and leaves storage only when Graph returned
 *   its id, so a reload or a dropped connection never loses it.
 * - An attempt that ended without Graph's answer (lost connection, timeout, 5xx, reload) may have
 *   stored the message. Before such an entry is sent again, Graph is searched for a message by
 *   the signed-in user with the same text, created since the attempt started and not already
 *   known as another sent message. When there is one, that is the message, and nothing is sent.
 * - Deliveries of one chat run one at a time, in order, under a lock shared by the page's tabs.
 *
 * NOTE: the lookup cannot tell this message from an identical one the same user sent to the same
 * chat from another device in the same minutes; then this one is taken as sent.
 */
export class Delivery {
  readonly #context: DeliveryContext;
  #queue: Promise<void> = Promise.resolve();
  readonly #queued = new Set<OutboxEntry>();
  readonly #retryDelays = new Map<OutboxEntry, number>();
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  /** Aborts requests in flight on `dispose()`, which also frees the lock they hold. */
  readonly #abort = new AbortController();

  readonly #handleOnline = (): void => this.retryWaiting();

  constructor(context: DeliveryContext) {
    this.#context = context;
    context.network?.addEventListener('online', this.#handleOnline);
  }

  /** Queues an entry for delivery. Resolves once it is sent or has failed. */
  deliver(entry: OutboxEntry): Promise<void> {
    if (this.#queued.has(entry) || entry.state === 'sent') return this.#queue;
    this.#queued.add(entry);
    this.#queue = this.#queue.then(async () => {
      try {
        await withChatLock(this.#context.storage.key, () => this.#attempt(entry));
      } catch (error) {
        // Only unexpected errors get here; Graph failures are recorded on the entry.
        this.#context.outbox.markFailed(entry, asTeamsError(error), { maybeDelivered: entry.maybeDelivered, retrying: false });
      } finally {
        this.#queued.delete(entry);
        this.#context.changed();
      }
    });
    return this.#queue;
  }

  /** Sends every failed entry that waits for a retry now, such as when the connection returns. */
  retryWaiting(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    for (const entry of this.#context.outbox.entries) {
      if (entry.state === 'failed' && entry.retrying) {
        this.#context.outbox.markPending(entry);
        void this.deliver(entry);
      }
    }
    this.#context.changed();
  }

  dispose(): void {
    this.#disposed = true;
    this.#abort.abort();
    clearTimeout(this.#retryTimer);
    this.#context.network?.removeEventListener('online', this.#handleOnline);
  }

  async #attempt(entry: OutboxEntry): Promise<void> {
    const { outbox, network } = this.#context;
    if (this.#disposed) return;

    // Another tab of the same account may have sent or discarded the entry meanwhile.
    const stored = outbox.storedState(entry);
    if (stored.state === 'sent') {
      outbox.markSent(entry, stored.messageId);
      return;
    }
    if (stored.state === 'gone') {
      outbox.discard(entry);
      return;
    }

    if (network !== undefined && !network.onLine) {
      this.#fail(entry, new ChatError('chat-network-error', `Sending a message to chat ${this.#context.chatId} waits: the browser is offline. It is sent when the connection returns.`, { retryable: true }), entry.maybeDelivered);
      return;
    }

    if (entry.maybeDelivered && (await this.#findEarlierAttempt(entry))) return;
    if (this.#disposed) return;

    outbox.markAttempt(entry, Date.now());
    this.#context.changed();
    try {
      const message = await this.#context.connection.request(`Sending a message to chat ${this.#context.chatId}`, async (client) => {
        return (await client
          .api(`/chats/${encodeURIComponent(this.#context.chatId)}/messages`)
          .middlewareOptions(withoutRetries())
          .option('signal', this.#abort.signal)
          .post({ body: { contentType: 'html', content: entry.html }, ...(entry.mentions.length > 0 ? { mentions: entry.mentions } : {}) })) as GraphChatMessage;
      });
      this.#context.messages.put(message);
      outbox.markSent(entry, message.id);
      this.#retryDelays.delete(entry);
    } catch (error) {
      // Disposed mid-request, as when the page goes: storage keeps the entry as it was, like a reload would.
      if (this.#disposed) return;
      const failure = asTeamsError(error);
      // An HTTP 4xx response means Graph did not store the message. Any other failure may come after it did.
      const rejected = failure.status !== undefined && failure.status >= 400 && failure.status < 500 && failure.status !== 408;
      this.#fail(entry, failure, !rejected);
    }
  }

  /**
   * Looks for the message of an earlier attempt in Graph, and marks the entry sent when it is
   * there. Waits first until the attempt is `lookupDelayMs` old.
   */
  async #findEarlierAttempt(entry: OutboxEntry): Promise<boolean> {
    const startedAt = entry.attemptStartedAt ?? Date.parse(entry.createdDateTime);
    const wait = startedAt + (this.#context.lookupDelayMs ?? defaultLookupDelayMs) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (this.#disposed) return true;

    const claimed = this.#context.outbox.recentlySentIds();
    for (const other of this.#context.outbox.entries) if (other.messageId !== undefined) claimed.add(other.messageId);

    let found: GraphChatMessage | undefined;
    try {
      found = await findSentMessage(this.#context, entry, startedAt - clockSkewMs, claimed, this.#abort.signal);
    } catch (error) {
      this.#fail(entry, asTeamsError(error), true);
      return true;
    }
    if (found === undefined) return false;

    this.#context.messages.put(found);
    this.#context.outbox.markSent(entry, found.id);
    return true;
  }

  #fail(entry: OutboxEntry, error: TeamsError, maybeDelivered: boolean): void {
    const retrying = error.retryable;
    this.#context.outbox.markFailed(entry, error, { maybeDelivered, retrying });
    if (!retrying || this.#disposed) return;

    // The connection's return triggers a retry at once; the timer covers throttling and 5xx.
    const delay = Math.max(error instanceof ChatError ? (error.retryAfterMs ?? 0) : 0, this.#retryDelays.get(entry) ?? firstRetryDelayMs);
    this.#retryDelays.set(entry, Math.min(delay * 2, maximumRetryDelayMs));
    if (this.#context.network?.onLine === false) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.retryWaiting(), delay);
  }
}

/**
 * Searches the chat for a message that is this entry: sent by the signed-in user, changed after
 * `sinceMs`, with the same text, and not one of `claimed`. Returns the oldest such message.
 */
async function findSentMessage(
  context: DeliveryContext,
  entry: OutboxEntry,
  sinceMs: number,
  claimed: ReadonlySet<string>,
  signal: AbortSignal,
): Promise<GraphChatMessage | undefined> {
  const since = new Date(sinceMs).toISOString();
  const candidates = await context.connection.request(`Checking whether a message reached chat ${context.chatId}`, async (client) => {
    const first = (await client
      .api(`/chats/${encodeURIComponent(context.chatId)}/messages`)
      .top(50)
      .orderby('lastModifiedDateTime desc')
      .filter(`lastModifiedDateTime gt ${since}`)
      .option('signal', signal)
      .get()) as GraphPage<GraphChatMessage>;
    return followNextLinks(client, first, 4);
  });

  const wanted = comparableText(entry.html);
  return candidates
    .filter((message) => message.from?.user?.id === context.accountId && message.messageType === 'message' && !claimed.has(message.id))
    .filter((message) => comparableText(message.body.content, message.body.contentType) === wanted)
    .sort((a, b) => Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime))[0];
}

/** Returns a body's text with spacing normalized, so that Graph's rewriting of the HTML does not matter. */
function comparableText(content: string, contentType: 'html' | 'text' = 'html'): string {
  return messageHtmlToText(sanitizeMessageHtml(content, contentType));
}

function asTeamsError(error: unknown): TeamsError {
  return error instanceof TeamsError ? error : new TeamsError('chat-request-failed', error instanceof Error ? error.message : String(error), { cause: error });
}
