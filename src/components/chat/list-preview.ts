import type { ChatSummary } from '../../services/chat/chat-summary.js';
import type { ThreadItem } from '../../services/chat/thread-item.js';

/** The fields of a chat list entry that the open thread knows better than the last list read. */
export type PreviewChange = Pick<ChatSummary, 'preview' | 'previewDeleted' | 'previewSender'> & { lastActivity?: string };

/**
 * Returns how the list entry of the open chat should change to match its thread: the text of the
 * newest message (as edited), "deleted" for a deleted one, and a later activity time for a new
 * message in either direction. Returns `undefined` when the entry already matches, or when the list
 * read something newer than the thread has (the thread's next poll catches up).
 *
 * System events are skipped, as Graph's preview of them has no text either, and so are messages
 * that failed to send, which Teams leaves out of the list until they are sent.
 */
export function previewChange(summary: ChatSummary, items: readonly ThreadItem[]): PreviewChange | undefined {
  const newest = findNewest(items);
  if (newest === undefined) return undefined;

  const itemTime = Date.parse(newest.createdDateTime);
  const listTime = Date.parse(summary.lastActivity);
  if (itemTime < listTime) return undefined;

  const deleted = newest.kind === 'deleted';
  const sender = newest.senderId;
  const change: PreviewChange = {
    preview: deleted ? undefined : newest.text || undefined,
    previewDeleted: deleted,
    previewSender: deleted || sender === undefined ? undefined : { userId: sender, displayName: newest.senderName, own: newest.own },
  };
  const same =
    summary.preview === change.preview &&
    summary.previewDeleted === change.previewDeleted &&
    summary.previewSender?.userId === change.previewSender?.userId &&
    summary.previewSender?.own === change.previewSender?.own;
  if (itemTime > listTime) change.lastActivity = newest.createdDateTime;
  else if (same) return undefined;
  return change;
}

function findNewest(items: readonly ThreadItem[]): ThreadItem | undefined {
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index]!;
    if (item.kind === 'system' || item.delivery === 'failed') continue;
    return item;
  }
  return undefined;
}
