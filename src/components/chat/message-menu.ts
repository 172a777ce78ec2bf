import type { ReactiveControllerHost } from 'lit';

import type { ThreadRow } from './thread-rows.js';

/** The element's parts the message menu works with. */
export interface MessageMenuHost {
  element: ReactiveControllerHost & HTMLElement;
  /** The virtualized messages container, when it is rendered. */
  scroller(): HTMLElement | null;
}

/**
 * The options menu of one message at a time: which row it belongs to, whether it opens upward,
 * and its keyboard use. Arrow keys, Home and End move between its items, Escape closes it and
 * returns focus to the message's options button, and Tab closes it.
 */
export class MessageMenu {
  /** Key of the row whose menu is open. */
  key: string | undefined;

  /** Whether the menu opens upward, from a message in the lower half of the thread. */
  up = false;

  readonly #host: MessageMenuHost;

  constructor(host: MessageMenuHost) {
    this.#host = host;
  }

  /** Opens the menu of a row (closing any other), or closes it when it is open, and focuses its first item. */
  toggle(row: ThreadRow & { kind: 'item' }, button: HTMLElement): void {
    // A menu opens upward from the lower half of the thread, so the scroller does not cut it off.
    const scroller = this.#host.scroller()?.getBoundingClientRect();
    const place = button.getBoundingClientRect();
    this.up = scroller !== undefined && place.top > scroller.top + scroller.height / 2;
    this.key = this.key === row.key ? undefined : row.key;
    this.#host.element.requestUpdate();
    if (this.key !== undefined) {
      void this.#host.element.updateComplete.then(() => this.#items()[0]?.focus());
    }
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      this.close(event.key === 'Escape');
      return;
    }

    const items = this.#items();
    const current = items.indexOf(event.target as HTMLElement);
    // The reactions row is mirrored in right-to-left text, so the arrow that points ahead is the left one.
    const rtl = (event.target as HTMLElement).matches(':dir(rtl)');
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      [rtl ? 'ArrowLeft' : 'ArrowRight']: current + 1,
      [rtl ? 'ArrowRight' : 'ArrowLeft']: current - 1,
      Home: 0,
      End: items.length - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    items[(next + items.length) % items.length]?.focus();
  }

  /** Closes the menu, and with `returnFocus` focuses the options button it belongs to. */
  close(returnFocus: boolean): void {
    const key = this.key;
    this.key = undefined;
    this.#host.element.requestUpdate();
    if (!returnFocus || key === undefined) return;
    void this.#host.element.updateComplete.then(() =>
      this.#host.element.shadowRoot?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"] [part~="message-options"]`)?.focus(),
    );
  }

  #items(): HTMLElement[] {
    return [...(this.#host.element.shadowRoot?.querySelectorAll<HTMLElement>('[part~="message-menu"] [role="menuitem"]') ?? [])];
  }
}
