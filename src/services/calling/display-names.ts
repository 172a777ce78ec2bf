import type { SessionApi } from '../session/types.js';
import { graphBaseUrl } from './graph-base-url.js';

/** The session members a name lookup uses. */
export type NameLookupSession = Pick<SessionApi, 'options' | 'getGraphToken'>;

export interface NameLookupOptions {
  signal?: AbortSignal;
  /** Replaces `fetch`, for tests. */
  fetch?: typeof fetch | undefined;
}

const objectIdPattern = /\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{8}([0-9a-f]{4})\b/gi;

/**
 * Shortens every Entra object id in `text` to its first eight and last four digits, such as
 * "0a1b2c3d…fab4", and drops the raw id prefix `8:orgid:`. The result replaces a name that is not
 * known yet. Both ends are kept because ids made by hand, as in the sandbox, often share a prefix.
 * The ellipsis sits inside, so a sentence that ends in one ("Ringing …") does not double it.
 */
export function shortenObjectIds(text: string): string {
  return text.replace(/8:orgid:/gi, '').replace(objectIdPattern, (_match, head: string, tail: string) => `${head}…${tail}`);
}

/**
 * Looks up the display name of the user with Entra object id `objectId` with Microsoft Graph's
 * `GET /users/{id}`, using the session's Graph token (`User.ReadBasic.All`). Graph finds only
 * users of the signed-in account's own tenant, so a person of another tenant has no name here.
 *
 * Resolves to `undefined` for any failure: the name is a nicety, and the call goes on without it.
 * This uses `fetch` directly rather than the chat's Graph client, so a page with only
 * `<teams-call>` does not download the Graph client.
 */
export async function lookUpDisplayName(session: NameLookupSession, objectId: string, options: NameLookupOptions = {}): Promise<string | undefined> {
  try {
    const url = `${graphBaseUrl(session)}v1.0/users/${encodeURIComponent(objectId)}?$select=id,displayName`;
    const token = await session.getGraphToken();
    const response = await (options.fetch ?? fetch)(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!response.ok) return undefined;
    const user = (await response.json()) as { displayName?: unknown };
    return typeof user.displayName === 'string' && user.displayName.trim() !== '' ? user.displayName : undefined;
  } catch {
    // No token, no network, or the call ended first: the shortened id stays.
    return undefined;
  }
}
