import { TeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import { pageActivity } from './activity.js';
import { createChat, getChat, listChats, markChatRead, type NewChatMember } from './chat-list.js';
import type { ChatSummary } from './chat-summary.js';
import { ChatThread, type ChatThreadOptions } from './chat-thread.js';
import { GraphConnection } from './graph-client.js';
import type { GraphUser } from './graph-types.js';
import { HostedContents } from './hosted-contents.js';
import { searchPeople } from './people.js';
import type { PollPolicy } from './poll-schedule.js';
import { Poller } from './poller.js';
import { UserPhotos } from './user-photos.js';

const services = new WeakMap<SessionApi, ChatService>();

/**
 * Chat over Microsoft Graph for one session: the signed-in user's chats, threads of messages,
 * people search, profile photos and inline images. Usable without any element. Every failure is
 * a `TeamsError` (see `ChatErrorCode`).
 */
export class ChatService {
  readonly session: SessionApi;
  readonly #connection: GraphConnection;
  /** The session's `graphBaseUrl` option when this service was created. */
  readonly #configuredBaseUrl: string | undefined;

  /** Profile photos of chat members, as blob URLs. */
  readonly photos: UserPhotos;

  /** Inline images of messages, as blob URLs held while shown. */
  readonly hostedContents: HostedContents;

  constructor(session: SessionApi) {
    this.session = session;
    this.#configuredBaseUrl = session.options?.graphBaseUrl;
    this.#connection = new GraphConnection(session);
    this.photos = new UserPhotos(this.#connection);
    this.hostedContents = new HostedContents(this.#connection);
  }

  /**
   * Returns the session's chat service, creating it on first use, and again when the session's
   * Graph base URL has changed since.
   */
  static forSession(session: SessionApi): ChatService {
    let service = services.get(session);
    if (service === undefined || service.#configuredBaseUrl !== session.options?.graphBaseUrl) {
      service?.dispose();
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

  /** Gets one chat with its members and last message. */
  getChat(chatId: string): Promise<ChatSummary> {
    return getChat(this.#connection, chatId, this.session.account);
  }

  /** Opens a chat's thread; call `load()` on it, and `dispose()` when done. */
  openThread(chatId: string, options: ChatThreadOptions = {}): ChatThread {
    return new ChatThread(this.#connection, chatId, this.session.account, options);
  }

  /** Marks a chat read for the signed-in user. */
  markChatRead(chatId: string): Promise<void> {
    return markChatRead(this.#connection, chatId, this.#requireAccount('mark a chat read'));
  }

  /**
   * Starts a chat with `members`: returns the existing 1:1 chat with one person, or creates a
   * group chat (named `topic`, when given) with several.
   */
  createChat(members: NewChatMember[], topic?: string): Promise<ChatSummary> {
    return createChat(this.#connection, this.#requireAccount('start a chat'), members, topic);
  }

  /** Finds people of the signed-in user's tenant by the start of a name or mail address. */
  searchPeople(text: string): Promise<GraphUser[]> {
    return searchPeople(this.#connection, text, this.session.account?.objectId);
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

  /**
   * Creates a poller that runs `task` on `policy`'s intervals with the page's visibility and input,
   * such as for reading the chat list again. Call `start()` on it, and `stop()` when done.
   */
  createPoller(task: () => Promise<void>, policy: Partial<PollPolicy>): Poller {
    return new Poller(task, { policy, activity: pageActivity() });
  }

  /** Revokes the blob URLs of photos and images. */
  dispose(): void {
    this.photos.dispose();
    this.hostedContents.dispose();
  }

  #requireAccount(action: string) {
    const account = this.session.account;
    if (account === undefined) throw new TeamsError('signed-out', `Sign in to ${action}: the session has no account.`);
    return account;
  }
}
