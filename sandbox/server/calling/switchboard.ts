import {
  endReasons,
  maxCallParticipants,
  objectIdFromRawId,
  type ClientMessage,
  type EndReason,
  type ErrorMessage,
  type InviteMessage,
  type JoinMeetingMessage,
  type ReactionType,
  type RelayedClientMessage,
} from '../../calling/protocol.js';
import { findUser } from '../directory.js';
import type { SandboxLog } from '../log.js';
import { meetingKey } from './meeting-locator.js';
import {
  broadcast,
  connectedMembers,
  lobbyMembers,
  membersSeenBy,
  pendingMembers,
  raisedHandsOf,
  sendTo,
  type CallMessage,
  type Member,
  type ServerCall,
} from './server-call.js';
import type { SignallingSession } from './session.js';

/**
 * Messages kept for a party whose socket dropped. A negotiation takes a few dozen (an offer, an
 * answer and the ICE candidates), so this bounds memory without losing one.
 */
const maxHeldMessages = 500;

/** Options of the switchboard. */
export interface SwitchboardOptions {
  /** How long an invitation rings before it ends with no answer, in milliseconds. */
  ringTimeoutMs: number;
  /** How long someone waits in a meeting's lobby before the wait ends with 0/5855, in milliseconds. */
  lobbyTimeoutMs: number;
  /** How long a call keeps a party whose socket dropped, in milliseconds. */
  reconnectGraceMs: number;
}

/**
 * Call control for the signalling socket: who is online, which calls and meetings exist, who is
 * in each, and relaying of SDP, ICE candidates and media state between the parties. It is the
 * only judge of a call's outcome, so two parties acting at once (a hang-up crossing an accept)
 * end up with one consistent result.
 */
export class Switchboard {
  readonly #sessionsByUser = new Map<string, Set<SignallingSession>>();
  /** Calls by every id their members use: the call's id, and in meetings each endpoint's own. */
  readonly #calls = new Map<string, ServerCall>();
  readonly #meetings = new Map<string, ServerCall>();
  readonly #log: SandboxLog;
  readonly #options: SwitchboardOptions;

  constructor(log: SandboxLog, options: SwitchboardOptions) {
    this.#log = log;
    this.#options = options;
  }

  /** Registers an authenticated endpoint, so that calls to its user reach it. */
  connect(session: SignallingSession): void {
    const sessions = this.#sessionsByUser.get(session.user.rawId) ?? new Set();
    sessions.add(session);
    this.#sessionsByUser.set(session.user.rawId, sessions);
    this.#log.info(`calling: ${session.user.displayName} (${session.user.rawId}) connected`);
  }

