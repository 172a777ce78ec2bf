/**
 * A test double of the calling port: an in-memory calling module whose classes implement the
 * port's interfaces, so a change in the SDK's API breaks the build here too.
 *
 * Its controls drive it: ring an incoming call, connect a call, add a remote participant with a
 * video stream, end a call with a code, make a device or a view fail.
 */
import type {
  AcceptCallOptions,
  AudioDeviceInfo,
  CallDirection,
  CallEndReason,
  CallerInfo,
  CallFeature,
  CallState,
  CreateViewOptions,
  DeviceAccess,
  JoinCallOptions,
  MediaStreamType,
  ParticipantRole,
  PermissionConstraints,
  RaisedHand,
  Reaction,
  ReactionMessage,
  RemoteParticipantState,
  ScalingMode,
  StartTeamsCallOptions,
  StreamSize,
  TeamsMeetingIdLocator,
  TeamsMeetingLinkLocator,
  VideoDeviceInfo,
} from '@azure/communication-calling';
import type { CommunicationIdentifierKind, CommunicationTokenCredential } from '@azure/communication-common';

import type {
  CallClientPort,
  CallingModule,
  DeviceManagerPort,
  LobbyPort,
  LocalAudioStreamPort,
  RaiseHandFeaturePort,
  ReactionFeaturePort,
  LocalVideoStreamPort,
  RemoteParticipantPort,
  RemoteVideoStreamPort,
  TeamsCallAgentPort,
  TeamsCallPort,
  TeamsCallTarget,
  TeamsIncomingCallPort,
  WithPortVideo,
  VideoStreamRendererPort,
  VideoStreamRendererViewPort,
} from '../../../src/services/calling/port.js';

type Listener = (...args: never[]) => void;

/** The `on`/`off` half of every port object, with a count of listeners for leak checks. */
class Emitter {
  readonly #listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
  }

  off(event: string, listener: Listener): void {
    this.#listeners.get(event)?.delete(listener);
  }

  /** Listeners of one event, or of all events. */
  listenerCount(event?: string): number {
    if (event !== undefined) return this.#listeners.get(event)?.size ?? 0;
    let count = 0;
    for (const set of this.#listeners.values()) count += set.size;
    return count;
  }

  protected emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) (listener as (...values: unknown[]) => void)(...args);
  }
}

export class FakeRemoteVideoStream extends Emitter implements RemoteVideoStreamPort {
  readonly id: number;
  readonly mediaStreamType: MediaStreamType;
  isAvailable: boolean;
  isReceiving = true;
  size: StreamSize = { width: 640, height: 480 };

  constructor(id: number, mediaStreamType: MediaStreamType, isAvailable: boolean) {
    super();
    this.id = id;
    this.mediaStreamType = mediaStreamType;
    this.isAvailable = isAvailable;
  }

  async getMediaStream(): Promise<MediaStream> {
    return new MediaStream();
  }

  /** Control: the sender turns the stream on or off. */
  setAvailable(isAvailable: boolean): void {
    this.isAvailable = isAvailable;
    this.emit('isAvailableChanged');
  }
}

export class FakeRemoteParticipant extends Emitter implements RemoteParticipantPort {
  readonly identifier: CommunicationIdentifierKind;
  displayName: string | undefined;
  state: RemoteParticipantState = 'Connected';
  callEndReason: CallEndReason | undefined;
  isMuted = false;
  isSpeaking = false;
  role: ParticipantRole = 'Attendee';
  videoStreams: FakeRemoteVideoStream[] = [];
  #nextStreamId = 1;

  constructor(objectId: string, displayName: string | undefined) {
    super();
    this.identifier = { kind: 'microsoftTeamsUser', microsoftTeamsUserId: objectId };
    this.displayName = displayName;
  }

