import { graphBasePath } from './graph-route.js';
import type { ChatMessage } from './model.js';

/** The Graph origin message HTML names in hosted content URLs, which the emulator serves itself. */
const graphHostedContentPrefix = 'https://graph.microsoft.com/v1.0/';

/**
 * Returns a message as the emulator's Graph sends it from `origin`: hosted content URLs in the
 * body point at the emulator instead of graph.microsoft.com, and a soft-deleted message has an
 * empty body.
 *
 * NOTE: whether Graph empties the body of a deleted chat message or keeps it was not checked.
 * Clients must not show it either way, and the emulator sends none so that none can show.
 */
export function toGraphMessage(message: ChatMessage, origin: string): ChatMessage {
  if (message.deletedDateTime !== null) return { ...message, body: { contentType: message.body.contentType, content: '' }, mentions: [], attachments: [] };
  if (!message.body.content.includes(graphHostedContentPrefix)) return message;
  return { ...message, body: { ...message.body, content: message.body.content.split(graphHostedContentPrefix).join(`${origin}${graphBasePath}/`) } };
}
