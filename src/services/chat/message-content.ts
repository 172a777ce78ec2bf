import { TeamsError } from '../errors.js';
import { escapeHtml } from './message-text.js';

/**
 * Maximum size of a message's HTML body, in bytes of UTF-8. Teams limits a chat message to about
 * 28 KB, counting text, links, mentions and reactions, and Graph rejects a larger body.
 *
 * NOTE: the real limit is approximate, so a body just under it may still be rejected by Graph,
 * which the send then reports as `chat-message-too-large`.
 */
export const maximumMessageBytes = 28 * 1024;

/** A person mentioned in a message typed in the composer. */
export interface MentionChoice {
  /** Entra object id. */
  userId: string;
  /** The name shown in the message, after `@` in the composer. */
  displayName: string;
  tenantId?: string | undefined;
}

/** Graph's `chatMessageMention` as a send or edit request carries it. */
export interface OutgoingMention {
  id: number;
  mentionText: string;
  mentioned: { user: { id: string; displayName: string; userIdentityType: 'aadUser'; tenantId?: string } };
}

/** A message body ready for Graph: the HTML and the mentions its `<at>` tags refer to. */
export interface MessageContent {
  html: string;
  mentions: OutgoingMention[];
}

/**
 * Builds a message body from composer text. Each `@Name` of a chosen mention becomes
 * `<at id="n">Name</at>`, and the `mentions` entry with the same `n` is built in the same step, so
 * the two always match. A choice whose `@Name` is no longer in the text is left out. Everything else
 * is escaped, and line breaks become `<br>`.
 */
export function buildMessageContent(text: string, choices: readonly MentionChoice[] = []): MessageContent {
  // Longer names first, so "@Lee Gu" wins over a choice named "Lee" at the same place.
  const candidates = [...choices].filter((choice) => choice.displayName !== '').sort((a, b) => b.displayName.length - a.displayName.length);
  const mentions: OutgoingMention[] = [];
  let html = '';
  let plain = '';

  const flushPlain = (): void => {
    html += escapeHtml(plain).replace(/\r?\n/g, '<br>');
    plain = '';
  };

  let index = 0;
  while (index < text.length) {
    const choice = text[index] === '@' ? candidates.find((candidate) => text.startsWith(candidate.displayName, index + 1)) : undefined;
    if (choice === undefined) {
      plain += text[index];
      index += 1;
      continue;
    }

    flushPlain();
    const id = mentions.length;
    html += `<at id="${id}">${escapeHtml(choice.displayName)}</at>`;
    mentions.push({
      id,
      mentionText: choice.displayName,
      mentioned: {
        user: { id: choice.userId, displayName: choice.displayName, userIdentityType: 'aadUser', ...(choice.tenantId === undefined ? {} : { tenantId: choice.tenantId }) },
      },
    });
    index += 1 + choice.displayName.length;
  }
  flushPlain();

  return { html: `<p>${html}</p>`, mentions };
}

/** Throws `chat-message-too-large` when a body is over Teams' size limit, naming its size. */
export function checkMessageSize(html: string): void {
  const bytes = new TextEncoder().encode(html).length;
  if (bytes > maximumMessageBytes) {
    throw new TeamsError(
      'chat-message-too-large',
      `The message is ${bytes} bytes, more than the ${maximumMessageBytes} bytes a Teams chat message may have. Shorten it or split it into several messages.`,
    );
  }
}
