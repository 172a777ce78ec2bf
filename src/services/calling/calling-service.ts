import type { Reaction } from '@azure/communication-calling';

import { TeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import { AgentConnection } from './agent-connection.js';
import type { CallingLogger, CallingServiceOptions, HangUpCallOptions, MediaOptions } from './calling-options.js';
import { type CallingState, initialCallingState } from './calling-state.js';
import { CurrentCall } from './current-call.js';
import { describeError } from './describe-error.js';
import { DevicePreview, type DevicePreviewChoices } from './device-preview.js';
import type { HandsAndReactions } from './hands-and-reactions.js';
import { identifierKey } from './identifiers.js';
import { IncomingCalls } from './incoming-calls.js';
import { LocalDevices } from './local-devices.js';
import { admitAllFromLobby, admitFromLobby, removeFromLobby } from './meeting-lobby.js';
import { OutgoingCalls } from './outgoing-calls.js';
import type { CallingModule, DeviceManagerPort } from './port.js';
import { type CallingStateAccess, failCall } from './service-state.js';
import { Store } from './store.js';

export type { CallingLogger, CallingServiceOptions, HangUpCallOptions, MediaOptions } from './calling-options.js';

/**
 * The calling side of one session: the `CallClient`, its Teams call agent, the device manager,
 * the current call and the ringing incoming calls. Elements subscribe to its state and forward
 * what the person does; a host page may use it without any element.
 *
 * Nothing loads until `prepare()` (or `call()`, `join()`), so a page that never calls never
 * downloads the SDK. The agent is disposed when the session signs out or switches account.
 *
 * The work is split by concept: `AgentConnection` (the agent's lifecycle), `OutgoingCalls`
 * (calls and meeting joins), `IncomingCalls` (ringing calls), `CurrentCall` (the call in
 * progress), `LocalDevices` (camera, microphone, speaker and their problems) and the lobby
 * functions of `meeting-lobby.ts`. This class contains the public API and connects those parts.
 */
export class CallingService extends Store<CallingState> {
  readonly session: SessionApi;
  readonly #logger: CallingLogger | null;

  readonly #state: CallingStateAccess;
  readonly #agent: AgentConnection;
  readonly #devices: LocalDevices;
  readonly #current: CurrentCall;
  readonly #outgoing: OutgoingCalls;
  readonly #incoming: IncomingCalls;
  #preview: DevicePreview | undefined;

  readonly #onSessionChange = (): void => {
    const accountId = this.#agent.accountId;
    if (accountId !== undefined && this.session.account?.objectId !== accountId) void this.reset();
  };

  constructor(session: SessionApi, options: CallingServiceOptions = {}) {
    super(initialCallingState);
    this.session = session;
    this.#logger = options.logger === undefined ? console : options.logger;

    const current = (): CallingState => this.snapshot;
    this.#state = {
      get snapshot() {
        return current();
      },
      update: (change) => this.update(change),
    };

    const logger = this.#logger;
    const state = this.#state;
    this.#agent = new AgentConnection({
      session,
      logger,
      state,
      onIncomingCall: (incomingCall) => this.#incoming.add(incomingCall),
      onCameraReplaced: (camera) => void this.#devices.switchCamera(camera),
    });
    this.#devices = new LocalDevices({ state, logger, agent: this.#agent, currentCall: () => this.#current.call });
    this.#current = new CurrentCall(state, this.#devices, () => ({
      features: this.#agent.parts?.module.Features,
      selfKey: this.session.account === undefined ? undefined : identifierKey({ kind: 'microsoftTeamsUser', microsoftTeamsUserId: this.session.account.objectId }),
      ...(options.reactionDurationMs === undefined ? {} : { reactionDurationMs: options.reactionDurationMs }),
    }));
    this.#outgoing = new OutgoingCalls({ session, fetch: options.fetch, state, agent: this.#agent, devices: this.#devices, current: this.#current });
    this.#incoming = new IncomingCalls({ session, fetch: options.fetch, state, logger, agent: this.#agent, devices: this.#devices, current: this.#current, hangUp: () => this.hangUp() });

    session.addEventListener('change', this.#onSessionChange);
  }

  /** The loaded calling module, for renderers; `undefined` until `prepare()` has finished. */
  get module(): CallingModule | undefined {
    return this.#agent.parts?.module;
  }

  /** The device manager, once `prepare()` has finished; the pre-join preview uses it. */
  get deviceManager(): DeviceManagerPort | undefined {
    return this.#agent.parts?.deviceManager;
  }

  /**
   * Loads the calling module and creates the Teams call agent, once; later calls return at once.
   * This is the call intent the kit waits for: the first Call click, the call form's focus, or a
   * page that opted in to incoming calls. Rejects with `TeamsError` code `signed-out`,
   * `calling-module-failed`, `calling-module-invalid` or `call-agent-failed`; calling it again
   * after a failure tries again.
   */
  async prepare(): Promise<void> {
    await this.#agent.prepare();
  }

  /**
   * Opens a preview of the camera and microphone for a pre-join screen, after loading calling if
   * needed: the camera stream to render, the microphone level, and the choices to pass to
   * `call`, `join` or `accept` (`preview.mediaOptions`). Device failures show in
   * `deviceProblems`. Only one preview is open at a time, so opening one disposes the previous;
   * the caller disposes it when its screen closes. Rejects with the `prepare()` codes.
   */
  async openPreview(choices: DevicePreviewChoices = {}): Promise<DevicePreview> {
    const parts = await this.#agent.prepare();
    this.#preview?.dispose();

    const preview: DevicePreview = new DevicePreview(parts, this.#devices, choices, () => {
      if (this.#preview === preview) this.#preview = undefined;
    });
    this.#preview = preview;
    void preview.start().catch((error: unknown) => this.#logger?.warn(`Opening the device preview failed: ${describeError(error)}`));
    return preview;
  }

  /**
   * Checks a call's targets as `call()` does before it loads or looks up anything, so a form can
   * show a malformed address before its pre-join screen. Throws the same `TeamsError`, also
   * stored in `callError`.
   */
  checkCall(input: string | string[]): void {
    this.#outgoing.checkCall(input);
  }

  /** Checks a meeting link or ID and passcode as `join()` does; throws the same `TeamsError`, also stored in `callError`. */
  checkMeeting(meeting: string, passcode = ''): void {
    this.#outgoing.checkMeeting(meeting, passcode);
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
    await this.#outgoing.call(input, options);
  }

  /**
   * Joins a Teams meeting by its join link, or by its meeting id and passcode. People from outside
   * the organizer's organization wait in the lobby (`call.state` is `InLobby`) until someone in
   * the meeting admits them. Rejects with the `TeamsError` also stored in `callError`: codes
   * `call-in-progress`, the `meeting-…` codes of `parseMeetingLocator`, the `prepare()` codes, or
   * `call-start-failed`.
   */
  async join(meeting: string, passcode = '', options: MediaOptions = {}): Promise<void> {
    await this.#outgoing.join(meeting, passcode, options);
  }

  /**
   * Accepts a ringing incoming call (the oldest one unless `callId` names another). Audio only
   * unless `options.video`.
   *
   * NOTE: the kit shows one call at a time, so accepting while another call is active hangs that
   * call up first instead of putting it on hold.
   */
  async accept(callId?: string, options: MediaOptions = {}): Promise<void> {
    await this.#incoming.accept(callId, options);
  }

  /**
   * Declines a ringing incoming call (the oldest one unless `callId` names another). An active
   * call is not affected: it stays tracked, and its end is reported as usual.
   */
  async decline(callId?: string): Promise<void> {
    await this.#incoming.decline(callId);
  }

  /**
   * Hangs up the current call, or cancels a call whose target is still being looked up. With
   * `forEveryone`, a meeting's organizer ends the meeting for all participants.
   */
  async hangUp(options: HangUpCallOptions = {}): Promise<void> {
    if (this.#outgoing.cancel()) {
      this.update({ outgoing: undefined });
      return;
    }

    const call = this.#current.call;
    if (call === undefined) return;

    try {
      await call.hangUp(options.forEveryone === true ? { forEveryone: true } : undefined);
    } catch (error) {
      this.#logger?.warn(`Hanging up the call ${call.id} failed: ${describeError(error)}`);
      throw failCall(this.#state, error, 'call-hang-up-failed', 'Hanging up the call failed');
    }
  }

  /** Puts the current call on hold: no media flows either way until `resume()`. */
  async hold(): Promise<void> {
    const call = this.#current.require('put on hold');
    try {
      await call.hold();
    } catch (error) {
      throw failCall(this.#state, error, 'call-hold-failed', 'Putting the call on hold failed');
    }
  }

  /** Resumes a call this user put on hold. */
  async resume(): Promise<void> {
    const call = this.#current.require('resume');
    try {
      await call.resume();
    } catch (error) {
      throw failCall(this.#state, error, 'call-resume-failed', 'Resuming the call failed');
    }
  }

  /**
   * Lets a person waiting in the meeting's lobby in. `participantKey` is the `key` of an entry of
   * `call.lobbyParticipants`. Rejects with `TeamsError` code `lobby-participant-not-found` or
   * `lobby-admit-failed`.
   */
  async admit(participantKey: string): Promise<void> {
    await admitFromLobby(this.#state, this.#current.require('admit anyone'), participantKey);
  }

  /** Lets everyone waiting in the meeting's lobby in. */
  async admitAll(): Promise<void> {
    await admitAllFromLobby(this.#state, this.#current.require('admit anyone'));
  }

  /** Removes a person from the meeting's lobby without letting them in. */
  async removeFromLobby(participantKey: string): Promise<void> {
    await removeFromLobby(this.#state, this.#current.require('remove anyone from the lobby'), participantKey);
  }

  /**
   * Raises the local user's hand in the current call; everyone sees it in the order hands went
   * up (`call.raisedHands`). Rejects with `TeamsError` code `no-active-call`,
   * `call-feature-unavailable` or `raise-hand-failed`, also stored in `callError`.
   */
  async raiseHand(): Promise<void> {
    const feature = this.#requireHands('raise a hand in').raiseHandFeature!;
    try {
      await feature.raiseHand();
    } catch (error) {
      throw failCall(this.#state, error, 'raise-hand-failed', 'Raising the hand failed');
    }
  }

  /** Lowers the local user's hand. Rejects like `raiseHand`, with code `raise-hand-failed`. */
  async lowerHand(): Promise<void> {
    const feature = this.#requireHands('lower a hand in').raiseHandFeature!;
    try {
      await feature.lowerHand();
    } catch (error) {
      throw failCall(this.#state, error, 'raise-hand-failed', 'Lowering the hand failed');
    }
  }

  /**
   * Sends a reaction to everyone in the current call. It shows for a few seconds in
   * `call.reactions` under the local user's key, as others' reactions do under theirs. Rejects
   * with `TeamsError` code `no-active-call`, `call-feature-unavailable` or `reaction-failed`.
   */
  async sendReaction(reaction: Reaction): Promise<void> {
    const hands = this.#requireHands('send a reaction in');
    try {
      await hands.sendReaction(reaction);
    } catch (error) {
      throw failCall(this.#state, error, 'reaction-failed', `Sending the ${reaction} reaction failed`);
    }
  }

  /** Mutes the microphone in the current call. */
  async mute(): Promise<void> {
    await this.#devices.useDevice('microphone', (call) => call.mute());
  }

  /** Unmutes the microphone in the current call. */
  async unmute(): Promise<void> {
    await this.#devices.useDevice('microphone', (call) => call.unmute());
  }

  /**
   * Sends the selected camera (or the first) in the current call. A failure does not reject: it
   * is stored in `deviceProblems` (permission denied, in use, not found), and a later success
   * removes it.
   */
  async startVideo(): Promise<void> {
    await this.#devices.startVideo();
  }

  /** Stops sending the camera in the current call. */
  async stopVideo(): Promise<void> {
    await this.#devices.stopVideo();
  }

  /**
   * Shares the screen in the current call; the browser shows its picker. Cancelling the picker is
   * the person's choice: nothing is reported and every other control keeps working.
   */
  async startScreenSharing(): Promise<void> {
    await this.#devices.useDevice('screen', (call) => call.startScreenSharing());
  }

  /** Stops sharing the screen in the current call. */
  async stopScreenSharing(): Promise<void> {
    await this.#devices.useDevice('screen', (call) => call.stopScreenSharing());
  }

  /**
   * Chooses the camera by device id. A running video switches to it at once; otherwise the next
   * `startVideo` uses it. A failure is stored in `deviceProblems`.
   */
  async selectCamera(deviceId: string): Promise<void> {
    await this.#devices.selectCamera(deviceId);
  }

  /** Chooses the microphone by device id; the current call and later ones use it. */
  async selectMicrophone(deviceId: string): Promise<void> {
    await this.#devices.selectMicrophone(deviceId);
  }

  /** Chooses the speaker by device id, where the browser can choose an audio output. */
  async selectSpeaker(deviceId: string): Promise<void> {
    await this.#devices.selectSpeaker(deviceId);
  }

  /** Lists the devices again, for example after the page was granted media permission. */
  async refreshDevices(): Promise<void> {
    const parts = await this.#agent.prepare();
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

  #requireHands(action: string): HandsAndReactions {
    this.#current.require(action);
    const hands = this.#current.hands;
    if (hands === undefined || !hands.available) {
      throw new TeamsError('call-feature-unavailable', `The calling module has no raise hand and reaction features, so the kit cannot ${action} this call.`);
    }
    return hands;
  }

  /**
   * Hangs up, disposes the call agent and the call client, and returns to `idle`. Runs on its own
   * when the session signs out or changes account; the next `prepare()` starts over.
   */
  async reset(): Promise<void> {
    const parts = this.#agent.detach();
    this.#preview?.dispose();
    this.#outgoing.cancel();
    this.#incoming.clear();

    const call = this.#current.call;
    this.#current.stop();
    this.set({ ...initialCallingState, screenShareViews: this.snapshot.screenShareViews });

    // Best effort: the other person should see the call end rather than time out.
    if (call !== undefined && call.state !== 'Disconnected') {
      await call.hangUp().catch((error: unknown) => this.#logger?.warn(`Hanging up the call ${call.id} on sign-out failed: ${describeError(error)}`));
    }
    await this.#agent.dispose(parts);
  }
}
