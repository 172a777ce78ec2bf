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
  /** The chat's topic, for group chats that have one. */
  topic: string | null;
  /**
   * Display name of the chat: its topic, else the other members' names. `undefined` when neither
   * is known, and elements then show a generic word.
   */
  name: string | undefined;
  members: ChatMember[];
  /** Time of the latest activity, ISO 8601: the last message, else the chat's last update. */
  lastActivity: string;
  /** The last message as one line of text, when Graph sent a preview. */
  preview: string | undefined;
}

/** Builds the summary of a Graph `chat` for the signed-in `account`. */
export function toChatSummary(chat: GraphChat, account: SessionAccount | undefined): ChatSummary {
  const members: ChatMember[] = (chat.members ?? []).map((member) => ({
    userId: member.userId,
    displayName: member.displayName ?? '',
    tenantId: member.tenantId,
  }));

  const preview = chat.lastMessagePreview;
  const previewText =
    preview && !preview.isDeleted && preview.messageType === 'message'
      ? messageHtmlToText(sanitizeMessageHtml(preview.body.content, preview.body.contentType))
      : undefined;

  return {
    id: chat.id,
    chatType: chat.chatType,
    topic: chat.topic,
    name: chatName(chat.topic, members, account),
    members,
    lastActivity: preview?.createdDateTime ?? chat.lastUpdatedDateTime,
    preview: previewText || undefined,
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