  /** Control: the participant starts a camera or a screen share. */
  addVideoStream(mediaStreamType: MediaStreamType = 'Video', isAvailable = true): FakeRemoteVideoStream {
    const stream = new FakeRemoteVideoStream(this.#nextStreamId++, mediaStreamType, isAvailable);
    this.videoStreams = [...this.videoStreams, stream];
    this.emit('videoStreamsUpdated', { added: [stream], removed: [] });
    return stream;
  }

  /** Control: adds a stream object that was removed before (the SDK does so after a network change). */
  readdVideoStream(stream: FakeRemoteVideoStream): void {
    this.videoStreams = [...this.videoStreams, stream];
    this.emit('videoStreamsUpdated', { added: [stream], removed: [] });
  }

  /** Control: the stream goes away. */
  removeVideoStream(stream: FakeRemoteVideoStream): void {
    this.videoStreams = this.videoStreams.filter((candidate) => candidate !== stream);
    this.emit('videoStreamsUpdated', { added: [], removed: [stream] });
  }

  setMuted(isMuted: boolean): void {
    this.isMuted = isMuted;
    this.emit('isMutedChanged');
  }

  setSpeaking(isSpeaking: boolean): void {
    this.isSpeaking = isSpeaking;
    this.emit('isSpeakingChanged');
  }

  setDisplayName(displayName: string): void {
    this.displayName = displayName;
    this.emit('displayNameChanged');
  }
}

export class FakeLocalVideoStream implements LocalVideoStreamPort {
  readonly mediaStreamType: MediaStreamType;
  #source: VideoDeviceInfo;
  disposeCount = 0;
  switchedTo: VideoDeviceInfo[] = [];

  constructor(source: VideoDeviceInfo | MediaStream, mediaStreamType: MediaStreamType = 'Video') {
    this.#source = source instanceof MediaStream ? { id: source.id, name: 'Media stream', deviceType: 'Virtual' } : source;
    this.mediaStreamType = mediaStreamType;
  }

  get source(): VideoDeviceInfo {
    return this.#source;
  }

  async switchSource(source: VideoDeviceInfo): Promise<void> {
    this.switchedTo.push(source);
    this.#source = source;
  }

  async getMediaStream(): Promise<MediaStream> {
    return new MediaStream();
  }

  dispose(): void {
    this.disposeCount++;
  }
}

/**
 * A microphone stream whose `MediaStream` carries a steady 440 Hz tone, so a level meter reads
 * a level above zero without a real microphone.
 */
export class FakeLocalAudioStream implements LocalAudioStreamPort {
  readonly mediaStreamType = 'Audio' as const;
  source: AudioDeviceInfo;
  disposeCount = 0;
  #context: AudioContext | undefined;
  #stream: MediaStream | undefined;

  constructor(source: AudioDeviceInfo) {
    this.source = source;
  }

  async getMediaStream(): Promise<MediaStream> {
    if (this.#stream !== undefined) return this.#stream;
    this.#context = new AudioContext();
    const oscillator = this.#context.createOscillator();
    const destination = this.#context.createMediaStreamDestination();
    oscillator.connect(destination);
    oscillator.start();
    this.#stream = destination.stream;
    return this.#stream;
  }

  async switchSource(source: AudioDeviceInfo): Promise<void> {
    this.source = source;
  }

  dispose(): void {
    this.disposeCount++;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    void this.#context?.close();
  }
}

/** A meeting's lobby: the test puts people in it, and records who was admitted or removed. */
export class FakeLobby extends Emitter implements LobbyPort {
  participants: FakeRemoteParticipant[] = [];
  admitted: CommunicationIdentifierKind[] = [];
  rejected: CommunicationIdentifierKind[] = [];
  admitAllCount = 0;

  async admit(participant: CommunicationIdentifierKind): Promise<void> {
    this.admitted.push(participant);
  }

  async reject(participant: CommunicationIdentifierKind): Promise<void> {
    this.rejected.push(participant);
  }

  async admitAll(): Promise<{ successCount: number; failureCount: number }> {
    this.admitAllCount++;
    return { successCount: this.participants.length, failureCount: 0 };
  }

  /** Control: someone starts waiting in the lobby. */
  addWaiting(objectId: string, displayName: string | undefined): FakeRemoteParticipant {
    const participant = new FakeRemoteParticipant(objectId, displayName);
    participant.state = 'InLobby';
    this.participants = [...this.participants, participant];
    this.emit('lobbyParticipantsUpdated', { added: [participant], removed: [] });
    return participant;
  }

