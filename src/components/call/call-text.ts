import { type CallingState, type DeviceProblem, type EndedCall, shortenObjectIds } from '../../services/calling/index.js';
import type { TeamsError } from '../../services/errors.js';
import type { LocalizeController } from '../../localization/localize.js';
import type { DeviceProblemTexts } from './call-panels.js';

/** Returns the sentence that explains why a call ended. */
export function endedCallText(localize: LocalizeController, ended: EndedCall): string {
  const name = ended.remoteName ?? localize.term('callUnknownPerson');
  if (ended.missed) return localize.term('callEndedMissed', name);

  const { kind, code, subCode } = ended.reason;
  switch (kind) {
    case 'ended':
      // 0/0 is the local user's own hang-up. Leaving a meeting or a group call does not end it for the others.
      if (subCode === 0 && ended.kind === 'meeting') return localize.term('callEndedLeftMeeting');
      if (subCode === 0 && ended.kind === 'group') return localize.term('callEndedLeftGroupCall');
      return localize.term('callEndedNormally');
    case 'ended-for-everyone':
      return localize.term('callEndedForEveryone');
    case 'removed-from-lobby':
      return localize.term('callEndedRemovedFromLobby');
    case 'lobby-timeout':
      return localize.term('callEndedLobbyTimeout');
    case 'interop-disabled':
      return localize.term('callEndedInteropDisabled');
    case 'not-allowed':
      return localize.term('callEndedNotAllowed');
    case 'call-not-found':
      return localize.term('callEndedCallNotFound');
    case 'person-not-found':
      return localize.term('callEndedPersonNotFound');
    case 'no-response':
      return localize.term('callEndedNoResponse');
    case 'no-answer':
      return localize.term('callEndedNoAnswer', name);
    case 'declined':
      return ended.direction === 'Incoming' ? localize.term('callEndedYouDeclined') : localize.term('callEndedDeclined', name);
    case 'cancelled':
      return localize.term('callEndedCancelled');
    case 'answered-elsewhere':
      return localize.term('callEndedAnsweredElsewhere');
    case 'network':
      return localize.term('callEndedNetwork');
    case 'offline':
      return localize.term('callEndedOffline');
    case 'token':
      return localize.term('callEndedToken');
    case 'too-long':
      return localize.term('callEndedTooLong');
    case 'unknown':
      return localize.term('callEndedUnknown', code, subCode === undefined ? '–' : String(subCode));
  }
}

/** Returns the sentence for an error of `call()`, `accept()` or `prepare()`, by its code. */
export function callErrorText(localize: LocalizeController, error: TeamsError, input: string): string {
  switch (error.code) {
    case 'call-target-missing':
      return localize.term('callErrorTargetMissing');
    case 'call-target-invalid':
      return localize.term('callErrorTargetInvalid', input.trim());
    case 'call-target-self':
      return localize.term('callErrorTargetSelf');
    case 'call-target-not-found':
      return localize.term('callErrorTargetNotFound', input.trim());
    case 'call-target-lookup-forbidden':
      return localize.term('callErrorLookupForbidden');
    case 'call-target-lookup-failed':
      return localize.term('callErrorLookupFailed');
    case 'call-in-progress':
      return localize.term('callErrorInProgress');
    case 'call-target-duplicate':
      return localize.term('callErrorTargetDuplicate');
    case 'group-chat-forbidden':
      return localize.term('callErrorGroupChatForbidden');
    case 'group-chat-failed':
      return localize.term('callErrorGroupChatFailed');
    case 'meeting-locator-missing':
      return localize.term('callErrorMeetingMissing');
    case 'meeting-link-invalid':
      return localize.term('callErrorMeetingLinkInvalid');
    case 'meeting-id-invalid':
      return localize.term('callErrorMeetingIdInvalid', input.trim());
    case 'meeting-passcode-invalid':
      return localize.term('callErrorPasscodeInvalid');
    case 'call-hold-failed':
    case 'call-resume-failed':
      return localize.term('callErrorHoldFailed');
    case 'call-hang-up-failed':
      return localize.term('callErrorHangUpFailed');
    case 'lobby-admit-failed':
    case 'lobby-reject-failed':
    case 'lobby-participant-not-found':
      return localize.term('callErrorLobbyFailed');
    case 'call-accept-failed':
      return localize.term('callErrorAcceptFailed');
    case 'calling-module-failed':
    case 'calling-module-invalid':
      return localize.term('callErrorModuleFailed');
    case 'call-agent-failed':
      return localize.term('callErrorAgentFailed');
    case 'exchange-failed':
      // 400, 404, 405 and the like: the URL or the endpoint's setup is wrong, so retrying cannot help.
      return error.status === undefined ? localize.term('callErrorExchangeMisconfigured') : localize.term('callErrorExchangeRefused', error.status);
    case 'exchange-invalid-response':
      return localize.term('callErrorExchangeMisconfigured');
    case 'exchange-unauthorized':
      return localize.term('callErrorExchangeUnauthorized');
    case 'exchange-forbidden':
      return localize.term('callErrorExchangeForbidden');
    case 'exchange-throttled':
      return localize.term('callErrorExchangeThrottled');
    case 'exchange-unavailable':
      return localize.term('callErrorExchangeUnavailable');
    case 'signed-out':
    case 'interaction-required':
      return localize.term('callErrorSignedOut');
    default:
      return localize.term('callErrorStartFailed');
  }
}

