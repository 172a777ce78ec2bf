/**
 * The calling port: the part of `@azure/communication-calling` the kit uses, typed from the SDK's
 * own interfaces with `Pick<>`. The real SDK satisfies it (checked at compile time in
 * `sdk-conformance.ts`, so a change in the SDK's API breaks the build) and so does the sandbox's
 * WebRTC module. Event signatures are restated with port types, so code written against the port
 * cannot reach SDK members that the sandbox does not implement.
 */
import type {
  AcceptCallOptions,
  CallAgentKind,
  AudioDeviceInfo,
  CallClientOptions,
  CallEndedEvent,
  CallFeature,
  CallKind,
  CreateViewOptions,
  DeviceAccess,
  HangUpOptions,
  JoinCallOptions,
  LocalAudioStream,
  LocalVideoStream,
  Lobby,
  PermissionConstraints,
  PropertyChangedEvent,
  RaisedHand,
  RaiseHandCallFeature,
  ReactionCallFeature,
  ReactionMessage,
  RemoteParticipant,
  RemoteVideoStream,
  StartTeamsCallOptions,
  StartTeamsGroupCallOptions,
  TeamsCall,
  TeamsCallAgent,
  TeamsIncomingCall,
  TeamsMeetingIdLocator,
  TeamsMeetingLinkLocator,
  VideoDeviceInfo,
  VideoStreamRendererView,
  DeviceManager,
  ConnectionStateChangedEvent,
} from '@azure/communication-calling';
import type {
  CommunicationTokenCredential,
  CommunicationUserIdentifier,
  MicrosoftTeamsAppIdentifier,
  MicrosoftTeamsUserIdentifier,
  PhoneNumberIdentifier,
  UnknownIdentifier,
} from '@azure/communication-common';

/** A listener of a collection change, with port types. */
export type CollectionUpdatedListener<T> = (args: { added: T[]; removed: T[] }) => void;

/** The SDK's video options with the port's local video streams. */
export interface VideoOptionsPort {
  localVideoStreams?: LocalVideoStreamPort[];
}

/** Call options of the SDK (`AcceptCallOptions`, `StartTeamsCallOptions`, ...) with port video streams. */
export type WithPortVideo<Options extends { videoOptions?: unknown }> = Omit<Options, 'videoOptions'> & {
  videoOptions?: VideoOptionsPort;
};

/** Whom a Teams call agent can call. */
export type TeamsCallTarget =
  | MicrosoftTeamsUserIdentifier
  | PhoneNumberIdentifier
  | MicrosoftTeamsAppIdentifier
  | UnknownIdentifier;

export interface LocalVideoStreamPort
  extends Pick<LocalVideoStream, 'source' | 'mediaStreamType' | 'switchSource' | 'getMediaStream' | 'dispose'> {}

/**
 * A local microphone stream. The kit reads its `MediaStream` for the pre-join level meter; calls
 * keep using the device manager's selected microphone.
 */
export interface LocalAudioStreamPort extends Pick<LocalAudioStream, 'source' | 'mediaStreamType' | 'switchSource' | 'getMediaStream' | 'dispose'> {}

export interface RemoteVideoStreamPort
  extends Pick<RemoteVideoStream, 'id' | 'mediaStreamType' | 'isAvailable' | 'isReceiving' | 'size' | 'getMediaStream'> {
  on(event: 'isAvailableChanged' | 'isReceivingChanged' | 'sizeChanged', listener: PropertyChangedEvent): void;
  off(event: 'isAvailableChanged' | 'isReceivingChanged' | 'sizeChanged', listener: PropertyChangedEvent): void;
}