  /** Control: someone leaves the lobby (admitted, removed, or gone). */
  removeWaiting(participant: FakeRemoteParticipant): void {
    this.participants = this.participants.filter((candidate) => candidate !== participant);
    this.emit('lobbyParticipantsUpdated', { added: [], removed: [participant] });
  }
}

/** The object id the double's own user has: Adele Vance, whom the element tests sign in as. */
export const selfObjectId = '0a1b2c3d-0001-4000-8000-00000000c0a1';

function teamsUser(objectId: string): { kind: 'microsoftTeamsUser'; microsoftTeamsUserId: string } {
  return { kind: 'microsoftTeamsUser', microsoftTeamsUserId: objectId };
}

/** A call's raised hands: the local user's through `raiseHand`, the others' through the controls. */
export class FakeRaiseHand extends Emitter implements RaiseHandFeaturePort {
  readonly name = 'RaiseHand';
  #hands: Array<{ objectId: string; order: number }> = [];
  #nextOrder = 1;
  raiseCount = 0;
  lowerCount = 0;

  async raiseHand(): Promise<void> {
    this.raiseCount++;
    this.setRaised(selfObjectId, true);
  }

  async lowerHand(): Promise<void> {
    this.lowerCount++;
    this.setRaised(selfObjectId, false);
  }

  getRaisedHands(): RaisedHand[] {
    return this.#hands.map((hand) => ({ identifier: teamsUser(hand.objectId), order: hand.order }));
  }

  dispose(): void {
    this.#hands = [];
  }

  /** Control: someone raises or lowers their hand. */
  setRaised(objectId: string, raised: boolean): void {
    const present = this.#hands.some((hand) => hand.objectId === objectId);
    if (raised === present) return;
    this.#hands = raised ? [...this.#hands, { objectId, order: this.#nextOrder++ }] : this.#hands.filter((hand) => hand.objectId !== objectId);
    this.emit(raised ? 'raisedHandEvent' : 'loweredHandEvent', { identifier: teamsUser(objectId) });
  }
}

/** A call's reactions: what the local user sent, and the others' through the control. */
export class FakeReaction extends Emitter implements ReactionFeaturePort {
  readonly name = 'Reaction';
  readonly sent: ReactionMessage[] = [];

  async sendReaction(reactionMessage: ReactionMessage): Promise<void> {
    this.sent.push(reactionMessage);
  }

  dispose(): void {
    // The double holds nothing to release.
  }

  /** Control: someone else sends a reaction. */
  receive(objectId: string, reactionType: Reaction): void {
    this.emit('reaction', { identifier: teamsUser(objectId), reactionMessage: { reactionType } });
  }
}

/** The double's `Features`, as the kit reads them from the loaded module. */
export const fakeFeatures = {
  RaiseHand: { callApiCtor: FakeRaiseHand },
  Reaction: { callApiCtor: FakeReaction },
};

/** Errors the double raises from its next device calls, each used once. */
export interface DeviceFailures {
  startVideo: unknown[];
  startScreenSharing: unknown[];
}

/** Errors the double's next camera and microphone streams raise from `getMediaStream()`, where the SDK opens the device; each used once. */
export interface OpenFailures {
  camera: unknown[];
  microphone: unknown[];
}

export class FakeCall extends Emitter implements TeamsCallPort {
  readonly id: string;
  readonly kind = 'TeamsCall' as TeamsCallPort['kind'];
  readonly direction: CallDirection;
  readonly callerInfo: CallerInfo;
  role: ParticipantRole = 'Attendee';
  readonly lobby = new FakeLobby();
  state: CallState;
  callEndReason: CallEndReason | undefined;
  isMuted = false;
  isScreenSharingOn = false;
  isLocalVideoStarted = false;
  localVideoStreams: LocalVideoStreamPort[] = [];
  remoteParticipants: FakeRemoteParticipant[] = [];
  hangUpCount = 0;
  hangUpOptions: Array<{ forEveryone?: boolean } | undefined> = [];
  holdCount = 0;
  resumeCount = 0;
  readonly raiseHand = new FakeRaiseHand();
  readonly reaction = new FakeReaction();
  /** How many times the kit asked for each feature. */
  featureRequests = 0;
  readonly #failures: DeviceFailures;

  constructor(id: string, direction: CallDirection, callerInfo: CallerInfo, failures: DeviceFailures, state: CallState) {
    super();
    this.id = id;
    this.direction = direction;
    this.callerInfo = callerInfo;
    this.#failures = failures;
    this.state = state;
  }

