import type { CallEndReason } from '@azure/communication-calling';

import { TeamsError } from '../errors.js';
import type { IncomingCallSnapshot } from './calling-state.js';
import { teamsUserObjectId } from './identifiers.js';
import type { TeamsIncomingCallPort } from './port.js';

type Unsubscribe = () => void;

/**
 * The incoming calls that ring now, oldest first, each with its `callEnded` listener. A ringing
 * call leaves the list when it is accepted, declined, or ends on the caller's side.
 */
export class IncomingCallList {
  readonly #subscriptions = new Map<TeamsIncomingCallPort, Unsubscribe>();
  readonly #onChange: (ringing: IncomingCallSnapshot[]) => void;
  #ringing: IncomingCallSnapshot[] = [];

  /** `onChange` receives the new list after each change. */
  constructor(onChange: (ringing: IncomingCallSnapshot[]) => void) {
    this.#onChange = onChange;
  }

  /**
   * Adds a call that started ringing. `onMissed` runs when it stops ringing before anyone here
   * answered: the caller hung up, or another device of this user took the call.
   */
  add(incomingCall: TeamsIncomingCallPort, onMissed: (ringing: IncomingCallSnapshot, reason: CallEndReason) => void): void {
    const ringing: IncomingCallSnapshot = {
      id: incomingCall.id,
      callerName: incomingCall.callerInfo.displayName,
      callerObjectId: teamsUserObjectId(incomingCall.callerInfo.identifier),
      incomingCall,
    };

    const onCallEnded = ({ callEndReason }: { callEndReason: CallEndReason }): void => {
      this.forget(incomingCall);
      onMissed(ringing, callEndReason);
    };
    incomingCall.on('callEnded', onCallEnded);
    this.#subscriptions.set(incomingCall, () => incomingCall.off('callEnded', onCallEnded));

    this.#ringing = [...this.#ringing, ringing];
    this.#onChange(this.#ringing);
  }

  /** Returns the ringing call with this id, or the oldest one; throws `incoming-call-not-found`. */
  find(callId: string | undefined): IncomingCallSnapshot {
    const ringing = callId === undefined ? this.#ringing[0] : this.#ringing.find((candidate) => candidate.id === callId);
    if (ringing === undefined) {
      throw new TeamsError(
        'incoming-call-not-found',
        callId === undefined ? 'No incoming call is ringing.' : `No incoming call with id ${callId} is ringing; it may have ended.`,
      );
    }
    return ringing;
  }

  /** Stops following a call: it was answered or declined here, or it ended. */
  forget(incomingCall: TeamsIncomingCallPort): void {
    this.#subscriptions.get(incomingCall)?.();
    this.#subscriptions.delete(incomingCall);

    const remaining = this.#ringing.filter((candidate) => candidate.incomingCall !== incomingCall);
    if (remaining.length === this.#ringing.length) return;
    this.#ringing = remaining;
    this.#onChange(this.#ringing);
  }

  /** Stops following every call without notifying, for a reset. */
  clear(): void {
    for (const unsubscribe of this.#subscriptions.values()) unsubscribe();
    this.#subscriptions.clear();
    this.#ringing = [];
  }
}
