import { findUser, type SandboxUser } from '../directory.js';
import { messageFrom, userIdentity } from './identities.js';
import type { ChatMessage, ChatMessageMention, ItemBody, StoredChat } from './model.js';

/**
 * Maximum message body, in bytes of UTF-8: the approximate 28 KB limit of a Teams chat message,
 * which counts the text, links, mentions and reactions. A larger message gets a 413 response.
 *
 * NOTE: the real limit is approximate and counts more than the body, but this check counts the
 * body content only. The 413 status is reported by Graph users, and its error code here is a
 * guess.
 */
export const maximumMessageBodyBytes = 28 * 1024;

/** A validation failure of a `POST /chats/{id}/messages` body, and the status to respond with. */
export interface MessageRejection {
  status: 400 | 413;
  code: string;
  message: string;
}

/**
 * Builds the `chatMessage` a member sends from a request body `{ body: { contentType, content },
 * mentions? }`. Returns a rejection for a body Graph would refuse.
 */
export function createMessage(chat: StoredChat, sender: SandboxUser, input: unknown, id: string): ChatMessage | MessageRejection {
  const body = readBody(input);
  if ('status' in body) return body;

  const mentions = readMentions(chat, (input as { mentions?: unknown }).mentions);
  if (!Array.isArray(mentions)) return mentions;

  const now = new Date(Number(id)).toISOString();
  return {
    id,
    replyToId: null,
    etag: id,
    messageType: 'message',
    createdDateTime: now,
    lastModifiedDateTime: now,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId: chat.id,
    importance: 'normal',
    locale: 'en-us',
    webUrl: null,
    channelIdentity: null,
    policyViolation: null,
    from: messageFrom(sender),
    body,
    attachments: [],
    mentions,
    reactions: [],
    eventDetail: null,
  };
}

export function readBody(input: unknown): ItemBody | MessageRejection {
  const body = typeof input === 'object' && input !== null ? (input as { body?: unknown }).body : undefined;
  if (typeof body !== 'object' || body === null) {
    return badRequest('The request body has no "body" object. Send { "body": { "contentType": "html", "content": "..." } }.');
  }

  const { contentType = 'text', content } = body as { contentType?: unknown; content?: unknown };
  if (contentType !== 'text' && contentType !== 'html') {
    return badRequest(`body.contentType "${String(contentType)}" is invalid. Use "text" or "html".`);
  }
  if (typeof content !== 'string' || content.trim() === '') {
    return badRequest('body.content is missing or empty. A chat message needs some content.');
  }

  const size = Buffer.byteLength(content, 'utf8');
  if (size > maximumMessageBodyBytes) {
    return {
      status: 413,
      code: 'RequestEntityTooLarge',
      message: `The message body is ${size} bytes, more than the ${maximumMessageBodyBytes} bytes a Teams chat message may have. Shorten the message.`,
    };
  }
  return { contentType, content };
}

/** Reads `mentions`: each must name a member of the chat by user id. */
export function readMentions(chat: StoredChat, input: unknown): ChatMessageMention[] | MessageRejection {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) return badRequest('"mentions" must be an array of chatMessageMention objects.');

  const mentions: ChatMessageMention[] = [];
  for (const item of input as Array<{ id?: unknown; mentionText?: unknown; mentioned?: { user?: { id?: unknown } } }>) {
    const userId = item?.mentioned?.user?.id;
    const user = typeof userId === 'string' ? findUser(userId) : undefined;
    if (typeof item?.id !== 'number' || typeof item.mentionText !== 'string' || user === undefined || !chat.memberIds.includes(user.id)) {
      return badRequest(`The mention ${JSON.stringify(item)} is invalid. Give a numeric id, the mentionText and mentioned.user.id of a chat member.`);
    }
    mentions.push({
      id: item.id,
      mentionText: item.mentionText,
      mentioned: { application: null, device: null, conversation: null, tag: null, user: userIdentity(user) },
    });
  }
  return mentions;
}

function badRequest(message: string): MessageRejection {
  return { status: 400, code: 'BadRequest', message };
}