export interface RemoteParticipantPort
  extends Pick<RemoteParticipant, 'identifier' | 'displayName' | 'state' | 'callEndReason' | 'isMuted' | 'isSpeaking' | 'role'> {
  readonly videoStreams: ReadonlyArray<RemoteVideoStreamPort>;
  on(event: 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged' | 'roleChanged', listener: PropertyChangedEvent): void;
  on(event: 'videoStreamsUpdated', listener: CollectionUpdatedListener<RemoteVideoStreamPort>): void;
  off(event: 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged' | 'roleChanged', listener: PropertyChangedEvent): void;
  off(event: 'videoStreamsUpdated', listener: CollectionUpdatedListener<RemoteVideoStreamPort>): void;
}

/**
 * The people waiting in a meeting's lobby, and the organizer's or presenter's way to let them in
 * or remove them. Outside meetings the SDK's lobby stays empty.
 */
export interface LobbyPort extends Pick<Lobby, 'admit' | 'reject' | 'admitAll'> {
  readonly participants: ReadonlyArray<RemoteParticipantPort>;
  on(event: 'lobbyParticipantsUpdated', listener: CollectionUpdatedListener<RemoteParticipantPort>): void;
  off(event: 'lobbyParticipantsUpdated', listener: CollectionUpdatedListener<RemoteParticipantPort>): void;
}

/** Property-change events of a call. */
export type CallPropertyEvent =
  | 'stateChanged'
  | 'idChanged'
  | 'isMutedChanged'
  | 'isScreenSharingOnChanged'
  | 'isLocalVideoStartedChanged'
  | 'roleChanged';

/** A participant's identifier as the raise hand and reaction features report it. */
export type FeatureParticipantIdentifier = CommunicationUserIdentifier | MicrosoftTeamsUserIdentifier;

/** A raised hand: whose, and its place in the order in which hands went up (the SDK's `RaisedHand`). */
export type RaisedHandPort = RaisedHand;

/** A listener of a hand raised or lowered, with port types. */
export type RaisedHandChangedListener = (event: { identifier: FeatureParticipantIdentifier }) => void;

/** A listener of a reaction someone sent, with port types. */
export type ReactionListenerPort = (event: { identifier: FeatureParticipantIdentifier; reactionMessage: ReactionMessage }) => void;

/** The SDK's raise hand feature (`call.feature(Features.RaiseHand)`), narrowed to what the kit uses. */
export interface RaiseHandFeaturePort extends CallFeature, Pick<RaiseHandCallFeature, 'raiseHand' | 'lowerHand' | 'getRaisedHands'> {
  on(event: 'raisedHandEvent', listener: RaisedHandChangedListener): void;
  on(event: 'loweredHandEvent', listener: RaisedHandChangedListener): void;
  off(event: 'raisedHandEvent', listener: RaisedHandChangedListener): void;
  off(event: 'loweredHandEvent', listener: RaisedHandChangedListener): void;
}

/** The SDK's reaction feature (`call.feature(Features.Reaction)`), narrowed to what the kit uses. */
export interface ReactionFeaturePort extends CallFeature, Pick<ReactionCallFeature, 'sendReaction'> {
  on(event: 'reaction', listener: ReactionListenerPort): void;
  off(event: 'reaction', listener: ReactionListenerPort): void;
}

/**
 * A feature factory of a calling module's `Features` object, as `call.feature()` takes it. Only the
 * module's own calls construct features, so the constructor's context is `never` here.
 */
export interface CallFeatureFactoryPort<TFeature extends CallFeature> {
  readonly callApiCtor: new (context: never) => TFeature;
}

/**
 * The factories of a calling module's `Features` object that the kit uses. They are runtime
 * values of the module (the SDK's live in its 7 MB bundle), so the kit reads them from the loaded
 * module and never imports them.
 */
export interface CallFeaturesPort {
  RaiseHand: CallFeatureFactoryPort<RaiseHandFeaturePort>;
  Reaction: CallFeatureFactoryPort<ReactionFeaturePort>;
}

export interface TeamsCallPort
  extends Pick<
    TeamsCall,
    | 'id'
    | 'state'
    | 'callEndReason'
    | 'direction'
    | 'callerInfo'
    | 'isMuted'
    | 'isScreenSharingOn'
    | 'isLocalVideoStarted'
    | 'role'
    | 'mute'
    | 'unmute'
    | 'hold'
    | 'resume'
  > {
  /** The SDK's `CallKind` as its string value, so implementations need not import the SDK's enum. */
  readonly kind: `${CallKind}`;
  readonly localVideoStreams: ReadonlyArray<LocalVideoStreamPort>;
  readonly remoteParticipants: ReadonlyArray<RemoteParticipantPort>;
  readonly lobby: LobbyPort;
  hangUp(options?: HangUpOptions): Promise<void>;
  startVideo(localVideoStream: LocalVideoStreamPort): Promise<void>;
  stopVideo(localVideoStream: LocalVideoStreamPort): Promise<void>;
  startScreenSharing(localVideoStream?: LocalVideoStreamPort): Promise<void>;
  stopScreenSharing(): Promise<void>;
  /** Returns the call's feature object for a factory of the same module's `Features`, the same object each time. */
  feature<TFeature extends CallFeature>(factory: CallFeatureFactoryPort<TFeature>): TFeature;
  on(event: CallPropertyEvent, listener: PropertyChangedEvent): void;
  on(event: 'remoteParticipantsUpdated', listener: CollectionUpdatedListener<RemoteParticipantPort>): void;
  on(event: 'localVideoStreamsUpdated', listener: CollectionUpdatedListener<LocalVideoStreamPort>): void;
  off(event: CallPropertyEvent, listener: PropertyChangedEvent): void;
  off(event: 'remoteParticipantsUpdated', listener: CollectionUpdatedListener<RemoteParticipantPort>): void;
  off(event: 'localVideoStreamsUpdated', listener: CollectionUpdatedListener<LocalVideoStreamPort>): void;
}

export interface TeamsIncomingCallPort extends Pick<TeamsIncomingCall, 'id' | 'callerInfo' | 'callEndReason' | 'reject'> {
  accept(options?: WithPortVideo<AcceptCallOptions>): Promise<TeamsCallPort>;
  on(event: 'callEnded', listener: CallEndedEvent): void;
  off(event: 'callEnded', listener: CallEndedEvent): void;
}

export type IncomingCallListener = (args: { incomingCall: TeamsIncomingCallPort }) => void;

export interface TeamsCallAgentPort extends Pick<TeamsCallAgent, 'connectionState' | 'dispose'> {
  /** The SDK's `CallAgentKind` as its string value. */
  readonly kind: `${CallAgentKind}`;
  readonly calls: ReadonlyArray<TeamsCallPort>;
  startCall(participant: TeamsCallTarget, options?: WithPortVideo<StartTeamsCallOptions>): TeamsCallPort;
  startCall(participants: TeamsCallTarget[], options?: WithPortVideo<StartTeamsGroupCallOptions>): TeamsCallPort;
  join(meetingLocator: TeamsMeetingLinkLocator | TeamsMeetingIdLocator, options?: WithPortVideo<JoinCallOptions>): TeamsCallPort;
  on(event: 'incomingCall', listener: IncomingCallListener): void;
  on(event: 'callsUpdated', listener: CollectionUpdatedListener<TeamsCallPort>): void;
  on(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
  off(event: 'incomingCall', listener: IncomingCallListener): void;
  off(event: 'callsUpdated', listener: CollectionUpdatedListener<TeamsCallPort>): void;
  off(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
}

export interface DeviceManagerPort
  extends Pick<
    DeviceManager,
    | 'isSpeakerSelectionAvailable'
    | 'selectedMicrophone'
    | 'selectedSpeaker'
    | 'getCameras'
    | 'getMicrophones'
    | 'getSpeakers'
    | 'selectMicrophone'
    | 'selectSpeaker'
  > {
  askDevicePermission(constraints: PermissionConstraints): Promise<DeviceAccess>;
  on(event: 'videoDevicesUpdated', listener: CollectionUpdatedListener<VideoDeviceInfo>): void;
  on(event: 'audioDevicesUpdated', listener: CollectionUpdatedListener<AudioDeviceInfo>): void;
  on(event: 'selectedMicrophoneChanged' | 'selectedSpeakerChanged', listener: PropertyChangedEvent): void;
  off(event: 'videoDevicesUpdated', listener: CollectionUpdatedListener<VideoDeviceInfo>): void;
  off(event: 'audioDevicesUpdated', listener: CollectionUpdatedListener<AudioDeviceInfo>): void;
  off(event: 'selectedMicrophoneChanged' | 'selectedSpeakerChanged', listener: PropertyChangedEvent): void;
}

export interface CallClientPort {
  createTeamsCallAgent(credential: CommunicationTokenCredential): Promise<TeamsCallAgentPort>;
  getDeviceManager(): Promise<DeviceManagerPort>;
  dispose(): Promise<void>;
}

export interface VideoStreamRendererViewPort extends Pick<VideoStreamRendererView, 'target' | 'isMirrored' | 'scalingMode' | 'dispose'> {}

export interface VideoStreamRendererPort {
  createView(options?: CreateViewOptions): Promise<VideoStreamRendererViewPort>;
  dispose(): void;
}

/** A renderer constructor over the port's stream types. */
export interface VideoStreamRendererConstructor {
  new (stream: LocalVideoStreamPort | RemoteVideoStreamPort): VideoStreamRendererPort;
}

/**
 * A module with the calling SDK's API: `@azure/communication-calling` itself, or the sandbox's
 * implementation over local WebRTC.
 */
export interface CallingModule {
  CallClient: new (options?: CallClientOptions) => CallClientPort;
  LocalVideoStream: {
    new (source: VideoDeviceInfo): LocalVideoStreamPort;
    new (source: MediaStream): LocalVideoStreamPort;
  };
  /**
   * The SDK's renderer accepts only the SDK's own stream classes, so the parameter is `never`
   * here and `createRenderer` below is the one place that constructs it.
   */
  VideoStreamRenderer: new (stream: never) => VideoStreamRendererPort;
  /**
   * The SDK's microphone stream. Optional, so a host's own module without it still loads; the
   * pre-join screen then shows no microphone level.
   */
  LocalAudioStream?: new (source: AudioDeviceInfo) => LocalAudioStreamPort;
  /**
   * The SDK's call feature factories. Optional for the same reason; without them calls have no
   * raised hands or reactions.
   */
  Features?: CallFeaturesPort;
}

export type { CallKind };

/**
 * Creates a renderer for a stream that came from the same module. Every stream the port hands out
 * is the module's own object (an SDK `RemoteVideoStream` with the real SDK), which is what its
 * renderer requires, so widening the constructor here is safe.
 */
export function createRenderer(
  module: CallingModule,
  stream: LocalVideoStreamPort | RemoteVideoStreamPort,
): VideoStreamRendererPort {
  const Renderer = module.VideoStreamRenderer as unknown as VideoStreamRendererConstructor;
  return new Renderer(stream);
}
