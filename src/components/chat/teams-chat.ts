import { type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';

import { addSourceMessages } from '../../localization/localize.js';
import type { ChatChangeChannel } from '../../services/chat/change-channel.js';
import type { NewChatMember } from '../../services/chat/chat-list.js';
import type { ChatSummary } from '../../services/chat/chat-summary.js';
import type { ChatThread, MessagesReceived } from '../../services/chat/chat-thread.js';
import type { GraphUser } from '../../services/chat/graph-types.js';
import type { MentionChoice } from '../../services/chat/message-content.js';
import type { ReactionSummary } from '../../services/chat/reactions.js';
import type { ThreadItem } from '../../services/chat/thread-item.js';
import { TeamsError } from '../../services/errors.js';
import { baseStyles } from '../shared/styles.js';
import { TeamsElement } from '../shared/teams-element.js';
import './chat.events.js';
import { ChatController } from './chat-controller.js';
import { renderChatList } from './chat-list-view.js';
import { chatErrorText } from './chat-text.js';
import { chatMessages } from './chat.messages.js';
import { ComposerController } from './composer-controller.js';
import { InlineImagesController } from './inline-images.js';
import { MessageMenu } from './message-menu.js';
import type { MessageMenuAction, MessageViewContext } from './message-view.js';
import { NewChatState, renderNewChat } from './new-chat.js';
import { chatStyles } from './teams-chat.styles.js';
import { threadRows, type ThreadRow } from './thread-rows.js';
import { ThreadScroll } from './thread-scroll.js';
import { renderThread } from './thread-view.js';

// The element's English strings join the source language only on pages that load the element.
addSourceMessages(chatMessages);

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
 * The chat list shows 1:1, group and meeting chats with their last message and an unread mark,
 * newest first, with a filter by name and a "New chat" panel that finds people through Graph. The
 * thread loads its newest messages in one request and older ones as the user scrolls up, and
 * renders only the rows in view, so long threads stay fast. Message HTML from other people is
 * sanitized with an allow-list before it is shown; inline images are fetched with the access token.
 *
 * Messages sent here show at once as "Sending…", then "Sent". They are stored in `localStorage`
 * until Graph has them, so a reload or a dropped connection does not lose them, and a send whose
 * response never came is looked up in Graph before it is sent again. Drafts are stored the same way. The user can edit and delete their own messages, react,
 * and mention members with `@`. New messages arrive by polling (slower while idle or hidden, and
 * honouring `Retry-After`), or through a host's push channel (`changeChannel`), and are announced
 * politely to screen readers. The thread follows new messages while the user is at its bottom;
 * a user reading older messages stays in place and gets a "new messages" button instead.
 *
 * @fires teams-chat-open - A chat was opened and its newest messages loaded.
 * @fires teams-chat-create - The user started a chat from the "New chat" panel (or an existing 1:1 chat was found).
 * @fires teams-message-send - The user sent a message; it is pending.
 * @fires teams-message-sent - Graph stored a message sent here.
 * @fires teams-message-failed - Sending a message failed; it stays in the thread with "Retry".
 * @fires teams-message-receive - Polling found new messages from other members.
 * @fires teams-message-action-failed - Editing, deleting or reacting to a message failed; the message shows as before.
 * @fires teams-chat-error - Loading the chats or a chat's messages failed.
 *
 * @csspart base - The element's layout container.
 * @csspart sign-in-prompt - The text shown while signed out.
 * @csspart sign-in-button - The "Sign in" button shown while signed out.
 * @csspart status - A loading or error line.
 * @csspart chat-list-panel - The chat list with its tools; hide it with `::part(chat-list-panel) { display: none }` to show one chat only.
 * @csspart chat-list - The list of chats.
 * @csspart chat-list-item - One chat's button in the list (also has the class `unread`).
 * @csspart unread-mark - The dot of an unread chat.
 * @csspart new-chat-button - The "New chat" button.
 * @csspart chat-filter - The box that filters chats by name.
 * @csspart new-chat - The "New chat" panel.
 * @csspart people-search - The people search box of the "New chat" panel.
 * @csspart person - One person found by the search.
 * @csspart chosen-people - The people chosen for the new chat.
 * @csspart topic-input - The group name box of the "New chat" panel.
 * @csspart start-chat-button - The "Start chat" button.
 * @csspart thread - The open chat: header, messages and message box.
 * @csspart thread-header - The open chat's name.
 * @csspart updates-status - The line shown while Graph has asked to slow down.
 * @csspart messages - The scrolling, virtualized list of messages.
 * @csspart new-messages-button - "N new messages" at the bottom of the thread, shown while the user reads older messages; it jumps to the newest.
 * @csspart older-button - The "Show older messages" button.
 * @csspart older-status - Loading, failure or beginning-of-chat line above the oldest message.
 * @csspart older-retry-button - "Retry" after older messages failed to load.
 * @csspart date-separator - The line with a date before each day's first message.
 * @csspart message - One message.
 * @csspart own-message - One of the signed-in user's messages (also has `message`).
 * @csspart system-message - A system event line, such as members added or a call ended.
 * @csspart deleted-message - The line left by a deleted message.
 * @csspart undo-button - "Undo" on the user's own deleted message.
 * @csspart avatar - A sender's photo or initials.
 * @csspart sender - A message's sender name.
 * @csspart time - A message's time.
 * @csspart edited-mark - "Edited" on an edited message.
 * @csspart body - A message's sanitized body.
 * @csspart image-placeholder - What an inline image that failed to load shows instead.
 * @csspart attachment - A file, card or other attachment.
 * @csspart quote - A quoted message of a reply (also has `attachment`).
 * @csspart reactions - The reactions under a message.
 * @csspart reaction - One reaction with its count; pressing it adds or removes the user's own.
 * @csspart message-options - A message's "Message options" button.
 * @csspart message-menu - The menu of reactions, "Edit" and "Delete".
 * @csspart delivery - "Sending…", "Sent" or "Not sent." under a message sent here.
 * @csspart retry-button - The "Retry" button of a failed message or thread.
 * @csspart discard-button - The "Discard" button of a failed message.
 * @csspart close-button - "Close" on a chat that was not found.
 * @csspart composer - The form with the message box.
 * @csspart editing-banner - The line shown while a message is being edited.
 * @csspart input - The message box.
 * @csspart mention-suggestions - Members offered after `@`.
 * @csspart emoji-button - The "Insert emoji" button.
 * @csspart emoji-picker - The emoji to insert.
 * @csspart send-button - The "Send" (or "Save") button.
 * @csspart composer-error - A problem with the typed message, such as its length.
 *
 * @cssprop --teams-chat-height - Height of the element. Defaults to 480px.
 * @cssprop --teams-chat-list-width - Width of the chat list. Defaults to 260px.
 * @cssprop --teams-chat-message-background - Background of other people's messages.
 * @cssprop --teams-chat-own-message-background - Background of the user's own messages.
 * @cssprop --teams-chat-mention-color - Color of mentions in messages.
 * @cssprop --teams-chat-unread-color - Color of the unread mark. Defaults to the brand color.
 * @cssprop --teams-chat-avatar-size - Size of avatars. Defaults to 32px.
 */
export class TeamsChat extends TeamsElement {
  static override styles = [baseStyles, chatStyles];

  readonly #chat = new ChatController(this, () => this.sessionController.value, {
    onOpen: (thread) => this.#handleThreadOpened(thread),
    onMessagesReceived: (thread, received) => this.#handleMessagesReceived(thread, received),
    onError: (error, chatId) => this.emit('teams-chat-error', { chatId, code: error.code, message: error.message }),
  });

  readonly #composer = new ComposerController({
    element: this,
    localize: this.localize,
    thread: () => this.#chat.thread,
    ownId: () => this.sessionController.value.account?.objectId,
    send: (text, mentions) => this.sendMessage(text, mentions),
    editFailed: (thread, messageId, error) => this.#reportActionFailure(thread, messageId, 'edit', error),
  });

  readonly #newChat = new NewChatState(this);
  readonly #menu = new MessageMenu({ element: this, scroller: () => this.scroller });

  readonly #scroll = new ThreadScroll({
    scroller: () => this.scroller,
    thread: () => this.#chat.thread,
    rows: () => this.#rows?.rows ?? [],
    requestUpdate: () => this.requestUpdate(),
  });

  /** Rows built for the thread's current items. */
  #rows: { items: readonly ThreadItem[]; rows: ThreadRow[] } | undefined;

  #countdownTimer: ReturnType<typeof setInterval> | undefined;

  @query('.messages') private scroller!: HTMLElement | null;

  /** The last sentence for screen readers, in a polite live region. */
  @state() private announcement = '';

  /** The chat list button that takes Tab focus (roving tabindex). */
  @state() private focusedChatId: string | undefined;

  /** Text of the chat list filter. */
  @state() private filter = '';

  /** Whether the "New chat" panel shows in place of the thread. */
  @state() private newChatOpen = false;

  /**
   * Id of the chat to open, such as `19:...@thread.v2`. Set it to open a chat directly; it also
   * changes when the user opens a chat from the list.
   */
  @property({ attribute: 'chat-id' })
  chatId: string | undefined;

  /**
   * Seconds between checks for new messages while the page is visible and the user active. Idle
   * users are checked at least 8 times less often (every 2 minutes at least), hidden pages at least
   * 20 times less often (every 5 minutes at least), and a page that becomes visible is checked at once.
   */
  @property({ type: Number, attribute: 'poll-interval' })
  pollInterval = 15;

  /**
   * A push channel that relays Graph change notifications for chat messages from the host's
   * backend. While it is connected, threads poll only rarely. Set it before opening a chat.
   */
  @property({ attribute: false })
  changeChannel: ChatChangeChannel | undefined;

  constructor() {
    super();
    this.sessionController.onChange = () => this.#chat.sync();
    // The controller registers itself with the element and shows inline images as they render.
    new InlineImagesController(
      this,
      () => this.#chat.service?.hostedContents,
      () => ({ loading: this.localize.term('chatImageLoading'), failed: this.localize.term('chatImageFailed') }),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#countdownTimer);
    this.#countdownTimer = undefined;
    this.#composer.state.flushDraft();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) {
      this.#chat.pollIntervalMs = Math.max(1, Number(this.pollInterval) || 15) * 1000;
    }
    if (changed.has('changeChannel')) this.#chat.changes = this.changeChannel;
    this.#composer.state.bind(this.#chat.thread?.status === 'ready' ? this.#chat.thread : undefined);
  }

  override updated(): void {
    const session = this.sessionController.value;
    if (this.chatId && session.status === 'signed-in') void this.#chat.open(this.chatId);
    this.#updateCountdown();
    void this.#scroll.restoreAnchor();
  }

  // Thread events.

  #handleThreadOpened(thread: ChatThread): void {
    this.chatId = thread.chatId;
    this.#scroll.followNewest();
    this.#rows = undefined;
    this.requestUpdate();
    this.emit('teams-chat-open', { chatId: thread.chatId, name: thread.chat?.name });
  }

  #handleMessagesReceived(thread: ChatThread, received: MessagesReceived): void {
    this.#scroll.noteReceived(received.length);
    this.emit('teams-message-receive', {
      chatId: thread.chatId,
      messages: received.map((item) => ({ messageId: item.key, senderId: item.senderId, senderName: item.senderName, text: item.text })),
    });

    const sentences = received.map((item) =>
      this.localize.term('chatNewMessageFrom', item.senderName ?? this.localize.term('chatUnknownSender'), truncate(item.text, maximumAnnouncedLength)),
    );
    this.announcement = sentences.join(' ');
  }

  // The chat list.

  #handleChatClick(chat: ChatSummary): void {
    this.focusedChatId = chat.id;
    this.newChatOpen = false;
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

  // The "New chat" panel.

  #handleNewChatClick(): void {
    this.#newChat.reset();
    this.newChatOpen = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[part~="people-search"]')?.focus());
  }

  #handlePeopleKeydown(event: KeyboardEvent): void {
    const state = this.#newChat;
    if (state.results.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      state.activeResult = (state.activeResult + step + state.results.length) % state.results.length;
      this.requestUpdate();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      state.choose(state.results[state.activeResult]!);
    }
  }

  async #handleStartChat(): Promise<void> {
    const state = this.#newChat;
    if (state.chosen.length === 0 || state.starting) return;
    state.starting = true;
    state.error = undefined;
    this.requestUpdate();

    try {
      const chat = await this.startChat(
        state.chosen.map((user) => ({ userId: user.id })),
        state.topic,
      );
      this.emit('teams-chat-create', { chatId: chat.id, name: chat.name });
      this.newChatOpen = false;
    } catch (error) {
      state.error = asTeamsError(error);
    } finally {
      state.starting = false;
      this.requestUpdate();
    }
  }

  // Message options.

  #handleMenuAction(item: ThreadItem, action: MessageMenuAction): void {
    this.#menu.close(action.kind !== 'edit');
    const thread = this.#chat.thread;
    if (thread === undefined || item.messageId === undefined) return;

    switch (action.kind) {
      case 'react':
        this.#runAction(thread, item.messageId, 'react', thread.toggleReaction(item.messageId, action.emoji));
        break;
      case 'delete':
        this.#runAction(thread, item.messageId, 'delete', thread.delete(item.messageId));
        break;
      case 'edit':
        this.#composer.startEditing(thread, item.messageId);
        break;
    }
  }

  #handleReaction(item: ThreadItem, reaction: ReactionSummary): void {
    const thread = this.#chat.thread;
    if (thread === undefined || item.messageId === undefined) return;
    this.#runAction(thread, item.messageId, reaction.mine ? 'unreact' : 'react', thread.toggleReaction(item.messageId, reaction.reactionType));
  }

  #handleUndoDelete(item: ThreadItem): void {
    const thread = this.#chat.thread;
    if (thread === undefined || item.messageId === undefined) return;
    this.#runAction(thread, item.messageId, 'undo-delete', thread.undoDelete(item.messageId));
  }

  #runAction(thread: ChatThread, messageId: string, action: string, operation: Promise<void>): void {
    operation.catch((error: unknown) => this.#reportActionFailure(thread, messageId, action, asTeamsError(error)));
  }

  #reportActionFailure(thread: ChatThread, messageId: string, action: string, failure: TeamsError): void {
    this.announcement = `${this.localize.term('chatActionFailed')} ${chatErrorText(this.localize, failure)}`;
    this.emit('teams-message-action-failed', { chatId: thread.chatId, messageId, action, code: failure.code, message: failure.message });
  }

  // Delivery.

  async #handleRetryClick(thread: ChatThread, clientMessageId: string): Promise<void> {
    const item = await thread.retry(clientMessageId);
    this.#reportDelivery(thread, item);
  }

  #reportDelivery(thread: ChatThread, item: ThreadItem | undefined): void {
    const clientMessageId = item?.clientMessageId;
    if (item === undefined || clientMessageId === undefined) return;
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

  #updateCountdown(): void {
    const slowedDown = this.#chat.thread?.pollStatus?.slowedDown === true;
    if (slowedDown && this.#countdownTimer === undefined) {
      this.#countdownTimer = setInterval(() => this.requestUpdate(), 1000);
    } else if (!slowedDown && this.#countdownTimer !== undefined) {
      clearInterval(this.#countdownTimer);
      this.#countdownTimer = undefined;
    }
  }

  #handleSignInClick(): void {
    // A failed sign-in moves the session to `error`, which this element renders.
    this.sessionController.value.signIn().catch(() => undefined);
  }

  /** Opens a chat by id, as clicking it in the list does. */
  openChat(chatId: string): void {
    this.newChatOpen = false;
    this.chatId = chatId;
  }

  /** Loads the chat list again and checks the open chat for new messages now. */
  async refresh(): Promise<void> {
    await Promise.all([this.#chat.refreshChats(), this.#chat.thread?.poll().catch(() => undefined)]);
  }

  /**
   * Starts a chat with people given by Entra object id (and tenant id for people of another
   * tenant), as the "New chat" panel does, and opens it. One person gives their 1:1 chat, which
   * Graph returns when it exists; several give a new group chat named `topic`. Resolves with the chat.
   */
  async startChat(members: NewChatMember[], topic?: string): Promise<ChatSummary> {
    const chat = await this.#chat.createChat(members, topic);
    this.openChat(chat.id);
    return chat;
  }

  /**
   * Sends a message to the open chat, as the "Send" button does, and resolves with its item once
   * it is sent or failed. `mentions` are members chosen for `@Name` in the text. Resolves with
   * `undefined` when no chat is open or the text is blank; rejects with `chat-message-too-large`
   * for a message over Teams' size limit.
   */
  async sendMessage(text: string, mentions: readonly MentionChoice[] = []): Promise<ThreadItem | undefined> {
    const thread = this.#chat.thread;
    if (thread === undefined || thread.status !== 'ready' || text.trim() === '') return undefined;

    const operation = thread.send(text, mentions);
    this.#scroll.followNewest();
    this.#chat.noteSent(thread.chatId, text.replace(/\s+/g, ' ').trim(), new Date().toISOString());
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
      content = html`<div class="centered fill" part="status" role="status"><span class="spinner" aria-hidden="true"></span>${this.localize.term('chatSigningIn')}</div>`;
    } else {
      content = this.#renderSignedOut(session.status === 'error' ? session.error : undefined, session.options !== undefined);
    }

    // With nothing open beside it, the stacked (narrow) layout gives the chat list all the height.
    const listOnly = session.status === 'signed-in' && this.#chat.chatsStatus === 'ready' && !this.newChatOpen && this.#chat.thread === undefined;
    return html`
      <div part="base" class=${listOnly ? 'base list-only' : 'base'}>${content}</div>
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

    const photoUrl = (userId: string) => this.#chat.service?.photos.photoUrl(userId);
    return html`
      ${renderChatList({
        localize: this.localize,
        chats: this.#chat.chats,
        filter: this.filter,
        openId: this.#chat.thread?.chatId,
        focusedId: this.focusedChatId,
        accountId: this.sessionController.value.account?.objectId,
        photoUrl,
        onFilterInput: (text) => (this.filter = text),
        onChatClick: (chat) => this.#handleChatClick(chat),
        onKeydown: (event) => this.#handleChatListKeydown(event),
        onNewChat: () => this.#handleNewChatClick(),
      })}
      ${this.newChatOpen ? this.#renderNewChat() : this.#renderThread(photoUrl)}
    `;
  }

  #renderNewChat(): TemplateResult {
    const state = this.#newChat;
    return renderNewChat({
      localize: this.localize,
      state,
      onSearchInput: (text) => state.search(this.#chat.service, text),
      onSearchKeydown: (event) => this.#handlePeopleKeydown(event),
      onChoose: (user: GraphUser) => state.choose(user),
      onRemove: (user: GraphUser) => state.remove(user),
      onTopicInput: (text) => (state.topic = text),
      onStart: () => void this.#handleStartChat(),
      onCancel: () => (this.newChatOpen = false),
    });
  }

  #renderThread(photoUrl: (userId: string) => string | null | undefined): TemplateResult {
    const thread = this.#chat.thread;
    if (thread === undefined) {
      return html`<div class="thread centered" part="thread"><p>${this.localize.term('chatSelectPrompt')}</p></div>`;
    }

    if (this.#rows?.items !== thread.items) this.#rows = { items: thread.items, rows: threadRows(thread.items) };
    const rows = this.#rows.rows;
    const name = thread.chat?.name ?? this.#chat.chats.find((chat) => chat.id === thread.chatId)?.name ?? this.localize.term('chatUntitled');

    const messageContext: MessageViewContext = {
      localize: this.localize,
      photoUrl,
      openMenuKey: this.#menu.key,
      menuUp: this.#menu.up,
      onToggleMenu: (row, button) => this.#menu.toggle(row, button),
      onMenuAction: (item, action) => this.#handleMenuAction(item, action),
      onMenuKeydown: (event) => this.#menu.handleKeydown(event),
      onReaction: (item, reaction) => this.#handleReaction(item, reaction),
      onRetry: (item) => void this.#handleRetryClick(thread, item.clientMessageId!),
      onDiscard: (item) => thread.discard(item.clientMessageId!),
      onUndoDelete: (item) => this.#handleUndoDelete(item),
    };

    return renderThread({
      ...messageContext,
      thread,
      name,
      rows,
      layout: this.#scroll.layout(rows),
      now: Date.now(),
      composer: this.#composer.render(thread.status !== 'ready'),
      onVisibilityChanged: (event) => this.#scroll.handleVisibilityChanged(event),
      unseenCount: this.#scroll.unseenCount,
      onUnpinned: () => this.#scroll.handleUnpinned(),
      onScroll: () => this.#scroll.handleScroll(),
      onContentLoad: () => this.#scroll.handleContentResize(),
      onJumpToNewest: () => this.#scroll.jumpToNewest(),
      onLoadOlder: () => void this.#scroll.loadOlder(),
      onReload: () => void this.#chat.reloadThread(),
      onClose: () => {
        this.chatId = undefined;
        this.#chat.close();
      },
    });
  }
}

function truncate(text: string, maximumLength: number): string {
  return text.length <= maximumLength ? text : `${text.slice(0, maximumLength - 1)}…`;
}

function asTeamsError(error: unknown): TeamsError {
  return error instanceof TeamsError ? error : new TeamsError('chat-request-failed', error instanceof Error ? error.message : String(error), { cause: error });
}
