import type {
  CallFeature,
  CallDirection,
  CallEndReason,
  CallerInfo,
  CallState,
  HangUpOptions,
  ParticipantRole,
  PropertyChangedEvent,
  RemoteParticipantState,
} from '@azure/communication-calling';

import type { CallFeatureFactoryPort, CallPropertyEvent, CollectionUpdatedListener, TeamsCallPort } from '../../src/services/calling/port.js';
import { type CallFeatureContext, RaiseHandFeature, ReactionFeature } from './call-features.js';
import { CallingError } from './calling-error.js';
import type { DeviceManager } from './device-manager.js';
import { EventEmitter } from './event-emitter.js';
import { Lobby } from './lobby.js';
import { LocalMediaController } from './local-media.js';
import { LocalVideoStream } from './local-video-stream.js';
import { PeerLink, type LinkSignal } from './peer-link.js';
import { endReasons, type CallMember, type EndReason, type ParticipantInfo, type ServerMessage } from './protocol.js';
import { RemoteParticipant } from './remote-participant.js';
import type { SignallingClient } from './signalling-client.js';

/** Services a call uses from its call agent. */
export interface CallContext {
  signalling: SignallingClient;
  deviceManager: DeviceManager;
  /** Called once, when the call reaches `Disconnected`. */
  onEnded(call: TeamsCall): void;
}

export interface CallInit {
  id: string;
  direction: CallDirection;
  callerInfo: CallerInfo;
  /** Everyone else, with their state as far as it is known; callees have no display name yet. */
  participants: Array<{ rawId: string; displayName?: string; state: RemoteParticipantState }>;
  localVideoStreams: unknown[] | undefined;
  muted: boolean;
}

/** How often the decoded size of remote video is read, in milliseconds. */
const frameSizePollMs = 1000;

/**
 * A call, like the SDK's `TeamsCall`: its state, its remote participants and what this endpoint
 * sends. The signalling server decides who is in the call; media flows over one `PeerLink` per
 * remote participant.
 */
export class TeamsCall implements TeamsCallPort {
  readonly id: string;
  readonly kind = 'TeamsCall' as const;
  readonly direction: CallDirection;
  readonly callerInfo: CallerInfo;
  /** The meeting's lobby; it stays empty in 1:1 and group calls. */
  readonly lobby: Lobby;
  readonly #context: CallContext;
  readonly #events = new EventEmitter();
  readonly #media: LocalMediaController;
  readonly #participants = new Map<string, RemoteParticipant>();
  readonly #links = new Map<string, PeerLink>();
  #state: CallState;
  #callEndReason: CallEndReason | undefined;
  #role: ParticipantRole = 'Unknown';
  #frameSizeTimer: ReturnType<typeof setInterval> | undefined;
  readonly #raiseHand: RaiseHandFeature;
  readonly #reaction: ReactionFeature;
  readonly #onMicrophoneChanged = (): void => void this.#media.openMicrophone(this.#context.deviceManager.selectedMicrophone?.id);
  readonly #onSpeakerChanged = (): void => {
    for (const link of this.#links.values()) void link.setSpeaker(this.#context.deviceManager.selectedSpeaker?.id);
  };

