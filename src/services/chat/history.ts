import type { GraphRequest } from '@microsoft/microsoft-graph-client';

import { TeamsError } from '../errors.js';
import type { GraphConnection } from './graph-client.js';
import type { GraphChatMessage, GraphPage } from './graph-types.js';
import type { MessageStore } from './message-store.js';

/** Messages per page: Graph's maximum for chat messages. */
export const messagePageSize = 50;

/** Pages in a row that add no message before the next link is given up for a filtered query. */
const maximumUnproductivePages = 3;

/**
 * Older messages of a thread, page by page, surviving the paging faults Graph is known to produce:
 *
 * - the same message on two pages: messages are kept by id, so it shows once;
 * - a next link that repeats one already followed, or the request's own URL;
 * - empty pages that still have a next link, followed a few times in a row;
 * - a 400 "invalid continuation token" on a next link.
 *
 * When a next link cannot be trusted any more, the history continues with a query of its own:
 * `$filter=createdDateTime lt <oldest loaded>` ordered by `createdDateTime desc`, which Graph
 * supports for chat messages.
 *
 * NOTE: messages created in the same millisecond as the oldest loaded one are skipped by that
 * query; Graph's times have millisecond precision, so this needs two messages in one millisecond.
 */
export class History {
  readonly #connection: GraphConnection;
  readonly #chatId: string;
  readonly #messages: MessageStore;
  readonly #followed = new Set<string>();
  /** The next link to follow, `'filter'` for the filtered query, or `undefined` at the start of the chat. */
  #older: string | 'filter' | undefined;
  #loading = false;
  #error: TeamsError | undefined;

  constructor(connection: GraphConnection, chatId: string, messages: MessageStore) {
    this.#connection = connection;
    this.#chatId = chatId;
    this.#messages = messages;
  }

  get hasOlder(): boolean {
    return this.#older !== undefined;
  }

  get loading(): boolean {
    return this.#loading;
  }

  /** The error of the last `loadOlder()`; a retry starts from the filtered query when it was a 400. */
  get error(): TeamsError | undefined {
    return this.#error;
  }

  /** Loads the newest page in one request. */
  async loadNewest(): Promise<void> {
    const url = this.#messagesPath();
    const page = await this.#get(`Loading the messages of chat ${this.#chatId}`, url, (request) => request.top(messagePageSize).orderby('createdDateTime desc'));
    this.#addPage(page, undefined);
  }

  /**
   * Loads the next older page, following empty pages a few times. Keeps the error in `error`
   * (and rethrows it) when a request fails.
   */
  async loadOlder(): Promise<void> {
    if (this.#older === undefined || this.#loading) return;
    this.#loading = true;
    this.#error = undefined;

    try {
      let unproductive = 0;
      while (this.#older !== undefined) {
        const before = this.#messages.size;
        await this.#loadOnePage(this.#older);
        if (this.#messages.size > before) break;

        // The page added nothing: empty, or only messages already here.
        unproductive += 1;
        if (unproductive >= maximumUnproductivePages && this.#older !== 'filter') this.#older = 'filter';
        else if (unproductive >= maximumUnproductivePages * 2) break;
      }
    } catch (error) {
      this.#error = error instanceof TeamsError ? error : new TeamsError('chat-request-failed', String(error), { cause: error });
      // A continuation token Graph rejects stays rejected, so a retry uses the filtered query.
      if (this.#error.code === 'chat-request-invalid') this.#older = 'filter';
      throw this.#error;
    } finally {
      this.#loading = false;
    }
  }

  async #loadOnePage(older: string): Promise<void> {
    const action = `Loading older messages of chat ${this.#chatId}`;
    if (older !== 'filter') {
      this.#addPage(await this.#get(action, older), older);
      return;
    }

    const oldest = this.#messages.oldestCreatedDateTime();
    if (oldest === undefined) {
      this.#older = undefined;
      return;
    }
    const page = await this.#get(action, this.#messagesPath(), (request) =>
      request.top(messagePageSize).orderby('createdDateTime desc').filter(`createdDateTime lt ${oldest}`),
    );
    this.#addPage(page, 'filter');
  }

  #addPage(page: GraphPage<GraphChatMessage>, requested: string | undefined): void {
    for (const message of page.value) this.#messages.put(message);

    const next = page['@odata.nextLink'];
    if (next === undefined) {
      // The filtered query ends where Graph has nothing older; a next link chain ends the same way.
      this.#older = undefined;
      return;
    }
    if (next === requested || this.#followed.has(next)) {
      // A next link that repeats would loop forever: continue with the filtered query.
      this.#older = 'filter';
      return;
    }
    this.#followed.add(next);
    this.#older = next;
  }

  #messagesPath(): string {
    return `/chats/${encodeURIComponent(this.#chatId)}/messages`;
  }

  async #get(action: string, url: string, configure: (request: GraphRequest) => GraphRequest = (request) => request): Promise<GraphPage<GraphChatMessage>> {
    return this.#connection.request(action, async (client) => (await configure(client.api(url)).get()) as GraphPage<GraphChatMessage>);
  }
}
