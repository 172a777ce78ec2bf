import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type TemplateResult } from 'lit';

import type { ChatThread } from '../../services/chat/chat-thread.js';
import { chatErrorText } from './chat-text.js';
import { renderRow, type MessageViewContext } from './message-view.js';
import type { ThreadRow } from './thread-rows.js';

/** The virtualizer's layout configuration for one render: a `pin` to scroll to, or nothing. */
export type ThreadLayout = { pin?: { index: number; block: ScrollLogicalPosition } };

/** The element's state and handlers the thread panel uses, besides those of message rows. */
export interface ThreadViewContext extends MessageViewContext {
  thread: ChatThread;
  name: string;
  rows: readonly ThreadRow[];
  layout: ThreadLayout;
  composer: TemplateResult;
  /** Milliseconds since the epoch, for the slowed-down countdown. */
  now: number;
  /** Number of messages from others below the view, for the "new messages" button. Zero hides the button. */
  unseenCount: number;
  onVisibilityChanged(event: Event): void;
  onUnpinned(): void;
  onScroll(event: Event): void;
  /** An image in a row loaded, so the row may have grown. */
  onContentLoad(): void;
  onJumpToNewest(): void;
  onLoadOlder(): void;
  onReload(): void;
  onClose(): void;
}

/** Renders the open chat: its header, update status, messages and composer. */
export function renderThread(context: ThreadViewContext): TemplateResult {
  const { thread, localize } = context;
  return html`
    <section class="thread" part="thread" aria-label=${context.name}>
      <h2 class="thread-header" part="thread-header">${context.name}</h2>
      ${renderUpdatesStatus(context)}
      ${renderBody(context)}
      ${thread.status === 'ready' && thread.error && !thread.pollStatus?.slowedDown
        ? html`<p part="status" class="error poll-error">${chatErrorText(localize, thread.error)}</p>`
        : nothing}
      ${thread.status === 'error' ? nothing : context.composer}
    </section>
  `;
}

function renderBody(context: ThreadViewContext): TemplateResult {
  const { thread, localize } = context;
  if (thread.status === 'idle' || thread.status === 'loading') {
    return html`<div class="messages centered" part="status" role="status"><span class="spinner" aria-hidden="true"></span>${localize.term('chatLoadingMessages')}</div>`;
  }
  if (thread.status === 'error') {
    const notFound = thread.error?.code === 'chat-not-found' || thread.error?.code === 'chat-forbidden';
    return html`
      <div class="messages centered">
        <p part="status" class="error" role="alert">${chatErrorText(localize, thread.error)}</p>
        ${notFound
          ? html`<button part="close-button" @click=${context.onClose}>${localize.term('chatClose')}</button>`
          : html`<button part="retry-button" @click=${context.onReload}>${localize.term('commonRetry')}</button>`}
      </div>
    `;
  }

  // The virtualizer owns every child of the scroller, so the button sits beside it in a wrapper.
  return html`
    <div class="messages-frame">
      <div
        class="messages"
        part="messages"
        role="region"
        tabindex="0"
        aria-label=${localize.term('chatMessagesLabel')}
        @visibilityChanged=${context.onVisibilityChanged}
        @unpinned=${context.onUnpinned}
        @scroll=${context.onScroll}
        @load=${{ handleEvent: () => context.onContentLoad(), capture: true }}
      >
        ${virtualize({
          items: context.rows as ThreadRow[],
          keyFunction: (row: ThreadRow) => row.key,
          renderItem: (row: ThreadRow) => renderRow(context, row, () => renderTop(context)),
          scroller: true,
          layout: context.layout,
        })}
      </div>
      ${renderNewMessagesButton(context)}
    </div>
  `;
}

/** Renders the button that jumps to messages that arrived below while the user read older ones. */
function renderNewMessagesButton(context: ThreadViewContext): TemplateResult | typeof nothing {
  if (context.unseenCount <= 0) return nothing;
  return html`
    <button type="button" class="primary new-messages" part="new-messages-button" @click=${context.onJumpToNewest}>
      ${context.localize.term('chatNewMessages', context.unseenCount)}
    </button>
  `;
}

/** Renders the first row: older messages loading, failed, on request, or the start of the chat. */
function renderTop(context: ThreadViewContext): TemplateResult {
  const { thread, localize } = context;
  if (thread.loadingOlder) {
    return html`<p class="older" part="older-status" role="status"><span class="spinner" aria-hidden="true"></span>${localize.term('chatLoadingOlder')}</p>`;
  }
  if (thread.olderError !== undefined) {
    return html`
      <p class="older error" part="older-status" role="alert">
        ${localize.term('chatOlderFailed')} ${chatErrorText(localize, thread.olderError)}
        <button part="older-retry-button" @click=${context.onLoadOlder}>${localize.term('commonRetry')}</button>
      </p>
    `;
  }
  if (thread.hasOlderMessages) {
    return html`<p class="older"><button part="older-button" @click=${context.onLoadOlder}>${localize.term('chatShowOlder')}</button></p>`;
  }
  return html`<p class="older beginning" part="older-status">${thread.items.length === 0 ? localize.term('chatNoMessages') : localize.term('chatBeginning')}</p>`;
}

function renderUpdatesStatus(context: ThreadViewContext): TemplateResult | typeof nothing {
  const status = context.thread.pollStatus;
  if (status === undefined || !status.slowedDown || status.nextRunAt === undefined) return nothing;
  const seconds = Math.max(0, Math.ceil((status.nextRunAt - context.now) / 1000));
  // The countdown is hidden from screen readers, so the live region announces the state once, not every second.
  return html`
    <p class="updates-status" part="updates-status" role="status">
      <span>${context.localize.term('chatSlowedDown')}</span> <span aria-hidden="true">${context.localize.term('chatNextCheck', seconds)}</span>
    </p>
  `;
}
