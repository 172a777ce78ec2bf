import type { Client } from '@microsoft/microsoft-graph-client';

import type { GraphPage } from './graph-types.js';

/**
 * Follows `@odata.nextLink` from `first`, reading at most `maximumPages` pages in all, and
 * returns the items of every page without duplicates (by `id`).
 *
 * Guards against paging faults Graph is known to produce: a next link that repeats one already
 * followed ends the walk, and an item seen on an earlier page is skipped.
 */
export async function followNextLinks<T extends { id: string }>(client: Client, first: GraphPage<T>, maximumPages: number): Promise<T[]> {
  const items = new Map<string, T>();
  const followed = new Set<string>();
  let page: GraphPage<T> | undefined = first;
  let pages = 0;

  while (page !== undefined) {
    for (const item of page.value) if (!items.has(item.id)) items.set(item.id, item);
    pages += 1;

    const next: string | undefined = page['@odata.nextLink'];
    if (next === undefined || followed.has(next) || pages >= maximumPages) break;
    followed.add(next);
    page = (await client.api(next).get()) as GraphPage<T>;
  }
  return [...items.values()];
}
