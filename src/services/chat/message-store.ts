import type { GraphChatMessage } from './graph-types.js';

/** A change shown before Graph confirms it, such as an edit or a reaction. */
type Overlay = (message: GraphChatMessage) => GraphChatMessage;

/**
 * The messages of one thread as Graph last returned them, by id, with local changes laid over
 * them until Graph confirms or rejects them. Keeps the newest `lastModifiedDateTime` seen, which
 * polls ask for changes after.
 */
export class MessageStore {
  readonly #messages = new Map<string, GraphChatMessage>();
  readonly #overlays = new Map<string, Overlay>();
  #since: string | undefined;
  #sorted: GraphChatMessage[] | undefined;

  /** Newest `lastModifiedDateTime` seen from Graph. */
  get since(): string | undefined {
    return this.#since;
  }

  get size(): number {
    return this.#messages.size;
  }

  has(messageId: string): boolean {
    return this.#messages.has(messageId);
  }

  /** Returns a message with its local change applied. */
  get(messageId: string): GraphChatMessage | undefined {
    const message = this.#messages.get(messageId);
    const overlay = this.#overlays.get(messageId);
    return message === undefined || overlay === undefined ? message : overlay(message);
  }

  /** Keeps `message` unless a version at least as new is already here. Returns whether it changed anything. */
  put(message: GraphChatMessage): boolean {
    const known = this.#messages.get(message.id);
    if (known !== undefined && Date.parse(message.lastModifiedDateTime) < Date.parse(known.lastModifiedDateTime)) return false;
    if (known !== undefined && known.lastModifiedDateTime === message.lastModifiedDateTime && known.body.content === message.body.content) {
      this.#advanceSince(message);
      return false;
    }
    this.#messages.set(message.id, message);
    this.#advanceSince(message);
    this.#sorted = undefined;
    return true;
  }

  /** Shows a local change on a message until `clearOverlay()`. */
  setOverlay(messageId: string, overlay: Overlay): void {
    this.#overlays.set(messageId, overlay);
    this.#sorted = undefined;
  }

  clearOverlay(messageId: string): void {
    if (this.#overlays.delete(messageId)) this.#sorted = undefined;
  }

  /** Returns the creation time of the oldest message, in milliseconds, or `Infinity` when empty. */
  oldestCreatedTime(): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const message of this.#messages.values()) oldest = Math.min(oldest, Date.parse(message.createdDateTime));
    return oldest;
  }

  /** Returns the oldest message's `createdDateTime`, or `undefined` when empty. */
  oldestCreatedDateTime(): string | undefined {
    return this.sorted()[0]?.createdDateTime;
  }

  /** Returns every message, oldest first, with local changes applied. */
  sorted(): readonly GraphChatMessage[] {
    // Times are parsed once per message, because long threads sort thousands of them.
    this.#sorted ??= [...this.#messages.keys()]
      .map((id) => ({ message: this.get(id)!, time: Date.parse(this.#messages.get(id)!.createdDateTime) }))
      .sort((a, b) => a.time - b.time || compareIds(a.message.id, b.message.id))
      .map(({ message }) => message);
    return this.#sorted;
  }

  #advanceSince(message: GraphChatMessage): void {
    if (this.#since === undefined || Date.parse(message.lastModifiedDateTime) > Date.parse(this.#since)) {
      this.#since = message.lastModifiedDateTime;
    }
  }
}

/** Orders Graph's numeric message ids by value. */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
