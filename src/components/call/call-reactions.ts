import type { Reaction } from '@azure/communication-calling';
import { type TemplateResult, html } from 'lit';

import type { CallSnapshot, ReactionSnapshot } from '../../services/calling/index.js';
import type { LocalizeController } from '../../localization/localize.js';
import type { callMessages } from './call.messages.js';

/** The reactions in the order the menu lists them. */
export const reactionOrder: readonly Reaction[] = ['like', 'heart', 'applause', 'laugh', 'surprised'];

/** The picture of each reaction. Emoji are the same in every language, so they are not messages. */
export const reactionEmoji: Readonly<Record<Reaction, string>> = {
  like: '👍',
  heart: '❤️',
  applause: '👏',
  laugh: '😆',
  surprised: '😮',
};

/** The message key of each reaction's name. */
export const reactionName: Readonly<Record<Reaction, keyof typeof callMessages>> = {
  like: 'callReactionLike',
  heart: 'callReactionHeart',
  applause: 'callReactionApplause',
  laugh: 'callReactionLaugh',
  surprised: 'callReactionSurprised',
};

/** Returns the text a tile shows for a reaction: its picture and its name. */
export function reactionText(localize: LocalizeController, reaction: Reaction): string {
  return `${reactionEmoji[reaction]} ${localize.term(reactionName[reaction]) as string}`;
}

/** Returns the reactions that show now, as tile texts by participant key. */
export function reactionTexts(localize: LocalizeController, reactions: readonly ReactionSnapshot[]): Map<string, string> {
  return new Map(reactions.map((shown) => [shown.key, reactionText(localize, shown.reaction)]));
}

/**
 * Returns a polite live region that announces the newest reaction ("Diego Siciliani reacted:
 * Applause"). It stays in the DOM, so screen readers announce each change of its text.
 */
export function renderReactionAnnouncement(localize: LocalizeController, call: CallSnapshot, selfKey: string | undefined, selfName: string): TemplateResult {
  const newest = call.reactions.reduce<ReactionSnapshot | undefined>((latest, shown) => (latest === undefined || shown.id > latest.id ? shown : latest), undefined);
  let text = '';
  if (newest !== undefined) {
    const sender = newest.key === selfKey ? selfName : call.remoteParticipants.find((participant) => participant.key === newest.key)?.displayName;
    text = localize.term('callReactedBy', sender ?? localize.term('callUnknownPerson'), localize.term(reactionName[newest.reaction]) as string);
  }
  return html`<p class="visually-hidden" aria-live="polite">${text}</p>`;
}
