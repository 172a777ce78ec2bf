import type { SandboxContext } from '../context.js';
import type { ChatMessage } from './model.js';
import { decodeSkipToken, encodeSkipToken, nextLink, type PageCursor } from './paging.js';

/**
 * Paging faults Graph is known to produce, armed like any fault (`POST /__sandbox/faults/{name}`)
 * and applied to `GET /chats/{id}/messages`:
 *
 * - `graph.paging.duplicate-message`: a continuation page starts with the last message of the page
 *   before it, so the same message is on two pages.
 * - `graph.paging.repeat-next-link`: the page's `@odata.nextLink` is the URL of the request itself.
 * - `graph.paging.empty-page`: the page is empty but has a next link, which leads to the real page.
 * - `graph.paging.invalid-continuation`: a continuation (a request with `$skiptoken`) gets a 400
 *   "invalid continuation token". First pages are not affected.
 */
export const pagingFaultNames = {
  duplicateMessage: 'graph.paging.duplicate-message',
  repeatNextLink: 'graph.paging.repeat-next-link',
  emptyPage: 'graph.paging.empty-page',
  invalidContinuation: 'graph.paging.invalid-continuation',
} as const;

/** A cursor before every message, for an empty first page whose next link restarts the list. */
const startCursor: PageCursor = { time: 8.64e15, id: '' };

/** Returns whether an armed fault rejects this continuation request with a 400. */
export function takeInvalidContinuation(context: SandboxContext, url: URL): boolean {
  if (!url.searchParams.has('$skiptoken')) return false;
  return context.faults.take(pagingFaultNames.invalidContinuation) !== undefined;
}

/**
 * Applies an armed paging fault to a page about to be sent. `previous` is the last message of the
 * page before (the request's cursor), when the request is a continuation.
 */
export function applyPagingFaults(
  context: SandboxContext,
  url: URL,
  page: ChatMessage[],
  link: string | undefined,
  previous: ChatMessage | undefined,
): { page: ChatMessage[]; link: string | undefined } {
  if (context.faults.take(pagingFaultNames.emptyPage) !== undefined) {
    // The next link requests this same page again, with a skip token that differs in its nonce.
    const cursor = currentCursor(url) ?? startCursor;
    return { page: [], link: nextLink(url, encodeSkipToken(cursor, String(Date.now()))) };
  }

  let faulted = { page, link };
  if (previous !== undefined && context.faults.take(pagingFaultNames.duplicateMessage) !== undefined) {
    faulted = { ...faulted, page: [previous, ...page] };
  }
  if (context.faults.take(pagingFaultNames.repeatNextLink) !== undefined) {
    faulted = { ...faulted, link: url.href };
  }
  return faulted;
}

function currentCursor(url: URL): PageCursor | undefined {
  const token = url.searchParams.get('$skiptoken');
  return token === null ? undefined : (decodeSkipToken(token) ?? undefined);
}