  async mute(): Promise<void> {
    this.isMuted = true;
    this.emit('isMutedChanged');
  }

  async unmute(): Promise<void> {
    this.isMuted = false;
    this.emit('isMutedChanged');
  }

  async hold(): Promise<void> {
    this.holdCount++;
    this.setState('LocalHold');
  }

  async resume(): Promise<void> {
    this.resumeCount++;
    this.setState('Connected');
  }

  async hangUp(options?: { forEveryone?: boolean }): Promise<void> {
    this.hangUpCount++;
    this.hangUpOptions.push(options);
    this.setState('Disconnecting');
    this.end(0, 0);
  }

  async startVideo(stream: LocalVideoStreamPort): Promise<void> {
    const failure = this.#failures.startVideo.shift();
    if (failure !== undefined) throw failure;

    this.localVideoStreams = [...this.localVideoStreams, stream];
    this.isLocalVideoStarted = true;
    this.emit('localVideoStreamsUpdated', { added: [stream], removed: [] });
    this.emit('isLocalVideoStartedChanged');
  }

  async stopVideo(stream: LocalVideoStreamPort): Promise<void> {
    this.localVideoStreams = this.localVideoStreams.filter((candidate) => candidate !== stream);
    this.isLocalVideoStarted = false;
    this.emit('localVideoStreamsUpdated', { added: [], removed: [stream] });
    this.emit('isLocalVideoStartedChanged');
  }

  async startScreenSharing(): Promise<void> {
    const failure = this.#failures.startScreenSharing.shift();
    if (failure !== undefined) throw failure;

    this.isScreenSharingOn = true;
    this.emit('isScreenSharingOnChanged');
  }

  async stopScreenSharing(): Promise<void> {
    this.isScreenSharingOn = false;
    this.emit('isScreenSharingOnChanged');
  }

  feature<TFeature extends CallFeature>(factory: { readonly callApiCtor: new (context: never) => TFeature }): TFeature {
    this.featureRequests++;
    if (factory.callApiCtor === (FakeRaiseHand as unknown)) return this.raiseHand as unknown as TFeature;
    if (factory.callApiCtor === (FakeReaction as unknown)) return this.reaction as unknown as TFeature;
    throw new Error('The double implements only the RaiseHand and Reaction features.');
  }

  /** Control: the local user's role changes, as when a meeting names its organizer. */
  setRole(role: ParticipantRole): void {
    this.role = role;
    this.emit('roleChanged');
  }

  /** Control: moves the call to another state. */
  setState(state: CallState): void {
    this.state = state;
    this.emit('stateChanged');
  }

  /** Control: the other person answers; adds them and connects. */
  connect(objectId = 'b0000000-0000-4000-8000-000000000001', displayName: string | undefined = 'Diego Siciliani'): FakeRemoteParticipant {
    const participant = this.addParticipant(objectId, displayName);
    this.setState('Connected');
    return participant;
  }

  /** Control: a remote participant joins. */
  addParticipant(objectId: string, displayName: string | undefined): FakeRemoteParticipant {
    const participant = new FakeRemoteParticipant(objectId, displayName);
    this.remoteParticipants = [...this.remoteParticipants, participant];
    this.emit('remoteParticipantsUpdated', { added: [participant], removed: [] });
    return participant;
  }

  /** Control: a remote participant leaves. */
  removeParticipant(participant: FakeRemoteParticipant): void {
    this.remoteParticipants = this.remoteParticipants.filter((candidate) => candidate !== participant);
    this.emit('remoteParticipantsUpdated', { added: [], removed: [participant] });
  }

  /** Control: the call ends with a code and subcode. */
  end(code: number, subCode?: number): void {
    this.callEndReason = subCode === undefined ? { code } : { code, subCode };
    this.setState('Disconnected');
  }
}

export class FakeIncomingCall extends Emitter implements TeamsIncomingCallPort {
  readonly id: string;
  readonly callerInfo: CallerInfo;
  callEndReason: CallEndReason | undefined;
  rejectCount = 0;
  acceptOptions: AcceptCallOptions | undefined;
  readonly #answer: (incoming: FakeIncomingCall) => FakeCall;

