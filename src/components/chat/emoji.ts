/**
 * The reactions the message menu offers, as Unicode emoji, which Graph's `setReaction` accepts.
 * They are Teams' six classic reactions.
 */
export const quickReactions = ['👍', '❤️', '😆', '😮', '😢', '😡'] as const;

/**
 * Emoji the composer's picker inserts. The buttons show the characters themselves, which screen
 * readers announce by their names in the user's language.
 */
export const composerEmoji: readonly string[] = ['😀', '😂', '😊', '😉', '😍', '🤔', '😮', '😢', '😡', '👍', '👎', '👏', '🙏', '💪', '👀', '🎉', '❤️', '🔥', '✅', '❌', '☕', '🚀', '💡', '📎'];
