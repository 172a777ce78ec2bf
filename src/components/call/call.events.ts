import type { CallState } from '@azure/communication-calling';

import type { DeviceProblemKind, EndReasonKind, MediaDevice } from '../../services/calling/index.js';

/** Detail of `teams-call-state-change`. `None` stands for "no call" before and after one. */
export interface CallStateChangeDetail {
  callId: string | undefined;
  state: CallState;
  previousState: CallState;
}

/** Detail of `teams-incoming-call`. */
export interface IncomingCallDetail {
  callId: string;
  callerName: string | undefined;
  /** Entra object id of the caller, when the caller is a Teams user. */
  callerObjectId: string | undefined;
}

/** Detail of `teams-call-ended`. */
export interface CallEndedDetail {
  callId: string;
  /** The SDK's end reason code and subcode. */
  code: number;
  subCode: number | undefined;
  reason: EndReasonKind;
  /** The localized sentence the element shows. */
  message: string;
  /** True for an incoming call that ended before it was answered. */
  missed: boolean;
}

/** Detail of `teams-device-error`. */
export interface DeviceErrorDetail {
  device: MediaDevice;
  kind: DeviceProblemKind;
  /** The localized sentence the element shows. */
  message: string;
}

declare module '../shared/events.js' {
  interface TeamsEventMap {
    'teams-call-state-change': CallStateChangeDetail;
    'teams-incoming-call': IncomingCallDetail;
    'teams-call-ended': CallEndedDetail;
    'teams-device-error': DeviceErrorDetail;
  }
}