  constructor(id: string, callerInfo: CallerInfo, answer: (incoming: FakeIncomingCall) => FakeCall) {
    super();
    this.id = id;
    this.callerInfo = callerInfo;
    this.#answer = answer;
  }

  async accept(options?: AcceptCallOptions): Promise<FakeCall> {
    this.acceptOptions = options;
    return this.#answer(this);
  }

  async reject(): Promise<void> {
    this.rejectCount++;
    this.callEndReason = { code: 0, subCode: 0 };
    this.emit('callEnded', { callEndReason: this.callEndReason });
  }

  /** Control: the caller hangs up before anyone answers. */
  cancelByCaller(code = 487, subCode = 560487): void {
    this.callEndReason = { code, subCode };
    this.emit('callEnded', { callEndReason: this.callEndReason });
  }
}

export class FakeCallAgent extends Emitter implements TeamsCallAgentPort {
  readonly kind = 'TeamsCallAgent' as TeamsCallAgentPort['kind'];
  connectionState: 'Connected' | 'Disconnected' = 'Connected';
  calls: FakeCall[] = [];
  startCallTargets: TeamsCallTarget[] = [];
  startCallOptions: Array<(StartTeamsCallOptions & { threadId?: string }) | undefined> = [];
  joinLocators: Array<TeamsMeetingLinkLocator | TeamsMeetingIdLocator> = [];
  joinOptions: Array<WithPortVideo<JoinCallOptions> | undefined> = [];
  disposeCount = 0;
  readonly credential: CommunicationTokenCredential;
  readonly #double: PortDouble;
  #nextCallId = 1;

  constructor(double: PortDouble, credential: CommunicationTokenCredential) {
    super();
    this.#double = double;
    this.credential = credential;
  }

