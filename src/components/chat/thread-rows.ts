import type { ThreadItem } from '../../services/chat/thread-item.js';
import { localDayKey } from './chat-text.js';

/** Messages from one sender within this time show as one group, with one name and avatar. */
const groupWindowMs = 5 * 60_000;

/** One row of the virtualized thread. */
export type ThreadRow =
  /** The top of the thread: older messages loading, failed, on request, or the chat's beginning. */
  | { kind: 'top'; key: 'top' }
  /** A date separator before the first message of a day. */
  | { kind: 'date'; key: string; dateTime: string }
  /** A message, system event or deleted message; `continued` when it follows its sender's previous one closely. */
  | { kind: 'item'; key: string; item: ThreadItem; continued: boolean };

/**
 * Turns thread items into rows: a top row, then the items with a date separator before each new
 * local day, and with messages marked `continued` when they follow the same sender's previous
 * message within five minutes.
 */
export function threadRows(items: readonly ThreadItem[]): ThreadRow[] {
  const rows: ThreadRow[] = [{ kind: 'top', key: 'top' }];
  let previous: ThreadItem | undefined;
  let previousDay: string | undefined;

  for (const item of items) {
    const day = localDayKey(item.createdDateTime);
    if (day !== previousDay) {
      rows.push({ kind: 'date', key: `date-${day}`, dateTime: item.createdDateTime });
      previous = undefined;
    }
    const continued =
      previous !== undefined &&
      previous.kind === 'message' &&
      item.kind === 'message' &&
      previous.senderId === item.senderId &&
      Date.parse(item.createdDateTime) - Date.parse(previous.createdDateTime) < groupWindowMs;

    // A message keeps its local id as key after it is sent, so its row is not rebuilt.
    rows.push({ kind: 'item', key: item.clientMessageId ?? item.key, item, continued });
    previous = item;
    previousDay = day;
  }
  return rows;
}
