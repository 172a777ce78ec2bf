import type { CallEndReason } from '@azure/communication-calling';

import { TeamsError, isTeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import { type CallSnapshot, CallStore } from './call-store.js';
import { parseCallTarget, rejectSelfCall } from './call-target.js';
import { type AgentStatus, type CallingState, type IncomingCallSnapshot, initialCallingState } from './calling-state.js';
import { type DeviceProblem, type MediaDevice, classifyDeviceError } from './device-errors.js';
import { describeEndReason } from './end-reasons.js';
import { teamsUserObjectId } from './identifiers.js';
import { loadCallingModule } from './loader.js';
import { createCameraStream, videoOptionsFor } from './local-media.js';
import type {
  CallClientPort,
  CallingModule,
  DeviceManagerPort,
  LocalVideoStreamPort,
  TeamsCallAgentPort,
  TeamsCallPort,
  TeamsIncomingCallPort,
} from './port.js';
import { Store } from './store.js';
import { type ResolveOptions, resolveCallTarget } from './user-lookup.js';

/** Logger for errors that the service handles without rethrowing. It is never given a token. */
export type CallingLogger = Pick<Console, 'warn'>;

export interface CallingServiceOptions {
  /** Defaults to `console`; `null` silences it. */
  logger?: CallingLogger | null;
  /** Replaces `fetch` for the Microsoft Graph user lookup, for tests. */
  fetch?: typeof fetch;
}

/** Media that `accept` and `call` send from the start. */
export interface MediaOptions {
  /** Sends the camera from the start. Defaults to false (audio only). */
  video?: boolean;
}

type Unsubscribe = () => void;

/** The call agent and what came with it; present while `agentStatus` is `ready`. */
interface AgentParts {
  module: CallingModule;
  client: CallClientPort;
  agent: TeamsCallAgentPort;
  deviceManager: DeviceManagerPort;
  subscriptions: Unsubscribe[];
}

/**
 * The calling side of one session: the `CallClient`, its Teams call agent, the device manager,
 * the current call and the ringing incoming calls. Elements subscribe to its state and forward
 * what the person does; a host page may use it without any element.
 *
 * Nothing loads until `prepare()` (or `call()`), so a page that never calls never downloads the
 * SDK. The agent is disposed when the session signs out or switches to another account.
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

  #callStore: CallStore | undefined;
  #callStoreUnsubscribe: Unsubscribe | undefined;
  #cameraStream: LocalVideoStreamPort | undefined;
  #outgoingAbort: AbortController | undefined;
  readonly #incomingSubscriptions = new Map<TeamsIncomingCallPort, Unsubscribe>();
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
   * Calls a Teams user by user principal name (looked up in Microsoft Graph) or Entra object id.
   * Resolves once the SDK has a call (it then rings); the call's progress is in `snapshot.call`.
   * Rejects with the `TeamsError` also stored in `callError`: codes `call-in-progress`, the
   * `call-target-…` codes of `resolveCallTarget`, the `prepare()` codes, or `call-start-failed`.
   * `hangUp()` during the lookup cancels quietly.
   */
  async call(input: string, options: MediaOptions = {}): Promise<void> {
    if (this.snapshot.call !== undefined || this.snapshot.outgoing !== undefined) {
      throw new TeamsError('call-in-progress', `A call is already in progress, so "${input}" was not called. Hang up first.`);
    }

    // Malformed input and calling oneself fail before the SDK starts to download.
    try {
      rejectSelfCall(parseCallTarget(input), this.session.account);
    } catch (error) {
      throw this.#failCall(error);
    }

    const abort = new AbortController();
    this.#outgoingAbort = abort;
    this.update({ outgoing: { target: input, phase: 'resolving' }, callError: undefined, lastEndedCall: undefined, deviceProblems: [] });

    try {
      const lookup: ResolveOptions = { signal: abort.signal, ...(this.#fetch ? { fetch: this.#fetch } : {}) };
      const [target, parts] = await Promise.all([resolveCallTarget(this.session, input, lookup), this.#prepareParts()]);
      if (abort.signal.aborted) return;

      this.update({ outgoing: { target: input, phase: 'starting' } });
      await this.#askDevicePermission(parts, options.video === true);
      const videoStream = options.video ? await this.#tryCreateCameraStream(parts) : undefined;
      if (abort.signal.aborted) {
        videoStream?.dispose();
        return;
      }

      let call: TeamsCallPort;
      try {
        call = parts.agent.startCall(target.identifier, videoStream ? videoOptionsFor(videoStream) : undefined);
      } catch (error) {
        videoStream?.dispose();
        throw new TeamsError('call-start-failed', `Starting a call to ${input} failed: ${describeError(error)}.`, { cause: error });
      }

      this.#trackCall(call, target.displayName ?? input, videoStream);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.update({ outgoing: undefined });
      throw this.#failCall(error);
    } finally {
      if (this.#outgoingAbort === abort) this.#outgoingAbort = undefined;
    }
  }

  /**
   * Accepts a ringing incoming call (the oldest one unless `callId` names another). Audio only
   * unless `options.video`.
   *
   * NOTE: the kit shows one call at a time, so accepting while another call is active hangs that
   * call up first instead of putting it on hold.
   */
  async accept(callId?: string, options: MediaOptions = {}): Promise<void> {
    const ringing = this.#findIncoming(callId);
    this.#forgetIncoming(ringing.incomingCall);
    this.update({ callError: undefined, lastEndedCall: undefined, deviceProblems: [] });

    try {
      if (this.#callStore !== undefined) await this.hangUp();

      const parts = await this.#prepareParts();
      await this.#askDevicePermission(parts, options.video === true);
      const videoStream = options.video ? await this.#tryCreateCameraStream(parts) : undefined;

      let call: TeamsCallPort;
      try {
        call = await ringing.incomingCall.accept(videoStream ? videoOptionsFor(videoStream) : undefined);
      } catch (error) {
        videoStream?.dispose();
        throw error;
      }

      this.#trackCall(call, ringing.callerName, videoStream);
    } catch (error) {
      throw this.#failCall(error, 'call-accept-failed', `Accepting the call from ${ringing.callerName ?? 'an unknown caller'} failed`);
    }
  }

  /**
   * Declines a ringing incoming call (the oldest one unless `callId` names another). An active
   * call is not affected.
   */
  async decline(callId?: string): Promise<void> {
    const ringing = this.#findIncoming(callId);
    this.#forgetIncoming(ringing.incomingCall);

    try {
      await ringing.incomingCall.reject();
    } catch (error) {
      // The call stops ringing here either way; the caller's side times out.
      this.#logger?.warn(`Declining the incoming call ${ringing.id} failed: ${describeError(error)}`);
    }
  }

  /** Hangs up the current call, or cancels a call whose target is still being looked up. */
  async hangUp(): Promise<void> {
    if (this.#outgoingAbort !== undefined) {
      this.#outgoingAbort.abort();
      this.#outgoingAbort = undefined;
      this.update({ outgoing: undefined });
      return;
    }

    const call = this.#callStore?.call;
    if (call === undefined) return;

    try {
      await call.hangUp();
    } catch (error) {
      this.#logger?.warn(`Hanging up the call ${call.id} failed: ${describeError(error)}`);
      throw new TeamsError('call-hang-up-failed', `Hanging up the call failed: ${describeError(error)}. Try again.`, { cause: error });
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
   * Sends the first camera in the current call. A failure does not reject: it is stored in
   * `deviceProblems` (permission denied, in use, not found), and a later success removes it.
   */
  async startVideo(): Promise<void> {
    await this.#useDevice('camera', async (call, parts) => {
      const stream = this.#cameraStream ?? (await createCameraStream(parts.module, parts.deviceManager));
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
    for (const unsubscribe of this.#incomingSubscriptions.values()) unsubscribe();
    this.#incomingSubscriptions.clear();

    const call = this.#callStore?.call;
    this.#stopTrackingCall();
    this.set({ ...initialCallingState, screenShareViews: this.snapshot.screenShareViews });

    // Best effort: the other person should see the call end rather than time out.
    if (call !== undefined && call.state !== 'Disconnected') {
      await call.hangUp().catch((error: unknown) => this.#logger?.warn(`Hanging up the call ${call.id} on sign-out failed: ${describeError(error)}`));
    }
    await parts?.agent.dispose().catch((error: unknown) => this.#logger?.warn(`Disposing the Teams call agent failed: ${describeError(error)}`));
    await parts?.client.dispose().catch((error: unknown) => this.#logger?.warn(`Disposing the call client failed: ${describeError(error)}`));
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

      const parts: AgentParts = { module, client, agent, deviceManager, subscriptions: this.#watchAgent(agent) };
      this.#parts = parts;
      this.#preparing = undefined;
      this.update({ agentStatus: 'ready', agentError: undefined, connectionState: agent.connectionState });
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
    const ringing: IncomingCallSnapshot = {
      id: incomingCall.id,
      callerName: incomingCall.callerInfo.displayName,
      callerObjectId: teamsUserObjectId(incomingCall.callerInfo.identifier),
      incomingCall,
    };

    // The caller hung up (or another device of this user answered) before anyone here did.
    const onCallEnded = ({ callEndReason }: { callEndReason: CallEndReason }): void => {
      this.#forgetIncoming(incomingCall);
      this.update({
        lastEndedCall: {
          id: ringing.id,
          direction: 'Incoming',
          remoteName: ringing.callerName,
          missed: true,
          reason: describeEndReason(callEndReason),
        },
      });
    };
    incomingCall.on('callEnded', onCallEnded);
    this.#incomingSubscriptions.set(incomingCall, () => incomingCall.off('callEnded', onCallEnded));

    this.update({ incomingCalls: [...this.snapshot.incomingCalls, ringing] });
  }

  #findIncoming(callId: string | undefined): IncomingCallSnapshot {
    const list = this.snapshot.incomingCalls;
    const ringing = callId === undefined ? list[0] : list.find((candidate) => candidate.id === callId);
    if (ringing === undefined) {
      throw new TeamsError(
        'incoming-call-not-found',
        callId === undefined ? 'No incoming call is ringing.' : `No incoming call with id ${callId} is ringing; it may have ended.`,
      );
    }
    return ringing;
  }

  #forgetIncoming(incomingCall: TeamsIncomingCallPort): void {
    this.#incomingSubscriptions.get(incomingCall)?.();
    this.#incomingSubscriptions.delete(incomingCall);
    const incomingCalls = this.snapshot.incomingCalls.filter((candidate) => candidate.incomingCall !== incomingCall);
    if (incomingCalls.length !== this.snapshot.incomingCalls.length) this.update({ incomingCalls });
  }

  /** Follows a new call. `cameraStream` is the stream it started with, disposed when it ends. */
  #trackCall(call: TeamsCallPort, fallbackName: string | undefined, cameraStream: LocalVideoStreamPort | undefined): void {
    this.#stopTrackingCall();
    const store = new CallStore(call);
    this.#callStore = store;
    this.#cameraStream = cameraStream;

    const apply = (snapshot: CallSnapshot): void => {
      if (snapshot.state === 'Disconnected') {
        this.#finishCall(snapshot, fallbackName);
        return;
      }
      const remoteName = snapshot.remoteParticipants.find((participant) => participant.displayName)?.displayName ?? fallbackName;
      this.update({ call: snapshot, remoteName, outgoing: undefined });
    };
    this.#callStoreUnsubscribe = store.subscribe(apply);
    apply(store.snapshot);
  }

  #finishCall(snapshot: CallSnapshot, fallbackName: string | undefined): void {
    this.#stopTrackingCall();

    // A call without an end reason ended without a failure the SDK could name.
    const reason = describeEndReason(snapshot.callEndReason ?? { code: 0, subCode: 0 });
    this.update({
      call: undefined,
      remoteName: undefined,
      outgoing: undefined,
      deviceProblems: [],
      lastEndedCall: {
        id: snapshot.id,
        direction: snapshot.direction,
        remoteName: this.snapshot.remoteName ?? fallbackName,
        missed: false,
        reason,
      },
    });
  }

  #stopTrackingCall(): void {
    this.#callStoreUnsubscribe?.();
    this.#callStoreUnsubscribe = undefined;
    this.#callStore?.dispose();
    this.#callStore = undefined;
    this.#cameraStream?.dispose();
    this.#cameraStream = undefined;
    this.#busyDevices.clear();
  }

  /**
   * Runs a device action on the current call. Its failure is classified and stored in
   * `deviceProblems` instead of rejecting; its success removes that device's earlier problem.
   */
  async #useDevice(device: MediaDevice, action: (call: TeamsCallPort, parts: AgentParts) => Promise<void>): Promise<void> {
    const call = this.#callStore?.call;
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

  /** Asks for microphone (and camera) access before a call, so a block shows before it rings. */
  async #askDevicePermission(parts: AgentParts, video: boolean): Promise<void> {
    try {
      const access = await parts.deviceManager.askDevicePermission({ audio: true, video });
      if (access.audio) this.#clearDeviceProblem('microphone');
      else this.#reportDeviceProblem({ device: 'microphone', kind: 'permission-denied', detail: 'askDevicePermission returned audio: false' });
      if (video && !access.video) this.#reportDeviceProblem({ device: 'camera', kind: 'permission-denied', detail: 'askDevicePermission returned video: false' });
    } catch (error) {
      // The call still starts: the person can hear and fix the microphone during it.
      this.#reportDeviceProblem(classifyDeviceError('microphone', error));
    }
  }

  /** Returns a camera stream, or `undefined` (with the problem reported) so the call starts audio only. */
  async #tryCreateCameraStream(parts: AgentParts): Promise<LocalVideoStreamPort | undefined> {
    try {
      const stream = await createCameraStream(parts.module, parts.deviceManager);
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
    const others = this.snapshot.deviceProblems.filter((existing) => existing.device !== problem.device);
    this.update({ deviceProblems: [...others, problem] });
  }

  #clearDeviceProblem(device: MediaDevice): void {
    const remaining = this.snapshot.deviceProblems.filter((existing) => existing.device !== device);
    if (remaining.length !== this.snapshot.deviceProblems.length) this.update({ deviceProblems: remaining });
  }

  /** Stores a call error for the elements and returns it for rethrowing. */
  #failCall(error: unknown, code = 'call-start-failed', context = 'Starting the call failed'): TeamsError {
    const callError = isTeamsError(error) ? error : new TeamsError(code, `${context}: ${describeError(error)}.`, { cause: error });
    this.update({ callError });
    return callError;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const { code, subCode } = error as Error & { code?: unknown; subCode?: unknown };
    return code === undefined ? error.message : `${error.message} (code ${String(code)}, subcode ${String(subCode)})`;
  }
  return String(error);
}