  constructor(context: CallContext, init: CallInit) {
    this.#context = context;
    this.id = init.id;
    this.direction = init.direction;
    this.callerInfo = init.callerInfo;
    this.#state = 'Connecting';
    this.#media = new LocalMediaController({ muted: init.muted });
    this.lobby = new Lobby(init.id, (message) => context.signalling.send(message));

    const featureContext: CallFeatureContext = {
      callId: init.id,
      send: (message) => context.signalling.send(message),
      isConnected: () => this.#state === 'Connected' || this.#state === 'LocalHold' || this.#state === 'RemoteHold',
    };
    this.#raiseHand = new RaiseHandFeature(featureContext);
    this.#reaction = new ReactionFeature(featureContext);

    for (const participant of init.participants) {
      const info = participant.displayName === undefined ? { rawId: participant.rawId } : { rawId: participant.rawId, displayName: participant.displayName };
      this.#participants.set(participant.rawId, new RemoteParticipant(info, participant.state));
    }

    this.#media.on('changed', () => this.#pushLocalMedia());
    this.#media.on('screenShareEnded', () => void this.stopScreenSharing());
    context.deviceManager.on('selectedMicrophoneChanged', this.#onMicrophoneChanged);
    context.deviceManager.on('selectedSpeakerChanged', this.#onSpeakerChanged);

    void this.#media.openMicrophone(context.deviceManager.selectedMicrophone?.id);
    const [camera] = toLocalVideoStreams(init.localVideoStreams);
    if (camera !== undefined) {
      void this.#media.adoptCamera(camera).then((opened) => {
        if (!opened) this.#events.emit('localVideoStreamsUpdated', { added: [], removed: [camera] });
        if (!opened) this.#events.emit('isLocalVideoStartedChanged');
      });
    }
  }

  get state(): CallState {
    return this.#state;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.#callEndReason;
  }

  /** `Organizer` or `Presenter` in a meeting, `Unknown` in other calls (as in the SDK). */
  get role(): ParticipantRole {
    return this.#role;
  }

  get isMuted(): boolean {
    return this.#media.isMuted;
  }

  get isLocalVideoStarted(): boolean {
    return this.#media.camera !== undefined;
  }

  get isScreenSharingOn(): boolean {
    return this.#media.screenShare !== undefined;
  }

