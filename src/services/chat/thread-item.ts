import type { TeamsError } from '../errors.js';
import { toAttachmentViews, type AttachmentView } from './attachments.js';
import type { GraphChatMessage } from './graph-types.js';
import { messageHtmlToText } from './message-text.js';
import type { DeliveryState, OutboxEntry } from './outbox.js';
import { summarizeReactions, type ReactionSummary } from './reactions.js';
import { sanitizeMessageHtml } from './sanitizer.js';
import { toSystemEvent, type SystemEvent } from './system-events.js';

export type { SystemEvent } from './system-events.js';

/** One entry of a thread, as elements render it. */
export interface ThreadItem {
  /** Stable key: Graph's message id, or the local id of a message not sent yet. */
  key: string;
  /** Graph's message id; `undefined` until the message is sent. */
  messageId: string | undefined;
  /** Local id of a message sent from this browser; pass it to `ChatThread.retry()`. */
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
  /** When the sender last edited the message, ISO 8601; `undefined` when never edited. */
  editedDateTime: string | undefined;
  /** Reactions grouped by type. */
  reactions: ReactionSummary[];
  /** Attachments as cards, in Graph's order. */
  attachments: AttachmentView[];
  /** True when the message mentions the signed-in user. */
  mentionsMe: boolean;
  /** Delivery of a message sent from this browser; `undefined` for everything else. */
  delivery: DeliveryState | undefined;
  /** For a failed message: true when the kit sends it again by itself. */
  retrying: boolean;
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
 * Builds thread items and caches each sanitized body by its Graph `body` object, so a message is
 * sanitized once however often the thread renders, and again only when a new version arrives.
 */
export class ThreadItemBuilder {
  readonly #bodies = new WeakMap<object, { html: string; text: string }>();

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
      editedDateTime: deleted ? undefined : (message.lastEditedDateTime ?? undefined),
      reactions: deleted ? [] : summarizeReactions(message.reactions, context.accountId, context.memberNames),
      attachments: deleted ? [] : toAttachmentViews(message.attachments),
      mentionsMe: !deleted && (message.mentions ?? []).some((mention) => mention.mentioned.user?.id === context.accountId && context.accountId !== undefined),
      delivery: sent?.state,
      retrying: sent?.retrying ?? false,
      error: sent?.error,
      event: system ? toSystemEvent(message.eventDetail, context.memberNames) : undefined,
      message,
    };
  }

  fromOutbox(entry: OutboxEntry, context: ThreadItemContext, senderName: string | undefined): ThreadItem {
    let body = this.#bodies.get(entry);
    if (body === undefined) {
      const html = sanitizeMessageHtml(entry.html, 'html', { graphBaseUrl: context.graphBaseUrl });
      body = { html, text: messageHtmlToText(html) };
      this.#bodies.set(entry, body);
    }
    return {
      key: entry.clientMessageId,
      messageId: entry.messageId,
      clientMessageId: entry.clientMessageId,
      kind: 'message',
      senderId: context.accountId,
      senderName,
      own: true,
      html: body.html,
      text: body.text,
      createdDateTime: entry.createdDateTime,
      editedDateTime: undefined,
      reactions: [],
      attachments: [],
      mentionsMe: false,
      delivery: entry.state,
      retrying: entry.retrying,
      error: entry.error,
      event: undefined,
      message: undefined,
    };
  }

  #body(message: GraphChatMessage, graphBaseUrl: string): { html: string; text: string } {
    let body = this.#bodies.get(message.body);
    if (body === undefined) {
      const html = sanitizeMessageHtml(message.body.content, message.body.contentType, { graphBaseUrl });
      body = { html, text: messageHtmlToText(html) };
      this.#bodies.set(message.body, body);
    }
    return body;
  }
}
