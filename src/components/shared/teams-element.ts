import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

import { LocalizeController } from '../../localization/localize.js';
import { defaultSessionName } from '../../services/session/registry.js';
import { emit, type TeamsEventMap } from './events.js';
import { SessionController } from './session-controller.js';

/**
 * The base of every element: the session it uses, its localized strings, and typed events.
 *
 * @cssprop --teams-color-brand - Brand color of primary buttons and highlights. Defaults to #5b5fc7 (#7f85f5 in dark).
 * @cssprop --teams-color-brand-hover - Primary buttons under the pointer. Defaults to #4f52b2 (#9299f7 in dark).
 * @cssprop --teams-color-on-brand - Text on the brand color. Defaults to #ffffff (#1f1f1f in dark).
 * @cssprop --teams-color-surface - Background of the element. Defaults to #ffffff (#292929 in dark).
 * @cssprop --teams-color-surface-alt - Background of secondary areas such as lists and tiles. Defaults to #f5f5f5 (#1f1f1f in dark).
 * @cssprop --teams-color-text - Text color. Defaults to #242424 (#ffffff in dark).
 * @cssprop --teams-color-text-muted - Secondary text such as times and hints. Defaults to #616161 (#adadad in dark).
 * @cssprop --teams-color-border - Borders of controls and panels. Defaults to #d1d1d1 (#525252 in dark).
 * @cssprop --teams-color-danger - Fill of destructive buttons such as "Hang up". Defaults to #c4314b.
 * @cssprop --teams-color-danger-text - Error text on the surface. Defaults to #c4314b (#f1707b in dark).
 * @cssprop --teams-color-focus - Focus outlines. Defaults to #000000 (#ffffff in dark).
 * @cssprop --teams-radius - Corner radius of controls. Defaults to 4px.
 * @cssprop --teams-font-family - Font of the element. Defaults to Segoe UI, then the system font.
 * @cssprop --teams-font-size - Base font size. Defaults to 14px.
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
