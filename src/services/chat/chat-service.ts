import type { SessionApi } from '../session/types.js';
import { getChat, listChats } from './chat-list.js';
import type { ChatSummary } from './chat-summary.js';
import { ChatThread, type ChatThreadOptions } from './chat-thread.js';
import { GraphConnection } from './graph-client.js';
import type { GraphUser } from './graph-types.js';

const services = new WeakMap<SessionApi, ChatService>();

/**
 * Chat over Microsoft Graph for one session: the signed-in user's chats, threads of messages, and
 * user lookups. Usable without any element. Every failure is a `TeamsError` (see `ChatErrorCode`).
 */
export class ChatService {
  readonly session: SessionApi;
  readonly #connection: GraphConnection;
  /** The session's `graphBaseUrl` option when this service was created. */
  readonly #configuredBaseUrl: string | undefined;

  constructor(session: SessionApi) {
    this.session = session;
    this.#configuredBaseUrl = session.options?.graphBaseUrl;
    this.#connection = new GraphConnection(session);
  }

  /**
   * Returns the session's chat service, creating it on first use, and again when the session's
   * Graph base URL has changed since.
   */
  static forSession(session: SessionApi): ChatService {
    let service = services.get(session);
    if (service === undefined || service.#configuredBaseUrl !== session.options?.graphBaseUrl) {
      service = new ChatService(session);
      services.set(session, service);
    }
    return service;
  }

  /** The absolute Graph base URL the service calls. */
  get graphBaseUrl(): string {
    return this.#connection.baseUrl;
  }

  /** Lists the signed-in user's chats with members and last message, newest activity first. */
  listChats(): Promise<ChatSummary[]> {
    return listChats(this.#connection, this.session.account);
  }

  /** Gets one chat with its members. */
  getChat(chatId: string): Promise<ChatSummary> {
    return getChat(this.#connection, chatId, this.session.account);
  }

  /** Opens a chat's thread; call `load()` on it, and `dispose()` when done. */
  openThread(chatId: string, options: ChatThreadOptions = {}): ChatThread {
    return new ChatThread(this.#connection, chatId, this.session.account, options);
  }

  /**
   * Gets a user of the signed-in user's tenant by object id or user principal name. Reading
   * another user needs the `User.ReadBasic.All` delegated permission.
   */
  getUser(idOrUserPrincipalName: string): Promise<GraphUser> {
    return this.#connection.request(`Looking up the user ${idOrUserPrincipalName}`, async (client) => {
      return (await client.api(`/users/${encodeURIComponent(idOrUserPrincipalName)}`).get()) as GraphUser;
    });
  }

}
