import { TeamsError } from '../errors.js';
import { fetchGraphBlob } from './blob-request.js';
import type { GraphConnection } from './graph-client.js';

/** How long an image no element shows keeps its blob URL, in milliseconds, for quick scroll-backs. */
const defaultReleaseDelayMs = 5_000;

interface CachedContent {
  /** Resolves with the blob URL once loaded. */
  url: Promise<string>;
  /** The blob URL once loaded, to revoke. */
  loaded: string | undefined;
  users: number;
  revokeTimer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Inline images of messages (Graph's hosted contents), fetched with the access token and shown
 * from blob URLs. Each image shown holds a reference with `acquire()` and gives it back with
 * `release()`. An image without references is revoked after `releaseDelayMs`.
 */
export class HostedContents {
  readonly #connection: GraphConnection;
  readonly #releaseDelayMs: number;
  readonly #cache = new Map<string, CachedContent>();

  constructor(connection: GraphConnection, options: { releaseDelayMs?: number } = {}) {
    this.#connection = connection;
    this.#releaseDelayMs = options.releaseDelayMs ?? defaultReleaseDelayMs;
  }

  /** Number of references `acquire()` gave out and `release()` has not taken back. */
  get heldCount(): number {
    return [...this.#cache.values()].reduce((sum, content) => sum + content.users, 0);
  }

  /** Number of blob URLs not revoked yet. */
  get liveCount(): number {
    return [...this.#cache.values()].filter((content) => content.loaded !== undefined).length;
  }

  /**
   * Returns a blob URL for a hosted content URL taken from sanitized message HTML. Rejects with a
   * `TeamsError` when the URL is not on the Graph host or the fetch fails.
   */
  acquire(url: string): Promise<string> {
    if (!this.#isGraphUrl(url)) {
      return Promise.reject(new TeamsError('chat-request-invalid', `The image URL ${url} is not on the Graph host ${this.#connection.baseUrl}, so it was not fetched.`));
    }

    let content = this.#cache.get(url);
    if (content === undefined) {
      const created: CachedContent = { url: Promise.resolve(''), loaded: undefined, users: 0, revokeTimer: undefined };
      created.url = fetchGraphBlob(this.#connection, 'Loading an inline image', url).then(
        (blob) => {
          // Revoked while loading: no element shows it any more, so no URL is made for it.
          if (this.#cache.get(url) !== created) throw new TeamsError('chat-request-failed', `The inline image ${url} was released while it loaded.`);
          created.loaded = URL.createObjectURL(blob);
          return created.loaded;
        },
        (error: unknown) => {
          // A failed image is tried again the next time it is shown.
          this.#cache.delete(url);
          throw error;
        },
      );
      content = created;
      this.#cache.set(url, content);
    }

    content.users += 1;
    clearTimeout(content.revokeTimer);
    content.revokeTimer = undefined;
    return content.url;
  }

  /** Gives back a reference taken with `acquire()`. */
  release(url: string): void {
    const content = this.#cache.get(url);
    if (content === undefined) return;
    content.users = Math.max(0, content.users - 1);
    if (content.users > 0) return;

    content.revokeTimer = setTimeout(() => this.#revoke(url, content), this.#releaseDelayMs);
  }

  /** Revokes every blob URL now. */
  dispose(): void {
    for (const [url, content] of this.#cache) this.#revoke(url, content);
  }

  #revoke(url: string, content: CachedContent): void {
    clearTimeout(content.revokeTimer);
    if (this.#cache.get(url) === content) this.#cache.delete(url);
    if (content.loaded !== undefined) URL.revokeObjectURL(content.loaded);
    content.loaded = undefined;
  }

  #isGraphUrl(url: string): boolean {
    try {
      return new URL(url).origin === new URL(this.#connection.baseUrl).origin;
    } catch {
      return false;
    }
  }
}
