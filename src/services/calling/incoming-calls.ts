import type { CallEndReason } from '@azure/communication-calling';

import { TeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import type { AgentConnection } from './agent-connection.js';
import { CallerPhotos } from './caller-photos.js';
import type { CallingLogger, MediaOptions } from './calling-options.js';
import type { CallKind, IncomingCallSnapshot } from './calling-state.js';
import type { CurrentCall } from './current-call.js';
import { describeError } from './describe-error.js';
import { describeEndReason } from './end-reasons.js';
import { teamsUserObjectId } from './identifiers.js';
import type { LocalDevices } from './local-devices.js';
import { mediaOptionsFor } from './local-media.js';
import type { TeamsCallPort, TeamsIncomingCallPort } from './port.js';
import { type CallingStateAccess, type Unsubscribe, failCall } from './service-state.js';

/**
 * The incoming calls that ring now, oldest first, each with its `callEnded` listener and its
 * caller's photo. A ringing call leaves the list when it is accepted, declined, or ends on the
 * caller's side, and its photo's blob URL is revoked then.
 */
export class IncomingCallList {
  readonly #subscriptions = new Map<TeamsIncomingCallPort, Unsubscribe>();
  readonly #onChange: (ringing: IncomingCallSnapshot[]) => void;
  readonly #photos: CallerPhotos | undefined;
  #ringing: IncomingCallSnapshot[] = [];

  /** `onChange` receives the new list after each change; `photos`, when given, loads callers' photos. */
  constructor(onChange: (ringing: IncomingCallSnapshot[]) => void, photos?: CallerPhotos) {
    this.#onChange = onChange;
    this.#photos = photos;
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
      callerPhotoUrl: undefined,
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

    if (ringing.callerObjectId === undefined) {
      this.#setPhoto(incomingCall, null);
    } else {
      this.#photos?.load(incomingCall.id, ringing.callerObjectId, (url) => this.#setPhoto(incomingCall, url));
    }
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
    this.#photos?.release(incomingCall.id);

    const remaining = this.#ringing.filter((candidate) => candidate.incomingCall !== incomingCall);
    if (remaining.length === this.#ringing.length) return;
    this.#ringing = remaining;
    this.#onChange(this.#ringing);
  }

  /** Stops following every call without notifying, for a reset. */
  clear(): void {
    for (const unsubscribe of this.#subscriptions.values()) unsubscribe();
    this.#subscriptions.clear();
    this.#photos?.releaseAll();
    this.#ringing = [];
  }

  /** Puts the caller's photo (or `null`, none) into the call's entry while it still rings. */
  #setPhoto(incomingCall: TeamsIncomingCallPort, callerPhotoUrl: string | null): void {
    if (!this.#ringing.some((candidate) => candidate.incomingCall === incomingCall)) return;
    this.#ringing = this.#ringing.map((candidate) => (candidate.incomingCall === incomingCall ? { ...candidate, callerPhotoUrl } : candidate));
    this.#onChange(this.#ringing);
  }
}

export interface IncomingCallsOptions {
  /** The session whose Graph token loads callers' photos. */
  session: Pick<SessionApi, 'options' | 'getGraphToken'>;
  /** Replaces `fetch` for the photo requests, for tests. */
  fetch: typeof fetch | undefined;
  state: CallingStateAccess;
  logger: CallingLogger | null;
  agent: AgentConnection;
  devices: LocalDevices;
  current: CurrentCall;
  /** Hangs up the current call, before another one is accepted. */
  hangUp(): Promise<void>;
}

/** Ringing calls and what the person does with them: accept (with or without video) or decline. */
export class IncomingCalls {
  readonly #state: CallingStateAccess;
  readonly #logger: CallingLogger | null;
  readonly #agent: AgentConnection;
  readonly #devices: LocalDevices;
  readonly #current: CurrentCall;
  readonly #hangUp: () => Promise<void>;
  readonly #incoming: IncomingCallList;

  constructor(options: IncomingCallsOptions) {
    this.#state = options.state;
    this.#logger = options.logger;
    this.#agent = options.agent;
    this.#devices = options.devices;
    this.#current = options.current;
    this.#hangUp = options.hangUp;
    this.#incoming = new IncomingCallList(
      (incomingCalls) => this.#state.update({ incomingCalls }),
      new CallerPhotos(options.session, { fetch: options.fetch }),
    );
  }

  /** Starts ringing a call; one that stops ringing unanswered becomes a missed `lastEndedCall`. */
  add(incomingCall: TeamsIncomingCallPort): void {
    this.#incoming.add(incomingCall, (ringing: IncomingCallSnapshot, callEndReason: CallEndReason) => {
      this.#state.update({
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

  /** See `CallingService.accept`. */
  async accept(callId: string | undefined, options: MediaOptions): Promise<void> {
    const ringing = this.#incoming.find(callId);
    this.#incoming.forget(ringing.incomingCall);
    this.#state.update({ callError: undefined, deviceProblems: [] });

    try {
      if (this.#current.call !== undefined) await this.#hangUp();
      this.#state.update({ lastEndedCall: undefined });

      const parts = await this.#agent.prepare();
      const access = await this.#devices.askDevicePermission(parts, options.video === true);
      const videoStream = options.video && access.video ? await this.#devices.tryCreateCameraStream(parts) : undefined;

      let call: TeamsCallPort;
      try {
        call = await ringing.incomingCall.accept(mediaOptionsFor(videoStream, options.muted));
      } catch (error) {
        videoStream?.dispose();
        throw error;
      }

      // A call that rings with others already in it is a group call.
      const kind: CallKind = call.remoteParticipants.length > 1 ? 'group' : 'one-to-one';
      this.#current.track(call, kind, ringing.callerName, videoStream);
    } catch (error) {
      throw failCall(this.#state, error, 'call-accept-failed', `Accepting the call from ${ringing.callerName ?? 'an unknown caller'} failed`);
    }
  }

  /** See `CallingService.decline`. */
  async decline(callId: string | undefined): Promise<void> {
    const ringing = this.#incoming.find(callId);
    this.#incoming.forget(ringing.incomingCall);

    try {
      await ringing.incomingCall.reject();
    } catch (error) {
      // The call stops ringing here either way; the caller's side times out.
      this.#logger?.warn(`Declining the incoming call ${ringing.id} failed: ${describeError(error)}`);
    }
  }

  /** Stops following every ringing call without notifying, for a reset. */
  clear(): void {
    this.#incoming.clear();
  }
}
