import type { ChatThread } from '../../services/chat/chat-thread.js';
import type { ThreadRow } from './thread-rows.js';
import type { ThreadLayout } from './thread-view.js';

/**
 * Distance from the bottom, in pixels, within which the user counts as at the bottom: the thread
 * then follows new messages. A few pixels absorb rounding of fractional row heights and zoom.
 */
const followThresholdPx = 16;

/** The element's parts the thread's scrolling works with. */
export interface ThreadScrollHost {
  /** The virtualized messages container, when it is rendered. */
  scroller(): HTMLElement | null;
  thread(): ChatThread | undefined;
  /** The rows rendered for the thread's current items. */
  rows(): readonly ThreadRow[];
  /** Renders the element again, for a new pin or a change of the new-messages count. */
  requestUpdate(): void;
}

/**
 * The scroll position of a virtualized thread. It follows the newest message after opening, after
 * a send, and while the user is at the bottom; a user who scrolled up into history stays where
 * they are and gets a count of the messages that arrived below. It loads older messages when the
 * top comes into view and keeps the message the user was reading in place while they go in above it.
 *
 * The virtualizer places rows itself, so positions are set through its layout's `pin`, which holds
 * a row at the start or end of the view until the user scrolls. While a pin holds, scroll events
 * come from the virtualizer's own corrections (rows measured larger or smaller than estimated), and
 * their positions say nothing about where the user wants to be; only its `unpinned` event does.
 */
export class ThreadScroll {
  readonly #host: ThreadScrollHost;

  /** Whether the thread follows its newest message. */
  #follow = true;

  /** Whether the last layout set a pin that the user has not scrolled away from yet. */
  #pinned = false;

  /** A row to keep in place while older messages go in above it, with its distance from the top. */
  #anchor: { key: string; offset: number } | undefined;

  /** Index of the first row in view, from the virtualizer. */
  #firstVisibleRow = 0;

  /** Whether a load of older messages waits for the next frame. */
  #loadOlderRequested = false;

  /** The rows the thread was last pinned to the end of. */
  #pinnedRows: readonly ThreadRow[] | undefined;

  /** Messages from others that arrived below while the user was scrolled up. */
  #unseen = 0;

  constructor(host: ThreadScrollHost) {
    this.#host = host;
  }

  /** Returns the number of messages from others that arrived below the view since the user scrolled up. */
  get unseenCount(): number {
    return this.#unseen;
  }

  /** Follows the newest message from the next render on, as after opening a chat or sending. */
  followNewest(): void {
    this.#follow = true;
    this.#unseen = 0;
    // Pinned again even when the rows did not change, as after the user scrolled up and sent.
    this.#pinnedRows = undefined;
  }

