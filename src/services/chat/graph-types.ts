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

/** `eventMessageDetail` and its subtypes, distinguished by `@odata.type`. */
export interface GraphEventDetail {
  '@odata.type': string;
  members?: GraphUserIdentity[];
  initiator?: { user?: GraphUserIdentity | null };
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
  attachments?: unknown[];
  reactions?: unknown[];
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
