import type { AcceptCallOptions, CallEndedEvent, CallEndReason, CallerInfo } from '@azure/communication-calling';

import type { TeamsIncomingCallPort, WithPortVideo } from '../../src/services/calling/port.js';
import type { TeamsCall } from './call.js';
import { CallingError } from './calling-error.js';
import { EventEmitter } from './event-emitter.js';
import { teamsUserIdentifier } from './identifiers.js';
import { endReasons, type EndReason, type IncomingCallMessage } from './protocol.js';

/** Operations an incoming call hands to its call agent. */
export interface IncomingCallContext {
  reject(incomingCall: TeamsIncomingCall): void;
  accept(incomingCall: TeamsIncomingCall, options: WithPortVideo<AcceptCallOptions> | undefined): Promise<TeamsCall>;
}

/**
 * A call ringing on this endpoint, like the SDK's `TeamsIncomingCall`. It fires `callEnded` when
 * it stops ringing without being accepted here: declined, cancelled by the caller, answered on
 * another endpoint, or not answered in time.
 */
export class TeamsIncomingCall implements TeamsIncomingCallPort {
  readonly id: string;
  readonly callerInfo: CallerInfo;
  /** @internal The server's description of everyone in the call, for the call object on accept. */
  readonly invitation: IncomingCallMessage;
  readonly #context: IncomingCallContext;
  readonly #events = new EventEmitter();
  #callEndReason: CallEndReason | undefined;
  #settled = false;

  constructor(context: IncomingCallContext, invitation: IncomingCallMessage) {
    this.#context = context;
    this.invitation = invitation;
    this.id = invitation.callId;
    this.callerInfo = { identifier: teamsUserIdentifier(invitation.caller.rawId), displayName: invitation.caller.displayName };
  }

  get callEndReason(): CallEndReason | undefined {
    return this.#callEndReason;
  }

  /** Answers the call; resolves with the call once this endpoint is in it. */
  async accept(options?: WithPortVideo<AcceptCallOptions>): Promise<TeamsCall> {
    if (this.#settled) {
      throw new CallingError(`The incoming call ${this.id} is no longer ringing, so it cannot be accepted.`, this.#callEndReason ?? endReasons.callNotFound);
    }
    this.#settled = true;
    return this.#context.accept(this, options);
  }

  async reject(): Promise<void> {
    if (this.#settled) return;
    this.#context.reject(this);
    this.end(endReasons.declinedLocally);
  }

  on(event: 'callEnded', listener: CallEndedEvent): void {
    this.#events.on(event, listener);
  }

  off(event: 'callEnded', listener: CallEndedEvent): void {
    this.#events.off(event, listener);
  }

  /** @internal Stops the ringing with a reason. */
  end(reason: EndReason): void {
    if (this.#callEndReason !== undefined) return;
    this.#settled = true;
    this.#callEndReason = reason;
    this.#events.emit('callEnded', { callEndReason: reason });
  }
}
