import type { Reaction } from '@azure/communication-calling';

import { identifierKey } from './identifiers.js';
import type { CallFeaturesPort, FeatureParticipantIdentifier, RaiseHandFeaturePort, ReactionFeaturePort, ReactionListenerPort, TeamsCallPort } from './port.js';

/** A raised hand, in the order hands went up. */
export interface RaisedHandSnapshot {
  /** Key of the participant's identifier, as `RemoteParticipantSnapshot.key`. */
  key: string;
  /** Position in the raising order across the call; lower went up earlier. */
  order: number;
}

/** A reaction that shows for a short time on its sender's tile. */
export interface ReactionSnapshot {
  /** Key of the sender's identifier; the local user's own key for reactions sent here. */
  key: string;
  reaction: Reaction;
  /** Unique per reaction, so the same reaction sent twice shows (and is announced) twice. */
  id: number;
}

export interface HandsAndReactionsOptions {
  /** The loaded module's feature factories; without them the call has no hands or reactions. */
  features: CallFeaturesPort | undefined;
  /** Key of the local user's identifier, to tell the own hand from the others'. */
  selfKey: string | undefined;
  /** How long a reaction shows, in milliseconds. */
  reactionDurationMs: number;
  /** Called after each change of raised hands or shown reactions. */
  onChange(): void;
}

type Unsubscribe = () => void;

/** Default time a reaction shows on its sender's tile, in milliseconds; Teams shows one for a few seconds. */
export const defaultReactionDurationMs = 3000;

/**
 * The raised hands and recent reactions of one call, from the SDK's `RaiseHand` and `Reaction`
 * call features. A reaction is kept for `reactionDurationMs`, then dropped. `dispose` removes
 * every listener and timer.
 */
export class HandsAndReactions {
  readonly raiseHandFeature: RaiseHandFeaturePort | undefined;
  readonly reactionFeature: ReactionFeaturePort | undefined;
  readonly #options: HandsAndReactionsOptions;
  readonly #subscriptions: Unsubscribe[] = [];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #reactions: ReactionSnapshot[] = [];
  #nextReactionId = 1;
  #disposed = false;

  constructor(call: TeamsCallPort, options: HandsAndReactionsOptions) {
    this.#options = options;
    this.raiseHandFeature = options.features === undefined ? undefined : call.feature(options.features.RaiseHand);
    this.reactionFeature = options.features === undefined ? undefined : call.feature(options.features.Reaction);

    const raiseHand = this.raiseHandFeature;
    if (raiseHand !== undefined) {
      const onHandChanged = (): void => options.onChange();
      raiseHand.on('raisedHandEvent', onHandChanged);
      raiseHand.on('loweredHandEvent', onHandChanged);
      this.#subscriptions.push(() => raiseHand.off('raisedHandEvent', onHandChanged), () => raiseHand.off('loweredHandEvent', onHandChanged));
    }

    const reaction = this.reactionFeature;
    if (reaction !== undefined) {
      const onReaction: ReactionListenerPort = ({ identifier, reactionMessage }) => {
        const key = featureIdentifierKey(identifier);
        // The own reaction is shown when it is sent, so an echo from the service is not shown twice.
        if (key !== options.selfKey) this.#show(key, reactionMessage.reactionType);
      };
      reaction.on('reaction', onReaction);
      this.#subscriptions.push(() => reaction.off('reaction', onReaction));
    }
  }

  /** True when the call has both features. */
  get available(): boolean {
    return this.raiseHandFeature !== undefined && this.reactionFeature !== undefined;
  }

  /** Raised hands in raising order. */
  get raisedHands(): RaisedHandSnapshot[] {
    const hands = this.raiseHandFeature?.getRaisedHands() ?? [];
    return hands.map((hand) => ({ key: featureIdentifierKey(hand.identifier), order: hand.order })).sort((a, b) => a.order - b.order);
  }

  /** Reactions that show now, oldest first; at most one per participant. */
  get reactions(): ReactionSnapshot[] {
    return this.#reactions;
  }

  /** The listeners held on the features, for leak checks. */
  get subscriptionCount(): number {
    return this.#subscriptions.length;
  }

  /** Sends a reaction and shows it on the local user's own tile. */
  async sendReaction(reactionType: Reaction): Promise<void> {
    if (this.reactionFeature === undefined) throw new Error('This call has no reaction feature.');
    await this.reactionFeature.sendReaction({ reactionType });
    if (this.#options.selfKey !== undefined) this.#show(this.#options.selfKey, reactionType);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const unsubscribe of this.#subscriptions.splice(0)) unsubscribe();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#reactions = [];
  }

  #show(key: string, reaction: Reaction): void {
    if (this.#disposed) return;
    const shown: ReactionSnapshot = { key, reaction, id: this.#nextReactionId++ };
    // A newer reaction of the same person replaces the one still showing.
    this.#reactions = [...this.#reactions.filter((candidate) => candidate.key !== key), shown];
    this.#options.onChange();

    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      const remaining = this.#reactions.filter((candidate) => candidate !== shown);
      if (remaining.length === this.#reactions.length) return;
      this.#reactions = remaining;
      this.#options.onChange();
    }, this.#options.reactionDurationMs);
    this.#timers.add(timer);
  }
}

/**
 * Returns the key of an identifier the features report. They leave out `kind`, so the kind is
 * read from the id field, and the key matches `RemoteParticipantSnapshot.key`.
 */
function featureIdentifierKey(identifier: FeatureParticipantIdentifier): string {
  if ('microsoftTeamsUserId' in identifier) return identifierKey({ kind: 'microsoftTeamsUser', ...identifier });
  return identifierKey({ kind: 'communicationUser', ...identifier });
}
