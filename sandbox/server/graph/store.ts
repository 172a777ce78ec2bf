import type { SandboxState } from '../state.js';
import type { ChatMessage, GraphData, StoredChat } from './model.js';
import { seedGraphData } from './seed.js';

/** Name of the emulator's section in the sandbox state (and its state file). */
const sectionName = 'graph';

/**
 * The chats and messages of the emulated Graph, in a sandbox state section: seeded on first use,
 * and saved with the rest of the state when the sandbox has a state file.
 */
export class ChatStore {
  readonly #state: SandboxState;
  readonly #data: GraphData;
  #lastMessageId = 0;

  constructor(state: SandboxState) {
    this.#state = state;
    this.#data = state.section(sectionName, () => seedGraphData(new Date()));
    for (const messages of Object.values(this.#data.messages)) {
      for (const message of messages) this.#lastMessageId = Math.max(this.#lastMessageId, Number(message.id) || 0);
    }
  }

  findChat(chatId: string): StoredChat | undefined {
    return this.#data.chats.find((chat) => chat.id === chatId);
  }

  /** Returns the chats `userId` is a member of, in the order they were created. */
  chatsOf(userId: string): StoredChat[] {
    return this.#data.chats.filter((chat) => chat.memberIds.includes(userId));
  }

  /** Returns a chat's messages in the order they were created (oldest first). Callers must not change it. */
  messagesOf(chatId: string): readonly ChatMessage[] {
    return this.#data.messages[chatId] ?? [];
  }

  /** Appends a message and moves the chat's `lastUpdatedDateTime` to it. */
  addMessage(chat: StoredChat, message: ChatMessage): void {
    (this.#data.messages[chat.id] ??= []).push(message);
    chat.lastUpdatedDateTime = message.createdDateTime;
    this.#state.changed();
  }

  /**
   * Returns a new message id. Graph's chat message ids are the creation time in milliseconds
   * since the epoch; two messages in the same millisecond get consecutive numbers.
   */
  nextMessageId(now: number): string {
    this.#lastMessageId = Math.max(this.#lastMessageId + 1, now);
    return String(this.#lastMessageId);
  }
}
