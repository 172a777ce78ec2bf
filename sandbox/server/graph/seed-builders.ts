import type { SandboxUser } from '../directory.js';
import { messageFrom, userIdentity } from './identities.js';
import type { ChatMessage, ChatMessageAttachment, ChatMessageMention, ChatMessageReaction, EventDetail, EventInitiator, ItemBody } from './model.js';

/** Builders of seed messages: each returns a `chatMessage` as Graph stores it. */

export function html(content: string): ItemBody {
  return { contentType: 'html', content };
}

export function mention(id: number, user: SandboxUser): ChatMessageMention {
  return {
    id,
    mentionText: user.displayName,
    mentioned: { application: null, device: null, conversation: null, tag: null, user: userIdentity(user) },
  };
}

/** Extra parts of a seed message. */
export interface MessageExtras {
  mentions?: ChatMessageMention[];
  attachments?: ChatMessageAttachment[];
  reactions?: ChatMessageReaction[];
  /** Minutes after creation at which the sender edited the message. */
  editedAfterMinutes?: number;
}

/** Creates a seed message whose id is its creation time in milliseconds, as Graph's ids are. */
export function message(chatId: string, sender: SandboxUser, createdDateTime: string, body: ItemBody, extras: MessageExtras = {}): ChatMessage {
  const seeded: ChatMessage = {
    ...messageDefaults(chatId, createdDateTime),
    messageType: 'message',
    from: messageFrom(sender),
    body,
    mentions: extras.mentions ?? [],
    attachments: extras.attachments ?? [],
    reactions: extras.reactions ?? [],
    eventDetail: null,
  };
  if (extras.editedAfterMinutes !== undefined) {
    const edited = new Date(Date.parse(createdDateTime) + extras.editedAfterMinutes * 60_000).toISOString();
    seeded.lastEditedDateTime = edited;
    seeded.lastModifiedDateTime = edited;
  }
  const lastReaction = (extras.reactions ?? []).map((reaction) => reaction.createdDateTime).sort().at(-1);
  if (lastReaction !== undefined && lastReaction > seeded.lastModifiedDateTime) seeded.lastModifiedDateTime = lastReaction;
  return seeded;
}

/** Returns a reaction of `user`, made at `createdDateTime`. */
export function reaction(reactionType: string, user: SandboxUser, createdDateTime: string): ChatMessageReaction {
  return {
    reactionType,
    displayName: null,
    reactionContentUrl: null,
    createdDateTime,
    user: { application: null, device: null, user: userIdentity(user, false) },
  };
}

/** Returns a soft-deleted message: Graph keeps the id and sets `deletedDateTime`. */
export function deletedMessage(chatId: string, sender: SandboxUser, createdDateTime: string, deletedDateTime: string): ChatMessage {
  return {
    ...message(chatId, sender, createdDateTime, html('')),
    deletedDateTime,
    lastModifiedDateTime: deletedDateTime,
  };
}

export function initiator(user: SandboxUser): EventInitiator {
  return { application: null, device: null, user: userIdentity(user, false) };
}

/** Returns a system event message, such as members added. Graph sends these with `from: null`. */
export function systemEvent(chatId: string, createdDateTime: string, eventDetail: EventDetail): ChatMessage {
  return {
    ...messageDefaults(chatId, createdDateTime),
    messageType: 'systemEventMessage',
    from: null,
    body: { contentType: 'html', content: '<systemEventMessage/>' },
    mentions: [],
    attachments: [],
    reactions: [],
    eventDetail,
  };
}

export function membersAdded(by: SandboxUser, members: SandboxUser[]): EventDetail {
  return {
    '@odata.type': '#microsoft.graph.membersAddedEventMessageDetail',
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    members: members.map((member) => userIdentity(member, false)),
    initiator: initiator(by),
  };
}

export function membersDeleted(by: SandboxUser, members: SandboxUser[]): EventDetail {
  return {
    '@odata.type': '#microsoft.graph.membersDeletedEventMessageDetail',
    members: members.map((member) => userIdentity(member, false)),
    initiator: initiator(by),
  };
}

export function chatRenamed(by: SandboxUser, chatId: string, chatDisplayName: string): EventDetail {
  return { '@odata.type': '#microsoft.graph.chatRenamedEventMessageDetail', chatId, chatDisplayName, initiator: initiator(by) };
}

export function callEnded(by: SandboxUser, participants: SandboxUser[], callDuration: string, callEventType: 'call' | 'meeting'): EventDetail {
  return {
    '@odata.type': '#microsoft.graph.callEndedEventMessageDetail',
    callId: `seed-call-${participants.map((participant) => participant.id.slice(-4)).join('-')}`,
    callDuration,
    callEventType,
    callParticipants: participants.map((participant) => ({ participant: initiator(participant) })),
    initiator: initiator(by),
  };
}

/** Returns an attachment as Graph lists it. The body refers to it with `<attachment id="...">`. */
export function attachment(id: string, contentType: string, fields: Partial<Omit<ChatMessageAttachment, 'id' | 'contentType'>> = {}): ChatMessageAttachment {
  return { id, contentType, contentUrl: null, content: null, name: null, thumbnailUrl: null, teamsAppId: null, ...fields };
}

/** Returns the URL Graph writes in message HTML for a hosted content. The emulator serves it from its own origin. */
export function hostedContentUrl(chatId: string, messageId: string, hostedContentId: string): string {
  return `https://graph.microsoft.com/v1.0/chats/${chatId}/messages/${messageId}/hostedContents/${hostedContentId}/$value`;
}

/** Returns the id the seed gives a message created at `createdDateTime`. */
export function messageIdAt(createdDateTime: string): string {
  return String(Date.parse(createdDateTime));
}

function messageDefaults(chatId: string, createdDateTime: string) {
  const id = messageIdAt(createdDateTime);
  return {
    id,
    replyToId: null,
    etag: id,
    createdDateTime,
    lastModifiedDateTime: createdDateTime,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId,
    importance: 'normal',
    locale: 'en-us',
    webUrl: null,
    channelIdentity: null,
    policyViolation: null,
  } satisfies Partial<ChatMessage>;
}
