import type { GraphEventDetail, GraphUserIdentity } from './graph-types.js';

/** A system event, with names resolved through the chat's members where Graph left them out. */
export type SystemEvent =
  | { type: 'members-added'; initiator: string | undefined; members: string[] }
  /** Members removed by someone, or members who left (then `left` is true). */
  | { type: 'members-removed'; initiator: string | undefined; members: string[]; left: boolean }
  | { type: 'chat-renamed'; initiator: string | undefined; topic: string }
  /** A call or meeting in the chat ended; `durationSeconds` is `undefined` when Graph sent none. */
  | { type: 'call-ended'; callType: 'call' | 'meeting'; durationSeconds: number | undefined; participants: string[] }
  | { type: 'other'; odataType: string };

const eventType = (name: string): string => `#microsoft.graph.${name}EventMessageDetail`;

/** Reads Graph's `eventDetail` of a system event message. */
export function toSystemEvent(detail: GraphEventDetail | null | undefined, memberNames: ReadonlyMap<string, string>): SystemEvent {
  const name = (identity: GraphUserIdentity | null | undefined): string | undefined =>
    identity ? (identity.displayName ?? memberNames.get(identity.id)) : undefined;
  const names = (identities: Array<GraphUserIdentity | null | undefined> | undefined): string[] =>
    (identities ?? []).map((identity) => name(identity)).filter((member): member is string => member !== undefined);

  const initiatorId = detail?.initiator?.user?.id;
  const initiator = name(detail?.initiator?.user);

  switch (detail?.['@odata.type']) {
    case eventType('membersAdded'):
      return { type: 'members-added', initiator, members: names(detail.members) };
    case eventType('membersDeleted'): {
      const members = detail.members ?? [];
      const left = members.length === 1 && members[0]?.id === initiatorId;
      return { type: 'members-removed', initiator, members: names(members), left };
    }
    case eventType('chatRenamed'):
      if (typeof detail.chatDisplayName === 'string') return { type: 'chat-renamed', initiator, topic: detail.chatDisplayName };
      break;
    case eventType('callEnded'):
      return {
        type: 'call-ended',
        callType: detail.callEventType === 'meeting' ? 'meeting' : 'call',
        durationSeconds: parseDuration(detail.callDuration),
        participants: names((detail.callParticipants ?? []).map((participant) => participant.participant?.user)),
      };
  }
  return { type: 'other', odataType: detail?.['@odata.type'] ?? 'unknown' };
}

/** Parses an ISO 8601 duration of days, hours, minutes and seconds, such as `PT1H2M3.5S`, into seconds. */
export function parseDuration(value: string | null | undefined): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value ?? '');
  if (match === null || value === 'P' || value === 'PT') return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(days) * 86_400 + Number(hours) * 3_600 + Number(minutes) * 60 + Math.round(Number(seconds));
}
