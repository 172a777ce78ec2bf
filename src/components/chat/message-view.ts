import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

import type { LocalizeController } from '../../localization/localize.js';
import type { ReactionSummary } from '../../services/chat/reactions.js';
import type { ThreadItem } from '../../services/chat/thread-item.js';
import { renderAttachmentCards, renderQuotes } from './attachment-view.js';
import { chatErrorText, dateSeparatorText, initials, messageTimeText, systemEventText } from './chat-text.js';
import { quickReactions } from './emoji.js';
import type { ThreadRow } from './thread-rows.js';

/** A choice in a message's options menu. */
export type MessageMenuAction = { kind: 'react'; emoji: string } | { kind: 'edit' } | { kind: 'delete' };

/** The element's state and handlers message rows use: texts, photos, the open menu. */
export interface MessageViewContext {
  localize: LocalizeController;
  /** Blob URL of a user's photo, `null` for none, `undefined` while unknown. */
  photoUrl(userId: string): string | null | undefined;
  /** Key of the row whose options menu is open. */
  openMenuKey: string | undefined;
  /** Whether the open menu opens upward. */
  menuUp: boolean;
  onToggleMenu(row: ThreadRow & { kind: 'item' }, button: HTMLElement): void;
  onMenuAction(item: ThreadItem, action: MessageMenuAction): void;
  onMenuKeydown(event: KeyboardEvent): void;
  onReaction(item: ThreadItem, reaction: ReactionSummary): void;
  onRetry(item: ThreadItem): void;
  onDiscard(item: ThreadItem): void;
  onUndoDelete(item: ThreadItem): void;
}

/** Renders one row of a thread (the top row is the thread's own). */
export function renderRow(context: MessageViewContext, row: ThreadRow, top: () => TemplateResult): TemplateResult {
  switch (row.kind) {
    case 'top':
      return html`<div class="row top" data-key="top">${top()}</div>`;
    case 'date':
      return html`
        <div class="row date-separator" part="date-separator" data-key=${row.key} role="separator" aria-label=${dateSeparatorText(context.localize, row.dateTime)}>
          <span>${dateSeparatorText(context.localize, row.dateTime)}</span>
        </div>
      `;
    default:
      return renderItemRow(context, row);
  }
}

function renderItemRow(context: MessageViewContext, row: ThreadRow & { kind: 'item' }): TemplateResult {
  const { item } = row;
  const { localize } = context;

  if (item.kind === 'system') {
    return html`<div class="row system" part="system-message" data-key=${row.key}>${systemEventText(localize, item.event)}</div>`;
  }
  if (item.kind === 'deleted') {
    return html`
      <div class="row deleted" part="deleted-message" data-key=${row.key}>
        <span>${item.own ? localize.term('chatOwnMessageDeleted') : localize.term('chatMessageDeleted')}</span>
        ${item.own ? html`<button class="link" part="undo-button" @click=${() => context.onUndoDelete(item)}>${localize.term('chatUndo')}</button>` : nothing}
      </div>
    `;
  }

  const classes = ['row', 'message', item.own ? 'own' : '', item.delivery ?? '', row.continued ? 'continued' : '', item.mentionsMe ? 'mentions-me' : '', context.openMenuKey === row.key ? 'menu-open' : '']
    .filter(Boolean)
    .join(' ');
  return html`
    <div class=${classes} part=${item.own ? 'message own-message' : 'message'} data-key=${row.key}>
      ${item.own ? nothing : renderAvatar(context, item, row.continued)}
      <div class="bubble">
        ${row.continued ? nothing : renderMeta(context, item)}
        ${renderQuotes(localize, item.attachments)}
        <div class="body" part="body">${unsafeHTML(item.html)}</div>
        ${row.continued && item.editedDateTime ? html`<span class="edited" part="edited-mark">${localize.term('chatEdited')}</span>` : nothing}
        ${renderAttachmentCards(localize, item.attachments)}
        ${renderReactions(context, item)}
        ${renderDelivery(context, item)}
      </div>
      ${item.messageId === undefined ? nothing : renderOptions(context, row)}
    </div>
  `;
}

function renderAvatar(context: MessageViewContext, item: ThreadItem, continued: boolean): TemplateResult {
  if (continued || item.senderId === undefined) return html`<span class="avatar-space" aria-hidden="true"></span>`;
  const photo = context.photoUrl(item.senderId);
  return photo
    ? html`<img class="avatar" part="avatar" src=${photo} alt="" />`
    : html`<span class="avatar initials" part="avatar" aria-hidden="true">${initials(item.senderName)}</span>`;
}

