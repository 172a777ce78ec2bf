import type { CallDirection } from '@azure/communication-calling';

import type { TeamsError } from '../errors.js';
import type { CallSnapshot } from './call-store.js';
import type { DeviceProblem } from './device-errors.js';
import { type DeviceLists, emptyDeviceLists } from './device-selection.js';
import type { DescribedEndReason } from './end-reasons.js';
import type { TeamsIncomingCallPort } from './port.js';

/**
 * Status of a session's call agent. It is `idle` before the first call intent, `loading-module`
 * while the SDK (or the configured calling module) loads, and `creating-agent` while the Teams
 * call agent connects. Then it is `ready`, or `failed` with the reason in `agentError`, in which
 * case `prepare()` tries again.
 */
export type AgentStatus = 'idle' | 'loading-module' | 'creating-agent' | 'ready' | 'failed';

/** A call that rings and has not been accepted or declined yet. */
export interface IncomingCallSnapshot {
  id: string;
  callerName: string | undefined;
  /** Entra object id of the caller, when the caller is a Teams user. */
  callerObjectId: string | undefined;
  /**
   * Blob URL of the caller's profile photo from Microsoft Graph. It is `undefined` while it loads
   * and `null` when the caller has none or it failed to load. The URL is revoked when the call
   * stops ringing, so a page that keeps the photo copies the image, not the URL.
   */
  callerPhotoUrl: string | null | undefined;
  incomingCall: TeamsIncomingCallPort;
}

/** What kind of call the current one is: with one person, with several, or a Teams meeting. */
export type CallKind = 'one-to-one' | 'group' | 'meeting';

/**
 * An outgoing call before the SDK has a call object. `resolving` looks people up,
 * `finding-chat` finds or creates a group call's chat, and `starting` asks for device access.
 */
export interface OutgoingCallSetup {
  /** Text typed or passed to `call()` or `join()`. */
  target: string;
  kind: CallKind;
  phase: 'resolving' | 'finding-chat' | 'starting';
}

/** A call that ended, kept so the element can say why. */
export interface EndedCall {
  id: string;
  direction: CallDirection;
  kind: CallKind;
  /** Display name of the other person, when known. */
  remoteName: string | undefined;
  /** True for an incoming call that ended before it was accepted or declined. */
  missed: boolean;
  reason: DescribedEndReason;
}

/** Everything the calling elements of one session render. */
export interface CallingState {
  agentStatus: AgentStatus;
  /** Error of the last failed `prepare()`. */
  agentError: TeamsError | undefined;
  /** Connection of the call agent to Teams, once it exists. */
  connectionState: 'Connected' | 'Disconnected' | undefined;
  outgoing: OutgoingCallSetup | undefined;
  /** The current call, from the moment the SDK creates it until it is `Disconnected`. */
  call: CallSnapshot | undefined;
  /** The current call's kind; `undefined` without a call. */
  callKind: CallKind | undefined;
  /** Display name of the other person of the current call, from the lookup or the caller info. */
  remoteName: string | undefined;
  incomingCalls: IncomingCallSnapshot[];
  lastEndedCall: EndedCall | undefined;
  /** Error that stopped the last call from starting, for example an unknown person. */
  callError: TeamsError | undefined;
  /** The last failure of each device; a later success removes it. */
  deviceProblems: DeviceProblem[];
  /** The devices to choose from, once the call agent is ready. */
  devices: DeviceLists;
  /** How many screen share views show the current call's remote share (see `addScreenShareView`). */
  screenShareViews: number;
}

export const initialCallingState: CallingState = {
  agentStatus: 'idle',
  agentError: undefined,
  connectionState: undefined,
  outgoing: undefined,
  call: undefined,
  callKind: undefined,
  remoteName: undefined,
  incomingCalls: [],
  lastEndedCall: undefined,
  callError: undefined,
  deviceProblems: [],
  devices: emptyDeviceLists,
  screenShareViews: 0,
};
