import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { ChatService } from '../../services/chat/chat-service.js';
import type { ChatSummary } from '../../services/chat/chat-summary.js';
import type { ChatThread, MessagesReceived } from '../../services/chat/chat-thread.js';
import { loadChatService } from '../../services/chat/load.js';
import { TeamsError } from '../../services/errors.js';
import type { Session } from '../../services/session/session.js';

/** Load state of the chat list. */
export type ChatListStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Callbacks from the controller to its element, besides requests to render. */
export interface ChatControllerCallbacks {
  /** A chat's thread was opened. */
  onOpen(thread: ChatThread): void;
  /** Polling found messages from other members in the open thread. */
  onMessagesReceived(thread: ChatThread, received: MessagesReceived): void;
  /** Loading the chat list or a thread failed. */
  onError(error: TeamsError, chatId: string | undefined): void;
}

/**
 * Connects a chat element to the chat service of its session. Once the element is connected and
 * its session signed in, it loads the service with a dynamic `import()` (so the Graph client and
 * DOMPurify reach the page only then), lists the chats, and keeps the open thread. Signing out or
 * switching accounts drops everything.
 */
export class ChatController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #getSession: () => Session;
  readonly #callbacks: ChatControllerCallbacks;
  #service: ChatService | undefined;
  /** The account and session the loaded state belongs to, as `session name/object id`. */
  #owner: string | undefined;
  #generation = 0;
  #pollIntervalMs = 10_000;
  /** The chat the last `open()` asked for; an earlier call still loading gives way to it. */
  #requestedChatId: string | undefined;

  /** The signed-in user's chats, newest activity first. */
  chats: ChatSummary[] = [];
  chatsStatus: ChatListStatus = 'idle';
  chatsError: TeamsError | undefined;
  /** The open chat's thread. */
  thread: ChatThread | undefined;

  readonly #handleThreadChange = (): void => this.#host.requestUpdate();
  readonly #handleMessagesReceived = (event: Event): void => {
    if (this.thread !== undefined) this.#callbacks.onMessagesReceived(this.thread, (event as CustomEvent<MessagesReceived>).detail);
  };

  constructor(host: ReactiveControllerHost & HTMLElement, getSession: () => Session, callbacks: ChatControllerCallbacks) {
    this.#host = host;
    this.#getSession = getSession;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#reset();
  }

  /**
   * Brings the state in line with the session: loads the chat list after sign-in, drops it after
   * sign-out or an account switch. Call it after each session change.
   */
  sync(): void {
    if (!this.#host.isConnected) return;
    const session = this.#getSession();
    const owner = session.status === 'signed-in' && session.account ? `${session.name}/${session.account.objectId}` : undefined;
    if (owner === this.#owner) return;

    this.#reset();
    this.#owner = owner;
    if (owner !== undefined) void this.refreshChats();
  }

  /** Sets the poll interval of threads opened from now on, in milliseconds. */
  set pollIntervalMs(value: number) {
    this.#pollIntervalMs = value;
  }

  /** Loads the chat list again. */
  async refreshChats(): Promise<void> {
    const generation = this.#generation;
    this.chatsStatus = 'loading';
    this.chatsError = undefined;
    this.#host.requestUpdate();

    try {
      const service = await this.#loadService();
      const chats = await service.listChats();
      if (generation !== this.#generation) return;
      this.chats = chats;
      this.chatsStatus = 'ready';
      // A chat that could not open while the service failed to load may open now.
      if (this.thread === undefined) this.#requestedChatId = undefined;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.chatsStatus = 'error';
      this.chatsError = asTeamsError(error);
      this.#callbacks.onError(this.chatsError, undefined);
    }
    this.#host.requestUpdate();
  }

  /**
   * Opens a chat's thread (closing the one open before) and loads its newest messages. Does
   * nothing while signed out, or when that chat is already open or opening.
   */
  async open(chatId: string): Promise<void> {
    if (this.#requestedChatId === chatId || this.#owner === undefined) return;
    this.#requestedChatId = chatId;
    this.#closeThread();

    const generation = this.#generation;
    let service: ChatService;
    try {
      service = await this.#loadService();
    } catch (error) {
      // The chat list shows the same failure with a "Retry" button.
      this.#callbacks.onError(asTeamsError(error), chatId);
      return;
    }
    if (generation !== this.#generation || this.#requestedChatId !== chatId || this.thread !== undefined) return;

    const thread = service.openThread(chatId, { poll: { visibleIntervalMs: this.#pollIntervalMs, hiddenIntervalMs: Math.max(this.#pollIntervalMs * 6, 60_000) } });
    thread.addEventListener('change', this.#handleThreadChange);
    thread.addEventListener('messages-received', this.#handleMessagesReceived);
    this.thread = thread;
    this.#host.requestUpdate();

    try {
      await thread.load();
      if (this.thread === thread) this.#callbacks.onOpen(thread);
    } catch (error) {
      if (this.thread === thread) this.#callbacks.onError(asTeamsError(error), chatId);
    }
  }

  /** Loads the open thread again after it failed to load. */
  async reloadThread(): Promise<void> {
    const chatId = this.thread?.chatId;
    if (chatId === undefined) return;
    this.#closeThread();
    this.#requestedChatId = undefined;
    await this.open(chatId);
  }

  #loadService(): Promise<ChatService> {
    if (this.#service !== undefined) return Promise.resolve(this.#service);
    return loadChatService(this.#getSession()).then((service) => (this.#service = service));
  }

  #closeThread(): void {
    if (this.thread === undefined) return;
    this.thread.removeEventListener('change', this.#handleThreadChange);
    this.thread.removeEventListener('messages-received', this.#handleMessagesReceived);
    this.thread.dispose();
    this.thread = undefined;
  }

  #reset(): void {
    this.#generation += 1;
    this.#closeThread();
    this.#requestedChatId = undefined;
    this.#service = undefined;
    this.#owner = undefined;
    this.chats = [];
    this.chatsStatus = 'idle';
    this.chatsError = undefined;
  }
}

function asTeamsError(error: unknown): TeamsError {
  return error instanceof TeamsError ? error : new TeamsError('chat-request-failed', error instanceof Error ? error.message : String(error), { cause: error });
}