function renderMeta(context: MessageViewContext, item: ThreadItem): TemplateResult {
  const { localize } = context;
  const sender = item.own ? localize.term('chatYou') : (item.senderName ?? localize.term('chatUnknownSender'));
  return html`
    <div class="meta">
      <span class="sender" part="sender">${sender}</span>
      <time part="time" datetime=${item.createdDateTime} title=${new Date(item.createdDateTime).toLocaleString(localize.lang())}>
        ${messageTimeText(localize, item.createdDateTime)}
      </time>
      ${item.editedDateTime
        ? html`<span class="edited" part="edited-mark" title=${localize.term('chatEditedAt', new Date(item.editedDateTime).toLocaleString(localize.lang()))}>${localize.term('chatEdited')}</span>`
        : nothing}
    </div>
  `;
}

function renderReactions(context: MessageViewContext, item: ThreadItem): TemplateResult | typeof nothing {
  if (item.reactions.length === 0) return nothing;
  const { localize } = context;
  return html`
    <div class="reactions" part="reactions" role="group" aria-label=${localize.term('chatReactionsLabel')}>
      ${item.reactions.map((reaction) => {
        const names = reaction.mine ? [localize.term('chatReactionYou'), ...reaction.names] : reaction.names;
        const label = localize.term('chatReaction', reaction.reactionType, reaction.count, new Intl.ListFormat(localize.lang()).format(names));
        return html`
          <button class="reaction ${reaction.mine ? 'mine' : ''}" part="reaction" aria-pressed=${reaction.mine ? 'true' : 'false'} aria-label=${label} title=${label} @click=${() => context.onReaction(item, reaction)}>
            <span aria-hidden="true">${reaction.reactionType}</span><span class="count" aria-hidden="true">${reaction.count}</span>
          </button>
        `;
      })}
    </div>
  `;
}

function renderDelivery(context: MessageViewContext, item: ThreadItem): TemplateResult | typeof nothing {
  const { localize } = context;
  switch (item.delivery) {
    case 'pending':
      return html`<div class="delivery" part="delivery">${localize.term('chatSending')}</div>`;
    case 'sent':
      return html`<div class="delivery" part="delivery">${localize.term('chatSent')}</div>`;
    case 'failed':
      return html`
        <div class="delivery error" part="delivery">
          <span>${failureText(context, item)}</span>
          <button part="retry-button" @click=${() => context.onRetry(item)}>${localize.term('commonRetry')}</button>
          ${item.retrying ? nothing : html`<button part="discard-button" @click=${() => context.onDiscard(item)}>${localize.term('chatDiscard')}</button>`}
        </div>
      `;
    default:
      return nothing;
  }
}

function renderOptions(context: MessageViewContext, row: ThreadRow & { kind: 'item' }): TemplateResult {
  const { localize } = context;
  const open = context.openMenuKey === row.key;
  const menuId = `menu-${row.key}`;
  return html`
    <div class="options">
      <button
        class="options-button"
        part="message-options"
        aria-label=${localize.term('chatMessageOptions')}
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? menuId : nothing}
        @click=${(event: Event) => context.onToggleMenu(row, event.currentTarget as HTMLElement)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      ${open ? renderMenu(context, row.item, menuId) : nothing}
    </div>
  `;
}

function renderMenu(context: MessageViewContext, item: ThreadItem, menuId: string): TemplateResult {
  const { localize } = context;
  const choose = (action: MessageMenuAction) => () => context.onMenuAction(item, action);
  return html`
    <div class="menu ${context.menuUp ? 'up' : ''}" id=${menuId} part="message-menu" role="menu" aria-label=${localize.term('chatMessageOptions')} @keydown=${context.onMenuKeydown}>
      <div class="menu-reactions" role="group" aria-label=${localize.term('chatReactionsLabel')}>
        ${quickReactions.map(
          (emoji) => html`<button role="menuitem" tabindex="-1" aria-label=${localize.term('chatReact', emoji)} @click=${choose({ kind: 'react', emoji })}>${emoji}</button>`,
        )}
      </div>
      ${item.own && item.delivery !== 'pending'
        ? html`
            <button role="menuitem" tabindex="-1" @click=${choose({ kind: 'edit' })}>${localize.term('chatEdit')}</button>
            <button role="menuitem" tabindex="-1" class="danger" @click=${choose({ kind: 'delete' })}>${localize.term('chatDelete')}</button>
          `
        : nothing}
    </div>
  `;
}

function failureText(context: MessageViewContext, item: ThreadItem): string {
  const { localize } = context;
  if (!item.retrying) return `${localize.term('chatNotSent')} ${chatErrorText(localize, item.error)}`;
  return item.error?.code === 'chat-network-error' ? localize.term('chatWaitingToSend') : localize.term('chatRetrying');
}
