import type { RaisedHand, ReactionMessage } from '@azure/communication-calling';

import type {
  FeatureParticipantIdentifier,
  RaiseHandFeaturePort,
  RaisedHandChangedListener,
  ReactionFeaturePort,
  ReactionListenerPort,
} from '../../src/services/calling/port.js';
import { CallingError } from './calling-error.js';
import { EventEmitter } from './event-emitter.js';
import { teamsUserIdentifier } from './identifiers.js';
import { type ClientMessage, type RaisedHandInfo, type ReactionType, endReasons, reactionTypes } from './protocol.js';

/** The parts of a call that its features use. */
export interface CallFeatureContext {
  /** The id the signalling server uses for this endpoint's part in the call. */
  callId: string;
  send(message: ClientMessage): void;
  /** False once the call has ended or before it connected, when the server would drop the message. */
  isConnected(): boolean;
}

/**
 * Raised hands of a call, like the SDK's `RaiseHandCallFeature`: the signalling server keeps the
 * order in which hands went up and sends the whole list on every change, so every endpoint shows
 * the same order.
 */
export class RaiseHandFeature implements RaiseHandFeaturePort {
  readonly name = 'RaiseHand';
  readonly #context: CallFeatureContext;
  readonly #events = new EventEmitter();
  #raisedHands: RaisedHandInfo[] = [];

  constructor(context: CallFeatureContext) {
    this.#context = context;
  }

  async raiseHand(): Promise<void> {
    this.#send('raiseHand', true);
  }

  async lowerHand(): Promise<void> {
    this.#send('lowerHand', false);
  }

  getRaisedHands(): RaisedHand[] {
    return this.#raisedHands.map((hand) => ({ identifier: teamsUserIdentifier(hand.rawId), order: hand.order }));
  }

  on(event: 'raisedHandEvent' | 'loweredHandEvent', listener: RaisedHandChangedListener): void {
    this.#events.on(event, listener);
  }

  off(event: 'raisedHandEvent' | 'loweredHandEvent', listener: RaisedHandChangedListener): void {
    this.#events.off(event, listener);
  }

  dispose(): void {
    this.#raisedHands = [];
  }

  /** @internal Applies the server's list: emits a lowered hand for each gone, a raised hand for each new. */
  update(raisedHands: RaisedHandInfo[]): void {
    const before = new Set(this.#raisedHands.map((hand) => hand.rawId));
    const after = new Set(raisedHands.map((hand) => hand.rawId));
    this.#raisedHands = [...raisedHands].sort((a, b) => a.order - b.order);

    for (const rawId of before) if (!after.has(rawId)) this.#emit('loweredHandEvent', rawId);
    for (const rawId of after) if (!before.has(rawId)) this.#emit('raisedHandEvent', rawId);
  }

  #emit(event: 'raisedHandEvent' | 'loweredHandEvent', rawId: string): void {
    const identifier: FeatureParticipantIdentifier = teamsUserIdentifier(rawId);
    this.#events.emit(event, { identifier });
  }

  #send(operation: string, raised: boolean): void {
    if (!this.#context.isConnected()) {
      throw new CallingError(`${operation} failed: call ${this.#context.callId} is not connected.`, endReasons.callNotFound);
    }
    this.#context.send({ type: 'raiseHand', callId: this.#context.callId, raised });
  }
}

/**
 * Reactions of a call, like the SDK's `ReactionCallFeature`. The server relays a reaction to
 * everyone else; the sender's own reaction is not echoed back.
 */
export class ReactionFeature implements ReactionFeaturePort {
  readonly name = 'Reaction';
  readonly #context: CallFeatureContext;
  readonly #events = new EventEmitter();

  constructor(context: CallFeatureContext) {
    this.#context = context;
  }

  async sendReaction(reactionMessage: ReactionMessage): Promise<void> {
    const reaction = reactionMessage.reactionType;
    if (!reactionTypes.includes(reaction)) {
      throw new CallingError(`sendReaction failed: "${String(reaction)}" is not one of ${reactionTypes.join(', ')}.`, { code: 400, subCode: 0 });
    }
    if (!this.#context.isConnected()) {
      throw new CallingError(`sendReaction failed: call ${this.#context.callId} is not connected.`, endReasons.callNotFound);
    }
    this.#context.send({ type: 'sendReaction', callId: this.#context.callId, reaction });
  }

  on(event: 'reaction', listener: ReactionListenerPort): void {
    this.#events.on(event, listener);
  }

  off(event: 'reaction', listener: ReactionListenerPort): void {
    this.#events.off(event, listener);
  }

  dispose(): void {
    // Nothing to release: listeners belong to their subscribers.
  }

  /** @internal Emits a reaction the server relayed. */
  receive(rawId: string, reaction: ReactionType): void {
    this.#events.emit('reaction', { identifier: teamsUserIdentifier(rawId), reactionMessage: { reactionType: reaction } });
  }
}

/** The sandbox module's `Features`: the factories its calls accept in `call.feature()`. */
export const Features = {
  RaiseHand: { callApiCtor: RaiseHandFeature },
  Reaction: { callApiCtor: ReactionFeature },
};
