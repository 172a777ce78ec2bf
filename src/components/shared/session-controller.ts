import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { getSession } from '../../services/session/registry.js';
import type { Session } from '../../services/session/session.js';

/** An element that names the session it uses. */
export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  /** Session name from the element's `session` attribute. */
  session: string;
}

/**
 * Connects an element to its named session: resolves the name on every update (so changing the
 * `session` attribute switches sessions) and renders the element again on each session change.
 */
export class SessionController implements ReactiveController {
  readonly #host: SessionHost;
  #session: Session | undefined;
  readonly #onChange = (): void => {
    this.#host.requestUpdate();
    this.onChange?.();
  };

  /** Called after each change of the session's state, and after switching sessions. */
  onChange: (() => void) | undefined;

  constructor(host: SessionHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The session in use; resolved from the host's `session` name. */
  get value(): Session {
    if (this.#session === undefined || this.#session.name !== this.#host.session) this.#attach();
    return this.#session!;
  }

  hostConnected(): void {
    this.#attach();
  }

  hostUpdate(): void {
    if (this.#session?.name !== this.#host.session) this.#attach();
  }

  hostDisconnected(): void {
    this.#session?.removeEventListener('change', this.#onChange);
    this.#session = undefined;
  }

  #attach(): void {
    const next = getSession(this.#host.session || undefined);
    if (next === this.#session) return;
    this.#session?.removeEventListener('change', this.#onChange);
    this.#session = next;
    if (this.#host.isConnected) next.addEventListener('change', this.#onChange);
    queueMicrotask(() => this.onChange?.());
  }
}
