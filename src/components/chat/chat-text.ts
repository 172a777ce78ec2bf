import type { LocalizeController } from '../../localization/localize.js';
import type { TeamsError } from '../../services/errors.js';
import type { SystemEvent } from '../../services/chat/thread-item.js';

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
    case 'configuration-invalid':
    case 'configuration-missing':
      return localize.term('chatErrorConfiguration');
    default:
      return localize.term('commonUnexpectedError');
  }
}

/** Returns the short line that stands for a system event, such as "Adele Vance added Lee Gu." */
export function systemEventText(localize: LocalizeController, event: SystemEvent | undefined): string {
  if (event?.type !== 'members-added' || event.members.length === 0) return localize.term('chatEventOther');

  const members = new Intl.ListFormat(localize.lang(), { type: 'conjunction' }).format(event.members);
  return event.initiator === undefined ? localize.term('chatMembersAddedBySomeone', members) : localize.term('chatMembersAdded', event.initiator, members);
}

/** Returns a message time: the time of day for today, the date and time before. */
export function messageTimeText(localize: LocalizeController, dateTime: string, now = new Date()): string {
  const date = new Date(dateTime);
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? localize.date(date, { hour: 'numeric', minute: '2-digit' })
    : localize.date(date, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}
