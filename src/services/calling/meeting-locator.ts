import type { TeamsMeetingIdLocator, TeamsMeetingLinkLocator } from '@azure/communication-calling';

import { TeamsError } from '../errors.js';

/** A Teams meeting to join: its join link, or its meeting id with the passcode. */
export type MeetingLocator = TeamsMeetingLinkLocator | TeamsMeetingIdLocator;

/**
 * Paths of Teams join links: the classic `/l/meetup-join/<thread id>/<context>` and the short
 * `/meet/<meeting id>?p=<passcode>` form that newer invitations carry.
 */
const joinLinkPaths = [/^\/l\/meetup-join\/[^/]+/, /^\/meet\/\d+/];

/** Teams prints a meeting id as 10 to 15 digits in groups; people type it with or without spaces. */
const meetingIdPattern = /^\d{10,15}$/;

/** Teams passcodes are short strings of letters and digits. */
const passcodePattern = /^[A-Za-z0-9]{1,32}$/;

/**
 * Parses what a person typed to join a meeting: a Teams join link, or a meeting id (with an
 * optional passcode). Throws `TeamsError` code `meeting-locator-missing` for blank input,
 * `meeting-link-invalid` for a URL that is not a Teams join link, `meeting-id-invalid` for
 * anything else, and `meeting-passcode-invalid` for a passcode with spaces or symbols.
 *
 * Only the form is checked here; whether the meeting exists is known once the call agent joins.
 */
export function parseMeetingLocator(input: string, passcode = ''): MeetingLocator {
  const value = input.trim();
  if (value === '') {
    throw new TeamsError('meeting-locator-missing', 'No meeting to join: the meeting link or id is empty. Pass a Teams join link, or a meeting id and passcode.');
  }

  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return { meetingLink: parseJoinLink(value) };

  const meetingId = value.replace(/\s+/g, '');
  if (!meetingIdPattern.test(meetingId)) {
    throw new TeamsError(
      'meeting-id-invalid',
      `"${value}" is neither a Teams join link nor a meeting id. Pass the link from the invitation, or the 10 to 15 digit meeting id.`,
    );
  }

  const code = passcode.trim();
  if (code === '') return { meetingId };
  if (!passcodePattern.test(code)) {
    throw new TeamsError('meeting-passcode-invalid', `The passcode "${code}" has characters a Teams passcode never has. Copy it from the invitation, without spaces.`);
  }
  return { meetingId, passcode: code };
}

function parseJoinLink(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }

  const isJoinLink = url.protocol === 'https:' && joinLinkPaths.some((pattern) => pattern.test(url.pathname));
  if (!isJoinLink) {
    throw new TeamsError(
      'meeting-link-invalid',
      `"${value}" is not a Teams meeting link. Copy the whole "Join the meeting" link from the invitation; it starts with https:// and contains /l/meetup-join/ or /meet/.`,
    );
  }
  return value;
}
