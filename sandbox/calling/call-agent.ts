import type {
  AcceptCallOptions,
  CallerInfo,
  ConnectionState,
  ConnectionStateChangedEvent,
  JoinCallOptions,
  StartTeamsCallOptions,
  StartTeamsGroupCallOptions,
  TeamsMeetingIdLocator,
  TeamsMeetingLinkLocator,
} from '@azure/communication-calling';

import type {
  CollectionUpdatedListener,
  IncomingCallListener,
  TeamsCallAgentPort,
  TeamsCallTarget,
  WithPortVideo,
} from '../../src/services/calling/port.js';
import { TeamsCall } from './call.js';
import { CallingError } from './calling-error.js';
import type { DeviceManager } from './device-manager.js';
import { EventEmitter } from './event-emitter.js';
import { rawIdOfTarget, teamsUserIdentifier } from './identifiers.js';
import { TeamsIncomingCall } from './incoming-call.js';
import { endReasons, maxCallParticipants, reconnectGraceMs, type ParticipantInfo, type ServerMessage } from './protocol.js';
import type { DisconnectReason, SignallingClient } from './signalling-client.js';

/**
 * A Teams user's call agent, like the SDK's `TeamsCallAgent`: it starts calls, receives incoming
 * calls and tracks the calls in progress. It owns the signalling socket; when the socket drops,
 * its `connectionState` is `Disconnected` while it reconnects with a fresh token. Its calls go on
 * meanwhile, because their peer connections do not need the socket, and rejoin the server once it
 * is back. They end with a network error only when the drop lasts longer than `reconnectGraceMs`
 * or the token is rejected.
 */
