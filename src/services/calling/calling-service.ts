import type { CallEndReason, VideoDeviceInfo } from '@azure/communication-calling';

import { TeamsError, isTeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import { type CallSnapshot, CallStore } from './call-store.js';
import { parseCallTarget, rejectSelfCall } from './call-target.js';
import { type OutgoingCallPlan, planOutgoingCall, splitCallTargets } from './call-targets.js';
import { type AgentStatus, type CallKind, type CallingState, type IncomingCallSnapshot, initialCallingState } from './calling-state.js';
import { describeError } from './describe-error.js';
import { type DeviceProblem, type MediaDevice, classifyDeviceError } from './device-errors.js';
import { withDeviceProblem, withoutDeviceProblem } from './device-problems.js';
import { DeviceSelection } from './device-selection.js';
import { describeEndReason } from './end-reasons.js';
import { identifierKey } from './identifiers.js';
import { IncomingCallList } from './incoming-calls.js';
import { loadCallingModule } from './loader.js';
import { createCameraStream, videoOptionsFor } from './local-media.js';
import { parseMeetingLocator } from './meeting-locator.js';
import type {
  CallClientPort,
  CallingModule,
  DeviceManagerPort,
  LocalVideoStreamPort,
  TeamsCallAgentPort,
  TeamsCallPort,
  TeamsIncomingCallPort,
  VideoOptionsPort,
} from './port.js';
import { Store } from './store.js';

/** Logger for errors that the service handles without rethrowing. It is never given a token. */
export type CallingLogger = Pick<Console, 'warn'>;

export interface CallingServiceOptions {
  /** Defaults to `console`; `null` silences it. */
  logger?: CallingLogger | null;
  /** Replaces `fetch` for the Microsoft Graph requests (user lookup, group chat), for tests. */
  fetch?: typeof fetch;
}

/** Media that `call`, `join` and `accept` send from the start. */
export interface MediaOptions {
  /** Sends the camera from the start. Defaults to false (audio only). */
  video?: boolean;
  /** Starts with the microphone muted. Defaults to false. */
  muted?: boolean;
}

/** Options of `hangUp`. */
export interface HangUpCallOptions {
  /** Ends the call for every participant; only a meeting's organizer may. */
  forEveryone?: boolean;
}

type Unsubscribe = () => void;

/** The media part of the SDK's start, join and accept options. */
interface CallMediaOptions {
  videoOptions?: VideoOptionsPort;
  audioOptions?: { muted: boolean };
}

/** The call agent and what came with it; present while `agentStatus` is `ready`. */
interface AgentParts {
  module: CallingModule;
  client: CallClientPort;
  agent: TeamsCallAgentPort;
  deviceManager: DeviceManagerPort;
  devices: DeviceSelection;
  subscriptions: Unsubscribe[];
}

/** What the service tracks about the current call beyond the SDK's call object. */
interface TrackedCall {
  store: CallStore;
  kind: CallKind;
  /** Name to show before the SDK names the remote participants: the lookup's, the caller's, or the link. */
  fallbackName: string | undefined;
  unsubscribe: Unsubscribe;
}

/**
 * The calling side of one session: the `CallClient`, its Teams call agent, the device manager,
 * the current call and the ringing incoming calls. Elements subscribe to its state and forward
 * what the person does; a host page may use it without any element.
 *
 * Nothing loads until `prepare()` (or `call()`, `join()`), so a page that never calls never
 * downloads the SDK. The agent is disposed when the session signs out or switches account.
 */
export class CallingService extends Store<CallingState> {
  readonly session: SessionApi;
  readonly #logger: CallingLogger | null;
  readonly #fetch: typeof fetch | undefined;

  #parts: AgentParts | undefined;
  #preparing: Promise<AgentParts> | undefined;
  /** Bumped by `reset`, so work started before a sign-out cannot touch the state after it. */
  #generation = 0;
  /** Object id of the account the agent was created for. */
  #accountId: string | undefined;

  #tracked: TrackedCall | undefined;
  #cameraStream: LocalVideoStreamPort | undefined;
  #outgoingAbort: AbortController | undefined;
  readonly #incoming = new IncomingCallList((incomingCalls) => this.update({ incomingCalls }));
  /** Device actions in flight. A second click on the same control is ignored until the first finishes. */
  readonly #busyDevices = new Set<MediaDevice>();

  readonly #onSessionChange = (): void => {
    if (this.#accountId !== undefined && this.session.account?.objectId !== this.#accountId) void this.reset();
  };

  constructor(session: SessionApi, options: CallingServiceOptions = {}) {
    super(initialCallingState);
    this.session = session;
    this.#logger = options.logger === undefined ? console : options.logger;
    this.#fetch = options.fetch;
    session.addEventListener('change', this.#onSessionChange);
  }

  /** The loaded calling module, for renderers; `undefined` until `prepare()` has finished. */
  get module(): CallingModule | undefined {
    return this.#parts?.module;
  }

  /** The device manager, once `prepare()` has finished; the pre-join preview uses it. */
  get deviceManager(): DeviceManagerPort | undefined {
    return this.#parts?.deviceManager;
  }

  /**
   * Loads the calling module and creates the Teams call agent, once; later calls return at once.
   * This is the call intent the kit waits for: the first Call click, the call form's focus, or a
   * page that opted in to incoming calls. Rejects with `TeamsError` code `signed-out`,
   * `calling-module-failed`, `calling-module-invalid` or `call-agent-failed`; calling it again
   * after a failure tries again.
   */
  async prepare(): Promise<void> {
    await this.#prepareParts();
  }

  /**
   * Calls one Teams user, or several in a group call: each by user principal name (looked up in
   * Microsoft Graph) or Entra object id, in an array or separated by commas or semicolons. A
   * group call uses the group chat of everyone in it, created through Graph when there is none.
   *
   * Resolves once the SDK has a call (it then rings); the call's progress is in `snapshot.call`.
   * Rejects with the `TeamsError` also stored in `callError`: codes `call-in-progress`, the
   * `call-target-…` codes of `resolveCallTarget`, `call-target-duplicate`, the `group-chat-…`
   * codes, the `prepare()` codes, or `call-start-failed`. `hangUp()` during the lookup cancels
   * quietly.
   */
  async call(input: string | string[], options: MediaOptions = {}): Promise<void> {
    const inputs = splitCallTargets(input);
    const label = inputs.join(', ');
    this.#rejectSecondCall(`"${label}" was not called`);

    // Malformed input and calling oneself fail before the SDK starts to download.
    try {
      for (const target of inputs) rejectSelfCall(parseCallTarget(target), this.session.account);
    } catch (error) {
      throw this.#failCall(error);
    }

    const kind: CallKind = inputs.length > 1 ? 'group' : 'one-to-one';
    const lookup = (signal: AbortSignal): Promise<OutgoingCallPlan> =>
      planOutgoingCall(this.session, inputs, {
        signal,
        ...(this.#fetch ? { fetch: this.#fetch } : {}),
        onFindingChat: () => {
          if (!signal.aborted) this.update({ outgoing: { target: label, kind, phase: 'finding-chat' } });
        },
      });

    await this.#startOutgoing(label, kind, options, lookup, (agent, plan, callOptions) => {
      const call =
        plan.threadId === undefined
          ? agent.startCall(plan.identifiers[0]!, callOptions)
          : agent.startCall(plan.identifiers, { ...callOptions, threadId: plan.threadId });
      return { call, name: plan.names.join(', ') };
    });
  }

  /**
   * Joins a Teams meeting by its join link, or by its meeting id and passcode. People from outside
   * the organizer's organization wait in the lobby (`call.state` is `InLobby`) until someone in
   * the meeting admits them. Rejects with the `TeamsError` also stored in `callError`: codes
   * `call-in-progress`, the `meeting-…` codes of `parseMeetingLocator`, the `prepare()` codes, or
   * `call-start-failed`.
   */
  async join(meeting: string, passcode = '', options: MediaOptions = {}): Promise<void> {
    this.#rejectSecondCall(`the meeting "${meeting.trim()}" was not joined`);

    let locator: ReturnType<typeof parseMeetingLocator>;
    try {
      locator = parseMeetingLocator(meeting, passcode);
    } catch (error) {
      throw this.#failCall(error);
    }

    const label = meeting.trim();
    await this.#startOutgoing(label, 'meeting', options, async () => locator, (agent, meetingLocator, callOptions) => ({
      call: agent.join(meetingLocator, callOptions),
      name: undefined,
    }));
  }

  /**
   * Accepts a ringing incoming call (the oldest one unless `callId` names another). Audio only
   * unless `options.video`.
   *
   * NOTE: the kit shows one call at a time, so accepting while another call is active hangs that
   * call up first instead of putting it on hold.
   */
  async accept(callId?: string, options: MediaOptions = {}): Promise<void> {
    const ringing = this.#incoming.find(callId);
    this.#incoming.forget(ringing.incomingCall);
    this.update({ callError: undefined, deviceProblems: [] });

    try {
      if (this.#tracked !== undefined) await this.hangUp();
      this.update({ lastEndedCall: undefined });

      const parts = await this.#prepareParts();
      const access = await this.#askDevicePermission(parts, options.video === true);
      const videoStream = options.video && access.video ? await this.#tryCreateCameraStream(parts) : undefined;

      let call: TeamsCallPort;
      try {
        call = await ringing.incomingCall.accept(mediaOptionsFor(videoStream, options.muted));
      } catch (error) {
        videoStream?.dispose();
        throw error;
      }

      // A call that rings with others already in it is a group call.
      const kind: CallKind = call.remoteParticipants.length > 1 ? 'group' : 'one-to-one';
      this.#trackCall(call, kind, ringing.callerName, videoStream);
    } catch (error) {
      throw this.#failCall(error, 'call-accept-failed', `Accepting the call from ${ringing.callerName ?? 'an unknown caller'} failed`);
    }
  }

  /**
   * Declines a ringing incoming call (the oldest one unless `callId` names another). An active
   * call is not affected: it stays tracked, and its end is reported as usual.
   */
  async decline(callId?: string): Promise<void> {
    const ringing = this.#incoming.find(callId);
    this.#incoming.forget(ringing.incomingCall);

    try {
      await ringing.incomingCall.reject();
    } catch (error) {
      // The call stops ringing here either way; the caller's side times out.
      this.#logger?.warn(`Declining the incoming call ${ringing.id} failed: ${describeError(error)}`);
    }
  }

  /**
   * Hangs up the current call, or cancels a call whose target is still being looked up. With
   * `forEveryone`, a meeting's organizer ends the meeting for all participants.
   */
  async hangUp(options: HangUpCallOptions = {}): Promise<void> {
    if (this.#outgoingAbort !== undefined) {
      this.#outgoingAbort.abort();
      this.#outgoingAbort = undefined;
      this.update({ outgoing: undefined });
      return;
    }

    const call = this.#tracked?.store.call;
    if (call === undefined) return;

    try {
      await call.hangUp(options.forEveryone === true ? { forEveryone: true } : undefined);
    } catch (error) {
      this.#logger?.warn(`Hanging up the call ${call.id} failed: ${describeError(error)}`);
      throw this.#failCall(error, 'call-hang-up-failed', 'Hanging up the call failed');
    }
  }

  /** Puts the current call on hold: no media flows either way until `resume()`. */
  async hold(): Promise<void> {
    const call = this.#requireCall('put on hold');
    try {
      await call.hold();
    } catch (error) {
      throw this.#failCall(error, 'call-hold-failed', 'Putting the call on hold failed');
    }
  }

  /** Resumes a call this user put on hold. */
  async resume(): Promise<void> {
    const call = this.#requireCall('resume');
    try {
      await call.resume();
    } catch (error) {
      throw this.#failCall(error, 'call-resume-failed', 'Resuming the call failed');
    }
  }

  /**
   * Lets a person waiting in the meeting's lobby in. `participantKey` is the `key` of an entry of
   * `call.lobbyParticipants`. Rejects with `TeamsError` code `lobby-participant-not-found` or
   * `lobby-admit-failed`.
   */
  async admit(participantKey: string): Promise<void> {
    const call = this.#requireCall('admit anyone');
    const waiting = findLobbyParticipant(call, participantKey);
    try {
      await call.lobby.admit(waiting.identifier);
    } catch (error) {
      throw this.#failCall(error, 'lobby-admit-failed', `Admitting ${waiting.displayName ?? participantKey} from the lobby failed`);
    }
  }

  /** Lets everyone waiting in the meeting's lobby in. */
  async admitAll(): Promise<void> {
    const call = this.#requireCall('admit anyone');
    try {
      await call.lobby.admitAll();
    } catch (error) {
      throw this.#failCall(error, 'lobby-admit-failed', 'Admitting everyone from the lobby failed');
    }
  }

  /** Removes a person from the meeting's lobby without letting them in. */
  async removeFromLobby(participantKey: string): Promise<void> {
    const call = this.#requireCall('remove anyone from the lobby');
    const waiting = findLobbyParticipant(call, participantKey);
    try {
      await call.lobby.reject(waiting.identifier);
    } catch (error) {
      throw this.#failCall(error, 'lobby-reject-failed', `Removing ${waiting.displayName ?? participantKey} from the lobby failed`);
    }
  }

  /** Mutes the microphone in the current call. */
  async mute(): Promise<void> {
    await this.#useDevice('microphone', (call) => call.mute());
  }

  /** Unmutes the microphone in the current call. */
  async unmute(): Promise<void> {
    await this.#useDevice('microphone', (call) => call.unmute());
  }

  /**
   * Sends the selected camera (or the first) in the current call. A failure does not reject: it
   * is stored in `deviceProblems` (permission denied, in use, not found), and a later success
   * removes it.
   */
  async startVideo(): Promise<void> {
    await this.#useDevice('camera', async (call, parts) => {
      const stream = this.#cameraStream ?? (await createCameraStream(parts.module, await currentCamera(parts)));
      this.#cameraStream = stream;
      await call.startVideo(stream);
    });
  }

  /** Stops sending the camera in the current call. */
  async stopVideo(): Promise<void> {
    await this.#useDevice('camera', async (call) => {
      const stream = this.#cameraStream ?? call.localVideoStreams.find((candidate) => candidate.mediaStreamType === 'Video');
      if (stream !== undefined) await call.stopVideo(stream);
    });
  }

  /**
   * Shares the screen in the current call; the browser shows its picker. Cancelling the picker is
   * the person's choice: nothing is reported and every other control keeps working.
   */
  async startScreenSharing(): Promise<void> {
    await this.#useDevice('screen', (call) => call.startScreenSharing());
  }

  /** Stops sharing the screen in the current call. */
  async stopScreenSharing(): Promise<void> {
    await this.#useDevice('screen', (call) => call.stopScreenSharing());
  }

  /**
   * Chooses the camera by device id. A running video switches to it at once; otherwise the next
   * `startVideo` uses it. A failure is stored in `deviceProblems`.
   */
  async selectCamera(deviceId: string): Promise<void> {
    const parts = await this.#prepareParts();
    const camera = findDevice(parts.devices.lists.cameras, deviceId, 'camera');
    parts.devices.selectCamera(camera);
    await this.#switchCamera(camera);
  }

  /** Chooses the microphone by device id; the current call and later ones use it. */
  async selectMicrophone(deviceId: string): Promise<void> {
    const parts = await this.#prepareParts();
    const microphone = findDevice(parts.devices.lists.microphones, deviceId, 'microphone');
    try {
      await parts.devices.selectMicrophone(microphone);
      this.#clearDeviceProblem('microphone');
    } catch (error) {
      this.#reportDeviceProblem(classifyDeviceError('microphone', error));
    }
  }

  /** Chooses the speaker by device id, where the browser can choose an audio output. */
  async selectSpeaker(deviceId: string): Promise<void> {
    const parts = await this.#prepareParts();
    const speaker = findDevice(parts.devices.lists.speakers, deviceId, 'speaker');
    try {
      await parts.devices.selectSpeaker(speaker);
    } catch (error) {
      this.#logger?.warn(`Selecting the speaker ${speaker.name || speaker.id} failed: ${describeError(error)}`);
      throw new TeamsError('speaker-select-failed', `Selecting the speaker ${speaker.name || speaker.id} failed: ${describeError(error)}. Choose another speaker.`, { cause: error });
    }
  }

  /** Lists the devices again, for example after the page was granted media permission. */
  async refreshDevices(): Promise<void> {
    const parts = await this.#prepareParts();
    await parts.devices.refresh();
  }

  /** Forgets the last ended call and the last call error, for example when a new call is typed. */
  clearOutcome(): void {
    if (this.snapshot.lastEndedCall === undefined && this.snapshot.callError === undefined) return;
    this.update({ lastEndedCall: undefined, callError: undefined });
  }

  /**
   * Registers a view that shows remote screen shares (`<teams-screen-share>`), so `<teams-call>`
   * leaves the share to it. Returns the function that unregisters it.
   */
  addScreenShareView(): () => void {
    this.update({ screenShareViews: this.snapshot.screenShareViews + 1 });
    let registered = true;
    return () => {
      if (!registered) return;
      registered = false;
      this.update({ screenShareViews: this.snapshot.screenShareViews - 1 });
    };
  }

  /**
   * Hangs up, disposes the call agent and the call client, and returns to `idle`. Runs on its own
   * when the session signs out or changes account; the next `prepare()` starts over.
   */
  async reset(): Promise<void> {
    this.#generation++;
    this.#accountId = undefined;
    this.#preparing = undefined;
    this.#outgoingAbort?.abort();
    this.#outgoingAbort = undefined;

    const parts = this.#parts;
    this.#parts = undefined;
    for (const unsubscribe of parts?.subscriptions ?? []) unsubscribe();
    parts?.devices.dispose();
    this.#incoming.clear();

    const call = this.#tracked?.store.call;
    this.#stopTrackingCall();
    this.set({ ...initialCallingState, screenShareViews: this.snapshot.screenShareViews });

    // Best effort: the other person should see the call end rather than time out.
    if (call !== undefined && call.state !== 'Disconnected') {
      await call.hangUp().catch((error: unknown) => this.#logger?.warn(`Hanging up the call ${call.id} on sign-out failed: ${describeError(error)}`));
    }
    await parts?.agent.dispose().catch((error: unknown) => this.#logger?.warn(`Disposing the Teams call agent failed: ${describeError(error)}`));
    await parts?.client.dispose().catch((error: unknown) => this.#logger?.warn(`Disposing the call client failed: ${describeError(error)}`));
  }

  #rejectSecondCall(what: string): void {
    if (this.snapshot.call === undefined && this.snapshot.outgoing === undefined) return;
    // Stored too, so the element shows why nothing happened.
    throw this.#failCall(new TeamsError('call-in-progress', `A call is already in progress, so ${what}. Hang up first.`));
  }

  /**
   * The steps every outgoing call and meeting join share: load calling while `lookup` finds who
   * or what to call, ask for device access, open the camera, then `start` the call. `hangUp()`
   * cancels until the SDK has the call.
   */
  async #startOutgoing<Plan>(
    label: string,
    kind: CallKind,
    options: MediaOptions,
    lookup: (signal: AbortSignal) => Promise<Plan>,
    start: (agent: TeamsCallAgentPort, plan: Plan, callOptions: CallMediaOptions | undefined) => { call: TeamsCallPort; name: string | undefined },
  ): Promise<void> {
    const abort = new AbortController();
    this.#outgoingAbort = abort;
    this.update({
      outgoing: { target: label, kind, phase: kind === 'meeting' ? 'starting' : 'resolving' },
      callError: undefined,
      lastEndedCall: undefined,
      deviceProblems: [],
    });

    let videoStream: LocalVideoStreamPort | undefined;
    try {
      const [plan, parts] = await Promise.all([lookup(abort.signal), this.#prepareParts()]);
      if (abort.signal.aborted) return;

      this.update({ outgoing: { target: label, kind, phase: 'starting' } });
      const access = await this.#askDevicePermission(parts, options.video === true);
      videoStream = options.video && access.video ? await this.#tryCreateCameraStream(parts) : undefined;
      if (abort.signal.aborted) {
        videoStream?.dispose();
        return;
      }

      let started: { call: TeamsCallPort; name: string | undefined };
      try {
        started = start(parts.agent, plan, mediaOptionsFor(videoStream, options.muted));
      } catch (error) {
        throw new TeamsError('call-start-failed', `Starting the call to ${label} failed: ${describeError(error)}.`, { cause: error });
      }
      this.#trackCall(started.call, kind, started.name ?? label, videoStream);
    } catch (error) {
      videoStream?.dispose();
      if (abort.signal.aborted) return;
      this.update({ outgoing: undefined });
      throw this.#failCall(error);
    } finally {
      if (this.#outgoingAbort === abort) this.#outgoingAbort = undefined;
    }
  }

  #prepareParts(): Promise<AgentParts> {
    if (this.#parts !== undefined) return Promise.resolve(this.#parts);
    this.#preparing ??= this.#createAgent();
    return this.#preparing;
  }

  async #createAgent(): Promise<AgentParts> {
    const generation = this.#generation;
    const account = this.session.account;
    if (this.session.status !== 'signed-in' || account === undefined) {
      this.#preparing = undefined;
      throw new TeamsError('signed-out', `Session "${this.session.name}" is not signed in, so calling cannot start. Sign in first.`);
    }
    this.#accountId = account.objectId;

    let client: CallClientPort | undefined;
    try {
      this.#setAgentStatus('loading-module');
      const module = await loadCallingModule(this.session);
      this.#throwIfStale(generation);

      this.#setAgentStatus('creating-agent');
      client = new module.CallClient();
      const agent = await client.createTeamsCallAgent(this.session.getCommunicationCredential());
      const deviceManager = await client.getDeviceManager();

      if (generation !== this.#generation) {
        // Signed out while the agent was connecting: it belongs to the old account.
        await agent.dispose();
        await client.dispose();
        this.#throwIfStale(generation);
      }

      const devices = this.#followDevices(deviceManager);
      const parts: AgentParts = { module, client, agent, deviceManager, devices, subscriptions: this.#watchAgent(agent) };
      this.#parts = parts;
      this.#preparing = undefined;
      this.update({ agentStatus: 'ready', agentError: undefined, connectionState: agent.connectionState });
      void devices.refresh().catch((error: unknown) => this.#logger?.warn(`Listing cameras, microphones and speakers failed: ${describeError(error)}`));
      return parts;
    } catch (error) {
      if (generation !== this.#generation) throw error;

      this.#preparing = undefined;
      await client?.dispose().catch(() => undefined);
      const agentError = isTeamsError(error)
        ? error
        : new TeamsError('call-agent-failed', `Creating the Teams call agent for ${account.username} failed: ${describeError(error)}. Try again; if it keeps failing, check that the account has a Teams license.`, {
            retryable: true,
            cause: error,
          });
      this.#logger?.warn(agentError.message);
      this.update({ agentStatus: 'failed', agentError });
      throw agentError;
    }
  }

  #followDevices(deviceManager: DeviceManagerPort): DeviceSelection {
    return new DeviceSelection(deviceManager, {
      onChange: (devices) => this.update({ devices }),
      onCameraReplaced: (camera) => void this.#switchCamera(camera),
      onError: (message) => this.#logger?.warn(message),
    });
  }

  /** Moves the running camera video to `camera`, or stops it when no camera is left. */
  async #switchCamera(camera: VideoDeviceInfo | undefined): Promise<void> {
    const stream = this.#cameraStream;
    if (stream === undefined) return;

    if (camera === undefined) {
      await this.stopVideo().catch(() => undefined);
      this.#reportDeviceProblem({ device: 'camera', kind: 'not-found', detail: 'The selected camera was unplugged and no other camera is connected.' });
      return;
    }

    try {
      await stream.switchSource(camera);
      this.#clearDeviceProblem('camera');
    } catch (error) {
      this.#reportDeviceProblem(classifyDeviceError('camera', error));
    }
  }

  #throwIfStale(generation: number): void {
    if (generation !== this.#generation) {
      throw new TeamsError('signed-out', `Session "${this.session.name}" signed out while calling was being prepared.`);
    }
  }

  #setAgentStatus(agentStatus: AgentStatus): void {
    this.update({ agentStatus, agentError: undefined });
  }

  #watchAgent(agent: TeamsCallAgentPort): Unsubscribe[] {
    const onIncomingCall = ({ incomingCall }: { incomingCall: TeamsIncomingCallPort }): void => this.#addIncoming(incomingCall);
    const onConnectionStateChanged = ({ newValue }: { newValue: 'Connected' | 'Disconnected' }): void => {
      this.update({ connectionState: newValue });
    };

    agent.on('incomingCall', onIncomingCall);
    agent.on('connectionStateChanged', onConnectionStateChanged);
    return [() => agent.off('incomingCall', onIncomingCall), () => agent.off('connectionStateChanged', onConnectionStateChanged)];
  }

  #addIncoming(incomingCall: TeamsIncomingCallPort): void {
    this.#incoming.add(incomingCall, (ringing: IncomingCallSnapshot, callEndReason: CallEndReason) => {
      this.update({
        lastEndedCall: {
          id: ringing.id,
          direction: 'Incoming',
          kind: 'one-to-one',
          remoteName: ringing.callerName,
          missed: true,
          reason: describeEndReason(callEndReason),
        },
      });
    });
  }

  /** Follows a new call. `cameraStream` is the stream it started with, disposed when it ends. */
  #trackCall(call: TeamsCallPort, kind: CallKind, fallbackName: string | undefined, cameraStream: LocalVideoStreamPort | undefined): void {
    this.#stopTrackingCall();
    const store = new CallStore(call);
    this.#cameraStream = cameraStream;

    const apply = (snapshot: CallSnapshot): void => {
      if (snapshot.state === 'Disconnected') {
        this.#finishCall(snapshot);
        return;
      }
      const remoteName = snapshot.remoteParticipants.find((participant) => participant.displayName)?.displayName ?? fallbackName;
      this.update({ call: snapshot, callKind: kind, remoteName, outgoing: undefined });
    };
    this.#tracked = { store, kind, fallbackName, unsubscribe: store.subscribe(apply) };
    apply(store.snapshot);
  }

  #finishCall(snapshot: CallSnapshot): void {
    const tracked = this.#tracked;
    this.#stopTrackingCall();

    // A call without an end reason ended without a failure the SDK could name.
    const reason = describeEndReason(snapshot.callEndReason ?? { code: 0, subCode: 0 });
    this.update({
      call: undefined,
      callKind: undefined,
      remoteName: undefined,
      outgoing: undefined,
      deviceProblems: [],
      lastEndedCall: {
        id: snapshot.id,
        direction: snapshot.direction,
        kind: tracked?.kind ?? 'one-to-one',
        remoteName: this.snapshot.remoteName ?? tracked?.fallbackName,
        missed: false,
        reason,
      },
    });
  }

  #stopTrackingCall(): void {
    this.#tracked?.unsubscribe();
    this.#tracked?.store.dispose();
    this.#tracked = undefined;
    this.#cameraStream?.dispose();
    this.#cameraStream = undefined;
    this.#busyDevices.clear();
  }

  #requireCall(action: string): TeamsCallPort {
    const call = this.#tracked?.store.call;
    if (call === undefined) throw new TeamsError('no-active-call', `There is no call to ${action}. Start, join or accept a call first.`);
    return call;
  }

  /**
   * Runs a device action on the current call. Its failure is classified and stored in
   * `deviceProblems` instead of rejecting; its success removes that device's earlier problem.
   */
  async #useDevice(device: MediaDevice, action: (call: TeamsCallPort, parts: AgentParts) => Promise<void>): Promise<void> {
    const call = this.#tracked?.store.call;
    const parts = this.#parts;
    if (call === undefined || parts === undefined) {
      throw new TeamsError('no-active-call', `There is no call to use the ${device} in. Start or accept a call first.`);
    }
    if (this.#busyDevices.has(device)) return;

    this.#busyDevices.add(device);
    try {
      await action(call, parts);
      this.#clearDeviceProblem(device);
    } catch (error) {
      this.#reportDeviceProblem(classifyDeviceError(device, error));
    } finally {
      this.#busyDevices.delete(device);
    }
  }

  /**
   * Asks for microphone (and camera) access before a call, so a block shows before it rings.
   * Returns whether the camera may be opened. A refused camera is not opened at all, because the
   * SDK would start the call without it and the reason would be lost.
   */
  async #askDevicePermission(parts: AgentParts, video: boolean): Promise<{ video: boolean }> {
    try {
      const access = await parts.deviceManager.askDevicePermission({ audio: true, video });
      if (access.audio) this.#clearDeviceProblem('microphone');
      else this.#reportDeviceProblem({ device: 'microphone', kind: 'permission-denied', detail: 'askDevicePermission returned audio: false' });
      if (video && !access.video) this.#reportDeviceProblem({ device: 'camera', kind: 'permission-denied', detail: 'askDevicePermission returned video: false' });

      // With permission the browser reveals device names, so the pickers can show them.
      await parts.devices.refresh();
      return { video: access.video };
    } catch (error) {
      // The call still starts: the person can hear and fix the microphone during it.
      this.#reportDeviceProblem(classifyDeviceError('microphone', error));
      return { video };
    }
  }

  /** Returns a camera stream, or `undefined` (with the problem reported) so the call starts audio only. */
  async #tryCreateCameraStream(parts: AgentParts): Promise<LocalVideoStreamPort | undefined> {
    try {
      const stream = await createCameraStream(parts.module, await currentCamera(parts));
      this.#clearDeviceProblem('camera');
      return stream;
    } catch (error) {
      this.#reportDeviceProblem(classifyDeviceError('camera', error));
      return undefined;
    }
  }

  #reportDeviceProblem(problem: DeviceProblem): void {
    if (problem.kind === 'cancelled') return;
    this.#logger?.warn(`Starting the ${problem.device} failed (${problem.kind}): ${problem.detail}`);
    this.update({ deviceProblems: withDeviceProblem(this.snapshot.deviceProblems, problem) });
  }

  #clearDeviceProblem(device: MediaDevice): void {
    const remaining = withoutDeviceProblem(this.snapshot.deviceProblems, device);
    if (remaining !== this.snapshot.deviceProblems) this.update({ deviceProblems: remaining });
  }

  /** Stores a call error for the elements and returns it for rethrowing. */
  #failCall(error: unknown, code = 'call-start-failed', context = 'Starting the call failed'): TeamsError {
    const callError = isTeamsError(error) ? error : new TeamsError(code, `${context}: ${describeError(error)}.`, { cause: error });
    this.update({ callError });
    return callError;
  }
}

