import { defaultGraphBaseUrl } from '../session/defaults.js';
import type { SessionApi } from '../session/types.js';

/**
 * Returns the session's Microsoft Graph base URL with a trailing slash, so callers append
 * `v1.0/...`. The calling service talks to Graph with plain `fetch` rather than the chat's Graph
 * client, so a page with only `<teams-call>` does not download that client.
 */
export function graphBaseUrl(session: Pick<SessionApi, 'options'>): string {
  const baseUrl = session.options?.graphBaseUrl ?? defaultGraphBaseUrl;
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}
