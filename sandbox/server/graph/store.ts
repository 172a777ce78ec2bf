import type { SandboxState } from '../state.js';
import type { ChatMessage, GraphData, ItemBody, StoredChat, StoredHostedContent } from './model.js';
import { seedGraphData } from './seed.js';

/** Name of the emulator's section in the sandbox state (and its state file). */
const sectionName = 'graph';

/** `lastMessageReadDateTime` of a member who has never read the chat, as Graph writes "never". */
export const neverRead = '0001-01-01T00:00:00Z';

/**
 * The chats and messages of the emulated Graph, in a sandbox state section: seeded on first use,
 * and saved with the rest of the state when the sandbox has a state file.
 */
export class ChatStore {
  readonly #state: SandboxState;
  readonly #data: GraphData;
  #lastMessageId = 0;
  #lastModifiedTime = 0;

  constructor(state: SandboxState) {
    this.#state = state;
    this.#data = state.section(sectionName, () => seedGraphData(new Date()));
    this.#data.hostedContents ??= {};
    this.#data.readTimes ??= {};
    this.#data.deletedBodies ??= {};
    for (const messages of Object.values(this.#data.messages)) {
      for (const message of messages) {
        this.#lastMessageId = Math.max(this.#lastMessageId, Number(message.id) || 0);
        this.#lastModifiedTime = Math.max(this.#lastModifiedTime, Date.parse(message.lastModifiedDateTime) || 0);
      }
    }
  }

  findChat(chatId: string): StoredChat | undefined {
    return this.#data.chats.find((chat) => chat.id === chatId);
  }

  /** Adds a new chat, with its messages when given. */
  addChat(chat: StoredChat, messages: ChatMessage[] = []): void {
    this.#data.chats.push(chat);
    this.#data.messages[chat.id] = messages;
    for (const message of messages) {
      this.#lastMessageId = Math.max(this.#lastMessageId, Number(message.id) || 0);
      this.#lastModifiedTime = Math.max(this.#lastModifiedTime, Date.parse(message.lastModifiedDateTime) || 0);
    }
    this.#state.changed();
  }

  /** Removes a chat and everything stored with it. */
  removeChat(chatId: string): void {
    this.#data.chats = this.#data.chats.filter((chat) => chat.id !== chatId);
    delete this.#data.messages[chatId];
    delete this.#data.readTimes![chatId];
    this.#state.changed();
  }

  /** Returns the chats `userId` is a member of, in the order they were created. */
  chatsOf(userId: string): StoredChat[] {
    return this.#data.chats.filter((chat) => chat.memberIds.includes(userId));
  }

  /** Returns a chat's messages in the order they were created (oldest first). Callers must not change it. */
  messagesOf(chatId: string): readonly ChatMessage[] {
    return this.#data.messages[chatId] ?? [];
  }

  findMessage(chatId: string, messageId: string): ChatMessage | undefined {
    return this.#data.messages[chatId]?.find((message) => message.id === messageId);
  }

  /** Appends a message and moves the chat's `lastUpdatedDateTime` to it. */
  addMessage(chat: StoredChat, message: ChatMessage): void {
    (this.#data.messages[chat.id] ??= []).push(message);
    chat.lastUpdatedDateTime = message.createdDateTime;
    this.#lastModifiedTime = Math.max(this.#lastModifiedTime, Date.parse(message.lastModifiedDateTime));
    this.#state.changed();
  }

  /**
   * Applies a change to a stored message and gives it a new `lastModifiedDateTime`, so that
   * clients polling with `lastModifiedDateTime gt <time>` find it.
   */
  updateMessage(message: ChatMessage, change: (message: ChatMessage, now: string) => void): void {
    const now = this.nextModifiedTime();
    change(message, now);
    message.lastModifiedDateTime = now;
    message.etag = String(Date.parse(now));
    this.#state.changed();
  }

  /** Keeps a soft-deleted message's body for `undoSoftDelete`, and returns it on restore. */
  keepDeletedBody(chatId: string, messageId: string, body: ItemBody): void {
    this.#data.deletedBodies![`${chatId}/${messageId}`] = body;
  }

  takeDeletedBody(chatId: string, messageId: string): ItemBody | undefined {
    const key = `${chatId}/${messageId}`;
    const body = this.#data.deletedBodies![key];
    delete this.#data.deletedBodies![key];
    return body;
  }

  findHostedContent(chatId: string, messageId: string, hostedContentId: string): StoredHostedContent | undefined {
    return this.#data.hostedContents![`${chatId}/${messageId}/${hostedContentId}`];
  }

  /** Returns the ids of a message's hosted contents. */
  hostedContentIds(chatId: string, messageId: string): string[] {
    const prefix = `${chatId}/${messageId}/`;
    return Object.keys(this.#data.hostedContents!)
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length));
  }

  /** Returns when `userId` last read the chat, or `neverRead`. */
  lastReadTime(chatId: string, userId: string): string {
    return this.#data.readTimes![chatId]?.[userId] ?? neverRead;
  }

  setLastReadTime(chatId: string, userId: string, time: string): void {
    (this.#data.readTimes![chatId] ??= {})[userId] = time;
    this.#state.changed();
  }

  /**
   * Returns a new message id. Graph's chat message ids are the creation time in milliseconds
   * since the epoch; two messages in the same millisecond get consecutive numbers.
   */
  nextMessageId(now: number): string {
    // A new message is also a modification, so it must sort after every earlier change.
    this.#lastMessageId = Math.max(this.#lastMessageId + 1, this.#lastModifiedTime + 1, now);
    this.#lastModifiedTime = this.#lastMessageId;
    return String(this.#lastMessageId);
  }

  /**
   * Returns a modification time later than every one handed out before, even within one
   * millisecond, so that no change hides behind a poll's `gt` bound.
   */
  nextModifiedTime(): string {
    this.#lastModifiedTime = Math.max(this.#lastModifiedTime + 1, Date.now());
    return new Date(this.#lastModifiedTime).toISOString();
  }
}
