import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { CallingService } from '../../services/calling/calling-service.js';
import type { CallingState } from '../../services/calling/calling-state.js';
import { getCallingService } from '../../services/calling/registry.js';
import type { Session } from '../../services/session/session.js';

export interface CallingControllerOptions {
  /** Registers the host as a view of remote screen shares (see `CallingService.addScreenShareView`). */
  showsScreenShares?: boolean;
  /** Called after each change of the service's state, with the state before it. */
  onChange?: (previous: CallingState, next: CallingState) => void;
}

/**
 * Connects an element to the calling service of its session: renders it again on each change of
 * the service's state, and follows the element to another session when its `session` changes.
 * Connecting an element loads nothing; the service loads the SDK only on a call intent.
 */
export class CallingController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #getSession: () => Session;
  readonly #options: CallingControllerOptions;
  #service: CallingService | undefined;
  #unsubscribe: (() => void) | undefined;
  #removeScreenShareView: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, getSession: () => Session, options: CallingControllerOptions = {}) {
    this.#host = host;
    this.#getSession = getSession;
    this.#options = options;
    host.addController(this);
  }

  /** The calling service of the host's current session. */
  get service(): CallingService {
    this.#attach();
    return this.#service!;
  }

  /** The service's current state. */
  get state(): CallingState {
    return this.service.snapshot;
  }

  hostConnected(): void {
    this.#attach();
  }

  hostUpdate(): void {
    this.#attach();
  }

  hostDisconnected(): void {
    this.#detach();
  }

  #attach(): void {
    const service = getCallingService(this.#getSession());
    if (service === this.#service) return;

    this.#detach();
    this.#service = service;
    if (!this.#host.isConnected) return;

    let previous = service.snapshot;
    this.#unsubscribe = service.subscribe((next) => {
      const before = previous;
      previous = next;
      this.#host.requestUpdate();
      this.#options.onChange?.(before, next);
    });
    if (this.#options.showsScreenShares) this.#removeScreenShareView = service.addScreenShareView();
  }

  #detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#removeScreenShareView?.();
    this.#removeScreenShareView = undefined;
    this.#service = undefined;
  }
}