  /**
   * Removes an endpoint whose socket closed. Calls it was in keep its place for the reconnection
   * grace period, so a short network drop does not end them. After that they go on without it.
   * Invitations that only it received end with no answer.
   */
  disconnect(session: SignallingSession): void {
    const sessions = this.#sessionsByUser.get(session.user.rawId);
    sessions?.delete(session);
    if (sessions?.size === 0) this.#sessionsByUser.delete(session.user.rawId);

    for (const call of new Set(this.#calls.values())) {
      const member = call.members.get(session.user.rawId);
      if (member === undefined) continue;

      if (member.session === session) {
        clearTimeout(member.reconnectTimer);
        member.reconnectTimer = setTimeout(() => this.#leave(call, member, endReasons.participantDisconnected), this.#options.reconnectGraceMs);
      } else if (member.invitedSessions.delete(session) && member.invitedSessions.size === 0) {
        this.#removePending(call, member, endReasons.noAnswer);
      }
    }
    this.#log.info(`calling: ${session.user.displayName} (${session.user.rawId}) disconnected`);
  }

  /** Handles one message from an authenticated endpoint. */
  handle(session: SignallingSession, message: ClientMessage): void {
    switch (message.type) {
      case 'authenticate':
        session.send({ type: 'error', code: 'InvalidMessage', message: 'This socket is already authenticated.' });
        return;
      case 'invite':
        this.#invite(session, message);
        return;
      case 'joinMeeting':
        this.#joinMeeting(session, message);
        return;
      case 'ringing':
        this.#ringing(session, message.callId);
        return;
      case 'accept':
        this.#accept(session, message.callId);
        return;
      case 'rejoin':
        this.#rejoin(session, message.callId);
        return;
      case 'reject':
        this.#reject(session, message.callId);
        return;
      case 'hangUp':
        this.#hangUp(session, message.callId, message.forEveryone === true);
        return;
      case 'admit':
      case 'rejectFromLobby':
        this.#decideLobby(session, message.callId, message.participants, message.type === 'admit');
        return;
      case 'sessionDescription':
      case 'iceCandidate':
      case 'mediaState':
        this.#relay(session, message);
        return;
      case 'raiseHand':
        this.#raiseHand(session, message.callId, message.raised);
        return;
      case 'sendReaction':
        this.#sendReaction(session, message.callId, message.reaction);
        return;
    }
  }

  /** Drops every connection of a user without a close frame, as a lost network would; returns how many. */
  dropConnections(rawId: string): number {
    const sessions = [...(this.#sessionsByUser.get(rawId) ?? [])];
    for (const session of sessions) session.terminate();
    return sessions.length;
  }

  /** Ends every ring timer, for a sandbox that shuts down. */
  close(): void {
    for (const call of this.#calls.values()) {
      clearTimeout(call.ringTimer);
      for (const member of call.members.values()) {
        clearTimeout(member.lobbyTimer);
        clearTimeout(member.reconnectTimer);
      }
    }
    this.#calls.clear();
    this.#meetings.clear();
  }

  #invite(session: SignallingSession, message: InviteMessage): void {
    const caller = session.user;
    const targets = [...new Set(message.targets)];

    if (this.#calls.has(message.callId)) {
      this.#sendError(session, message.callId, 'CallExists', `A call with id ${message.callId} already exists; start the call with a new id.`);
      return;
    }
    if (targets.length > maxCallParticipants - 1) {
      this.#sendError(
        session,
        message.callId,
        'TooManyParticipants',
        `A sandbox call has at most ${maxCallParticipants} participants; ${targets.length} callees were invited.`,
      );
      return;
    }
    if (targets.includes(caller.rawId)) {
      this.#sendError(session, message.callId, 'UserNotFound', `${caller.rawId} cannot call themselves.`);
      return;
    }

    const call: ServerCall = {
      id: message.callId,
      kind: targets.length > 1 || message.threadId !== undefined ? 'group' : 'oneToOne',
      members: new Map(),
      answered: false,
      ringTimer: undefined,
    };
    const callerMember: Member = {
      info: { rawId: caller.rawId, displayName: caller.displayName },
      tenantId: caller.tenantId,
      status: 'connected',
      callId: call.id,
      session,
      invitedSessions: new Set(),
    };
    call.members.set(caller.rawId, callerMember);
    for (const rawId of targets) {
      call.members.set(rawId, {
        info: { rawId, displayName: this.#displayName(rawId) },
        tenantId: '',
        status: 'invited',
        callId: call.id,
        invitedSessions: new Set(this.#sessionsByUser.get(rawId) ?? []),
      });
    }
    this.#calls.set(call.id, call);
    this.#log.info(`calling: ${caller.rawId} started ${call.kind} call ${call.id} to ${targets.join(', ')}`);

    // A callee the directory does not know ends with "not found". A known callee with no
    // connected endpoint is treated as Teams treats a callee who does not answer. The others are
    // notified at once.
    for (const member of pendingMembers(call)) {
      if (member.invitedSessions.size === 0 && !this.#isKnownUser(member.info.rawId)) {
        this.#removePending(call, member, endReasons.calleeNotFound);
        continue;
      }
      if (member.invitedSessions.size === 0) {
        this.#removePending(call, member, endReasons.noAnswer);
        continue;
      }
      for (const invited of member.invitedSessions) {
        invited.send({ type: 'incomingCall', callId: call.id, caller: callerMember.info, participants: membersSeenBy(call, member) });
      }
    }

    if (this.#calls.has(call.id) && pendingMembers(call).length > 0) {
      call.ringTimer = setTimeout(() => this.#ringTimedOut(call), this.#options.ringTimeoutMs);
    }
  }

  #joinMeeting(session: SignallingSession, message: JoinMeetingMessage): void {
    const user = session.user;
    if (this.#calls.has(message.callId)) {
      this.#sendError(session, message.callId, 'CallExists', `A call with id ${message.callId} already exists; join with a new id.`);
      return;
    }

    const key = meetingKey(message.meeting);
    let meeting = this.#meetings.get(key);
    if (meeting === undefined) {
      meeting = { id: `meeting:${key}`, kind: 'meeting', members: new Map(), answered: false, ringTimer: undefined, organizerTenantId: user.tenantId };
      this.#meetings.set(key, meeting);
    }
    if (meeting.members.has(user.rawId)) {
      this.#sendError(session, message.callId, 'CallExists', `${user.rawId} is already in this meeting from another endpoint; leave it there first.`);
      return;
    }
    if (meeting.members.size >= maxCallParticipants) {
      this.#sendError(session, message.callId, 'TooManyParticipants', `A sandbox meeting has at most ${maxCallParticipants} participants, and this one is full.`);
      return;
    }

    const isOrganizer = meeting.members.size === 0;
    const member: Member = {
      info: { rawId: user.rawId, displayName: user.displayName },
      tenantId: user.tenantId,
      status: 'inLobby',
      callId: message.callId,
      session,
      invitedSessions: new Set(),
    };
    meeting.members.set(user.rawId, member);
    this.#calls.set(message.callId, meeting);

    if (isOrganizer || user.tenantId === meeting.organizerTenantId) {
      this.#admitToMeeting(meeting, member, isOrganizer ? 'Organizer' : 'Presenter');
    } else {
      sendTo(member, { type: 'inLobby' });
      member.lobbyTimer = setTimeout(() => this.#lobbyTimedOut(meeting, member), this.#options.lobbyTimeoutMs);
      this.#announceLobby(meeting);
    }
    this.#log.info(`calling: ${user.rawId} joined meeting ${key} (${member.status})`);
  }

  #ringing(session: SignallingSession, callId: string): void {
    const call = this.#calls.get(callId);
    const member = call?.members.get(session.user.rawId);
    if (call === undefined || member === undefined || !member.invitedSessions.has(session)) return;
    if (member.status !== 'invited') return;

    member.status = 'ringing';
    broadcast(call, { type: 'ringing', participant: member.info.rawId });
  }

  #accept(session: SignallingSession, callId: string): void {
    const call = this.#calls.get(callId);
    const member = call?.members.get(session.user.rawId);
    if (call === undefined || member === undefined || !member.invitedSessions.has(session)) {
      // Usually the caller cancelled while this endpoint was accepting.
      session.send({ type: 'callEnded', callId, reason: endReasons.callNotFound });
      return;
    }

    for (const other of member.invitedSessions) {
      if (other !== session) other.send({ type: 'callEnded', callId, reason: endReasons.acceptedElsewhere });
    }
    member.invitedSessions.clear();
    member.status = 'connected';
    member.session = session;
    call.answered = true;
    if (pendingMembers(call).length === 0) clearTimeout(call.ringTimer);

    // The newcomer learns who is there first, so its peer connections exist before the offers
    // of the others arrive on the same socket.
    sendTo(member, { type: 'callJoined', participants: membersSeenBy(call, member) });
    this.#sendRaisedHands(call, member);
    broadcast(call, { type: 'participantJoined', participant: member.info }, member);
    this.#log.info(`calling: ${member.info.rawId} joined call ${callId}`);
  }

  /** Gives a reconnected endpoint its place in a call back, or ends the call for it when the grace period is over. */
  #rejoin(session: SignallingSession, callId: string): void {
    const call = this.#calls.get(callId);
    const member = call?.members.get(session.user.rawId);
    // The old socket's close may not have been handled yet, so a closed old socket counts as dropped too.
    const dropped = member !== undefined && (member.reconnectTimer !== undefined || (member.session !== session && member.session?.isOpen === false));
    if (call === undefined || member === undefined || !dropped) {
      session.send({ type: 'callEnded', callId, reason: endReasons.networkError });
      return;
    }

    clearTimeout(member.reconnectTimer);
    member.reconnectTimer = undefined;
    member.session = session;
    sendTo(member, { type: 'callRejoined', participants: membersSeenBy(call, member) });
    this.#sendRaisedHands(call, member);

    // A negotiation that was under way when the socket dropped goes on where it stopped.
    for (const held of member.heldMessages?.splice(0) ?? []) sendTo(member, held);
    if (member.status === 'connected' && call.kind === 'meeting') {
      sendTo(member, { type: 'lobbyUpdated', waiting: lobbyMembers(call).map((other) => other.info) });
    }
    this.#log.info(`calling: ${member.info.rawId} rejoined call ${call.id}`);
  }

  #reject(session: SignallingSession, callId: string): void {
    const call = this.#calls.get(callId);
    const member = call?.members.get(session.user.rawId);
    if (call === undefined || member === undefined || !member.invitedSessions.has(session)) return;

    for (const other of member.invitedSessions) {
      if (other !== session) other.send({ type: 'callEnded', callId, reason: endReasons.declinedLocally });
    }
    member.invitedSessions.clear();
    this.#removePending(call, member, endReasons.declinedByCallee);
  }

  #hangUp(session: SignallingSession, callId: string, forEveryone: boolean): void {
    const call = this.#calls.get(callId);
    const member = call?.members.get(session.user.rawId);
    if (call === undefined || member === undefined) return;

    // A callee's endpoint that hangs up an invitation declines it.
    if (member.session !== session) {
      if (member.invitedSessions.has(session)) this.#reject(session, callId);
      return;
    }

    if (forEveryone && member.status === 'connected') {
      this.#endForEveryone(call, member);
    } else {
      this.#leave(call, member, endReasons.hungUpLocally);
    }
  }

