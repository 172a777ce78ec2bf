import type {
  CallDirection,
  CallEndReason,
  CallState,
  MediaStreamType,
  ParticipantRole,
  RemoteParticipantState,
} from '@azure/communication-calling';

import {
  HandsAndReactions,
  type RaisedHandSnapshot,
  type ReactionSnapshot,
  defaultReactionDurationMs,
} from './hands-and-reactions.js';
import { identifierKey } from './identifiers.js';
import type { CallFeaturesPort, LocalVideoStreamPort, RemoteParticipantPort, RemoteVideoStreamPort, TeamsCallPort } from './port.js';
import { Store } from './store.js';

/** A remote video stream: a camera or a screen share. */
export interface RemoteVideoStreamSnapshot {
  /** Stream id, unique within its participant. */
  id: number;
  mediaStreamType: MediaStreamType;
  /** True when the sender has the stream on and a view can be created for it. */
  isAvailable: boolean;
  /** False while video packets stop arriving (a frozen picture). */
  isReceiving: boolean;
  /** The stream itself, for a renderer. */
  stream: RemoteVideoStreamPort;
}

/** A remote participant of the call. */
export interface RemoteParticipantSnapshot {
  /** Stable key of the participant's identifier. */
  key: string;
  displayName: string | undefined;
  state: RemoteParticipantState;
  isMuted: boolean;
  isSpeaking: boolean;
  role: ParticipantRole;
  videoStreams: RemoteVideoStreamSnapshot[];
  /** The participant itself, for the lobby's `admit` and `reject`. */
  participant: RemoteParticipantPort;
}

/** One call, as elements render it. */
export interface CallSnapshot {
  id: string;
  state: CallState;
  direction: CallDirection;
  isMuted: boolean;
  isLocalVideoStarted: boolean;
  isScreenSharingOn: boolean;
  localVideoStreams: LocalVideoStreamPort[];
  remoteParticipants: RemoteParticipantSnapshot[];
  /** The local user's role; `Unknown` outside meetings. */
  role: ParticipantRole;
  /** People waiting in a meeting's lobby; empty in other calls. */
  lobbyParticipants: RemoteParticipantSnapshot[];
  /** Set once the call is `Disconnected`. */
  callEndReason: CallEndReason | undefined;
  /** True when the call can raise hands and send reactions (the calling module has the features). */
  handsAndReactions: boolean;
  /** Raised hands in the order they went up, the local user's included. */
  raisedHands: RaisedHandSnapshot[];
  /** True while the local user's hand is raised. */
  isHandRaised: boolean;
  /** Reactions that show now, at most one per participant (the local user's under `selfKey`). */
  reactions: ReactionSnapshot[];
}

export interface CallStoreOptions {
  /** The loaded module's feature factories, for raised hands and reactions. */
  features?: CallFeaturesPort | undefined;
  /** Key of the local user's identifier (see `identifierKey`), to find the own raised hand. */
  selfKey?: string | undefined;
  /** How long a reaction shows, in milliseconds. Defaults to 3000. */
  reactionDurationMs?: number;
}

type Unsubscribe = () => void;

/**
 * The state of one call, kept current from the call's events, its remote participants' events and
 * their video streams' events. It unsubscribes from all of them when the call ends (or on
 * `dispose`), so an ended call keeps no listener.
 */
export class CallStore extends Store<CallSnapshot> {
  readonly call: TeamsCallPort;
  /** The call's raised hands and reactions. */
  readonly hands: HandsAndReactions;
  readonly #selfKey: string | undefined;
  readonly #callSubscriptions: Unsubscribe[] = [];
  readonly #participantSubscriptions = new Map<RemoteParticipantPort, Unsubscribe[]>();
  readonly #streamSubscriptions = new Map<RemoteVideoStreamPort, { owner: RemoteParticipantPort; unsubscribes: Unsubscribe[] }>();
  #disposed = false;

  constructor(call: TeamsCallPort, options: CallStoreOptions = {}) {
    const hands = new HandsAndReactions(call, {
      features: options.features,
      selfKey: options.selfKey,
      reactionDurationMs: options.reactionDurationMs ?? defaultReactionDurationMs,
      onChange: () => this.#refresh(),
    });
    super(snapshotOf(call, hands, options.selfKey));
    this.call = call;
    this.hands = hands;
    this.#selfKey = options.selfKey;

    const refresh = (): void => this.#refresh();
    for (const event of ['stateChanged', 'idChanged', 'isMutedChanged', 'isScreenSharingOnChanged', 'isLocalVideoStartedChanged', 'roleChanged'] as const) {
      call.on(event, refresh);
      this.#callSubscriptions.push(() => call.off(event, refresh));
    }

    const onParticipantsUpdated = ({ added, removed }: { added: RemoteParticipantPort[]; removed: RemoteParticipantPort[] }): void => {
      for (const participant of removed) this.#unwatchParticipant(participant);
      for (const participant of added) this.#watchParticipant(participant);
      this.#refresh();
    };
    call.on('remoteParticipantsUpdated', onParticipantsUpdated);
    this.#callSubscriptions.push(() => call.off('remoteParticipantsUpdated', onParticipantsUpdated));

    call.on('localVideoStreamsUpdated', refresh);
    this.#callSubscriptions.push(() => call.off('localVideoStreamsUpdated', refresh));

    // Lobby participants are listed, never rendered with video, so only the list is followed.
    call.lobby.on('lobbyParticipantsUpdated', refresh);
    this.#callSubscriptions.push(() => call.lobby.off('lobbyParticipantsUpdated', refresh));

    for (const participant of call.remoteParticipants) this.#watchParticipant(participant);

    // The call may have ended before the store existed (a call that failed at once).
    if (call.state === 'Disconnected') this.dispose();
  }

