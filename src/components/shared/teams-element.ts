import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

import { LocalizeController } from '../../localization/localize.js';
import { defaultSessionName } from '../../services/session/registry.js';
import { emit, type TeamsEventMap } from './events.js';
import { SessionController } from './session-controller.js';

/**
 * The base of every element: the session it uses, its localized strings, and typed events.
 */
export class TeamsElement extends LitElement {
  /**
   * Name of the session this element uses. Elements with the same name share one sign-in; the
   * default suits pages with one identity.
   */
  @property({ reflect: true })
  session: string = defaultSessionName;

  /**
   * Color theme: `light` (the default), `dark`, or `auto` to follow the system setting. The
   * `--teams-color-*` custom properties override single colors in any theme.
   */
  @property({ reflect: true })
  theme: 'light' | 'dark' | 'auto' = 'light';

  protected readonly localize = new LocalizeController(this);

  protected readonly sessionController = new SessionController(this);

  /** Fires a typed `teams-` event from this element. */
  protected emit<K extends keyof TeamsEventMap>(type: K, detail: TeamsEventMap[K]): boolean {
    return emit(this, type, detail);
  }
}