  /** Admits people from a meeting's lobby, or removes them from it. */
  #decideLobby(session: SignallingSession, callId: string, rawIds: string[], admit: boolean): void {
    const meeting = this.#calls.get(callId);
    const decider = meeting?.members.get(session.user.rawId);
    if (meeting?.kind !== 'meeting' || decider?.session !== session || decider.status !== 'connected') {
      this.#sendError(session, callId, 'NotInCall', `Only someone in meeting ${callId} can admit or remove people waiting in its lobby.`);
      return;
    }

    for (const rawId of rawIds) {
      const waiting = meeting.members.get(rawId);
      if (waiting?.status !== 'inLobby') continue;
      if (admit) {
        this.#admitToMeeting(meeting, waiting, 'Presenter');
      } else {
        sendTo(waiting, { type: 'callEnded', reason: endReasons.removedFromLobby });
        this.#forget(meeting, waiting);
      }
    }
    this.#announceLobby(meeting);
  }

  #lobbyTimedOut(meeting: ServerCall, member: Member): void {
    if (meeting.members.get(member.info.rawId) !== member || member.status !== 'inLobby') return;
    sendTo(member, { type: 'callEnded', reason: endReasons.lobbyTimedOut });
    this.#leave(meeting, member, endReasons.lobbyTimedOut);
  }

  #admitToMeeting(meeting: ServerCall, member: Member, role: 'Organizer' | 'Presenter'): void {
    clearTimeout(member.lobbyTimer);
    member.status = 'connected';
    sendTo(member, { type: 'callJoined', participants: membersSeenBy(meeting, member), meeting: { role } });
    this.#sendRaisedHands(meeting, member);
    broadcast(meeting, { type: 'participantJoined', participant: member.info }, member);
    const waiting = lobbyMembers(meeting);
    if (waiting.length > 0) sendTo(member, { type: 'lobbyUpdated', waiting: waiting.map((other) => other.info) });
  }

  /** Tells everyone in a meeting who waits in its lobby. */
  #announceLobby(meeting: ServerCall): void {
    broadcast(meeting, { type: 'lobbyUpdated', waiting: lobbyMembers(meeting).map((member) => member.info) });
  }

  #relay(session: SignallingSession, message: RelayedClientMessage): void {
    const call = this.#calls.get(message.callId);
    const sender = call?.members.get(session.user.rawId);
    if (call === undefined || sender?.session !== session || sender.status !== 'connected') {
      this.#sendError(session, message.callId, 'NotInCall', `This endpoint is not connected to call ${message.callId}, so its ${message.type} was dropped.`);
      return;
    }

    const target = call.members.get(message.to);
    if (target?.session === undefined || target.status !== 'connected') {
      // The target may have left a moment ago; late ICE candidates are expected then.
      return;
    }

    const { to: _to, callId: _callId, ...rest } = message;
    const relayed = { ...rest, from: sender.info.rawId } as CallMessage;
    if (target.reconnectTimer !== undefined || !target.session.isOpen) {
      // The target's socket dropped: keep the message for its rejoin, up to a bound.
      target.heldMessages ??= [];
      if (target.heldMessages.length < maxHeldMessages) target.heldMessages.push(relayed);
      return;
    }
    sendTo(target, relayed);
  }

  /** Raises or lowers a connected member's hand and tells everyone connected the new order. */
  #raiseHand(session: SignallingSession, callId: string, raised: boolean): void {
    const call = this.#calls.get(callId);
    const member = call?.members.get(session.user.rawId);
    if (call === undefined || member?.session !== session || member.status !== 'connected') {
      this.#sendError(session, callId, 'NotInCall', `This endpoint is not connected to call ${callId}, so its hand cannot be raised or lowered.`);
      return;
    }

    call.raisedHands ??= new Map();
    const rawId = member.info.rawId;
    if (raised === call.raisedHands.has(rawId)) return;
    if (raised) {
      call.nextHandOrder = (call.nextHandOrder ?? 0) + 1;
      call.raisedHands.set(rawId, call.nextHandOrder);
    } else {
      call.raisedHands.delete(rawId);
    }
    broadcast(call, { type: 'raisedHands', raisedHands: raisedHandsOf(call) });
  }

  /** Relays a connected member's reaction to everyone else connected. */
  #sendReaction(session: SignallingSession, callId: string, reaction: ReactionType): void {
    const call = this.#calls.get(callId);
    const member = call?.members.get(session.user.rawId);
    if (call === undefined || member?.session !== session || member.status !== 'connected') {
      this.#sendError(session, callId, 'NotInCall', `This endpoint is not connected to call ${callId}, so its reaction was dropped.`);
      return;
    }
    broadcast(call, { type: 'reaction', participant: member.info.rawId, reaction }, member);
  }

  #ringTimedOut(call: ServerCall): void {
    call.ringTimer = undefined;
    for (const member of pendingMembers(call)) {
      for (const invited of member.invitedSessions) invited.send({ type: 'callEnded', callId: call.id, reason: endReasons.ringTimedOut });
      member.invitedSessions.clear();
      this.#removePending(call, member, endReasons.noAnswer);
    }
  }

  /** Takes a member out of the call (or a meeting's lobby) and notifies the others. */
  #leave(call: ServerCall, member: Member, reason: EndReason): void {
    const wasWaiting = member.status === 'inLobby';
    this.#forget(call, member);
    if (wasWaiting) {
      this.#announceLobby(call);
    } else {
      broadcast(call, { type: 'participantLeft', participant: member.info.rawId, reason });
    }
    this.#log.info(`calling: ${member.info.rawId} left call ${call.id} (${reason.code}/${reason.subCode})`);
    this.#settle(call, reason);
  }

  /** Takes an invited member out of the call (declined, no answer) and notifies the others. */
  #removePending(call: ServerCall, member: Member, reason: EndReason): void {
    this.#forget(call, member);
    broadcast(call, { type: 'participantLeft', participant: member.info.rawId, reason });
    this.#settle(call, reason);
  }

  #endForEveryone(call: ServerCall, ender: Member): void {
    for (const member of call.members.values()) {
      if (member === ender) continue;
      if (member.session !== undefined) sendTo(member, { type: 'callEnded', reason: endReasons.endedForEveryone });
      for (const invited of member.invitedSessions) invited.send({ type: 'callEnded', callId: call.id, reason: endReasons.cancelledByCaller });
    }
    this.#delete(call, endReasons.endedForEveryone);
  }

  /**
   * Ends a call when no two parties can talk any more: no one is connected (the caller left
   * while it rang), or one party is left with no invitation still ringing. A meeting ends when empty,
   * because people in its lobby still wait for someone to let them in.
   */
  #settle(call: ServerCall, lastReason: EndReason): void {
    if (!this.#isLive(call)) return;
    const connected = connectedMembers(call);
    const pending = pendingMembers(call);

    if (call.kind === 'meeting') {
      if (call.members.size === 0) this.#delete(call, lastReason);
      return;
    }

    if (connected.length === 0) {
      for (const member of pending) {
        for (const invited of member.invitedSessions) invited.send({ type: 'callEnded', callId: call.id, reason: endReasons.cancelledByCaller });
      }
      this.#delete(call, endReasons.cancelledByCaller);
      return;
    }

    if (connected.length === 1 && pending.length === 0) {
      let reason = lastReason;
      if (call.answered) reason = endReasons.onlyOneParticipantLeft;
      else if (call.kind === 'group') reason = endReasons.noOneElseJoined;
      sendTo(connected[0]!, { type: 'callEnded', reason });
      this.#delete(call, reason);
    }
  }

  /** Removes a member and the id its endpoint used for the call. */
  #forget(call: ServerCall, member: Member): void {
    clearTimeout(member.lobbyTimer);
    clearTimeout(member.reconnectTimer);
    member.reconnectTimer = undefined;
    member.heldMessages = undefined;
    call.members.delete(member.info.rawId);
    if (member.callId !== call.id) this.#calls.delete(member.callId);

    // A participant who leaves takes their raised hand along.
    if (call.raisedHands?.delete(member.info.rawId)) broadcast(call, { type: 'raisedHands', raisedHands: raisedHandsOf(call) });
  }

  /** Tells a member who just joined (or rejoined) which hands are raised, when any are. */
  #sendRaisedHands(call: ServerCall, member: Member): void {
    if ((call.raisedHands?.size ?? 0) > 0) sendTo(member, { type: 'raisedHands', raisedHands: raisedHandsOf(call) });
  }

  #delete(call: ServerCall, reason: EndReason): void {
    clearTimeout(call.ringTimer);
    for (const [id, candidate] of this.#calls) {
      if (candidate === call) this.#calls.delete(id);
    }
    for (const [key, candidate] of this.#meetings) {
      if (candidate === call) this.#meetings.delete(key);
    }
    this.#log.info(`calling: call ${call.id} ended (${reason.code}/${reason.subCode})`);
  }

  #isLive(call: ServerCall): boolean {
    return call.kind === 'meeting' ? [...this.#meetings.values()].includes(call) : this.#calls.get(call.id) === call;
  }

  /** The name of a user: from a connected endpoint's token, else the directory, else the raw id. */
  /**
   * True for a user of the directory, or anyone connected now (a token for a user the directory
   * does not list still identifies someone, see `authenticateToken`).
   */
  #isKnownUser(rawId: string): boolean {
    if (this.#sessionsByUser.has(rawId)) return true;
    const objectId = objectIdFromRawId(rawId);
    return objectId !== undefined && findUser(objectId) !== undefined;
  }

  #displayName(rawId: string): string {
    const connected = this.#sessionsByUser.get(rawId)?.values().next().value;
    if (connected !== undefined) return connected.user.displayName;
    const objectId = objectIdFromRawId(rawId);
    return (objectId === undefined ? undefined : findUser(objectId)?.displayName) ?? rawId;
  }

  #sendError(session: SignallingSession, callId: string, code: ErrorMessage['code'], message: string): void {
    session.send({ type: 'error', callId, code, message });
  }
}
