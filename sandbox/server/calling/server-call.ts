import type { CallMember, ParticipantInfo, ParticipantStatus, ServerMessage } from '../../calling/protocol.js';
import type { SignallingSession } from './session.js';

/** A server message about a call, before the recipient's call id is filled in. */
export type CallMessage = ServerMessage extends infer Message
  ? Message extends { callId: string }
    ? Omit<Message, 'callId'>
    : never
  : never;

/** A party of a call, as the server tracks it. */
export interface Member {
  info: ParticipantInfo;
  tenantId: string;
  status: ParticipantStatus;
  /**
   * The id this member's endpoint uses for the call. It is the call's id, except in meetings,
   * where every endpoint joins with an id of its own.
   */
  callId: string;
  /** The endpoint that is in the call (or its lobby), once the member joined. */
  session?: SignallingSession;
  /** The endpoints the invitation was delivered to, while the member is invited or ringing. */
  invitedSessions: Set<SignallingSession>;
  /** Ends the member's wait in a meeting's lobby. */
  lobbyTimer?: ReturnType<typeof setTimeout>;
  /** Set while the member's socket is down: removes the member unless it rejoins in time. */
  reconnectTimer?: ReturnType<typeof setTimeout>;
  /** SDP, ICE and media state relayed to the member while its socket was down, delivered on rejoin. */
  heldMessages?: CallMessage[];
}

/** A 1:1 call, a group call or a meeting. */
export interface ServerCall {
  id: string;
  kind: 'oneToOne' | 'group' | 'meeting';
  members: Map<string, Member>;
  /** True once a callee connected, so the call's end is a hang-up rather than a failed setup. */
  answered: boolean;
  ringTimer: ReturnType<typeof setTimeout> | undefined;
  /** The tenant whose members skip a meeting's lobby. */
  organizerTenantId?: string;
  /** Raised hands by raw id, with their place in the raising order. */
  raisedHands?: Map<string, number>;
  /** The order number the next raised hand gets. */
  nextHandOrder?: number;
}

/** The call's raised hands in raising order, as the `raisedHands` message lists them. */
export function raisedHandsOf(call: ServerCall): Array<{ rawId: string; order: number }> {
  return [...(call.raisedHands ?? [])].map(([rawId, order]) => ({ rawId, order })).sort((a, b) => a.order - b.order);
}

/** Sends a message about a call to a member's endpoint, with the member's id for the call. */
export function sendTo(member: Member, message: CallMessage): void {
  member.session?.send({ ...message, callId: member.callId } as ServerMessage);
}

/** Sends a message about a call to every connected member but `except`. */
export function broadcast(call: ServerCall, message: CallMessage, except?: Member): void {
  for (const member of connectedMembers(call)) {
    if (member !== except) sendTo(member, message);
  }
}

export function connectedMembers(call: ServerCall): Member[] {
  return [...call.members.values()].filter((member) => member.status === 'connected');
}

export function pendingMembers(call: ServerCall): Member[] {
  return [...call.members.values()].filter((member) => member.status === 'invited' || member.status === 'ringing');
}

export function lobbyMembers(call: ServerCall): Member[] {
  return [...call.members.values()].filter((member) => member.status === 'inLobby');
}

/** The others of a call, as listed to one member. People in a meeting's lobby are listed apart. */
export function membersSeenBy(call: ServerCall, viewer: Member): CallMember[] {
  return [...call.members.values()]
    .filter((member) => member !== viewer && member.status !== 'inLobby')
    .map((member) => ({ ...member.info, status: member.status }));
}
