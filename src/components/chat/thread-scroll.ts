import type { ChatThread } from '../../services/chat/chat-thread.js';
import type { ThreadRow } from './thread-rows.js';
import type { ThreadLayout } from './thread-view.js';

/** Distance from the bottom, in pixels, within which the thread follows new messages. */
const followThresholdPx = 48;

/** The element's parts the thread's scrolling works with. */
export interface ThreadScrollHost {
  /** The virtualized messages container, when it is rendered. */
  scroller(): HTMLElement | null;
  thread(): ChatThread | undefined;
  /** The rows rendered for the thread's current items. */
  rows(): readonly ThreadRow[];
}

/**
 * The scroll position of a virtualized thread. It follows the newest message after opening, after
 * a send, and while the user is at the bottom. It loads older messages when the top comes into view
 * and keeps the message the user was reading in place while they go in above it.
 *
 * The virtualizer places rows itself, so positions are set through its layout's `pin`, which holds
 * a row at the start or end of the view until the user scrolls.
 */
export class ThreadScroll {
  readonly #host: ThreadScrollHost;

  /** Whether the thread follows its newest message. */
  #follow = true;

  /** A row to keep in place while older messages go in above it, with its distance from the top. */
  #anchor: { key: string; offset: number } | undefined;

  /** Index of the first row in view, from the virtualizer. */
  #firstVisibleRow = 0;

  /** Whether a load of older messages waits for the next frame. */
  #loadOlderRequested = false;

  /** The rows the thread was last pinned to the end of. */
  #pinnedRows: readonly ThreadRow[] | undefined;

  constructor(host: ThreadScrollHost) {
    this.#host = host;
  }

  /** Follows the newest message from the next render on, as after opening a chat or sending. */
  followNewest(): void {
    this.#follow = true;
  }

  /** Takes the virtualizer's `visibilityChanged` event. */
  handleVisibilityChanged(event: Event): void {
    this.#firstVisibleRow = (event as Event & { first: number }).first;
    this.#loadOlderNearTop();
  }

  handleScroll(): void {
    const scroller = this.#host.scroller();
    if (scroller === null) return;
    this.#follow = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < followThresholdPx;
    this.#loadOlderNearTop();
  }

  /** Takes the virtualizer's `unpinned` event: the user scrolled away from a pinned row. */
  handleUnpinned(): void {
    this.#follow = false;
    this.#loadOlderNearTop();
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
      if (index !== -1) return { pin: { index, block: 'start' } };
    }
    // The pin stays in the layout until the user scrolls, so it is set again only for new rows. Set
    // on every render, an update that was already on its way could undo the user's scroll.
    if (this.#follow && rows !== this.#pinnedRows) {
      this.#pinnedRows = rows;
      return { pin: { index: rows.length - 1, block: 'end' } };
    }
    return {};
  }
}