  /**
   * Takes messages from others that polling or a push found. The thread follows them when the
   * user is at the bottom; otherwise they are counted for the "new messages" button.
   */
  noteReceived(count: number): void {
    if (this.#follow || count <= 0) return;
    this.#unseen += count;
    this.#host.requestUpdate();
  }

  /** Jumps to the newest message, as the "new messages" button does, and keeps focus in the thread. */
  jumpToNewest(): void {
    this.followNewest();
    this.#host.requestUpdate();
    // The button goes away under the keyboard focus, so focus moves to the messages it revealed.
    this.#host.scroller()?.focus({ preventScroll: true });
  }

  /** Takes the virtualizer's `visibilityChanged` event. */
  handleVisibilityChanged(event: Event): void {
    this.#firstVisibleRow = (event as Event & { first: number }).first;
    this.#loadOlderNearTop();
  }

  handleScroll(): void {
    // While pinned, the virtualizer moved the view itself; a scroll of the user's unpins first.
    if (!this.#pinned) this.#followIfAtBottom();
    this.#loadOlderNearTop();
  }

  /**
   * Takes the virtualizer's `unpinned` event: the user scrolled while a row was pinned. A user still
   * at the bottom keeps following; the pin is set again only for new rows or content, so that slow
   * scrolling up from the bottom is not pulled back.
   */
  handleUnpinned(): void {
    this.#pinned = false;
    this.#followIfAtBottom();
    this.#loadOlderNearTop();
  }

  /**
   * Takes a change in the size of rendered content, such as an inline image that loaded. A user
   * at the bottom whose pin a scroll released is kept at the bottom.
   */
  handleContentResize(): void {
    if (!this.#follow || this.#pinned) return;
    this.#pinnedRows = undefined;
    this.#host.requestUpdate();
  }

  #followIfAtBottom(): void {
    const scroller = this.#host.scroller();
    if (scroller === null) return;
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= followThresholdPx;
    this.#follow = atBottom;
    if (atBottom && this.#unseen > 0) {
      this.#unseen = 0;
      this.#host.requestUpdate();
    }
  }

  /**
   * Loads older messages when the top row or the first date separator is in view, unless the
   * thread follows its newest message (as right after opening, before the user scrolled).
   */
  #loadOlderNearTop(): void {
    const thread = this.#host.thread();
    if (this.#follow || this.#firstVisibleRow > 1 || thread === undefined) return;
    if (thread.hasOlderMessages && !thread.loadingOlder && thread.olderError === undefined) void this.loadOlder();
  }

  /**
   * Loads older messages, keeping the first message in view where it is while older rows go in
   * above it. The rows in view are measured one frame later, because a jump to the top renders them
   * only after the virtualizer reports the new range.
   */
  async loadOlder(): Promise<void> {
    const thread = this.#host.thread();
    if (thread === undefined || this.#loadOlderRequested) return;
    this.#loadOlderRequested = true;
    this.#follow = false;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.#loadOlderRequested = false;
    if (this.#host.thread() !== thread) return;

    const rows = this.#host.rows();
    const scroller = this.#host.scroller();
    const anchorRow = rows.slice(Math.max(1, this.#firstVisibleRow)).find((row) => row.kind === 'item');
    const element = anchorRow === undefined ? null : (scroller?.querySelector<HTMLElement>(`[data-key="${CSS.escape(anchorRow.key)}"]`) ?? null);
    this.#anchor =
      anchorRow !== undefined && element !== null && scroller !== null
        ? { key: anchorRow.key, offset: element.getBoundingClientRect().top - scroller.getBoundingClientRect().top }
        : undefined;
    thread.loadOlder().catch(() => undefined);
  }

  /**
   * Corrects the scroll position by the anchor row's old offset, once the virtualizer placed it.
   * Call it after each render; it does nothing until older messages went in.
   */
  async restoreAnchor(): Promise<void> {
    const anchor = this.#anchor;
    const thread = this.#host.thread();
    if (anchor === undefined || thread === undefined || thread.loadingOlder) return;
    this.#anchor = undefined;

    await new Promise((resolve) => requestAnimationFrame(resolve));
    const scroller = this.#host.scroller();
    const element = scroller?.querySelector<HTMLElement>(`[data-key="${CSS.escape(anchor.key)}"]`);
    if (scroller === null || element === null || element === undefined) return;
    const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    scroller.scrollTop += offset - anchor.offset;
  }

  /** Returns the virtualizer's layout for this render: where to pin the scroll position, if anywhere. */
  layout(rows: readonly ThreadRow[]): ThreadLayout {
    if (this.#anchor !== undefined && !this.#host.thread()?.loadingOlder) {
      const index = rows.findIndex((row) => row.key === this.#anchor!.key);
      if (index !== -1) {
        this.#pinned = true;
        return { pin: { index, block: 'start' } };
      }
    }
    // The pin stays in the layout until the user scrolls, so it is set again only for new rows. Set
    // on every render, an update that was already on its way could undo the user's scroll.
    if (this.#follow && rows !== this.#pinnedRows) {
      this.#pinnedRows = rows;
      this.#pinned = true;
      return { pin: { index: rows.length - 1, block: 'end' } };
    }
    return {};
  }
}