  /** True once the store stopped listening: the call ended or `dispose` was called. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** The number of listeners the store holds on the call, its participants and their streams. */
  get subscriptionCount(): number {
    let count = this.#callSubscriptions.length + this.hands.subscriptionCount;
    for (const list of this.#participantSubscriptions.values()) count += list.length;
    for (const { unsubscribes } of this.#streamSubscriptions.values()) count += unsubscribes.length;
    return count;
  }

  /** Removes every listener. The last snapshot stays readable. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;

    for (const unsubscribe of this.#callSubscriptions.splice(0)) unsubscribe();
    for (const participant of [...this.#participantSubscriptions.keys()]) this.#unwatchParticipant(participant);
    this.hands.dispose();
  }

  #refresh(): void {
    if (this.#disposed) return;

    const snapshot = snapshotOf(this.call, this.hands, this.#selfKey);
    this.set(snapshot);

    // The end reason is read in the refresh that first reads `Disconnected`, so listeners get
    // the final snapshot before the store stops listening.
    if (snapshot.state === 'Disconnected') this.dispose();
  }

  #watchParticipant(participant: RemoteParticipantPort): void {
    if (this.#participantSubscriptions.has(participant)) return;

    const subscriptions: Unsubscribe[] = [];
    const refresh = (): void => this.#refresh();
    for (const event of ['stateChanged', 'isMutedChanged', 'isSpeakingChanged', 'displayNameChanged', 'roleChanged'] as const) {
      participant.on(event, refresh);
      subscriptions.push(() => participant.off(event, refresh));
    }

    const onStreamsUpdated = ({ added, removed }: { added: RemoteVideoStreamPort[]; removed: RemoteVideoStreamPort[] }): void => {
      for (const stream of removed) this.#unwatchStream(stream);
      for (const stream of added) this.#watchStream(participant, stream);
      this.#refresh();
    };
    participant.on('videoStreamsUpdated', onStreamsUpdated);
    subscriptions.push(() => participant.off('videoStreamsUpdated', onStreamsUpdated));

    this.#participantSubscriptions.set(participant, subscriptions);
    for (const stream of participant.videoStreams) this.#watchStream(participant, stream);
  }

  #unwatchParticipant(participant: RemoteParticipantPort): void {
    for (const unsubscribe of this.#participantSubscriptions.get(participant) ?? []) unsubscribe();
    this.#participantSubscriptions.delete(participant);

    // By the time a participant is removed its `videoStreams` may already be empty, so the
    // streams to release are found by owner rather than read from the participant.
    for (const [stream, { owner }] of [...this.#streamSubscriptions]) {
      if (owner === participant) this.#unwatchStream(stream);
    }
  }

  #watchStream(owner: RemoteParticipantPort, stream: RemoteVideoStreamPort): void {
    if (this.#streamSubscriptions.has(stream)) return;

    const refresh = (): void => this.#refresh();
    stream.on('isAvailableChanged', refresh);
    stream.on('isReceivingChanged', refresh);
    this.#streamSubscriptions.set(stream, {
      owner,
      unsubscribes: [() => stream.off('isAvailableChanged', refresh), () => stream.off('isReceivingChanged', refresh)],
    });
  }

  #unwatchStream(stream: RemoteVideoStreamPort): void {
    for (const unsubscribe of this.#streamSubscriptions.get(stream)?.unsubscribes ?? []) unsubscribe();
    this.#streamSubscriptions.delete(stream);
  }
}

function snapshotOf(call: TeamsCallPort, hands: HandsAndReactions, selfKey: string | undefined): CallSnapshot {
  const raisedHands = hands.raisedHands;
  return {
    id: call.id,
    state: call.state,
    direction: call.direction,
    isMuted: call.isMuted,
    isLocalVideoStarted: call.isLocalVideoStarted,
    isScreenSharingOn: call.isScreenSharingOn,
    localVideoStreams: [...call.localVideoStreams],
    remoteParticipants: call.remoteParticipants.map(participantSnapshotOf),
    role: call.role,
    lobbyParticipants: call.lobby.participants.map(participantSnapshotOf),
    callEndReason: call.callEndReason,
    handsAndReactions: hands.available,
    raisedHands,
    isHandRaised: selfKey !== undefined && raisedHands.some((hand) => hand.key === selfKey),
    reactions: hands.reactions,
  };
}

function participantSnapshotOf(participant: RemoteParticipantPort): RemoteParticipantSnapshot {
  return {
    key: identifierKey(participant.identifier),
    displayName: participant.displayName,
    state: participant.state,
    isMuted: participant.isMuted,
    isSpeaking: participant.isSpeaking,
    role: participant.role,
    participant,
    videoStreams: participant.videoStreams.map((stream) => ({
      id: stream.id,
      mediaStreamType: stream.mediaStreamType,
      isAvailable: stream.isAvailable,
      isReceiving: stream.isReceiving,
      stream,
    })),
  };
}
