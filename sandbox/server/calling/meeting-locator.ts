import type { MeetingLocator } from '../../calling/protocol.js';

/**
 * Returns the key that identifies a sandbox meeting. For a Teams join link
 * (`.../l/meetup-join/<thread id>/...`) it is the thread id, and for any other URL the whole
 * link. For a meeting id it is the id without spaces, because Teams prints ids in groups of
 * digits and people type them that way.
 *
 * NOTE: the sandbox has no meeting registry, so any locator names a meeting and the passcode is
 * not checked.
 */
export function meetingKey(locator: MeetingLocator): string {
  if ('meetingLink' in locator) {
    const match = /\/meetup-join\/([^/?#]+)/.exec(locator.meetingLink);
    return match ? `thread:${decodeURIComponent(match[1]!)}` : `link:${locator.meetingLink.trim()}`;
  }
  return `id:${locator.meetingId.replace(/\s+/g, '')}`;
}
