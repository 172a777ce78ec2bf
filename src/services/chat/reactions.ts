import type { GraphReaction } from './graph-types.js';

/** One reaction type on a message, with everyone who chose it. */
export interface ReactionSummary {
  /** The emoji, such as `👍`. */
  reactionType: string;
  count: number;
  /** True when the signed-in user is among them. */
  mine: boolean;
  userIds: string[];
  /** Names of the others who reacted (not the signed-in user), where the chat's members give them. */
  names: string[];
}

/** Emoji of the reaction names Graph used before it accepted any Unicode emoji. */
const namedReactions: Record<string, string> = {
  like: '👍',
  heart: '❤️',
  laugh: '😆',
  surprised: '😮',
  sad: '😢',
  angry: '😡',
};

/** Returns a reaction type as the emoji to show and to send back in `unsetReaction`. */
export function reactionEmoji(reactionType: string): string {
  return namedReactions[reactionType] ?? reactionType;
}

/** Groups a message's reactions by type, in the order each type first appeared. */
export function summarizeReactions(reactions: readonly GraphReaction[] | undefined, accountId: string | undefined, memberNames: ReadonlyMap<string, string>): ReactionSummary[] {
  const summaries = new Map<string, ReactionSummary>();
  const ordered = [...(reactions ?? [])].sort((a, b) => Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime));

  for (const reaction of ordered) {
    const userId = reaction.user?.user?.id;
    if (userId === undefined) continue;

    let summary = summaries.get(reaction.reactionType);
    if (summary === undefined) {
      summary = { reactionType: reaction.reactionType, count: 0, mine: false, userIds: [], names: [] };
      summaries.set(reaction.reactionType, summary);
    }
    if (summary.userIds.includes(userId)) continue;

    summary.userIds.push(userId);
    summary.count += 1;
    if (userId === accountId) summary.mine = true;
    const name = reaction.user.user?.displayName ?? memberNames.get(userId);
    if (name && userId !== accountId) summary.names.push(name);
  }
  return [...summaries.values()];
}
