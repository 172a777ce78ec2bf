import { type ClientMessage, type IceCandidate, type MediaState, type MeetingLocator, type ReactionType, type SessionDescription, reactionTypes } from '../../calling/protocol.js';

/** A message that failed validation, with a reason for the client. */
export interface InvalidMessage {
  invalid: string;
}

type Fields = Record<string, unknown>;

/**
 * Parses one WebSocket text frame into a client message. Fields are checked for type only as far
 * as the server reads them; SDP and candidate strings are relayed as they are.
 */
export function parseClientMessage(data: string): ClientMessage | InvalidMessage {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { invalid: 'The message is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { invalid: 'The message is not a JSON object.' };
  }

  const fields = value as Fields;
  const type = fields['type'];
  switch (type) {
    case 'authenticate':
      return isString(fields['token']) ? { type, token: fields['token'] } : invalid(type, 'token');

    case 'invite': {
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      const targets = fields['targets'];
      if (!Array.isArray(targets) || targets.length === 0 || !targets.every(isString)) return invalid(type, 'targets');
      const threadId = fields['threadId'];
      if (threadId !== undefined && !isString(threadId)) return invalid(type, 'threadId');
      return { type, callId: fields['callId'], targets, ...(threadId === undefined ? {} : { threadId }) };
    }

    case 'ringing':
    case 'accept':
    case 'reject':
    case 'rejoin':
      return isString(fields['callId']) ? { type, callId: fields['callId'] } : invalid(type, 'callId');

    case 'hangUp':
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      return { type, callId: fields['callId'], forEveryone: fields['forEveryone'] === true };

    case 'joinMeeting': {
      const meeting = parseMeetingLocator(fields['meeting']);
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      return meeting === undefined ? invalid(type, 'meeting') : { type, callId: fields['callId'], meeting };
    }

    case 'admit':
    case 'rejectFromLobby': {
      const participants = fields['participants'];
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      if (!Array.isArray(participants) || !participants.every(isString)) return invalid(type, 'participants');
      return { type, callId: fields['callId'], participants };
    }

    case 'raiseHand':
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      if (typeof fields['raised'] !== 'boolean') return invalid(type, 'raised');
      return { type, callId: fields['callId'], raised: fields['raised'] };

    case 'sendReaction': {
      const reaction = fields['reaction'];
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      if (!reactionTypes.includes(reaction as ReactionType)) return invalid(type, 'reaction');
      return { type, callId: fields['callId'], reaction: reaction as ReactionType };
    }

    case 'sessionDescription': {
      const description = fields['description'] as SessionDescription | undefined;
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      if (!isString(fields['to'])) return invalid(type, 'to');
      if (!isObject(description) || !isString(description.type)) return invalid(type, 'description');
      return { type, callId: fields['callId'], to: fields['to'], description };
    }

    case 'iceCandidate': {
      const candidate = fields['candidate'] as IceCandidate | null | undefined;
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      if (!isString(fields['to'])) return invalid(type, 'to');
      if (candidate !== null && !isObject(candidate)) return invalid(type, 'candidate');
      return { type, callId: fields['callId'], to: fields['to'], candidate };
    }

    case 'mediaState': {
      const state = fields['state'] as MediaState | undefined;
      if (!isString(fields['callId'])) return invalid(type, 'callId');
      if (!isString(fields['to'])) return invalid(type, 'to');
      if (!isObject(state) || typeof state.isMuted !== 'boolean' || typeof state.isOnHold !== 'boolean') {
        return invalid(type, 'state');
      }
      return { type, callId: fields['callId'], to: fields['to'], state };
    }

    default:
      return { invalid: `Unknown message type ${JSON.stringify(type)}.` };
  }
}

/** Narrows the result of `parseClientMessage`. */
export function isInvalidMessage(result: ClientMessage | InvalidMessage): result is InvalidMessage {
  return 'invalid' in result;
}

function parseMeetingLocator(value: unknown): MeetingLocator | undefined {
  if (!isObject(value)) return undefined;
  const fields = value as Fields;
  if (isString(fields['meetingLink'])) return { meetingLink: fields['meetingLink'] };
  if (!isString(fields['meetingId'])) return undefined;
  return isString(fields['passcode'])
    ? { meetingId: fields['meetingId'], passcode: fields['passcode'] }
    : { meetingId: fields['meetingId'] };
}

function invalid(type: string, field: string): InvalidMessage {
  return { invalid: `The ${type} message has a missing or invalid ${field}.` };
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
