import type { MentionChoice, OutgoingMention } from './message-content.js';

/**
 * Storage that keeps drafts and unsent messages across reloads: `localStorage` by default.
 *
 * `localStorage` rather than IndexedDB because a write is synchronous: once `send()` returns, the
 * message is stored, even when the page unloads in the next instant, whereas an IndexedDB
 * transaction still in flight at unload may be lost. The data is small (a few drafts and messages
 * of at most 28 KB each), so the 5 MB quota and the synchronous API cost little.
 *
 * Each account and chat has one key, `teams-elements:chat:v1:<tenant id>:<object id>:<chat id>`,
 * so accounts sharing a browser never see each other's drafts. Nothing stored is a token.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An unsent message as stored: enough to show it after a reload and to look it up before sending it again. */
export interface StoredOutboxEntry {
  clientMessageId: string;
  html: string;
  mentions: OutgoingMention[];
  createdDateTime: string;
  state: 'pending' | 'failed';
  /** When the last attempt started, in milliseconds since the epoch. */
  attemptStartedAt: number | undefined;
  /** True when an attempt may have reached Graph: it started and got no definite rejection. */
  maybeDelivered: boolean;
  /** True when the failure is one the kit retries by itself. */
  retrying: boolean;
  errorCode: string | undefined;
  errorMessage: string | undefined;
}

/** Text in the message box of a chat, with the mentions chosen in it. */
export interface StoredDraft {
  text: string;
  mentions: MentionChoice[];
}

/** A message recently sent from this browser, so that it is never mistaken for an unsent one. */
export interface SentRecord {
  clientMessageId: string;
  messageId: string;
  sentAt: number;
}

interface StoredChatState {
  version: 1;
  draft?: StoredDraft;
  outbox: StoredOutboxEntry[];
  recentlySent: SentRecord[];
}

/** How long a sent message id is remembered, in milliseconds. */
const sentRecordLifetimeMs = 24 * 60 * 60 * 1000;

/** Sent message ids remembered per chat, at most. */
const maximumSentRecords = 100;

const keyPrefix = 'teams-elements:chat:v1';

/** Returns the page's `localStorage`, or `undefined` where it is missing or blocked. */
export function defaultKeyValueStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Reading `localStorage` throws where the browser blocks storage for the page.
    return undefined;
  }
}

/**
 * The stored state of one chat for one account. Without a storage (or when it fails, such as when
 * its quota is full) the state lives in memory for the life of this object.
 */
export class ChatStorage {
  readonly key: string;
  readonly #storage: KeyValueStorage | undefined;
  #memory: StoredChatState = { version: 1, outbox: [], recentlySent: [] };

  constructor(storage: KeyValueStorage | undefined, account: { tenantId: string; objectId: string } | undefined, chatId: string) {
    this.key = `${keyPrefix}:${account?.tenantId ?? 'anonymous'}:${account?.objectId ?? 'anonymous'}:${chatId}`;
    this.#storage = account === undefined ? undefined : storage;
  }

  readDraft(): StoredDraft | undefined {
    return this.#read().draft;
  }

  writeDraft(draft: StoredDraft | undefined): void {
    this.#update((state) => {
      if (draft === undefined || draft.text.trim() === '') delete state.draft;
      else state.draft = draft;
    });
  }

  readOutbox(): StoredOutboxEntry[] {
    return this.#read().outbox;
  }

  /** Adds or replaces an entry, by its client message id. */
  putOutboxEntry(entry: StoredOutboxEntry): void {
    this.#update((state) => {
      const index = state.outbox.findIndex((stored) => stored.clientMessageId === entry.clientMessageId);
      if (index === -1) state.outbox.push(entry);
      else state.outbox[index] = entry;
    });
  }

  /** Removes an entry, and remembers `messageId` when Graph stored it. */
  removeOutboxEntry(clientMessageId: string, sentMessageId?: string): void {
    this.#update((state) => {
      state.outbox = state.outbox.filter((stored) => stored.clientMessageId !== clientMessageId);
      if (sentMessageId !== undefined) state.recentlySent.push({ clientMessageId, messageId: sentMessageId, sentAt: Date.now() });
    });
  }

  /** Ids of messages sent from this browser in the last day. */
  recentlySentIds(): Set<string> {
    return new Set(this.#read().recentlySent.map((record) => record.messageId));
  }

  /** Returns the record of a message sent from this browser, such as by another tab. */
  findSent(clientMessageId: string): SentRecord | undefined {
    return this.#read().recentlySent.find((record) => record.clientMessageId === clientMessageId);
  }

  #read(): StoredChatState {
    if (this.#storage === undefined) return this.#memory;
    try {
      const text = this.#storage.getItem(this.key);
      const parsed = text === null ? undefined : (JSON.parse(text) as Partial<StoredChatState>);
      if (parsed?.version === 1) {
        return { version: 1, outbox: parsed.outbox ?? [], recentlySent: parsed.recentlySent ?? [], ...(parsed.draft ? { draft: parsed.draft } : {}) };
      }
    } catch {
      // Unreadable or blocked storage: fall back to what this page wrote.
    }
    return this.#memory;
  }

  #update(change: (state: StoredChatState) => void): void {
    const state = this.#read();
    change(state);
    const now = Date.now();
    state.recentlySent = state.recentlySent.filter((record) => now - record.sentAt < sentRecordLifetimeMs).slice(-maximumSentRecords);
    this.#memory = state;
    if (this.#storage === undefined) return;

    try {
      if (state.draft === undefined && state.outbox.length === 0 && state.recentlySent.length === 0) this.#storage.removeItem(this.key);
      else this.#storage.setItem(this.key, JSON.stringify(state));
    } catch {
      // NOTE: with a full or blocked storage, drafts and unsent messages live only until reload.
    }
  }
}

/**
 * Runs `task` while holding a lock named after a chat's storage key, shared by every tab of the
 * page's origin (Web Locks API), so two tabs never deliver the same stored message at once.
 *
 * NOTE: where Web Locks are missing, tasks run without the lock, and two tabs of the same
 * account with the same chat open might both send a message stored before a reload.
 */
export async function withChatLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks === undefined) return task();
  return locks.request(key, task);
}
