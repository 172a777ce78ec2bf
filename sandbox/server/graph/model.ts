/**
 * The emulator's resource shapes, kept close to Microsoft Graph v1.0's `chat`, `chatMessage` and
 * `aadUserConversationMember` resources so that later features (edits, deletes, reactions, hosted
 * contents) add fields rather than change them. Everything here is plain JSON, because the chats
 * and messages live in a sandbox state section that may be saved to a file.
 */

/** Graph's `teamworkUserIdentity`: the user who sent a message or took part in an event. */
export interface TeamworkUserIdentity {
  '@odata.type': '#microsoft.graph.teamworkUserIdentity';
  /** Entra object id of the user. */
  id: string;
  /** Graph leaves the name out of event details, so it may be `null`. */
  displayName: string | null;
  userIdentityType: 'aadUser';
  tenantId: string;
}

/** Graph's `chatMessageFromIdentitySet`; only `user` is used by the emulator. */
export interface MessageFrom {
  application: null;
  device: null;
  user: TeamworkUserIdentity;
}

/** Graph's `itemBody`. */
export interface ItemBody {
  contentType: 'text' | 'html';
  content: string;
}

/** Graph's `chatMessageMention`: `id` matches the `<at id="...">` tag in the body. */
export interface ChatMessageMention {
  id: number;
  mentionText: string;
  mentioned: {
    application: null;
    device: null;
    conversation: null;
    tag: null;
    user: TeamworkUserIdentity;
  };
}

/** Graph's `chatMessageReaction`: one user's reaction of one type. */
export interface ChatMessageReaction {
  /** The reaction as a Unicode emoji, such as `👍`, as Graph's `setReaction` takes it. */
  reactionType: string;
  displayName: string | null;
  reactionContentUrl: null;
  createdDateTime: string;
  user: { application: null; device: null; user: TeamworkUserIdentity };
}

/** Graph's `chatMessageAttachment`. */
export interface ChatMessageAttachment {
  id: string;
  contentType: string;
  contentUrl: string | null;
  content: string | null;
  name: string | null;
  thumbnailUrl: string | null;
  teamsAppId: string | null;
}

/** Graph's `identitySet` of the user who caused a system event. */
export interface EventInitiator {
  application: null;
  device: null;
  user: TeamworkUserIdentity;
}

/** Graph's `membersAddedEventMessageDetail`. */
export interface MembersAddedEventDetail {
  '@odata.type': '#microsoft.graph.membersAddedEventMessageDetail';
  visibleHistoryStartDateTime: string;
  members: TeamworkUserIdentity[];
  initiator: EventInitiator;
}

/** Graph's `membersDeletedEventMessageDetail`: members left or were removed. */
export interface MembersDeletedEventDetail {
  '@odata.type': '#microsoft.graph.membersDeletedEventMessageDetail';
  members: TeamworkUserIdentity[];
  initiator: EventInitiator;
}

/** Graph's `chatRenamedEventMessageDetail`. */
export interface ChatRenamedEventDetail {
  '@odata.type': '#microsoft.graph.chatRenamedEventMessageDetail';
  chatId: string;
  chatDisplayName: string;
  initiator: EventInitiator;
}

/** Graph's `callEndedEventMessageDetail`, posted when a call or meeting in the chat ends. */
export interface CallEndedEventDetail {
  '@odata.type': '#microsoft.graph.callEndedEventMessageDetail';
  callId: string;
  /** ISO 8601 duration, such as `PT12M30S`. */
  callDuration: string;
  callEventType: 'call' | 'meeting' | 'screenShare';
  callParticipants: Array<{ participant: EventInitiator }>;
  initiator: EventInitiator;
}

/** The system event details the emulator produces. */
export type EventDetail = MembersAddedEventDetail | MembersDeletedEventDetail | ChatRenamedEventDetail | CallEndedEventDetail;

/** Graph's `chatMessage` as the chat endpoints return it. */
export interface ChatMessage {
  id: string;
  replyToId: null;
  etag: string;
  messageType: 'message' | 'systemEventMessage';
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastEditedDateTime: string | null;
  deletedDateTime: string | null;
  subject: string | null;
  summary: string | null;
  chatId: string;
  importance: 'normal' | 'high' | 'urgent';
  locale: string;
  webUrl: string | null;
  channelIdentity: null;
  policyViolation: null;
  /** `null` for system event messages, as in Graph. */
  from: MessageFrom | null;
  body: ItemBody;
  attachments: ChatMessageAttachment[];
  mentions: ChatMessageMention[];
  reactions: ChatMessageReaction[];
  eventDetail: EventDetail | null;
}

/** Graph's `chatType` values. */
export type ChatType = 'oneOnOne' | 'group' | 'meeting';

/** A chat as the emulator stores it; members are user ids, resolved through the directory on read. */
export interface StoredChat {
  id: string;
  topic: string | null;
  chatType: ChatType;
  createdDateTime: string;
  lastUpdatedDateTime: string;
  /** Tenant that hosts the chat: the tenant of the member who created it. */
  tenantId: string;
  memberIds: string[];
  /** Roles by member id, from the create request; members without an entry are owners. */
  memberRoles?: Record<string, string[]>;
}

/** The bytes of a message's hosted content, such as an inline image. */
export interface StoredHostedContent {
  contentType: string;
  /** The content, base64. */
  bytes: string;
}

/**
 * The emulator's state section: chats, each chat's messages in the order they were created, and
 * what Graph keeps beside them. Sections saved by an older emulator lack the optional fields.
 */
export interface GraphData {
  chats: StoredChat[];
  messages: Record<string, ChatMessage[]>;
  /** Hosted contents by `chatId/messageId/hostedContentId`. */
  hostedContents?: Record<string, StoredHostedContent>;
  /** Each member's `lastMessageReadDateTime` by chat id, then user id. */
  readTimes?: Record<string, Record<string, string>>;
  /** Bodies of soft-deleted messages by `chatId/messageId`, kept for `undoSoftDelete`. */
  deletedBodies?: Record<string, ItemBody>;
}
