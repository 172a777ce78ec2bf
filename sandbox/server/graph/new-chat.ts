import { randomBytes } from 'node:crypto';

import { findUser, type SandboxUser } from '../directory.js';
import type { ChatType, StoredChat } from './model.js';
import { oneOnOneChatId } from './seed.js';

/** Roles a chat member may have. Graph gives in-tenant guests `guest` and everyone else `owner`. */
const allowedMemberRoles = new Set(['owner', 'guest']);

/** Maximum length of a group chat topic, in characters. NOTE: an estimate, not a documented Graph limit. */
export const maximumTopicLength = 250;

/** A validation failure of a `POST /chats` body, with the status to respond with. */
export interface ChatRejection {
  status: 400 | 403 | 404;
  code: string;
  message: string;
}

/** A valid create-chat request: the chat type, topic and resolved members. */
export interface NewChatRequest {
  chatType: Extract<ChatType, 'oneOnOne' | 'group'>;
  topic: string | null;
  members: Array<{ user: SandboxUser; roles: string[] }>;
}

/**
 * Reads a `POST /chats` body as Graph documents it: `chatType` `oneOnOne` or `group`, an optional
 * `topic` for group chats only, and `members` of type `aadUserConversationMember` that bind a user
 * by id or user principal name with `user@odata.bind: "https://graph.microsoft.com/v1.0/users('…')"`.
 * Every member, the caller included, must be listed.
 *
 * NOTE: a member of another tenant is accepted with or without a `tenantId`. Graph's documentation
 * shows `tenantId` on federated members; whether it rejects a request without one was not checked.
 */
export function readNewChat(caller: SandboxUser, input: unknown): NewChatRequest | ChatRejection {
  if (typeof input !== 'object' || input === null) return badRequest('The request body is not a chat object. Send { "chatType", "members" }.');
  const { chatType, topic, members } = input as { chatType?: unknown; topic?: unknown; members?: unknown };

  if (chatType !== 'oneOnOne' && chatType !== 'group') {
    return badRequest(`chatType "${String(chatType)}" is invalid. Use "oneOnOne" or "group".`);
  }
  if (topic !== undefined && topic !== null) {
    if (chatType !== 'group') return badRequest('A topic can be set only on a group chat. Leave "topic" out of a oneOnOne chat.');
    if (typeof topic !== 'string' || topic.length > maximumTopicLength) {
      return badRequest(`The topic must be a string of at most ${maximumTopicLength} characters.`);
    }
  }
  if (!Array.isArray(members) || members.length === 0) {
    return badRequest('"members" is missing. List every member of the new chat, the signed-in user included.');
  }

  const resolved: NewChatRequest['members'] = [];
  for (const member of members as unknown[]) {
    const read = readMember(member);
    if ('status' in read) return read;
    if (resolved.some((existing) => existing.user.id === read.user.id)) {
      return badRequest(`The user ${read.user.id} is listed twice in "members". List each member once.`);
    }
    resolved.push(read);
  }

  if (!resolved.some((member) => member.user.id === caller.id)) {
    return {
      status: 403,
      code: 'Forbidden',
      message: `The signed-in user ${caller.id} is not in "members". The caller must be one of the members of a chat it creates.`,
    };
  }
  if (chatType === 'oneOnOne' && resolved.length !== 2) {
    return badRequest(`A oneOnOne chat has exactly 2 members, but ${resolved.length} were given. Use chatType "group" for more.`);
  }
  // NOTE: Graph's documentation gives no minimum for group chats, so this accepts the smallest chat, 2 members.
  if (chatType === 'group' && resolved.length < 2) {
    return badRequest('A group chat needs at least 2 members.');
  }

  return { chatType, topic: typeof topic === 'string' ? topic : null, members: resolved };
}

/** Returns the stored chat for a valid request, with Graph's id form for its type. */
export function buildChat(request: NewChatRequest, caller: SandboxUser, now: Date): StoredChat {
  const [first, second] = request.members.map((member) => member.user);
  const id = request.chatType === 'oneOnOne' ? oneOnOneChatId(first!, second!) : `19:${randomBytes(16).toString('hex')}@thread.v2`;
  const created = now.toISOString();
  return {
    id,
    topic: request.topic,
    chatType: request.chatType,
    createdDateTime: created,
    lastUpdatedDateTime: created,
    tenantId: caller.tenantId,
    memberIds: request.members.map((member) => member.user.id),
    memberRoles: Object.fromEntries(request.members.map((member) => [member.user.id, member.roles])),
  };
}

function readMember(input: unknown): { user: SandboxUser; roles: string[] } | ChatRejection {
  const member = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (member['@odata.type'] !== '#microsoft.graph.aadUserConversationMember') {
    return badRequest(`A member has @odata.type "${String(member['@odata.type'])}". Use "#microsoft.graph.aadUserConversationMember".`);
  }

  const roles = member['roles'] ?? [];
  if (!Array.isArray(roles) || roles.some((role) => typeof role !== 'string' || !allowedMemberRoles.has(role))) {
    return badRequest(`A member has the roles ${JSON.stringify(roles)}. Use ["owner"], or ["guest"] for an in-tenant guest.`);
  }

  const bind = member['user@odata.bind'];
  const match = typeof bind === 'string' ? /\/users\('([^']+)'\)$/.exec(bind) : null;
  if (match === null) {
    return badRequest(`A member has the user@odata.bind ${JSON.stringify(bind)}. Use "https://graph.microsoft.com/v1.0/users('<object id or user principal name>')".`);
  }

  const user = findUser(decodeURIComponent(match[1]!));
  if (user === undefined) {
    return { status: 404, code: 'NotFound', message: `The member "${match[1]}" is not a user of any tenant. Check the object id or user principal name.` };
  }
  const tenantId = member['tenantId'];
  if (tenantId !== undefined && tenantId !== user.tenantId) {
    return badRequest(`The member ${user.id} belongs to tenant ${user.tenantId}, not to the tenantId ${String(tenantId)} given for it.`);
  }
  return { user, roles: roles as string[] };
}

function badRequest(message: string): ChatRejection {
  return { status: 400, code: 'BadRequest', message };
}
