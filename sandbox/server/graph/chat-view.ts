import { findUser } from '../directory.js';
import type { ChatMessage, StoredChat } from './model.js';
import type { ChatStore } from './store.js';

/** Graph's `chatViewpoint`: what the caller has read. */
export interface ChatViewpoint {
  isHidden: boolean;
  lastMessageReadDateTime: string;
}

/** Graph's `aadUserConversationMember`. */
export interface ConversationMember {
  '@odata.type': '#microsoft.graph.aadUserConversationMember';
  id: string;
  roles: string[];
  displayName: string;
  visibleHistoryStartDateTime: string;
  userId: string;
  email: string;
  tenantId: string;
}

/** Graph's `chatMessageInfo`, the `lastMessagePreview` of a chat. */
export interface ChatMessageInfo {
  id: string;
  createdDateTime: string;
  isDeleted: boolean;
  messageType: ChatMessage['messageType'];
  eventDetail: ChatMessage['eventDetail'];
  body: ChatMessage['body'];
  from: ChatMessage['from'];
}

/** Navigation properties a client asked for with `$expand`. */
export interface ChatExpansion {
  members: boolean;
  lastMessagePreview: boolean;
}

/** Reads `$expand=members,lastMessagePreview` from a URL. */
export function parseChatExpansion(url: URL): ChatExpansion {
  const expanded = (url.searchParams.get('$expand') ?? '').split(',').map((item) => item.trim());
  return { members: expanded.includes('members'), lastMessagePreview: expanded.includes('lastMessagePreview') };
}

/**
 * Returns a chat as Graph's `chat` resource for the user `callerId`, with the caller's `viewpoint`
 * and the navigation properties of `expansion`.
 */
export function toGraphChat(store: ChatStore, chat: StoredChat, expansion: ChatExpansion, callerId: string): Record<string, unknown> {
  const viewpoint: ChatViewpoint = { isHidden: false, lastMessageReadDateTime: store.lastReadTime(chat.id, callerId) };
  const resource: Record<string, unknown> = {
    id: chat.id,
    topic: chat.topic,
    createdDateTime: chat.createdDateTime,
    lastUpdatedDateTime: chat.lastUpdatedDateTime,
    chatType: chat.chatType,
    webUrl: null,
    tenantId: chat.tenantId,
    onlineMeetingInfo: null,
    viewpoint,
  };
  if (expansion.members) resource['members'] = conversationMembers(chat);
  if (expansion.lastMessagePreview) resource['lastMessagePreview'] = lastMessagePreview(store, chat) ?? null;
  return resource;
}

/** Returns the chat's members, named from the directory. */
export function conversationMembers(chat: StoredChat): ConversationMember[] {
  return chat.memberIds.flatMap((userId) => {
    const user = findUser(userId);
    if (user === undefined) return [];
    return [
      {
        '@odata.type': '#microsoft.graph.aadUserConversationMember' as const,
        // Graph's member ids are opaque base64 strings built from the chat and the user.
        id: Buffer.from(`${chat.id}#${user.id}`).toString('base64url'),
        roles: chat.memberRoles?.[user.id] ?? ['owner'],
        displayName: user.displayName,
        visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
        userId: user.id,
        email: user.mail,
        tenantId: user.tenantId,
      },
    ];
  });
}

function lastMessagePreview(store: ChatStore, chat: StoredChat): ChatMessageInfo | undefined {
  const last = store.messagesOf(chat.id).at(-1);
  if (last === undefined) return undefined;
  const deleted = last.deletedDateTime !== null;
  return {
    id: last.id,
    createdDateTime: last.createdDateTime,
    isDeleted: deleted,
    messageType: last.messageType,
    eventDetail: last.eventDetail,
    body: deleted ? { contentType: last.body.contentType, content: '' } : last.body,
    from: last.from,
  };
}
