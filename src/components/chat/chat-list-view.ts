import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

import type { LocalizeController } from '../../localization/localize.js';
import type { ChatSummary } from '../../services/chat/chat-summary.js';
import { initials, listTimeText } from './chat-text.js';

/** The element's state and handlers the chat list uses. */
export interface ChatListContext {
  localize: LocalizeController;
  chats: readonly ChatSummary[];
  /** Text in the filter box. */
  filter: string;
  /** The open chat. */
  openId: string | undefined;
  /** The chat button that takes Tab focus (roving tabindex). */
  focusedId: string | undefined;
  accountId: string | undefined;
  photoUrl(userId: string): string | null | undefined;
  onFilterInput(text: string): void;
  onChatClick(chat: ChatSummary): void;
  onKeydown(event: KeyboardEvent): void;
  onNewChat(): void;
}

/** Returns the chats whose name contains every word of `filter`, ignoring case and accents. */
export function filterChats(chats: readonly ChatSummary[], filter: string, untitled: string): ChatSummary[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...chats];
  return chats.filter((chat) => {
    const name = fold(chat.name ?? untitled);
    return words.every((word) => name.includes(word));
  });
}

/** Renders the list panel: the "New chat" button, the filter box and the chats. */
export function renderChatList(context: ChatListContext): TemplateResult {
  const { localize } = context;
  const chats = filterChats(context.chats, context.filter, localize.term('chatUntitled'));

  return html`
    <div class="chat-list-panel" part="chat-list-panel">
      <div class="chat-list-tools">
        <button part="new-chat-button" class="primary" @click=${context.onNewChat}>${localize.term('chatNewChat')}</button>
        <input
          type="search"
          part="chat-filter"
          aria-label=${localize.term('chatFilterLabel')}
          placeholder=${localize.term('chatFilterPlaceholder')}
          .value=${context.filter}
          @input=${(event: InputEvent) => context.onFilterInput((event.target as HTMLInputElement).value)}
        />
      </div>
      ${chats.length === 0
        ? html`<p class="chat-list-empty" part="chat-list">${context.chats.length === 0 ? localize.term('chatNoChats') : localize.term('chatNoChatsMatch', context.filter)}</p>`
        : renderItems(context, chats)}
    </div>
  `;
}

function renderItems(context: ChatListContext, chats: ChatSummary[]): TemplateResult {
  let tabStop = chats[0]!.id;
  if (chats.some((chat) => chat.id === context.focusedId)) tabStop = context.focusedId!;
  else if (chats.some((chat) => chat.id === context.openId)) tabStop = context.openId!;
  return html`
    <ul part="chat-list" class="chat-list" aria-label=${context.localize.term('chatListLabel')} @keydown=${context.onKeydown}>
      ${repeat(
        chats,
        (chat) => chat.id,
        (chat) => html`
          <li>
            <button
              part="chat-list-item"
              class=${chat.unread ? 'unread' : ''}
              data-chat-id=${chat.id}
              tabindex=${chat.id === tabStop ? 0 : -1}
              aria-current=${chat.id === context.openId ? 'true' : 'false'}
              @click=${() => context.onChatClick(chat)}
            >
              ${renderChatAvatar(context, chat)}
              <span class="chat-text">
                <span class="chat-line">
                  <span class="chat-name">${chat.name ?? context.localize.term('chatUntitled')}</span>
                  <time class="chat-time" datetime=${chat.lastActivity}>${listTimeText(context.localize, chat.lastActivity)}</time>
                </span>
                <span class="chat-line">
                  <span class="chat-preview">${previewText(context, chat)}</span>
                  ${chat.unread ? html`<span class="unread-mark" part="unread-mark"><span class="visually-hidden">${context.localize.term('chatUnread')}</span></span>` : nothing}
                </span>
              </span>
            </button>
          </li>
        `,
      )}
    </ul>
  `;
}

function renderChatAvatar(context: ChatListContext, chat: ChatSummary): TemplateResult {
  const others = chat.members.filter((member) => member.userId !== context.accountId);
  if (chat.chatType === 'oneOnOne' && others.length === 1) {
    const photo = context.photoUrl(others[0]!.userId);
    if (photo) return html`<img class="avatar" part="avatar" src=${photo} alt="" />`;
    return html`<span class="avatar initials" part="avatar" aria-hidden="true">${initials(others[0]!.displayName)}</span>`;
  }

  const label = chat.chatType === 'meeting' ? context.localize.term('chatMeeting') : context.localize.term('chatGroup');
  return html`<span class="avatar group" part="avatar" role="img" aria-label=${label} title=${label}>${chat.chatType === 'meeting' ? '📅' : initials(chat.name)}</span>`;
}

function previewText(context: ChatListContext, chat: ChatSummary): string {
  if (chat.previewDeleted) return context.localize.term('chatMessageDeleted');
  if (chat.preview === undefined) return '';
  const sender = chat.previewSender;
  if (sender?.own) return context.localize.term('chatPreviewOwn', chat.preview);
  if (sender !== undefined && chat.chatType !== 'oneOnOne' && sender.displayName) {
    return context.localize.term('chatPreviewFrom', sender.displayName.split(/\s+/)[0]!, chat.preview);
  }
  return chat.preview;
}

/** Lower-cases text and drops accents, so "zoe" finds "Zoë". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
