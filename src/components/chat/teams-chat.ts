import { type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

import type { ChatSummary } from '../../services/chat/chat-summary.js';
import type { ChatThread, MessagesReceived } from '../../services/chat/chat-thread.js';
import type { ThreadItem } from '../../services/chat/thread-item.js';
import type { TeamsError } from '../../services/errors.js';
import { baseStyles } from '../shared/styles.js';
import { TeamsElement } from '../shared/teams-element.js';
import './chat.events.js';
import { ChatController } from './chat-controller.js';
import { chatErrorText, messageTimeText, systemEventText } from './chat-text.js';
import { chatStyles } from './teams-chat.styles.js';

/** Distance from the bottom, in pixels, within which the thread follows new messages. */
const followThresholdPx = 48;

/** Maximum length of a message read out in an announcement, in characters. */
const maximumAnnouncedLength = 200;

/**
 * @tag teams-chat
 * @summary Chats with Microsoft Teams users over Microsoft Graph: the signed-in user's chats,
 * a thread of messages, and a message box.
 *
 * Uses the session named by `session` (the page's default session unless set). Signed out, it
 * shows a short sign-in prompt. The Graph client and the HTML sanitizer load with a dynamic
 * `import()` once the element is connected and its session signed in.
 *
 * Message HTML from other people is sanitized with an allow-list before it is shown. Messages
 * sent here show at once as "Sending…", then "Sent"; a failed message stays with a "Retry"
 * button. New messages from others arrive by polling and are announced politely to screen
 * readers.
 *
 * @fires teams-chat-open - A chat was opened and its newest messages loaded.
 * @fires teams-message-send - The user sent a message; it is pending.
 * @fires teams-message-sent - Graph stored a message sent here.
 * @fires teams-message-failed - Sending a message failed; it stays in the thread with "Retry".
 * @fires teams-message-receive - Polling found new messages from other members.
 * @fires teams-chat-error - Loading the chats or a chat's messages failed.
 *
 * @csspart base - The element's layout container.
 * @csspart sign-in-prompt - The text shown while signed out.
 * @csspart sign-in-button - The "Sign in" button shown while signed out.
 * @csspart status - A loading or error line.
 * @csspart chat-list - The list of chats; hide it with `::part(chat-list) { display: none }` to show one chat only.
 * @csspart chat-list-item - One chat's button in the list.
 * @csspart thread - The open chat: header, messages and message box.
 * @csspart thread-header - The open chat's name.
 * @csspart messages - The scrolling list of messages.
 * @csspart older-button - The "Show older messages" button.
 * @csspart message - One message.
 * @csspart own-message - One of the signed-in user's messages (also has `message`).
 * @csspart system-message - A system event line, such as members added.
 * @csspart sender - A message's sender name.
 * @csspart time - A message's time.
 * @csspart body - A message's sanitized body.
 * @csspart delivery - "Sending…", "Sent" or "Not sent." under a message sent here.
 * @csspart retry-button - The "Retry" button of a failed message.
 * @csspart composer - The form with the message box.
 * @csspart input - The message box.
 * @csspart send-button - The "Send" button.
 *
 * @cssprop --teams-chat-height - Height of the element. Defaults to 480px.
 * @cssprop --teams-chat-list-width - Width of the chat list. Defaults to 240px.
 * @cssprop --teams-chat-message-background - Background of other people's messages.
 * @cssprop --teams-chat-own-message-background - Background of the user's own messages.
 * @cssprop --teams-chat-mention-color - Color of mentions in messages.
 */
export class TeamsChat extends TeamsElement {
  static override styles = [baseStyles, chatStyles];

  readonly #chat = new ChatController(this, () => this.sessionController.value, {
    onOpen: (thread) => this.#handleThreadOpened(thread),
    onMessagesReceived: (thread, received) => this.#handleMessagesReceived(thread, received),
    onError: (error, chatId) => this.emit('teams-chat-error', { chatId, code: error.code, message: error.message }),
  });

  /** Scroll state of the thread before an update, to keep or follow the position after it. */
  #scrollBefore: { height: number; top: number; nearBottom: boolean } | undefined;

  /** Key of the first message rendered by the last update; a new one means older messages went in. */
  #renderedFirstKey: string | undefined;

  /** Chat id whose thread should scroll to its newest message on the next render. */
  #scrollToEndOf: string | undefined;

  @query('.messages') private scroller!: HTMLElement | null;
  @query('textarea') private composerInput!: HTMLTextAreaElement | null;

  /** The text in the message box. */
  @state() private draft = '';

  /** The last sentence for screen readers, in a polite live region. */
  @state() private announcement = '';

  /** The chat list button that takes Tab focus (roving tabindex). */
  @state() private focusedChatId: string | undefined;

  /**
   * Id of the chat to open, such as `19:...@thread.v2`. Set it to open a chat directly; it also
   * changes when the user opens a chat from the list.
   */
  @property({ attribute: 'chat-id' })
  chatId: string | undefined;

  /** Seconds between checks for new messages while the page is visible; slower while hidden. */
  @property({ type: Number, attribute: 'poll-interval' })
  pollInterval = 10;

  constructor() {
    super();
    this.sessionController.onChange = () => this.#chat.sync();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) {
      this.#chat.pollIntervalMs = Math.max(1, Number(this.pollInterval) || 10) * 1000;
    }

    const scroller = this.scroller;
    this.#scrollBefore =
      scroller === null
        ? undefined
        : {
            height: scroller.scrollHeight,
            top: scroller.scrollTop,
            nearBottom: scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < followThresholdPx,
          };
  }

  override updated(): void {
    const session = this.sessionController.value;
    if (this.chatId && session.status === 'signed-in') void this.#chat.open(this.chatId);
    this.#restoreScroll();
    this.#renderedFirstKey = this.scroller === null ? undefined : this.#chat.thread?.items[0]?.key;
  }

  #restoreScroll(): void {
    const scroller = this.scroller;
    const thread = this.#chat.thread;
    if (scroller === null || thread === undefined) return;

    if (this.#scrollToEndOf === thread.chatId && thread.status === 'ready') {
      this.#scrollToEndOf = undefined;
      scroller.scrollTop = scroller.scrollHeight;
      return;
    }

    const before = this.#scrollBefore;
    if (before === undefined) return;
    const olderAdded = this.#renderedFirstKey !== undefined && thread.items[0]?.key !== this.#renderedFirstKey;
    if (olderAdded) {
      // Older messages went in above: keep the messages the user was reading in place.
      scroller.scrollTop = before.top + (scroller.scrollHeight - before.height);
    } else if (before.nearBottom) {
      scroller.scrollTop = scroller.scrollHeight;
    }
  }

  #handleThreadOpened(thread: ChatThread): void {
    this.chatId = thread.chatId;
    this.#scrollToEndOf = thread.chatId;
    this.requestUpdate();
    this.emit('teams-chat-open', { chatId: thread.chatId, name: thread.chat?.name });
  }

  #handleMessagesReceived(thread: ChatThread, received: MessagesReceived): void {
    this.emit('teams-message-receive', {
      chatId: thread.chatId,
      messages: received.map((item) => ({ messageId: item.key, senderId: item.senderId, senderName: item.senderName, text: item.text })),
    });

    const sentences = received.map((item) =>
      this.localize.term('chatNewMessageFrom', item.senderName ?? this.localize.term('chatUnknownSender'), truncate(item.text, maximumAnnouncedLength)),
    );
    this.announcement = sentences.join(' ');
  }

  #handleChatClick(chat: ChatSummary): void {
    this.focusedChatId = chat.id;
    this.openChat(chat.id);
  }

  /** Moves focus through the chat list with the arrow keys, Home and End. */
  #handleChatListKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.chat-list button')];
    const current = buttons.indexOf(event.target as HTMLButtonElement);
    if (current === -1) return;

    const targets: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: buttons.length - 1 };
    const next = targets[event.key];
    if (next === undefined) return;

    event.preventDefault();
    const button = buttons[Math.max(0, Math.min(buttons.length - 1, next))]!;
    this.focusedChatId = button.dataset['chatId'];
    button.focus();
  }

  #handleComposerInput(event: InputEvent): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
  }

  /** Enter sends; Shift+Enter breaks the line; Enter that confirms an input method composition does neither. */
  #handleComposerKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    void this.#sendDraft();
  }

  #handleComposerSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#sendDraft();
  }

  async #sendDraft(): Promise<void> {
    const text = this.draft;
    if (text.trim() === '') return;
    this.draft = '';
    this.composerInput?.focus();
    await this.sendMessage(text);
  }

  async #handleRetryClick(thread: ChatThread, clientMessageId: string): Promise<void> {
    const item = await thread.retry(clientMessageId);
    this.#reportDelivery(thread, item);
  }

  #reportDelivery(thread: ChatThread, item: ThreadItem): void {
    const clientMessageId = item.clientMessageId!;
    if (item.delivery === 'sent' && item.messageId !== undefined) {
      this.emit('teams-message-sent', { chatId: thread.chatId, clientMessageId, messageId: item.messageId });
      return;
    }
    if (item.delivery === 'failed') {
      this.announcement = `${this.localize.term('chatSendFailedAnnouncement')} ${chatErrorText(this.localize, item.error)}`;
      this.emit('teams-message-failed', {
        chatId: thread.chatId,
        clientMessageId,
        code: item.error?.code ?? 'chat-request-failed',
        message: item.error?.message ?? 'Sending failed.',
      });
    }
  }

  #handleSignInClick(): void {
    // A failed sign-in moves the session to `error`, which this element renders.
    this.sessionController.value.signIn().catch(() => undefined);
  }

  /** Opens a chat by id, as clicking it in the list does. */
  openChat(chatId: string): void {
    this.chatId = chatId;
  }

  /** Loads the chat list again and checks the open chat for new messages now. */
  async refresh(): Promise<void> {
    await Promise.all([this.#chat.refreshChats(), this.#chat.thread?.poll().catch(() => undefined)]);
  }

  /**
   * Sends a message to the open chat, as the "Send" button does, and resolves with its item once
   * it is sent or failed. Resolves with `undefined` when no chat is open or the text is blank.
   */
  async sendMessage(text: string): Promise<ThreadItem | undefined> {
    const thread = this.#chat.thread;
    if (thread === undefined || thread.status !== 'ready' || text.trim() === '') return undefined;

    const operation = thread.send(text);
    this.#scrollToEndOf = thread.chatId;
    this.emit('teams-message-send', { chatId: thread.chatId, clientMessageId: operation.clientMessageId, text });

    const item = await operation.delivered;
    this.#reportDelivery(thread, item);
    return item;
  }

  override render(): TemplateResult {
    const session = this.sessionController.value;
    let content: TemplateResult;
    if (session.status === 'signed-in') {
      content = this.#renderSignedIn();
    } else if (session.status === 'signing-in') {
      content = html`<div class="centered" part="status" role="status"><span class="spinner" aria-hidden="true"></span>${this.localize.term('chatSigningIn')}</div>`;
    } else {
      content = this.#renderSignedOut(session.status === 'error' ? session.error : undefined, session.options !== undefined);
    }

    return html`
      <div part="base" class="base" dir=${this.localize.dir()}>${content}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  #renderSignedOut(error: TeamsError | undefined, configured: boolean): TemplateResult {
    return html`
      <div class="centered fill">
        <p part="sign-in-prompt">${error ? chatErrorText(this.localize, error) : this.localize.term('chatSignInPrompt')}</p>
        ${configured
          ? html`<button part="sign-in-button" class="primary" @click=${this.#handleSignInClick}>${this.localize.term('chatSignIn')}</button>`
          : nothing}
      </div>
    `;
  }

  #renderSignedIn(): TemplateResult {
    const { chatsStatus, chatsError } = this.#chat;
    if (chatsStatus === 'idle' || chatsStatus === 'loading') {
      return html`<div class="centered fill" part="status" role="status"><span class="spinner" aria-hidden="true"></span>${this.localize.term('chatLoadingChats')}</div>`;
    }
    if (chatsStatus === 'error') {
      return html`
        <div class="centered fill">
          <p part="status" class="error" role="alert">${chatErrorText(this.localize, chatsError)}</p>
          <button @click=${() => this.#chat.refreshChats()}>${this.localize.term('commonRetry')}</button>
        </div>
      `;
    }
    return html`${this.#renderChatList()}${this.#renderThread()}`;
  }

  #renderChatList(): TemplateResult {
    const chats = this.#chat.chats;
    if (chats.length === 0) {
      return html`<p part="chat-list" class="chat-list">${this.localize.term('chatNoChats')}</p>`;
    }

    const openId = this.#chat.thread?.chatId;
    const tabStop = chats.some((chat) => chat.id === this.focusedChatId) ? this.focusedChatId : (openId ?? chats[0]!.id);
    return html`
      <ul part="chat-list" class="chat-list" aria-label=${this.localize.term('chatListLabel')} @keydown=${this.#handleChatListKeydown}>
        ${repeat(
          chats,
          (chat) => chat.id,
          (chat) => html`
            <li>
              <button
                part="chat-list-item"
                data-chat-id=${chat.id}
                tabindex=${chat.id === tabStop ? 0 : -1}
                aria-current=${chat.id === openId ? 'true' : 'false'}
                @click=${() => this.#handleChatClick(chat)}
              >
                <span class="chat-name">${chat.name ?? this.localize.term('chatUntitled')}</span>
                ${chat.preview ? html`<span class="chat-preview">${chat.preview}</span>` : nothing}
              </button>
            </li>
          `,
        )}
      </ul>
    `;
  }

  #renderThread(): TemplateResult {
    const thread = this.#chat.thread;
    if (thread === undefined) {
      return html`<div class="thread centered" part="thread"><p>${this.localize.term('chatSelectPrompt')}</p></div>`;
    }

    const name = thread.chat?.name ?? this.#chat.chats.find((chat) => chat.id === thread.chatId)?.name ?? this.localize.term('chatUntitled');
    return html`
      <section class="thread" part="thread" aria-label=${name}>
        <h2 class="thread-header" part="thread-header">${name}</h2>
        ${this.#renderThreadBody(thread)}
        <form class="composer" part="composer" @submit=${this.#handleComposerSubmit}>
          <textarea
            part="input"
            rows="1"
            aria-label=${this.localize.term('chatComposerLabel')}
            placeholder=${this.localize.term('chatComposerLabel')}
            .value=${this.draft}
            ?disabled=${thread.status !== 'ready'}
            @input=${this.#handleComposerInput}
            @keydown=${this.#handleComposerKeydown}
          ></textarea>
          <button part="send-button" class="primary" type="submit" ?disabled=${thread.status !== 'ready'}>${this.localize.term('chatSend')}</button>
        </form>
      </section>
    `;
  }

  #renderThreadBody(thread: ChatThread): TemplateResult {
    if (thread.status === 'idle' || thread.status === 'loading') {
      return html`<div class="messages centered" part="status" role="status"><span class="spinner" aria-hidden="true"></span>${this.localize.term('chatLoadingMessages')}</div>`;
    }
    if (thread.status === 'error') {
      return html`
        <div class="messages centered">
          <p part="status" class="error" role="alert">${chatErrorText(this.localize, thread.error)}</p>
          <button @click=${() => this.#chat.reloadThread()}>${this.localize.term('commonRetry')}</button>
        </div>
      `;
    }

    return html`
      <div class="messages" part="messages" role="region" tabindex="0" aria-label=${this.localize.term('chatMessagesLabel')}>
        ${this.#renderOlderButton(thread)}
        ${thread.items.length === 0 ? html`<p>${this.localize.term('chatNoMessages')}</p>` : nothing}
        <ol>
          ${repeat(
            thread.items,
            (item) => item.clientMessageId ?? item.key,
            (item) => this.#renderItem(thread, item),
          )}
        </ol>
      </div>
      ${thread.error ? html`<p part="status" class="error poll-error">${chatErrorText(this.localize, thread.error)}</p>` : nothing}
    `;
  }

  #renderOlderButton(thread: ChatThread): TemplateResult | typeof nothing {
    if (!thread.hasOlderMessages) return nothing;
    return html`
      <div class="older">
        <button part="older-button" ?disabled=${thread.loadingOlder} @click=${() => thread.loadOlder().catch(() => undefined)}>
          ${thread.loadingOlder ? this.localize.term('chatLoadingOlder') : this.localize.term('chatShowOlder')}
        </button>
      </div>
    `;
  }

  #renderItem(thread: ChatThread, item: ThreadItem): TemplateResult {
    if (item.kind === 'system') {
      return html`<li class="system" part="system-message">${systemEventText(this.localize, item.event)}</li>`;
    }
    if (item.kind === 'deleted') {
      return html`<li class="deleted" part="system-message">${this.localize.term('chatMessageDeleted')}</li>`;
    }

    const sender = item.own ? this.localize.term('chatYou') : (item.senderName ?? this.localize.term('chatUnknownSender'));
    const classes = ['message', item.own ? 'own' : '', item.delivery ?? ''].join(' ');
    return html`
      <li class=${classes} part=${item.own ? 'message own-message' : 'message'} data-key=${item.key}>
        <div class="meta">
          <span class="sender" part="sender">${sender}</span>
          <time part="time" datetime=${item.createdDateTime} title=${new Date(item.createdDateTime).toLocaleString(this.localize.lang())}>
            ${messageTimeText(this.localize, item.createdDateTime)}
          </time>
        </div>
        <div class="body" part="body">${unsafeHTML(item.html)}</div>
        ${this.#renderDelivery(thread, item)}
      </li>
    `;
  }

  #renderDelivery(thread: ChatThread, item: ThreadItem): TemplateResult | typeof nothing {
    switch (item.delivery) {
      case 'pending':
        return html`<div class="delivery" part="delivery">${this.localize.term('chatSending')}</div>`;
      case 'sent':
        return html`<div class="delivery" part="delivery">${this.localize.term('chatSent')}</div>`;
      case 'failed':
        return html`
          <div class="delivery error" part="delivery">
            <span>${this.localize.term('chatNotSent')} ${chatErrorText(this.localize, item.error)}</span>
            <button part="retry-button" @click=${() => this.#handleRetryClick(thread, item.clientMessageId!)}>${this.localize.term('commonRetry')}</button>
          </div>
        `;
      default:
        return nothing;
    }
  }
}

function truncate(text: string, maximumLength: number): string {
  return text.length <= maximumLength ? text : `${text.slice(0, maximumLength - 1)}…`;
}