/** Returns the sentence for a camera, microphone or speaker problem; screen problems belong to `<teams-screen-share>`. */
export function deviceProblemText(localize: LocalizeController, problem: DeviceProblem): string | undefined {
  if (problem.device === 'camera') {
    switch (problem.kind) {
      case 'permission-denied':
        return localize.term('callCameraPermissionDenied');
      case 'in-use':
        return localize.term('callCameraInUse');
      case 'not-found':
        return localize.term('callCameraNotFound');
      default:
        return localize.term('callCameraFailed');
    }
  }
  if (problem.device === 'microphone') {
    switch (problem.kind) {
      case 'permission-denied':
        return localize.term('callMicrophonePermissionDenied');
      case 'in-use':
        return localize.term('callMicrophoneInUse');
      case 'not-found':
        return localize.term('callMicrophoneNotFound');
      default:
        return localize.term('callMicrophoneFailed');
    }
  }
  if (problem.device === 'speaker') return localize.term('callSpeakerFailed');
  return undefined;
}

/** Returns the sentence of each picker's device problem, for the pickers to show. */
export function pickerProblemTexts(localize: LocalizeController, problems: readonly DeviceProblem[]): DeviceProblemTexts {
  const texts: DeviceProblemTexts = {};
  for (const problem of problems) {
    if (problem.device === 'screen') continue;
    const text = deviceProblemText(localize, problem);
    if (text !== undefined) texts[problem.device] = text;
  }
  return texts;
}

/** Returns the names of the current call's other people, joined for a sentence. */
export function remoteNames(localize: LocalizeController, state: CallingState): string {
  const names = (state.call?.remoteParticipants ?? []).map((participant) => participant.displayName).filter((name) => name !== undefined);
  if (names.length > 1) return names.join(', ');
  return state.remoteName ?? localize.term('callUnknownPerson');
}

/** Returns the status sentence for the live region: what is happening now, or nothing. */
export function statusText(localize: LocalizeController, state: CallingState, incomingCalls: boolean): string {
  const { call, outgoing, agentStatus } = state;
  const name = remoteNames(localize, state);

  if (call !== undefined) {
    // The call goes on while the call agent reconnects, as Teams keeps a call through a short drop.
    const active = call.state === 'Connected' || call.state === 'LocalHold' || call.state === 'RemoteHold';
    if (active && state.connectionState === 'Disconnected') return localize.term('callReconnecting');

    switch (call.state) {
      case 'None':
      case 'Connecting':
        return state.callKind === 'meeting' ? localize.term('callJoiningMeeting') : localize.term('callConnecting', name);
      case 'Ringing':
      case 'EarlyMedia':
        return localize.term('callRinging', name);
      case 'Connected':
        if (state.callKind === 'meeting') return localize.term('callInMeeting', call.remoteParticipants.length);
        return localize.term('callConnected', name);
      case 'InLobby':
        return localize.term('callInLobby');
      case 'LocalHold':
        return localize.term('callLocalHold');
      case 'RemoteHold':
        return localize.term('callRemoteHold', name);
      case 'Disconnecting':
      case 'Disconnected':
        return localize.term('callDisconnecting');
    }
  }

  const ringing = state.incomingCalls[0];
  if (ringing !== undefined) return localize.term('callIncoming', ringing.callerName ?? localize.term('callUnknownPerson'));

  if (outgoing?.phase === 'resolving' && agentStatus === 'ready') return localize.term('callResolving', shortenObjectIds(outgoing.target));
  if (outgoing?.phase === 'finding-chat') return localize.term('callFindingChat');
  if (agentStatus === 'loading-module') return localize.term('callLoadingModule');
  if (agentStatus === 'creating-agent') return localize.term('callCreatingAgent');
  if (outgoing?.kind === 'meeting') return localize.term('callJoiningMeeting');
  if (outgoing !== undefined) return localize.term('callConnecting', shortenObjectIds(outgoing.target));

  if (state.lastEndedCall !== undefined) return endedCallText(localize, state.lastEndedCall);
  if (agentStatus === 'ready' && state.connectionState === 'Disconnected') return localize.term('callAgentDisconnected');
  if (agentStatus === 'ready' && incomingCalls) return localize.term('callReadyForIncoming');
  return '';
}