function withVideo(stream: LocalVideoStreamPort | undefined): { videoOptions?: VideoOptionsPort } {
  return stream === undefined ? {} : videoOptionsFor(stream);
}

/** Returns the SDK's media options, or `undefined` for the SDK's defaults (audio only, unmuted). */
function mediaOptionsFor(stream: LocalVideoStreamPort | undefined, muted: boolean | undefined): CallMediaOptions | undefined {
  const options: CallMediaOptions = { ...withVideo(stream), ...(muted === true ? { audioOptions: { muted: true } } : {}) };
  return Object.keys(options).length === 0 ? undefined : options;
}

/**
 * Lists the cameras again (one may have been unplugged since) and returns the one to use. It
 * becomes the selected camera, so unplugging it moves the video to another.
 */
async function currentCamera(parts: AgentParts): Promise<VideoDeviceInfo | undefined> {
  await parts.devices.refresh();
  const camera = parts.devices.camera;
  if (camera !== undefined) parts.devices.selectCamera(camera);
  return camera;
}

function findLobbyParticipant(call: TeamsCallPort, participantKey: string): TeamsCallPort['lobby']['participants'][number] {
  const waiting = call.lobby.participants.find((participant) => identifierKey(participant.identifier) === participantKey);
  if (waiting === undefined) {
    throw new TeamsError('lobby-participant-not-found', `No one with the key ${participantKey} waits in the lobby; they may have left or been admitted.`);
  }
  return waiting;
}

function findDevice<Device extends { id: string }>(devices: Device[], deviceId: string, kind: string): Device {
  const device = devices.find((candidate) => candidate.id === deviceId);
  if (device === undefined) {
    throw new TeamsError('device-not-found', `No ${kind} with the id ${deviceId} is connected. Choose one of the listed devices.`);
  }
  return device;
}

