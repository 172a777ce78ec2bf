import type { TeamsError } from '../errors.js';
import type { GraphChatMessage, GraphEventDetail } from './graph-types.js';
import { messageHtmlToText } from './message-text.js';
import type { DeliveryState, OutboxEntry } from './outbox.js';
import { sanitizeMessageHtml } from './sanitizer.js';

/** A system event, with names resolved through the chat's members where Graph left them out. */
export type SystemEvent =
  | { type: 'members-added'; initiator: string | undefined; members: string[] }
  | { type: 'other'; odataType: string };

/** One entry of a thread, as elements render it. */
export interface ThreadItem {
  /** Stable key: Graph's message id, or the local id of a message not sent yet. */
  key: string;
  /** Graph's message id; `undefined` until the message is sent. */
  messageId: string | undefined;
  /** Local id of a message sent from this page; pass it to `ChatThread.retry()`. */
  clientMessageId: string | undefined;
  kind: 'message' | 'system' | 'deleted';
  senderId: string | undefined;
  senderName: string | undefined;
  /** True for the signed-in user's own messages. */
  own: boolean;
  /** The body, sanitized: safe to insert as HTML. Empty for system events and deleted messages. */
  html: string;
  /** The body as one line of text, for previews and announcements. */
  text: string;
  createdDateTime: string;
  /** Delivery of a message sent from this page; `undefined` for everything else. */
  delivery: DeliveryState | undefined;
  /** The error of the last send attempt, when `delivery` is `failed`. */
  error: TeamsError | undefined;
  event: SystemEvent | undefined;
  /** The Graph resource, for hosts that need more fields; `undefined` until sent. */
  message: GraphChatMessage | undefined;
}

/** Chat details needed to turn a message into an item. */
export interface ThreadItemContext {
  /** Object id of the signed-in user. */
  accountId: string | undefined;
  /** Display names of the chat's members by object id. */
  memberNames: ReadonlyMap<string, string>;
  graphBaseUrl: string;
}

/**
 * Builds thread items and caches each sanitized body by message id and modification time, so a
 * message is sanitized once however often the thread renders.
 */
export class ThreadItemBuilder {
  readonly #bodies = new Map<string, { html: string; text: string }>();

  fromMessage(message: GraphChatMessage, context: ThreadItemContext, sent?: OutboxEntry): ThreadItem {
    const senderId = message.from?.user?.id;
    const deleted = message.deletedDateTime !== null && message.deletedDateTime !== undefined;
    const system = message.messageType === 'systemEventMessage';
    const body = deleted || system ? { html: '', text: '' } : this.#body(message, context.graphBaseUrl);
    let kind: ThreadItem['kind'] = 'message';
    if (deleted) kind = 'deleted';
    else if (system) kind = 'system';

    return {
      key: message.id,
      messageId: message.id,
      clientMessageId: sent?.clientMessageId,
      kind,
      senderId,
      senderName: message.from?.user?.displayName ?? (senderId === undefined ? undefined : context.memberNames.get(senderId)),
      own: senderId !== undefined && senderId === context.accountId,
      html: body.html,
      text: body.text,
      createdDateTime: message.createdDateTime,
      delivery: sent?.state,
      error: sent?.error,
      event: system ? systemEvent(message.eventDetail, context.memberNames) : undefined,
      message,
    };
  }

  fromOutbox(entry: OutboxEntry, context: ThreadItemContext, senderName: string | undefined): ThreadItem {
    const html = sanitizeMessageHtml(entry.html, 'html', { graphBaseUrl: context.graphBaseUrl });
    return {
      key: entry.clientMessageId,
      messageId: entry.messageId,
      clientMessageId: entry.clientMessageId,
      kind: 'message',
      senderId: context.accountId,
      senderName,
      own: true,
      html,
      text: messageHtmlToText(html),
      createdDateTime: entry.createdDateTime,
      delivery: entry.state,
      error: entry.error,
      event: undefined,
      message: undefined,
    };
  }

  #body(message: GraphChatMessage, graphBaseUrl: string): { html: string; text: string } {
    const cacheKey = `${message.id}@${message.lastModifiedDateTime}`;
    let body = this.#bodies.get(cacheKey);
    if (body === undefined) {
      const html = sanitizeMessageHtml(message.body.content, message.body.contentType, { graphBaseUrl });
      body = { html, text: messageHtmlToText(html) };
      this.#bodies.set(cacheKey, body);
    }
    return body;
  }
}

function systemEvent(detail: GraphEventDetail | null | undefined, memberNames: ReadonlyMap<string, string>): SystemEvent {
  const name = (identity: { id: string; displayName: string | null } | null | undefined): string | undefined =>
    identity ? (identity.displayName ?? memberNames.get(identity.id)) : undefined;

  if (detail?.['@odata.type'] === '#microsoft.graph.membersAddedEventMessageDetail') {
    return {
      type: 'members-added',
      initiator: name(detail.initiator?.user),
      members: (detail.members ?? []).map((member) => name(member)).filter((member): member is string => member !== undefined),
    };
  }
  return { type: 'other', odataType: detail?.['@odata.type'] ?? 'unknown' };
}
