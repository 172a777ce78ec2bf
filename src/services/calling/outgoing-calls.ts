import { TeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import type { AgentConnection } from './agent-connection.js';
import { parseCallTarget, rejectSelfCall } from './call-target.js';
import { type OutgoingCallPlan, planOutgoingCall, splitCallTargets } from './call-targets.js';
import type { MediaOptions } from './calling-options.js';
import type { CallKind } from './calling-state.js';
import type { CurrentCall } from './current-call.js';
import { describeError } from './describe-error.js';
import { lookUpDisplayName } from './display-names.js';
import type { LocalDevices } from './local-devices.js';
import { type CallMediaOptions, mediaOptionsFor } from './local-media.js';
import { type MeetingLocator, parseMeetingLocator } from './meeting-locator.js';
import type { LocalVideoStreamPort, TeamsCallAgentPort, TeamsCallPort } from './port.js';
import { type CallingStateAccess, failCall } from './service-state.js';

export interface OutgoingCallsOptions {
  session: SessionApi;
  fetch: typeof fetch | undefined;
  state: CallingStateAccess;
  agent: AgentConnection;
  devices: LocalDevices;
  current: CurrentCall;
}

/**
 * Calls to Teams users and meeting joins, from the typed text to the SDK's call object: parsing,
 * looking people up, finding a group call's chat, device access, then `startCall` or `join`.
 * Until the SDK has the call, `cancel()` stops it quietly.
 */
export class OutgoingCalls {
  readonly #session: SessionApi;
  readonly #fetch: typeof fetch | undefined;
  readonly #state: CallingStateAccess;
  readonly #agent: AgentConnection;
  readonly #devices: LocalDevices;
  readonly #current: CurrentCall;
  #outgoingAbort: AbortController | undefined;

  constructor(options: OutgoingCallsOptions) {
    this.#session = options.session;
    this.#fetch = options.fetch;
    this.#state = options.state;
    this.#agent = options.agent;
    this.#devices = options.devices;
    this.#current = options.current;
  }

  /** See `CallingService.call`. */
  async call(input: string | string[], options: MediaOptions): Promise<void> {
    const inputs = this.checkCall(input);
    const label = inputs.join(', ');

    const kind: CallKind = inputs.length > 1 ? 'group' : 'one-to-one';
    const lookup = (signal: AbortSignal): Promise<OutgoingCallPlan> =>
      planOutgoingCall(this.#session, inputs, {
        signal,
        ...(this.#fetch ? { fetch: this.#fetch } : {}),
        onFindingChat: () => {
          if (!signal.aborted) this.#state.update({ outgoing: { target: label, kind, phase: 'finding-chat' } });
        },
      });

    await this.#start(label, kind, options, lookup, (agent, plan, callOptions) => {
      const call =
        plan.threadId === undefined
          ? agent.startCall(plan.identifiers[0]!, callOptions)
          : agent.startCall(plan.identifiers, { ...callOptions, threadId: plan.threadId });
      this.#nameLater(call, plan);
      return { call, name: plan.names.join(', ') };
    });
  }

  /**
   * Looks up the names of people called by object id while their call rings, and shows each once
   * known. Those the lookup cannot find (people of another tenant) keep their shortened id.
   */
  #nameLater(call: TeamsCallPort, plan: OutgoingCallPlan): void {
    if (plan.unnamed.length === 0) return;
    const names = [...plan.names];
    for (const index of plan.unnamed) {
      const objectId = plan.identifiers[index]!.microsoftTeamsUserId;
      void lookUpDisplayName(this.#session, objectId, { fetch: this.#fetch }).then((name) => {
        if (name === undefined) return;
        names[index] = name;
        this.#current.rename(call, names.join(', '));
      });
    }
  }

  /** See `CallingService.join`. */
  async join(meeting: string, passcode: string, options: MediaOptions): Promise<void> {
    const locator = this.checkMeeting(meeting, passcode);

    const label = meeting.trim();
    await this.#start(label, 'meeting', options, async () => locator, (agent, meetingLocator, callOptions) => ({
      call: agent.join(meetingLocator, callOptions),
      name: undefined,
    }));
  }

  /**
   * Checks a call's targets without looking anyone up, and returns them split. Throws (and stores)
   * `call-in-progress` or a `call-target-…` error.
   */
  checkCall(input: string | string[]): string[] {
    const inputs = splitCallTargets(input);
    const label = inputs.join(', ');
    this.#rejectSecondCall(`"${label}" was not called`);

    // Malformed input and calling oneself fail before the SDK starts to download.
    try {
      for (const target of inputs) rejectSelfCall(parseCallTarget(target), this.#session.account);
    } catch (error) {
      throw failCall(this.#state, error);
    }
    return inputs;
  }

  /** Checks a meeting link or ID and passcode, and returns the locator. Throws (and stores) the `join` errors. */
  checkMeeting(meeting: string, passcode: string): MeetingLocator {
    this.#rejectSecondCall(`the meeting "${meeting.trim()}" was not joined`);

    try {
      return parseMeetingLocator(meeting, passcode);
    } catch (error) {
      throw failCall(this.#state, error);
    }
  }

  /** Cancels a call that the SDK does not have yet; returns false when there is none. */
  cancel(): boolean {
    if (this.#outgoingAbort === undefined) return false;
    this.#outgoingAbort.abort();
    this.#outgoingAbort = undefined;
    return true;
  }

  #rejectSecondCall(what: string): void {
    if (this.#state.snapshot.call === undefined && this.#state.snapshot.outgoing === undefined) return;
    // Stored too, so the element shows why nothing happened.
    throw failCall(this.#state, new TeamsError('call-in-progress', `A call is already in progress, so ${what}. Hang up first.`));
  }

  /**
   * The steps every outgoing call and meeting join share: load calling while `lookup` finds who
   * or what to call, ask for device access, open the camera, then `start` the call. `cancel()`
   * stops it until the SDK has the call.
   */
  async #start<Plan>(
    label: string,
    kind: CallKind,
    options: MediaOptions,
    lookup: (signal: AbortSignal) => Promise<Plan>,
    start: (agent: TeamsCallAgentPort, plan: Plan, callOptions: CallMediaOptions | undefined) => { call: TeamsCallPort; name: string | undefined },
  ): Promise<void> {
    const abort = new AbortController();
    this.#outgoingAbort = abort;
    this.#state.update({
      outgoing: { target: label, kind, phase: kind === 'meeting' ? 'starting' : 'resolving' },
      callError: undefined,
      lastEndedCall: undefined,
      deviceProblems: [],
    });

    let videoStream: LocalVideoStreamPort | undefined;
    try {
      const [plan, parts] = await Promise.all([lookup(abort.signal), this.#agent.prepare()]);
      if (abort.signal.aborted) return;

      this.#state.update({ outgoing: { target: label, kind, phase: 'starting' } });
      const access = await this.#devices.askDevicePermission(parts, options.video === true);
      videoStream = options.video && access.video ? await this.#devices.tryCreateCameraStream(parts) : undefined;
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
      this.#current.track(started.call, kind, started.name ?? label, videoStream);
    } catch (error) {
      videoStream?.dispose();
      if (abort.signal.aborted) return;
      this.#state.update({ outgoing: undefined });
      throw failCall(this.#state, error);
    } finally {
      if (this.#outgoingAbort === abort) this.#outgoingAbort = undefined;
    }
  }
}
