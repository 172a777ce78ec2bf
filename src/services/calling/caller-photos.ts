import type { SessionApi } from '../session/types.js';
import { graphBaseUrl } from './graph-base-url.js';

/** The session members a photo request uses. */
export type PhotoSession = Pick<SessionApi, 'options' | 'getGraphToken'>;

export interface CallerPhotosOptions {
  /** Replaces `fetch`, for tests. */
  fetch?: typeof fetch | undefined;
}

/**
 * Profile photos of callers while their calls ring, as blob URLs. A ringing call requests its
 * caller's photo with `load`; `release` revokes the URL when the ring ends (or stops a request
 * still under way), so no photo outlives its ring.
 *
 * Photos come from Microsoft Graph's `GET /users/{id}/photo/$value` with the session's Graph
 * token (`User.ReadBasic.All`). An `<img src>` cannot send that token, hence the blob URL. This
 * uses `fetch` directly rather than the chat's Graph client, so a page with only `<teams-call>`
 * does not download the Graph client.
 */
export class CallerPhotos {
  readonly #session: PhotoSession;
  readonly #fetch: typeof fetch | undefined;
  /** Per ringing call: the request under way, then the URL (`null` for no photo). */
  readonly #entries = new Map<string, { abort: AbortController; url: string | null | undefined }>();

  constructor(session: PhotoSession, options: CallerPhotosOptions = {}) {
    this.#session = session;
    this.#fetch = options.fetch;
  }

  /**
   * Loads the photo of the caller of call `callId`, then passes its blob URL to `onLoaded`, or
   * `null` when the caller has none (Graph's 404) or the request failed: both show initials.
   * Nothing is passed once the call's photo was released.
   */
  load(callId: string, objectId: string, onLoaded: (url: string | null) => void): void {
    if (this.#entries.has(callId)) return;
    const entry = { abort: new AbortController(), url: undefined as string | null | undefined };
    this.#entries.set(callId, entry);

    void this.#fetchPhoto(objectId, entry.abort.signal).then((blob) => {
      if (entry.abort.signal.aborted) return;
      entry.url = blob === undefined ? null : URL.createObjectURL(blob);
      onLoaded(entry.url);
    });
  }

  /** Stops loading the photo of call `callId`, or revokes its blob URL. */
  release(callId: string): void {
    const entry = this.#entries.get(callId);
    if (entry === undefined) return;
    this.#entries.delete(callId);
    entry.abort.abort();
    if (typeof entry.url === 'string') URL.revokeObjectURL(entry.url);
  }

  /** Releases every photo, for a reset. */
  releaseAll(): void {
    for (const callId of [...this.#entries.keys()]) this.release(callId);
  }

  async #fetchPhoto(objectId: string, signal: AbortSignal): Promise<Blob | undefined> {
    try {
      const url = `${graphBaseUrl(this.#session)}v1.0/users/${encodeURIComponent(objectId)}/photo/$value`;
      const token = await this.#session.getGraphToken();
      const response = await (this.#fetch ?? fetch)(url, { headers: { authorization: `Bearer ${token}` }, signal });
      if (!response.ok) return undefined;
      const blob = await response.blob();
      return blob.type.startsWith('image/') ? blob : undefined;
    } catch {
      // No token, no network, or the ring ended: the caller's initials show instead.
      return undefined;
    }
  }
}