export class TeamsCallAgent implements TeamsCallAgentPort {
  readonly kind = 'TeamsCallAgent' as const;
  readonly #signalling: SignallingClient;
  readonly #deviceManager: DeviceManager;
  readonly #self: ParticipantInfo;
  readonly #events = new EventEmitter();
  readonly #calls = new Map<string, TeamsCall>();
  readonly #incomingCalls = new Map<string, TeamsIncomingCall>();
  readonly #onDisposed: () => void;
  #connectionState: ConnectionState = 'Connected';
  #disposed = false;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  /** @internal Created by `CallClient.createTeamsCallAgent` with a connected socket. */
  constructor(signalling: SignallingClient, self: ParticipantInfo, deviceManager: DeviceManager, onDisposed: () => void) {
    this.#signalling = signalling;
    this.#self = self;
    this.#deviceManager = deviceManager;
    this.#onDisposed = onDisposed;

    signalling.on('message', (message: ServerMessage) => this.#handle(message));
    signalling.on('disconnected', (reason: DisconnectReason) => this.#disconnected(reason));
    signalling.on('reconnected', () => this.#reconnected());
  }

  get connectionState(): ConnectionState {
    return this.#connectionState;
  }

  get calls(): ReadonlyArray<TeamsCall> {
    return [...this.#calls.values()];
  }

  /**
   * Calls one Teams user, or up to three in a group call (which needs a `threadId`, as in the
   * SDK). The call is returned in `Connecting`; a call started while the socket is down ends at
   * once with a network error.
   */
  startCall(participant: TeamsCallTarget, options?: WithPortVideo<StartTeamsCallOptions>): TeamsCall;
  startCall(participants: TeamsCallTarget[], options?: WithPortVideo<StartTeamsGroupCallOptions>): TeamsCall;
  startCall(target: TeamsCallTarget | TeamsCallTarget[], options?: WithPortVideo<StartTeamsGroupCallOptions>): TeamsCall {
    this.#assertNotDisposed('startCall');
    const targets = Array.isArray(target) ? target : [target];
    if (targets.length === 0) throw new TypeError('startCall needs at least one participant to call.');
    if (Array.isArray(target) && targets.length > 1 && options?.threadId === undefined) {
      throw new TypeError('A group call needs options.threadId, as in the calling SDK.');
    }
    if (targets.length > maxCallParticipants - 1) {
      throw new RangeError(`A sandbox call has at most ${maxCallParticipants} participants; ${targets.length} callees were given.`);
    }
    const rawIds = targets.map(rawIdOfTarget);

    const call = this.#addCall(crypto.randomUUID(), 'Outgoing', options, rawIds.map((rawId) => ({ rawId, state: 'Connecting' as const })));
    if (this.#signalling.isConnected) {
      this.#signalling.send({
        type: 'invite',
        callId: call.id,
        targets: rawIds,
        ...(options?.threadId === undefined ? {} : { threadId: options.threadId }),
      });
    } else {
      call.end(endReasons.networkError);
    }
    return call;
  }

  /**
   * Joins a Teams meeting, which the sandbox creates on first join. The first to join organizes
   * it, and people of the organizer's tenant join directly. Others wait in `InLobby` until
   * someone in the meeting admits them through `call.lobby`.
   */
  join(meetingLocator: TeamsMeetingLinkLocator | TeamsMeetingIdLocator, options?: WithPortVideo<JoinCallOptions>): TeamsCall {
    this.#assertNotDisposed('join');
    const call = this.#addCall(crypto.randomUUID(), 'Outgoing', options, []);
    const meeting = 'meetingLink' in meetingLocator
      ? { meetingLink: meetingLocator.meetingLink }
      : { meetingId: meetingLocator.meetingId, ...(meetingLocator.passcode === undefined ? {} : { passcode: meetingLocator.passcode }) };
    this.#signalling.send({ type: 'joinMeeting', callId: call.id, meeting });
    if (!this.#signalling.isConnected) call.end(endReasons.networkError);
    return call;
  }

  on(event: 'incomingCall', listener: IncomingCallListener): void;
  on(event: 'callsUpdated', listener: CollectionUpdatedListener<TeamsCall>): void;
  on(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
  on(event: string, listener: (...args: never[]) => void): void {
    this.#events.on(event, listener);
  }

  off(event: 'incomingCall', listener: IncomingCallListener): void;
  off(event: 'callsUpdated', listener: CollectionUpdatedListener<TeamsCall>): void;
  off(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
  off(event: string, listener: (...args: never[]) => void): void {
    this.#events.off(event, listener);
  }

  /** Hangs up every call, stops ringing calls and closes the socket. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    for (const call of this.calls) await call.hangUp();
    for (const incomingCall of this.#incomingCalls.values()) incomingCall.end(endReasons.hungUpLocally);
    this.#incomingCalls.clear();
    this.#disposed = true;
    clearTimeout(this.#reconnectTimer);
    this.#signalling.dispose();
    this.#setConnectionState('Disconnected');
    this.#onDisposed();
  }

  #handle(message: ServerMessage): void {
    if (message.type === 'incomingCall') {
      this.#ring(message);
      return;
    }
    if (!('callId' in message) || message.callId === undefined) {
      if (message.type === 'error') console.warn(`[sandbox calling] The signalling server reported ${message.code}: ${message.message}`);
      return;
    }

    const call = this.#calls.get(message.callId);
    if (call !== undefined) {
      call.handle(message);
      return;
    }
    const incomingCall = this.#incomingCalls.get(message.callId);
    if (incomingCall !== undefined && message.type === 'callEnded') {
      this.#incomingCalls.delete(incomingCall.id);
      incomingCall.end(message.reason);
    }
  }

  #ring(invitation: Extract<ServerMessage, { type: 'incomingCall' }>): void {
    const incomingCall = new TeamsIncomingCall(
      {
        reject: (call) => {
          this.#incomingCalls.delete(call.id);
          this.#signalling.send({ type: 'reject', callId: call.id });
        },
        accept: (call, options) => this.#accept(call, options),
      },
      invitation,
    );
    this.#incomingCalls.set(incomingCall.id, incomingCall);
    this.#signalling.send({ type: 'ringing', callId: incomingCall.id });
    this.#events.emit('incomingCall', { incomingCall });
  }

  /** Creates the call for an incoming call and resolves once the server has put this endpoint in it. */
  #accept(incomingCall: TeamsIncomingCall, options: WithPortVideo<AcceptCallOptions> | undefined): Promise<TeamsCall> {
    this.#incomingCalls.delete(incomingCall.id);
    const participants = incomingCall.invitation.participants.map((member) => ({
      rawId: member.rawId,
      displayName: member.displayName,
      state: member.status === 'connected' ? ('Connecting' as const) : ('Ringing' as const),
    }));
    const call = this.#addCall(incomingCall.id, 'Incoming', options, participants, incomingCall.callerInfo);
    this.#signalling.send({ type: 'accept', callId: call.id });

    return new Promise((resolve, reject) => {
      const settle = (): void => {
        if (call.state === 'Connecting') return;
        call.off('stateChanged', settle);
        if (call.state === 'Disconnected') {
          const reason = call.callEndReason ?? endReasons.callNotFound;
          reject(new CallingError(`Accepting call ${call.id} failed: it ended with ${reason.code}/${reason.subCode ?? 0}.`, reason));
        } else {
          resolve(call);
        }
      };
      call.on('stateChanged', settle);
    });
  }

  #addCall(
    id: string,
    direction: 'Incoming' | 'Outgoing',
    options: WithPortVideo<AcceptCallOptions> | WithPortVideo<JoinCallOptions> | undefined,
    participants: Array<{ rawId: string; displayName?: string; state: 'Connecting' | 'Ringing' }>,
    callerInfo: CallerInfo = { identifier: teamsUserIdentifier(this.#self.rawId), displayName: this.#self.displayName },
  ): TeamsCall {
    const call = new TeamsCall(
      {
        signalling: this.#signalling,
        deviceManager: this.#deviceManager,
        onEnded: (ended) => {
          if (this.#calls.delete(ended.id)) this.#events.emit('callsUpdated', { added: [], removed: [ended] });
        },
      },
      {
        id,
        direction,
        callerInfo,
        participants,
        localVideoStreams: options?.videoOptions?.localVideoStreams,
        muted: options?.audioOptions?.muted ?? false,
      },
    );
    this.#calls.set(id, call);
    this.#events.emit('callsUpdated', { added: [call], removed: [] });
    return call;
  }

  #disconnected(reason: DisconnectReason): void {
    // A ringing call cannot be answered without the socket, so it stops ringing at once.
    for (const incomingCall of this.#incomingCalls.values()) incomingCall.end(endReasons.networkError);
    this.#incomingCalls.clear();

    if (reason === 'invalidToken') {
      for (const call of this.calls) call.end(endReasons.networkError);
    } else {
      clearTimeout(this.#reconnectTimer);
      this.#reconnectTimer = setTimeout(() => {
        for (const call of this.calls) call.end(endReasons.networkError);
      }, reconnectGraceMs);
    }
    this.#setConnectionState('Disconnected', reason);
  }

  /** Takes this endpoint's place in each call back; the server ends the calls it no longer keeps. */
  #reconnected(): void {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    for (const call of this.calls) {
      if (call.state !== 'Disconnected') this.#signalling.send({ type: 'rejoin', callId: call.id });
    }
    this.#signalling.flushQueued();
    this.#setConnectionState('Connected');
  }

  #setConnectionState(state: ConnectionState, reason?: DisconnectReason): void {
    if (state === this.#connectionState) return;
    const oldValue = this.#connectionState;
    this.#connectionState = state;
    this.#events.emit('connectionStateChanged', { newValue: state, oldValue, ...(reason === undefined ? {} : { reason }) });
  }

  #assertNotDisposed(operation: string): void {
    if (this.#disposed) throw new CallingError(`${operation} failed: the call agent is disposed; create a new one.`, endReasons.callNotFound);
  }
}
