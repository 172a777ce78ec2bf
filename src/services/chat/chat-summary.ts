import type { SessionAccount } from '../session/types.js';
import type { GraphChat } from './graph-types.js';
import { messageHtmlToText } from './message-text.js';
import { sanitizeMessageHtml } from './sanitizer.js';

/** A member of a chat, as the chat list shows it. */
export interface ChatMember {
  /** Entra object id. */
  userId: string;
  displayName: string;
  tenantId: string | undefined;
}

/** A chat as the chat list shows it. */
export interface ChatSummary {
  id: string;
  chatType: GraphChat['chatType'];
  /** The chat's topic, for group and meeting chats that have one. */
  topic: string | null;
  /**
   * Display name of the chat: its topic, else the other members' names. `undefined` when neither
   * is known, and elements then show a generic word.
   */
  name: string | undefined;
  members: ChatMember[];
  /** Time of the latest activity, ISO 8601: the last message, else the chat's last update. */
  lastActivity: string;
  /** The last message as one line of text, when Graph sent a preview of a message that is not deleted. */
  preview: string | undefined;
  /** True when the last message was deleted; lists then say so instead of showing its text. */
  previewDeleted: boolean;
  /** Sender of the last message; `undefined` for system events and when Graph sent no preview. */
  previewSender: { userId: string; displayName: string | undefined; own: boolean } | undefined;
  /**
   * True when the last message came from someone else after the time the signed-in user last read
   * the chat (Graph's `viewpoint.lastMessageReadDateTime`). False when Graph sent no viewpoint.
   */
  unread: boolean;
  /** When the signed-in user last read the chat, ISO 8601, when Graph sent a viewpoint. */
  lastReadDateTime: string | undefined;
}

/** Builds the summary of a Graph `chat` for the signed-in `account`. */
export function toChatSummary(chat: GraphChat, account: SessionAccount | undefined): ChatSummary {
  const members: ChatMember[] = (chat.members ?? []).map((member) => ({
    userId: member.userId,
    displayName: member.displayName ?? '',
    tenantId: member.tenantId,
  }));

  const preview = chat.lastMessagePreview;
  const isMessage = preview !== undefined && preview !== null && !preview.isDeleted && preview.messageType === 'message';
  const isDeletedMessage = preview !== undefined && preview !== null && preview.isDeleted && preview.messageType === 'message';
  const previewText = isMessage ? messageHtmlToText(sanitizeMessageHtml(preview.body.content, preview.body.contentType)) : undefined;

  const senderId = isMessage ? preview.from?.user?.id : undefined;
  const own = senderId !== undefined && senderId === account?.objectId;
  const previewSender =
    senderId === undefined
      ? undefined
      : { userId: senderId, displayName: preview?.from?.user?.displayName ?? members.find((member) => member.userId === senderId)?.displayName, own };

  const lastRead = Date.parse(chat.viewpoint?.lastMessageReadDateTime ?? '');
  const unread = isMessage && !own && !Number.isNaN(lastRead) && Date.parse(preview.createdDateTime) > lastRead;

  return {
    id: chat.id,
    chatType: chat.chatType,
    topic: chat.topic,
    name: chatName(chat.topic, members, account),
    members,
    lastActivity: preview?.createdDateTime ?? chat.lastUpdatedDateTime,
    preview: previewText || undefined,
    previewDeleted: isDeletedMessage,
    previewSender,
    unread,
    lastReadDateTime: chat.viewpoint?.lastMessageReadDateTime ?? undefined,
  };
}

/** Orders chats by latest activity, newest first, as Teams lists them. */
export function compareByLastActivity(a: ChatSummary, b: ChatSummary): number {
  return Date.parse(b.lastActivity) - Date.parse(a.lastActivity);
}

function chatName(topic: string | null, members: ChatMember[], account: SessionAccount | undefined): string | undefined {
  if (topic !== null && topic.trim() !== '') return topic;

  const others = members.filter((member) => member.userId !== account?.objectId && member.displayName !== '');
  if (others.length === 0) return undefined;
  return others.map((member) => member.displayName).join(', ');
}