  startCall(target: TeamsCallTarget | TeamsCallTarget[], options?: StartTeamsCallOptions & { threadId?: string }): FakeCall {
    if (this.#double.startCallError !== undefined) throw this.#double.startCallError;

    this.startCallTargets.push(...(Array.isArray(target) ? target : [target]));
    this.startCallOptions.push(options);
    return this.#addCall(new FakeCall(`call-${this.#nextCallId++}`, 'Outgoing', { identifier: undefined }, this.#double.failures, 'Connecting'));
  }

  /** Joins a meeting: the call starts in `Connecting`; the test moves it to `InLobby` or `Connected`. */
  join(locator: TeamsMeetingLinkLocator | TeamsMeetingIdLocator, options?: WithPortVideo<JoinCallOptions>): FakeCall {
    if (this.#double.startCallError !== undefined) throw this.#double.startCallError;

    this.joinLocators.push(locator);
    this.joinOptions.push(options);
    return this.#addCall(new FakeCall(`meeting-${this.#nextCallId++}`, 'Outgoing', { identifier: undefined }, this.#double.failures, 'Connecting'));
  }

  async dispose(): Promise<void> {
    this.disposeCount++;
    for (const call of this.calls) if (call.state !== 'Disconnected') call.end(0, 0);
  }

  /** Control: someone calls this user. */
  ringIncoming(caller: { objectId?: string; displayName?: string } = {}): FakeIncomingCall {
    const objectId = caller.objectId ?? 'b0000000-0000-4000-8000-000000000002';
    const callerInfo: CallerInfo = {
      identifier: { kind: 'microsoftTeamsUser', microsoftTeamsUserId: objectId },
      ...(caller.displayName === undefined ? {} : { displayName: caller.displayName }),
    };
    const incoming = new FakeIncomingCall(`incoming-${this.#nextCallId++}`, callerInfo, (answered) => {
      const call = new FakeCall(answered.id, 'Incoming', callerInfo, this.#double.failures, 'Connected');
      call.addParticipant(objectId, caller.displayName);
      return this.#addCall(call);
    });
    this.emit('incomingCall', { incomingCall: incoming });
    return incoming;
  }

  /** Control: the agent loses or regains its connection to Teams. */
  setConnectionState(connectionState: 'Connected' | 'Disconnected'): void {
    const oldValue = this.connectionState;
    this.connectionState = connectionState;
    this.emit('connectionStateChanged', { newValue: connectionState, oldValue });
  }

  #addCall(call: FakeCall): FakeCall {
    this.calls = [...this.calls, call];
    this.emit('callsUpdated', { added: [call], removed: [] });
    return call;
  }
}

export class FakeDeviceManager extends Emitter implements DeviceManagerPort {
  isSpeakerSelectionAvailable = true;
  selectedMicrophone: AudioDeviceInfo | undefined = undefined;
  selectedSpeaker: AudioDeviceInfo | undefined = undefined;
  readonly #double: PortDouble;
  permissionRequests: PermissionConstraints[] = [];

  constructor(double: PortDouble) {
    super();
    this.#double = double;
  }

  async getCameras(): Promise<VideoDeviceInfo[]> {
    return this.#double.cameras;
  }

  async getMicrophones(): Promise<AudioDeviceInfo[]> {
    return this.#double.microphones;
  }

  async getSpeakers(): Promise<AudioDeviceInfo[]> {
    return this.#double.speakers;
  }

  async selectMicrophone(microphone: AudioDeviceInfo): Promise<void> {
    this.selectedMicrophone = microphone;
    this.emit('selectedMicrophoneChanged');
  }

  async selectSpeaker(speaker: AudioDeviceInfo): Promise<void> {
    const failure = this.#double.selectSpeakerError;
    if (failure !== undefined) {
      this.#double.selectSpeakerError = undefined;
      throw failure;
    }
    this.selectedSpeaker = speaker;
    this.emit('selectedSpeakerChanged');
  }

  async askDevicePermission(constraints: PermissionConstraints): Promise<DeviceAccess> {
    this.permissionRequests.push(constraints);
    return { audio: constraints.audio && this.#double.permission.audio, video: constraints.video && this.#double.permission.video };
  }

  /** Control: cameras are plugged in or out; the lists on the double are replaced first. */
  announceVideoDevices(added: VideoDeviceInfo[], removed: VideoDeviceInfo[]): void {
    this.emit('videoDevicesUpdated', { added, removed });
  }

  /** Control: microphones or speakers are plugged in or out. */
  announceAudioDevices(added: AudioDeviceInfo[], removed: AudioDeviceInfo[]): void {
    this.emit('audioDevicesUpdated', { added, removed });
  }
}

export class FakeView implements VideoStreamRendererViewPort {
  readonly target: HTMLElement;
  readonly isMirrored: boolean;
  readonly scalingMode: ScalingMode;
  disposeCount = 0;

  constructor(options: CreateViewOptions | undefined) {
    this.isMirrored = options?.isMirrored ?? false;
    this.scalingMode = options?.scalingMode ?? 'Crop';
    this.target = document.createElement('div');
    this.target.className = 'fake-view';
    this.target.append(document.createElement('video'));
  }

  dispose(): void {
    this.disposeCount++;
  }
}

/** How the double's `createView` settles: at once, never, with a failure, or when the test decides. */
export type CreateViewMode = 'resolve' | 'hang' | 'reject' | 'manual';

export class FakeRenderer implements VideoStreamRendererPort {
  readonly stream: LocalVideoStreamPort | RemoteVideoStreamPort;
  readonly views: FakeView[] = [];
  disposeCount = 0;
  /** With `manual` mode: resolves the pending `createView`. */
  resolvePending: (() => void) | undefined;
  readonly #double: PortDouble;

  constructor(double: PortDouble, stream: LocalVideoStreamPort | RemoteVideoStreamPort) {
    this.#double = double;
    this.stream = stream;
    double.renderers.push(this);
  }

  createView(options?: CreateViewOptions): Promise<FakeView> {
    const create = (): FakeView => {
      const view = new FakeView(options);
      this.views.push(view);
      return view;
    };

    switch (this.#double.createViewMode) {
      case 'resolve':
        return Promise.resolve(create());
      case 'hang':
        return new Promise(() => undefined);
      case 'reject':
        return Promise.reject(new Error('The double failed createView.'));
      case 'manual':
        return new Promise((resolve) => {
          this.resolvePending = () => resolve(create());
        });
    }
  }

  dispose(): void {
    this.disposeCount++;
  }
}

/** The double's world: its module, what it created, and how it should behave next. */
export class PortDouble {
  readonly agents: FakeCallAgent[] = [];
  readonly clients: Array<{ disposeCount: number }> = [];
  readonly renderers: FakeRenderer[] = [];
  readonly deviceManager: FakeDeviceManager;
  cameras: VideoDeviceInfo[] = [{ id: 'camera-1', name: 'Fake camera', deviceType: 'UsbCamera' }];
  microphones: AudioDeviceInfo[] = [{ id: 'microphone-1', name: 'Fake microphone', deviceType: 'Microphone', isSystemDefault: true }];
  speakers: AudioDeviceInfo[] = [{ id: 'speaker-1', name: 'Fake speaker', deviceType: 'Speaker', isSystemDefault: true }];
  permission: DeviceAccess = { audio: true, video: true };
  failures: DeviceFailures = { startVideo: [], startScreenSharing: [] };
  openFailures: OpenFailures = { camera: [], microphone: [] };
  /** Every camera and microphone stream the kit created through the module. */
  readonly cameraStreams: FakeLocalVideoStream[] = [];
  readonly microphoneStreams: FakeLocalAudioStream[] = [];
  createViewMode: CreateViewMode = 'resolve';
  /** Rejects the next `createTeamsCallAgent` with it, once. */
  createAgentError: unknown;
  /** While set, `createTeamsCallAgent` waits for it. */
  createAgentGate: Promise<void> | undefined;
  /** Rejects the next `selectSpeaker` with it, once. */
  selectSpeakerError: unknown;
  /** `startCall` throws it while set. */
  startCallError: unknown;
  readonly module: CallingModule;

  constructor() {
    this.deviceManager = new FakeDeviceManager(this);

    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const double = this;

    class CallClient implements CallClientPort {
      disposeCount = 0;

      constructor() {
        double.clients.push(this);
      }

      async createTeamsCallAgent(credential: CommunicationTokenCredential): Promise<TeamsCallAgentPort> {
        await double.createAgentGate;
        const error = double.createAgentError;
        if (error !== undefined) {
          double.createAgentError = undefined;
          throw error;
        }
        const agent = new FakeCallAgent(double, credential);
        double.agents.push(agent);
        return agent;
      }

      async getDeviceManager(): Promise<DeviceManagerPort> {
        return double.deviceManager;
      }

      async dispose(): Promise<void> {
        this.disposeCount++;
      }
    }

    class VideoStreamRenderer extends FakeRenderer {
      constructor(stream: LocalVideoStreamPort | RemoteVideoStreamPort) {
        super(double, stream);
      }
    }

    class LocalVideoStream extends FakeLocalVideoStream {
      constructor(source: VideoDeviceInfo | MediaStream) {
        super(source);
        double.cameraStreams.push(this);
      }

      override async getMediaStream(): Promise<MediaStream> {
        const failure = double.openFailures.camera.shift();
        if (failure !== undefined) throw failure;
        return super.getMediaStream();
      }
    }

    class LocalAudioStream extends FakeLocalAudioStream {
      constructor(source: AudioDeviceInfo) {
        super(source);
        double.microphoneStreams.push(this);
      }

      override async getMediaStream(): Promise<MediaStream> {
        const failure = double.openFailures.microphone.shift();
        if (failure !== undefined) throw failure;
        return super.getMediaStream();
      }
    }

    this.module = { CallClient, LocalVideoStream, LocalAudioStream, VideoStreamRenderer, Features: fakeFeatures } satisfies Required<CallingModule>;
  }

  /** The most recent call agent; fails the test when none was created. */
  get agent(): FakeCallAgent {
    const agent = this.agents.at(-1);
    if (agent === undefined) throw new Error('No call agent was created.');
    return agent;
  }

  /** The agent's most recent call; fails the test when there is none. */
  get lastCall(): FakeCall {
    const call = this.agent.calls.at(-1);
    if (call === undefined) throw new Error('No call was started or accepted.');
    return call;
  }

  /** Every view created so far. */
  get views(): FakeView[] {
    return this.renderers.flatMap((renderer) => renderer.views);
  }
}

/** Creates a named DOMException, as browsers raise from getUserMedia and getDisplayMedia. */
export function mediaError(name: string, message = `${name} from the double`): DOMException {
  return new DOMException(message, name);
}
