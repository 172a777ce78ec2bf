import { ResponseType } from '@microsoft/microsoft-graph-client';

import type { GraphConnection } from './graph-client.js';

/**
 * Fetches a Graph resource as a `Blob` with the session's access token, for photos and hosted
 * contents that an `<img src>` cannot load because it would send no token. `url` is a path under
 * the Graph base URL or an absolute URL on its host.
 */
export async function fetchGraphBlob(connection: GraphConnection, action: string, url: string): Promise<Blob> {
  return connection.request(action, async (client) => (await client.api(url).responseType(ResponseType.BLOB).get()) as Blob);
}
