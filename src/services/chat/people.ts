import type { GraphConnection } from './graph-client.js';
import type { GraphPage, GraphUser } from './graph-types.js';

/** People shown for one search, at most. */
const maximumResults = 10;

/**
 * Finds people of the signed-in user's tenant whose name or mail starts with `text` (any word of
 * the name, so "van" finds "Adele Vance"), without the signed-in user. Graph's `/users` lists only
 * the caller's own tenant, so people of other tenants are not found here.
 *
 * Uses `$search` with `ConsistencyLevel: eventual`, which Graph requires for it.
 */
export async function searchPeople(connection: GraphConnection, text: string, ownId: string | undefined): Promise<GraphUser[]> {
  // Quotes and backslashes would end the search clause early, so they are dropped.
  const term = text.replace(/["\\]/g, ' ').trim();
  if (term === '') return [];

  const page = await connection.request(`Searching people for "${term}"`, async (client) => {
    return (await client
      .api('/users')
      .header('ConsistencyLevel', 'eventual')
      .search(`"displayName:${term}" OR "mail:${term}"`)
      .select('id,displayName,mail,userPrincipalName,jobTitle')
      .top(maximumResults + 1)
      .get()) as GraphPage<GraphUser>;
  });
  return page.value.filter((user) => user.id !== ownId).slice(0, maximumResults);
}
