import type { LocalizeController } from '../../localization/localize.js';
import type { SystemEvent } from '../../services/chat/thread-item.js';
import type { TeamsError } from '../../services/errors.js';

/** Returns the sentence the element shows for a chat error. */
export function chatErrorText(localize: LocalizeController, error: TeamsError | undefined): string {
  switch (error?.code) {
    case 'chat-unauthorized':
    case 'interaction-required':
    case 'signed-out':
      return localize.term('chatErrorSignIn');
    case 'chat-forbidden':
      return localize.term('chatErrorForbidden');
    case 'chat-not-found':
      return localize.term('chatErrorNotFound');
    case 'chat-throttled':
      return localize.term('chatErrorThrottled');
    case 'chat-unavailable':
      return localize.term('chatErrorUnavailable');
    case 'chat-network-error':
      return localize.term('chatErrorNetwork');
    case 'chat-message-too-large':
      return localize.term('chatErrorTooLarge');
    case 'chat-request-invalid':
      return localize.term('chatErrorInvalid');
    case 'configuration-invalid':
    case 'configuration-missing':
      return localize.term('chatErrorConfiguration');
    default:
      return localize.term('commonUnexpectedError');
  }
}

/** Returns the short line that stands for a system event, such as "Adele Vance added Lee Gu." */
export function systemEventText(localize: LocalizeController, event: SystemEvent | undefined): string {
  const list = (names: string[]): string => new Intl.ListFormat(localize.lang(), { type: 'conjunction' }).format(names);

  switch (event?.type) {
    case 'members-added':
      if (event.members.length === 0) break;
      return event.initiator === undefined ? localize.term('chatMembersAddedBySomeone', list(event.members)) : localize.term('chatMembersAdded', event.initiator, list(event.members));
    case 'members-removed':
      if (event.members.length === 0) break;
      if (event.left) return localize.term('chatMemberLeft', event.members[0]!);
      return event.initiator === undefined ? localize.term('chatMembersRemovedBySomeone', list(event.members)) : localize.term('chatMembersRemoved', event.initiator, list(event.members));
    case 'chat-renamed':
      return event.initiator === undefined ? localize.term('chatRenamedBySomeone', event.topic) : localize.term('chatRenamed', event.initiator, event.topic);
    case 'call-ended': {
      const meeting = event.callType === 'meeting';
      if (event.durationSeconds === undefined) return localize.term(meeting ? 'chatMeetingEndedNoDuration' : 'chatCallEndedNoDuration');
      const duration = durationText(localize, event.durationSeconds);
      return meeting ? localize.term('chatMeetingEnded', duration) : localize.term('chatCallEnded', duration);
    }
  }
  return localize.term('chatEventOther');
}

/** Returns a duration such as "12 min 30 s" in the language in effect. */
export function durationText(localize: LocalizeController, seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const unit = (value: number, name: 'hour' | 'minute' | 'second'): string =>
    new Intl.NumberFormat(localize.lang(), { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);

  const parts: string[] = [];
  if (hours > 0) parts.push(unit(hours, 'hour'));
  if (minutes > 0) parts.push(unit(minutes, 'minute'));
  if (rest > 0 || parts.length === 0) parts.push(unit(rest, 'second'));
  return parts.join(' ');
}

/** Returns a message time: the time of day for today, the date and time before. */
export function messageTimeText(localize: LocalizeController, dateTime: string, now = new Date()): string {
  const date = new Date(dateTime);
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? localize.date(date, { hour: 'numeric', minute: '2-digit' })
    : localize.date(date, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** Returns the time shown in the chat list: the time of day for today, the date before. */
export function listTimeText(localize: LocalizeController, dateTime: string, now = new Date()): string {
  const date = new Date(dateTime);
  if (date.toDateString() === now.toDateString()) return localize.date(date, { hour: 'numeric', minute: '2-digit' });
  const sameYear = date.getFullYear() === now.getFullYear();
  return localize.date(date, sameYear ? { month: 'numeric', day: 'numeric' } : { year: 'numeric', month: 'numeric', day: 'numeric' });
}

/** Returns the local calendar day of a time, as `YYYY-MM-DD`, for grouping messages by day. */
export function localDayKey(dateTime: string): string {
  const date = new Date(dateTime);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Returns the text of a date separator: "Today", "Yesterday", or the date. */
export function dateSeparatorText(localize: LocalizeController, dateTime: string, now = new Date()): string {
  const day = localDayKey(dateTime);
  if (day === localDayKey(now.toISOString())) return localize.term('chatToday');
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === localDayKey(yesterday.toISOString())) return localize.term('chatYesterday');

  const date = new Date(dateTime);
  const sameYear = date.getFullYear() === now.getFullYear();
  return localize.date(date, sameYear ? { weekday: 'long', month: 'long', day: 'numeric' } : { year: 'numeric', month: 'long', day: 'numeric' });
}

/** Returns up to two initials of a name, for an avatar without a photo. */
export function initials(name: string | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0] ?? '';
  const last = words.length > 1 ? ([...words.at(-1)!][0] ?? '') : '';
  return (first + last).toUpperCase();
}
