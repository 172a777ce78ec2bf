import type { ChatMessage } from './model.js';

/**
 * OData paging and ordering of chat messages, as Microsoft Graph v1.0 documents them for
 * `GET /chats/{id}/messages`:
 *
 * - `$top` is at most 50.
 * - `$orderby` names `lastModifiedDateTime` (the default) or `createdDateTime`, descending only.
 * - `$filter` takes `gt` and `lt` on `lastModifiedDateTime` and `lt` on `createdDateTime`. It
 *   applies only when `$orderby` names the same property.
 * - Later pages come through `@odata.nextLink` with a `$skiptoken`.
 */

/** `$top` when the request has none. */
export const defaultMessagePageSize = 20;

/** The largest `$top` Graph accepts for chat messages. */
export const maximumMessagePageSize = 50;

/** Properties messages can be ordered and filtered by. */
export type MessageOrderProperty = 'lastModifiedDateTime' | 'createdDateTime';

/** One `$filter` clause, such as `lastModifiedDateTime gt 2026-01-05T10:00:00Z`. */
export interface TimeBound {
  property: MessageOrderProperty;
  operator: 'gt' | 'lt';
  /** Milliseconds since the epoch. */
  time: number;
}

/** Cursor of the previous page: the ordering time and id of its last message. */
export interface PageCursor {
  time: number;
  id: string;
}

/** A parsed message list request. */
export interface MessageQuery {
  top: number;
  orderBy: MessageOrderProperty;
  /** Bounds on the ordering property; clauses on the other property are ignored, as in Graph. */
  bounds: TimeBound[];
  after: PageCursor | undefined;
}

/** Parses a message list URL. Returns an error message for a request Graph would reject with 400. */
export function parseMessageQuery(url: URL): MessageQuery | { error: string } {
  const top = parseTop(url.searchParams.get('$top'), defaultMessagePageSize, maximumMessagePageSize);
  if (typeof top === 'string') return { error: top };

  const orderBy = parseOrderBy(url.searchParams.get('$orderby'));
  if (orderBy === undefined) {
    return { error: `$orderby "${url.searchParams.get('$orderby')}" is not supported. Use "lastModifiedDateTime desc" or "createdDateTime desc".` };
  }

  const filter = url.searchParams.get('$filter');
  const bounds = filter === null ? [] : parseFilter(filter);
  if (typeof bounds === 'string') return { error: bounds };

  const skipToken = url.searchParams.get('$skiptoken');
  const after = skipToken === null ? undefined : decodeSkipToken(skipToken);
  if (after === null) return { error: 'Invalid continuation token: the $skiptoken was not issued by this service. Start again from the first page.' };

  return { top, orderBy, bounds: bounds.filter((bound) => bound.property === orderBy), after };
}

/**
 * Returns one page of `messages` for `query`: ordered newest first by the query's property
 * (ties broken by id), filtered, after the cursor. `next` is the cursor of the following page,
 * or `undefined` on the last page.
 */
export function selectMessagePage(messages: readonly ChatMessage[], query: MessageQuery): { page: ChatMessage[]; next: PageCursor | undefined } {
  // Times are parsed once per message, because a long chat sorts 10,000 of them per request.
  const sorted = messages
    .map((message) => ({ message, time: Date.parse(message[query.orderBy]) }))
    .filter(({ time }) => query.bounds.every((bound) => (bound.operator === 'gt' ? time > bound.time : time < bound.time)))
    .filter(({ message, time }) => query.after === undefined || isBefore(time, message.id, query.after))
    .sort((a, b) => b.time - a.time || compareIds(b.message.id, a.message.id));

  const page = sorted.slice(0, query.top);
  const last = page.at(-1);
  const next = sorted.length > query.top && last !== undefined ? { time: last.time, id: last.message.id } : undefined;
  return { page: page.map(({ message }) => message), next };
}

/** Parses `$top`. Returns the page size, or an error message. */
export function parseTop(value: string | null, defaultSize: number, maximumSize: number): number | string {
  if (value === null) return defaultSize;
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > maximumSize) {
    return `$top "${value}" is invalid. Use an integer from 1 to ${maximumSize}.`;
  }
  return top;
}

/** Encodes a cursor as an opaque `$skiptoken`; a `nonce` makes two tokens of one cursor differ. */
export function encodeSkipToken(cursor: PageCursor, nonce?: string): string {
  return Buffer.from(JSON.stringify({ t: cursor.time, i: cursor.id, ...(nonce === undefined ? {} : { n: nonce }) })).toString('base64url');
}

/** Decodes a `$skiptoken`. Returns `null` for a token this emulator did not issue. */
export function decodeSkipToken(token: string): PageCursor | null {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown };
    if (typeof value.t === 'number' && typeof value.i === 'string') return { time: value.t, id: value.i };
  } catch {
    // Not base64url JSON: fall through to the rejection.
  }
  return null;
}

/**
 * Builds an absolute `@odata.nextLink`: the request's own URL with a new `$skiptoken`. The query
 * is copied as it came, because `URLSearchParams` would write `$` as `%24`, which Graph does not.
 */
export function nextLink(requestUrl: URL, skipToken: string): string {
  const isSkipToken = (parameter: string): boolean => /^(\$|%24)skiptoken=/i.test(parameter);
  const parameters = requestUrl.search
    .slice(1)
    .split('&')
    .filter((parameter) => parameter !== '' && !isSkipToken(parameter));
  parameters.push(`$skiptoken=${skipToken}`);
  return `${requestUrl.origin}${requestUrl.pathname}?${parameters.join('&')}`;
}

function parseOrderBy(value: string | null): MessageOrderProperty | undefined {
  if (value === null) return 'lastModifiedDateTime';
  const match = /^\s*(lastModifiedDateTime|createdDateTime)(\s+desc)?\s*$/.exec(value);
  return match ? (match[1] as MessageOrderProperty) : undefined;
}

function parseFilter(filter: string): TimeBound[] | string {
  const bounds: TimeBound[] = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const match = /^\s*(lastModifiedDateTime|createdDateTime)\s+(gt|lt)\s+(\S+)\s*$/.exec(clause);
    const time = match ? Date.parse(match[3]!) : Number.NaN;
    if (match === null || Number.isNaN(time)) {
      return `$filter clause "${clause}" is not supported. Use "lastModifiedDateTime gt <ISO 8601 time>", "lastModifiedDateTime lt <time>" or "createdDateTime lt <time>".`;
    }
    const property = match[1] as MessageOrderProperty;
    const operator = match[2] as 'gt' | 'lt';
    if (property === 'createdDateTime' && operator === 'gt') {
      return '$filter supports only "lt" on createdDateTime. Filter on lastModifiedDateTime to fetch newer messages.';
    }
    bounds.push({ property, operator, time });
  }
  return bounds;
}

function isBefore(time: number, id: string, cursor: PageCursor): boolean {
  return time < cursor.time || (time === cursor.time && compareIds(id, cursor.id) < 0);
}

/** Orders numeric message ids by value; Graph's ids are millisecond timestamps of equal length. */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
