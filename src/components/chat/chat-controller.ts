import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { ChatChangeChannel } from '../../services/chat/change-channel.js';
import type { NewChatMember } from '../../services/chat/chat-list.js';
import type { ChatService } from '../../services/chat/chat-service.js';
import type { ChatSummary } from '../../services/chat/chat-summary.js';
import type { ChatThread, MessagesReceived } from '../../services/chat/chat-thread.js';
import { loadChatService } from '../../services/chat/load.js';
import type { Poller } from '../../services/chat/poller.js';
import { TeamsError } from '../../services/errors.js';
import type { Session } from '../../services/session/session.js';
import { previewChange } from './list-preview.js';
import { listPollPolicy, threadPollPolicy } from './list-schedule.js';

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
 * its session signed in, it loads the service with a dynamic `import()`, so the Graph client and
 * DOMPurify reach the page only then. It lists the chats, keeps the list current, and keeps the
 * open thread. Signing out or switching accounts drops everything.
 */
export class ChatController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #getSession: () => Session;
  readonly #callbacks: ChatControllerCallbacks;
  #service: ChatService | undefined;
  /** The account and session the loaded state belongs to, as `session name/object id`. */
  #owner: string | undefined;
  #generation = 0;
  #pollIntervalMs = 15_000;
  #listPoller: Poller | undefined;
  /** The chat the last `open()` asked for; an earlier call still loading gives way to it. */
  #requestedChatId: string | undefined;

  /** The signed-in user's chats, newest activity first. */
  chats: ChatSummary[] = [];
  chatsStatus: ChatListStatus = 'idle';
  chatsError: TeamsError | undefined;
  /** The open chat's thread. */
  thread: ChatThread | undefined;
  /** A push channel for message changes, used by threads opened from now on. */
  changes: ChatChangeChannel | undefined;

  readonly #handleThreadChange = (): void => {
    this.#syncOpenChat();
    this.#host.requestUpdate();
  };
  readonly #handlePhotosChange = (): void => this.#host.requestUpdate();
  readonly #handleMessagesReceived = (event: Event): void => {
    const thread = this.thread;
    if (thread === undefined) return;
    const received = (event as CustomEvent<MessagesReceived>).detail;
    // The list entry already follows the thread's change event.
    if (typeof document === 'undefined' || document.visibilityState === 'visible') this.markOpenChatRead();
    this.#callbacks.onMessagesReceived(thread, received);
  };

  constructor(host: ReactiveControllerHost & HTMLElement, getSession: () => Session, callbacks: ChatControllerCallbacks) {
    this.#host = host;
    this.#getSession = getSession;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** The loaded chat service, for photos, images and people search; `undefined` until signed in. */
  get service(): ChatService | undefined {
    return this.#service;
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
    if (value === this.#pollIntervalMs) return;
    this.#pollIntervalMs = value;
    // The list's schedule follows the threads' interval.
    if (this.#listPoller !== undefined && this.#service !== undefined) {
      this.#listPoller.stop();
      this.#listPoller = undefined;
      this.#startListPolling(this.#service);
    }
  }

  /**
   * Loads the chat list again. A `silent` refresh keeps the list on screen while it loads and
   * ignores failures, as the periodic refresh does.
   */
  async refreshChats(options: { silent?: boolean } = {}): Promise<void> {
    const generation = this.#generation;
    if (!options.silent) {
      this.chatsStatus = 'loading';
      this.chatsError = undefined;
      this.#host.requestUpdate();
    }

    try {
      const service = await this.#loadService();
      const chats = await service.listChats();
      if (generation !== this.#generation) return;
      // The open chat counts as read, whatever the list from Graph reports.
      this.chats = chats.map((chat) => (chat.id === this.thread?.chatId ? { ...chat, unread: false } : chat));
      this.chatsStatus = 'ready';
      // The open thread may know a newer state of its chat than the list Graph returned.
      this.#syncOpenChat();
      this.#startListPolling(service);
      // A chat that could not open while the service failed to load may open now.
      if (this.thread === undefined) this.#requestedChatId = undefined;
    } catch (error) {
      if (generation !== this.#generation) return;
      if (options.silent) throw error;
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

    const known = this.chats.find((chat) => chat.id === chatId);
    const thread = service.openThread(chatId, {
      poll: threadPollPolicy(this.#pollIntervalMs),
      ...(known === undefined ? {} : { chat: known }),
      ...(this.changes === undefined ? {} : { changes: this.changes }),
    });
    thread.addEventListener('change', this.#handleThreadChange);
    thread.addEventListener('messages-received', this.#handleMessagesReceived);
    this.thread = thread;
    this.#host.requestUpdate();

    try {
      await thread.load();
      if (this.thread !== thread) return;
      this.#callbacks.onOpen(thread);
      this.markOpenChatRead();
    } catch (error) {
      if (this.thread === thread) this.#callbacks.onError(asTeamsError(error), chatId);
    }
  }

  /** Closes the open thread, as after a chat was not found. */
  close(): void {
    this.#closeThread();
    this.#requestedChatId = undefined;
    this.#host.requestUpdate();
  }

  /** Loads the open thread again after it failed to load. */
  async reloadThread(): Promise<void> {
    const chatId = this.thread?.chatId;
    if (chatId === undefined) return;
    this.#closeThread();
    this.#requestedChatId = undefined;
    await this.open(chatId);
  }

  /** Marks the open chat read in Graph and in the list. Failures only leave the chat unread. */
  markOpenChatRead(): void {
    const thread = this.thread;
    if (thread === undefined) return;
    this.#updateSummary(thread.chatId, { unread: false });
    thread.markRead().catch(() => undefined);
  }

  /**
   * Starts a chat with `members` (the existing 1:1 chat for one person), adds it to the list and
   * opens it. Returns the chat.
   */
  async createChat(members: NewChatMember[], topic?: string): Promise<ChatSummary> {
    const service = await this.#loadService();
    const chat = await service.createChat(members, topic);
    this.chats = [chat, ...this.chats.filter((candidate) => candidate.id !== chat.id)];
    this.#host.requestUpdate();
    return chat;
  }

  /** Moves a chat to the top of the list with the message the user just sent. */
  noteSent(chatId: string, text: string, createdDateTime: string): void {
    const userId = this.#getSession().account?.objectId ?? '';
    this.#updateSummary(chatId, { lastActivity: createdDateTime, preview: text, previewDeleted: false, previewSender: { userId, displayName: undefined, own: true }, unread: false });
  }

  /** Brings the open chat's list entry in line with its thread: edits, deletes and new messages. */
  #syncOpenChat(): void {
    const thread = this.thread;
    if (thread === undefined || thread.status !== 'ready') return;
    const summary = this.chats.find((chat) => chat.id === thread.chatId);
    const change = summary === undefined ? undefined : previewChange(summary, thread.items);
    if (change !== undefined) this.#updateSummary(thread.chatId, change);
  }

  #updateSummary(chatId: string, change: Partial<ChatSummary>): void {
    const index = this.chats.findIndex((chat) => chat.id === chatId);
    if (index === -1) return;
    const updated = { ...this.chats[index]!, ...change };
    const others = this.chats.filter((chat) => chat.id !== chatId);
    // A change of activity moves the chat to the top; other changes keep its place.
    if (change.lastActivity === undefined) this.chats = this.chats.map((chat) => (chat.id === chatId ? updated : chat));
    else this.chats = [updated, ...others];
    this.#host.requestUpdate();
  }

  #startListPolling(service: ChatService): void {
    if (this.#listPoller !== undefined) return;
    this.#listPoller = service.createPoller(() => this.#refreshChatsOnSchedule(), listPollPolicy(this.#pollIntervalMs));
    this.#listPoller.start();
  }

  /**
   * Reads the list on its schedule, unless Graph has asked the open thread to wait: the limits are
   * shared by all of an app's requests, so the list skips its turn until the thread's wait is over.
   */
  async #refreshChatsOnSchedule(): Promise<void> {
    if (this.thread?.pollStatus?.slowedDown) return;
    await this.refreshChats({ silent: true });
  }

  #loadService(): Promise<ChatService> {
    if (this.#service !== undefined) return Promise.resolve(this.#service);
    return loadChatService(this.#getSession()).then((service) => {
      if (this.#service !== service) {
        this.#service?.photos.removeEventListener('change', this.#handlePhotosChange);
        service.photos.addEventListener('change', this.#handlePhotosChange);
      }
      return (this.#service = service);
    });
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
    this.#listPoller?.stop();
    this.#listPoller = undefined;
    this.#service?.photos.removeEventListener('change', this.#handlePhotosChange);
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
