/**
 * The parts of Microsoft Graph v1.0 resources the chat service reads: `chat`,
 * `aadUserConversationMember`, `chatMessage` and `chatMessageInfo`. Field names and values are
 * Graph's own; fields the kit does not use yet are left out.
 */

/** `teamworkUserIdentity`. */
export interface GraphUserIdentity {
  id: string;
  /** Graph leaves it `null` in event details; resolve it through the chat's members. */
  displayName: string | null;
  userIdentityType?: string;
  tenantId?: string;
}

/** `chatMessageFromIdentitySet`. */
export interface GraphMessageFrom {
  user?: GraphUserIdentity | null;
  application?: { id: string; displayName: string | null } | null;
}

/** `itemBody`. */
export interface GraphItemBody {
  contentType: 'text' | 'html';
  content: string;
}

/** `chatMessageMention`; `id` matches `<at id="...">` in the body. */
export interface GraphMention {
  id: number;
  mentionText: string;
  mentioned: { user?: GraphUserIdentity | null };
}

/**
 * `eventMessageDetail` and the subtypes the kit renders, distinguished by `@odata.type`:
 * `membersAddedEventMessageDetail`, `membersDeletedEventMessageDetail`,
 * `chatRenamedEventMessageDetail` and `callEndedEventMessageDetail`.
 */
export interface GraphEventDetail {
  '@odata.type': string;
  members?: GraphUserIdentity[];
  initiator?: { user?: GraphUserIdentity | null } | null;
  /** New topic of `chatRenamedEventMessageDetail`. */
  chatDisplayName?: string | null;
  /** ISO 8601 duration of `callEndedEventMessageDetail`, such as `PT12M30S`. */
  callDuration?: string | null;
  callEventType?: 'call' | 'meeting' | 'screenShare' | string | null;
  callParticipants?: Array<{ participant?: { user?: GraphUserIdentity | null } | null }>;
}

/** `chatMessageReaction`: one user's reaction of one type. */
export interface GraphReaction {
  /** A Unicode emoji such as `👍`, or a name such as `like` in older messages. */
  reactionType: string;
  createdDateTime: string;
  user: { user?: GraphUserIdentity | null };
}

/**
 * `chatMessageAttachment`. `contentType` is `reference` for a file link, `messageReference` for a
 * quoted message, a card type such as `application/vnd.microsoft.card.adaptive`, or anything else.
 */
export interface GraphAttachment {
  id: string;
  contentType: string;
  contentUrl?: string | null;
  /** JSON text for cards and quoted messages. */
  content?: string | null;
  name?: string | null;
  thumbnailUrl?: string | null;
}

/** `chatMessage`. */
export interface GraphChatMessage {
  id: string;
  messageType: 'message' | 'systemEventMessage' | string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastEditedDateTime?: string | null;
  deletedDateTime: string | null;
  chatId?: string;
  from: GraphMessageFrom | null;
  body: GraphItemBody;
  mentions?: GraphMention[];
  attachments?: GraphAttachment[];
  reactions?: GraphReaction[];
  eventDetail?: GraphEventDetail | null;
}

/** `aadUserConversationMember`. */
export interface GraphConversationMember {
  id: string;
  displayName: string | null;
  userId: string;
  email?: string | null;
  tenantId?: string;
  roles?: string[];
}

/** `chatMessageInfo`, a chat's `lastMessagePreview`. */
export interface GraphChatMessageInfo {
  id: string;
  createdDateTime: string;
  isDeleted: boolean;
  messageType: string;
  body: GraphItemBody;
  from: GraphMessageFrom | null;
}

/** `chatViewpoint`: what the signed-in user has read, returned for delegated requests. */
export interface GraphChatViewpoint {
  isHidden?: boolean;
  lastMessageReadDateTime?: string | null;
}

/** `chat`. */
export interface GraphChat {
  id: string;
  topic: string | null;
  chatType: 'oneOnOne' | 'group' | 'meeting' | string;
  createdDateTime: string;
  lastUpdatedDateTime: string;
  tenantId?: string;
  members?: GraphConversationMember[];
  lastMessagePreview?: GraphChatMessageInfo | null;
  viewpoint?: GraphChatViewpoint | null;
}

/** `user`, with the default properties Graph returns. */
export interface GraphUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  givenName?: string | null;
  surname?: string | null;
  jobTitle?: string | null;
}

/** One page of a Graph collection. */
export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}