  /** The camera stream and, while sharing, the screen share stream (`mediaStreamType: 'ScreenSharing'`). */
  get localVideoStreams(): ReadonlyArray<LocalVideoStream> {
    return [this.#media.camera, this.#media.screenShare].filter((stream) => stream !== undefined);
  }

  get remoteParticipants(): ReadonlyArray<RemoteParticipant> {
    return [...this.#participants.values()];
  }

  on(event: CallPropertyEvent, listener: PropertyChangedEvent): void;
  on(event: 'remoteParticipantsUpdated', listener: CollectionUpdatedListener<RemoteParticipant>): void;
  on(event: 'localVideoStreamsUpdated', listener: CollectionUpdatedListener<LocalVideoStream>): void;
  on(event: string, listener: (...args: never[]) => void): void {
    this.#events.on(event, listener);
  }

  off(event: CallPropertyEvent, listener: PropertyChangedEvent): void;
  off(event: 'remoteParticipantsUpdated', listener: CollectionUpdatedListener<RemoteParticipant>): void;
  off(event: 'localVideoStreamsUpdated', listener: CollectionUpdatedListener<LocalVideoStream>): void;
  off(event: string, listener: (...args: never[]) => void): void {
    this.#events.off(event, listener);
  }

  async mute(): Promise<void> {
    this.#setMuted(true);
  }

  async unmute(): Promise<void> {
    this.#setMuted(false);
  }

  async hold(): Promise<void> {
    this.#assertActive('hold');
    if (this.#media.isOnHold) return;
    if (this.#state !== 'Connected' && this.#state !== 'RemoteHold') {
      throw new CallingError(`hold failed: call ${this.id} is ${this.#state}; only a connected call can be held.`, { code: 400, subCode: 0 });
    }
    this.#media.setOnHold(true);
    this.#setState('LocalHold');
  }

  async resume(): Promise<void> {
    this.#assertActive('resume');
    if (!this.#media.isOnHold) return;
    this.#media.setOnHold(false);
    this.#updateRemoteHold();
    if (this.#state === 'LocalHold') this.#setState('Connected');
  }

  /** Leaves the call, which ends it for the other party of a 1:1 call. With `forEveryone`, ends it for all. */
  async hangUp(options?: HangUpOptions): Promise<void> {
    if (this.#state === 'Disconnected' || this.#state === 'Disconnecting') return;
    this.#setState('Disconnecting');
    this.#context.signalling.send({ type: 'hangUp', callId: this.id, forEveryone: options?.forEveryone === true });
    this.end(endReasons.hungUpLocally);
  }

  async startVideo(localVideoStream: LocalVideoStream): Promise<void> {
    this.#assertActive('startVideo');
    const [stream] = toLocalVideoStreams([localVideoStream]);
    const current = this.#media.camera;
    if (current === stream) return;
    if (current !== undefined) {
      throw new CallingError('Video is already started in this call; stop it first or switch the stream\'s source.', { code: 400, subCode: 0 });
    }

    await this.#media.startCamera(stream!);
    this.#events.emit('localVideoStreamsUpdated', { added: [stream], removed: [] });
    this.#events.emit('isLocalVideoStartedChanged');
  }

  async stopVideo(localVideoStream: LocalVideoStream): Promise<void> {
    const current = this.#media.camera;
    if (current === undefined) return;
    if (current !== localVideoStream) {
      throw new CallingError('This local video stream is not the one the call sends; pass the stream given to startVideo.', { code: 400, subCode: 0 });
    }

    this.#media.stopCamera();
    this.#events.emit('localVideoStreamsUpdated', { added: [], removed: [current] });
    this.#events.emit('isLocalVideoStartedChanged');
  }

  /**
   * Shares a screen the user picks (or the given stream). A cancelled picker rejects with the
   * browser's `NotAllowedError` and leaves the call as it was.
   */
  async startScreenSharing(localVideoStream?: LocalVideoStream): Promise<void> {
    this.#assertActive('startScreenSharing');
    if (this.isScreenSharingOn) return;
    const [custom] = toLocalVideoStreams(localVideoStream === undefined ? undefined : [localVideoStream]);

    const share = await this.#media.startScreenShare(custom);
    if (this.#state === 'Disconnected') {
      this.#media.stopScreenShare();
      return;
    }
    this.#events.emit('localVideoStreamsUpdated', { added: [share], removed: [] });
    this.#events.emit('isScreenSharingOnChanged');
  }

  async stopScreenSharing(): Promise<void> {
    const share = this.#media.screenShare;
    if (share === undefined) return;
    this.#media.stopScreenShare();
    this.#events.emit('localVideoStreamsUpdated', { added: [], removed: [share] });
    this.#events.emit('isScreenSharingOnChanged');
  }

  /**
   * Returns the call's raise hand or reaction feature for a factory of this module's `Features`.
   * The features exist from the start, so raised hands sent before the first request are kept.
   */
  feature<TFeature extends CallFeature>(factory: CallFeatureFactoryPort<TFeature>): TFeature {
    if (factory.callApiCtor === (RaiseHandFeature as unknown)) return this.#raiseHand as unknown as TFeature;
    if (factory.callApiCtor === (ReactionFeature as unknown)) return this.#reaction as unknown as TFeature;
    throw new CallingError('The sandbox calling module implements only the RaiseHand and Reaction call features.', { code: 400, subCode: 0 });
  }

  /** @internal Handles a server message about this call. */
  handle(message: ServerMessage): void {
    switch (message.type) {
      case 'ringing':
        this.#participants.get(message.participant)?.setState('Ringing');
        if (this.#state === 'Connecting') this.#setState('Ringing');
        return;
      case 'callJoined':
        if (message.meeting !== undefined) this.#setRole(message.meeting.role);
        this.#joined(message.participants);
        return;
      case 'callRejoined':
        this.#rejoined(message.participants);
        return;
      case 'inLobby':
        this.#setState('InLobby');
        return;
      case 'lobbyUpdated':
        this.lobby.update(message.waiting);
        return;
      case 'raisedHands':
        this.#raiseHand.update(message.raisedHands);
        return;
      case 'reaction':
        this.#reaction.receive(message.participant, message.reaction);
        return;
      case 'participantJoined':
        this.#participantJoined(message.participant);
        return;
      case 'participantLeft':
        this.#participantLeft(message.participant, message.reason);
        return;
      case 'callEnded':
        this.end(message.reason);
        return;
      case 'sessionDescription':
      case 'iceCandidate':
      case 'mediaState': {
        const { from, callId: _callId, ...signal } = message;
        this.#links.get(from)?.receive(signal as LinkSignal);
        return;
      }
      case 'error':
        console.warn(`[sandbox calling] The signalling server reported ${message.code} for call ${this.id}: ${message.message}`);
        if (this.#state === 'Connecting' || this.#state === 'Ringing' || this.#state === 'InLobby') this.end(endReasons.callNotFound);
        return;
      case 'incomingCall':
      case 'authenticated':
        return;
    }
  }

  /** @internal Ends the call with a reason, without a message to the server (it sent the reason, or the socket is closed). */
  end(reason: EndReason): void {
    if (this.#state === 'Disconnected') return;
    this.#callEndReason = reason;

    clearInterval(this.#frameSizeTimer);
    for (const link of this.#links.values()) link.close();
    this.#links.clear();
    this.#media.dispose();
    this.#context.deviceManager.off('selectedMicrophoneChanged', this.#onMicrophoneChanged);
    this.#context.deviceManager.off('selectedSpeakerChanged', this.#onSpeakerChanged);

    const removed = [...this.#participants.values()];
    this.#participants.clear();
    for (const participant of removed) participant.setState('Disconnected');
    if (removed.length > 0) this.#events.emit('remoteParticipantsUpdated', { added: [], removed });

    this.#raiseHand.update([]);
    this.#setState('Disconnected');
    this.#context.onEnded(this);
  }

  /** This endpoint is in the call: connect to everyone already there. */
  #joined(members: CallMember[]): void {
    for (const member of members) {
      const state = participantState(member.status);
      const participant = this.#upsertParticipant(member, state);
      participant.setState(state);
      if (member.status === 'connected') this.#openLink(member.rawId, false);
    }
    this.#setConnected();
  }

  /**
   * Back in the call after the socket dropped: catches up on who left or joined meanwhile and
   * sends the media state again, since messages sent during the drop were lost.
   *
   * NOTE: a remote party's own media changes during the drop are not sent again, so a camera
   * turned on by someone else while this endpoint was offline shows only at their next change.
   */
  #rejoined(members: CallMember[]): void {
    const present = new Set(members.map((member) => member.rawId));
    for (const rawId of [...this.#participants.keys()]) {
      if (!present.has(rawId)) this.#participantLeft(rawId, endReasons.participantDisconnected);
    }
    for (const member of members) {
      if (member.status !== 'connected') continue;
      if (this.#participants.has(member.rawId) && this.#links.has(member.rawId)) continue;
      this.#participantJoined(member);
    }
    for (const link of this.#links.values()) link.resendMediaState();
  }

  /** Someone joined: this endpoint, already in the call, sends them the first offer. */
  #participantJoined(info: ParticipantInfo): void {
    const participant = this.#upsertParticipant(info, 'Connected');
    participant.setState('Connected');
    this.#openLink(info.rawId, true);
    this.#setConnected();
  }

  #participantLeft(rawId: string, reason: EndReason): void {
    this.#links.get(rawId)?.close();
    this.#links.delete(rawId);

    const participant = this.#participants.get(rawId);
    if (participant === undefined) return;
    this.#participants.delete(rawId);
    participant.setState('Disconnected', reason);
    this.#events.emit('remoteParticipantsUpdated', { added: [], removed: [participant] });
  }

  #upsertParticipant(info: ParticipantInfo, state: RemoteParticipantState): RemoteParticipant {
    const existing = this.#participants.get(info.rawId);
    if (existing !== undefined) {
      // A callee listed at startCall has no display name until the server describes them.
      existing.setDisplayName(info.displayName);
      return existing;
    }

    const participant = new RemoteParticipant(info, state);
    this.#participants.set(info.rawId, participant);
    this.#events.emit('remoteParticipantsUpdated', { added: [participant], removed: [] });
    return participant;
  }

  #openLink(rawId: string, initiator: boolean): void {
    if (this.#links.has(rawId)) return;
    const link = new PeerLink({
      remoteId: rawId,
      initiator,
      local: this.#media.snapshot(),
      speakerId: this.#context.deviceManager.selectedSpeaker?.id,
      send: (signal) => this.#context.signalling.send({ ...signal, callId: this.id, to: rawId }),
    });
    link.on('remoteMediaChanged', () => this.#applyRemoteMedia(link));
    link.on('remoteSpeakingChanged', (speaking: boolean) => this.#participants.get(rawId)?.setSpeaking(speaking));
    link.on('failed', () => console.warn(`[sandbox calling] The media connection with ${rawId} failed; the call stays up without media from them.`));
    this.#links.set(rawId, link);
    this.#frameSizeTimer ??= setInterval(() => void this.#updateFrameSizes(), frameSizePollMs);
  }

  #applyRemoteMedia(link: PeerLink): void {
    const participant = this.#participants.get(link.remoteId);
    const state = link.remoteState;
    if (participant === undefined || state === undefined) return;

    participant.setMuted(state.isMuted);
    if (participant.state === 'Connected' || participant.state === 'Hold') participant.setState(state.isOnHold ? 'Hold' : 'Connected');
    participant.camera.update(link.remoteVideoTrack('camera'), state.camera !== null);
    participant.screenShare.update(link.remoteVideoTrack('screenShare'), state.screenShare !== null);
    this.#updateRemoteHold();
  }

  /** `RemoteHold` while every remote participant holds the call and this endpoint does not. */
  #updateRemoteHold(): void {
    if (this.#state !== 'Connected' && this.#state !== 'RemoteHold') return;
    const participants = [...this.#participants.values()].filter((participant) => participant.state !== 'Disconnected');
    const held = participants.length > 0 && participants.every((participant) => participant.state === 'Hold');
    this.#setState(held ? 'RemoteHold' : 'Connected');
  }

  async #updateFrameSizes(): Promise<void> {
    for (const link of this.#links.values()) {
      const participant = this.#participants.get(link.remoteId);
      const state = link.remoteState;
      if (participant === undefined || state === undefined) continue;
      const sizes = await link.receivedFrameSizes();
      if (state.camera !== null) participant.camera.updateSize(sizes.get(state.camera.mid) ?? { width: 0, height: 0 });
      if (state.screenShare !== null) participant.screenShare.updateSize(sizes.get(state.screenShare.mid) ?? { width: 0, height: 0 });
    }
  }

  #pushLocalMedia(): void {
    const local = this.#media.snapshot();
    for (const link of this.#links.values()) link.setLocalMedia(local);
  }

  #setMuted(isMuted: boolean): void {
    if (this.#media.isMuted === isMuted) return;
    this.#media.setMuted(isMuted);
    this.#events.emit('isMutedChanged');
  }

  #setConnected(): void {
    if (this.#state === 'Connecting' || this.#state === 'Ringing' || this.#state === 'InLobby') this.#setState('Connected');
  }

  #setRole(role: ParticipantRole): void {
    if (role === this.#role) return;
    this.#role = role;
    this.#events.emit('roleChanged');
  }

  #setState(state: CallState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#events.emit('stateChanged');
  }

  #assertActive(operation: string): void {
    if (this.#state === 'Disconnected' || this.#state === 'Disconnecting') {
      throw new CallingError(`${operation} failed: call ${this.id} has ended.`, endReasons.callNotFound);
    }
  }
}

function participantState(status: CallMember['status']): RemoteParticipantState {
  switch (status) {
    case 'connected':
      return 'Connected';
    case 'ringing':
      return 'Ringing';
    case 'inLobby':
      return 'InLobby';
    case 'invited':
      return 'Connecting';
  }
}

/** Checks that video streams came from this module, since only its streams carry tracks here. */
function toLocalVideoStreams(streams: unknown[] | undefined): LocalVideoStream[] {
  return (streams ?? []).map((stream) => {
    if (stream instanceof LocalVideoStream) return stream;
    throw new TypeError('The sandbox calling module only sends its own LocalVideoStream objects; create the stream with its LocalVideoStream.');
  });
}
