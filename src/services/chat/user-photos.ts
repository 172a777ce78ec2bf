import { fetchGraphBlob } from './blob-request.js';
import type { GraphConnection } from './graph-client.js';

/** Photos fetched at the same time, at most, so a large group does not flood Graph. */
const maximumConcurrentLoads = 4;

/**
 * Profile photos of chat members, fetched from Graph with the access token and kept as blob URLs
 * for the life of the session's chat service. Fires `change` (an `Event`) when a photo arrives.
 *
 * A user without a photo (Graph responds 404) or whose photo failed to load gets `null`, and
 * elements show initials instead.
 *
 * NOTE: a failed load is not tried again until the page reloads.
 */
export class UserPhotos extends EventTarget {
  readonly #connection: GraphConnection;
  readonly #urls = new Map<string, string | null>();
  readonly #queue: string[] = [];
  /** Users whose photo is queued or loading. */
  readonly #requested = new Set<string>();
  #active = 0;
  #disposed = false;

  constructor(connection: GraphConnection) {
    super();
    this.#connection = connection;
  }

  /**
   * Returns the blob URL of a user's photo, `null` when there is none, or `undefined` while it is
   * not known yet. The first call for a user starts loading the photo.
   */
  photoUrl(userId: string): string | null | undefined {
    if (this.#urls.has(userId)) return this.#urls.get(userId);
    if (!this.#requested.has(userId)) {
      this.#requested.add(userId);
      this.#queue.push(userId);
      this.#next();
    }
    return undefined;
  }

  /** Revokes every blob URL. Photos shown after this break, so call it only when the service goes. */
  dispose(): void {
    this.#disposed = true;
    for (const url of this.#urls.values()) if (url !== null) URL.revokeObjectURL(url);
    this.#urls.clear();
    this.#queue.length = 0;
    this.#requested.clear();
  }

  #next(): void {
    while (this.#active < maximumConcurrentLoads && this.#queue.length > 0) {
      const userId = this.#queue.shift()!;
      this.#active += 1;
      void this.#load(userId).finally(() => {
        this.#active -= 1;
        this.#next();
      });
    }
  }

  async #load(userId: string): Promise<void> {
    let url: string | null = null;
    try {
      const blob = await fetchGraphBlob(this.#connection, `Loading the photo of user ${userId}`, `/users/${encodeURIComponent(userId)}/photo/$value`);
      if (!this.#disposed) url = URL.createObjectURL(blob);
    } catch {
      // No photo, or it failed to load: both show initials.
    }
    if (this.#disposed) return;
    this.#urls.set(userId, url);
    this.dispatchEvent(new Event('change'));
  }
}
