import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { addSourceMessages } from '../../localization/localize.js';
import { TeamsError } from '../../services/errors.js';
import { configureSession } from '../../services/session/registry.js';
import type { LoginMode, SessionAccount, SessionStatus } from '../../services/session/types.js';
import { baseStyles } from '../shared/styles.js';
import { TeamsElement } from '../shared/teams-element.js';
import { errorMessageKey, isConfigurationError } from './sign-in-errors.js';
import type { TeamsSignInChangeDetail } from './sign-in.events.js';
import { sessionOptionsFromAttributes } from './sign-in-options.js';
import { signInMessages } from './sign-in.messages.js';
import { signInStyles } from './teams-sign-in.styles.js';

// The element's English strings join the source language only on pages that load the element.
addSourceMessages(signInMessages);

/** Properties that configure the session; a change to any of them configures it again. */
const configurationProperties = [
  'clientId',
  'tenantId',
  'authority',
  'exchangeUrl',
  'graphBaseUrl',
  'redirectUri',
  'loginMode',
  'callingModule',
  'session',
] as const;

/**
 * @tag teams-sign-in
 * @summary Signs the user in to Microsoft Entra ID and shows who is signed in.
 *
 * With `client-id` set, the element configures its session from its attributes. That is the
 * page's default session, or the one its `session` attribute names, and every other element of
 * the kit on the page then uses that sign-in. Without `client-id` it only shows and drives its
 * session, for a second sign-in button elsewhere on the page.
 *
 * @fires teams-sign-in-change - The session's status or account changed. `detail`: `{ status, account }`.
 * @fires teams-error - Sign-in failed, or the attributes are not a valid configuration. `detail`: `{ code, message }`.
 *
 * @slot signed-out-text - Text shown beside the Sign in button while signed out, such as why to sign in.
 *
 * @csspart base - The element's layout box.
 * @csspart sign-in-button - The Sign in button.
 * @csspart sign-out-button - The Sign out button.
 * @csspart account - The signed-in account's name and username.
 * @csspart account-name - The account's display name.
 * @csspart account-username - The account's username (user principal name).
 * @csspart progress - The "Signing in…" indicator.
 * @csspart message - The sentence that explains a failure.
 * @csspart detail - The developer message shown with a configuration error.
 * @csspart retry-button - The Try again button after a failure.
 * @csspart redirect-button - The Sign in on this page button after a blocked popup.
 *
 * @cssprop --teams-sign-in-gap - Space between the element's parts. Default 8px.
 * @cssprop --teams-color-brand - Background of the Sign in and Try again buttons.
 * @cssprop --teams-color-on-brand - Text on those buttons.
 * @cssprop --teams-color-text - Text color.
 * @cssprop --teams-color-text-muted - Color of the username and the progress text.
 * @cssprop --teams-color-danger - Color of failure sentences.
 * @cssprop --teams-font-family - Font.
 * @cssprop --teams-radius - Corner radius of the buttons.
 */
export class TeamsSignIn extends TeamsElement {
  static override styles = [baseStyles, signInStyles];

  /** A configuration the session rejected, from this element's attributes. */
  @state() private configurationError: TeamsError | undefined;

  /** A failure of a click that the session did not record, such as a missing configuration. */
  @state() private actionError: TeamsError | undefined;

  /** Text of the polite live region that announces status changes. */
  @state() private announcement = '';

  /** Application (client) ID of the Entra app registration. Setting it makes this element configure its session. */
  @property({ attribute: 'client-id' }) clientId = '';

  /** Tenant id or domain; the authority becomes `https://login.microsoftonline.com/<tenant-id>`. */
  @property({ attribute: 'tenant-id' }) tenantId: string | undefined;

  /** Authority URL; takes precedence over `tenant-id`. A relative URL resolves against the page. */
  @property() authority: string | undefined;

  /** URL of the token exchange endpoint. A relative URL resolves against the page. */
  @property({ attribute: 'exchange-url' }) exchangeUrl: string | undefined;

  /** Microsoft Graph base URL. Default `https://graph.microsoft.com/`. */
  @property({ attribute: 'graph-base-url' }) graphBaseUrl: string | undefined;

  /** The page that runs MSAL's redirect bridge. Default: `redirect.html` beside the page. */
  @property({ attribute: 'redirect-uri' }) redirectUri: string | undefined;

  /** `popup` (default) or `redirect`. */
  @property({ attribute: 'login-mode' }) loginMode: LoginMode | undefined;

  /** URL of an ES module with the calling SDK's API, for sandboxes. Default: the real SDK. */
  @property({ attribute: 'calling-module' }) callingModule: string | undefined;

  #lastChange: TeamsSignInChangeDetail | undefined;
  #lastReportedError: TeamsError | undefined;
  /** Set by a click: the next control to appear takes focus, because the clicked one goes away. */
  #focusNextControl = false;

  /** The session's sign-in status. */
  get status(): SessionStatus {
    return this.sessionController.value.status;
  }

  /** The signed-in account, or `undefined`. */
  get account(): SessionAccount | undefined {
    return this.sessionController.value.account;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sessionController.onChange = () => this.handleSessionChange();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configurationChanged = configurationProperties.some((name) => changed.has(name));
    if (configurationChanged && this.clientId.trim() !== '') this.#configure();
    if (changed.has('clientId') && this.clientId.trim() === '') this.configurationError = undefined;
  }

  protected override updated(): void {
    if (!this.#focusNextControl) return;
    const control = this.renderRoot.querySelector<HTMLButtonElement>('button[data-next-focus]');
    if (control === null) return;
    this.#focusNextControl = false;
    control.focus();
  }

  private handleSessionChange(): void {
    const session = this.sessionController.value;
    const change: TeamsSignInChangeDetail = { status: session.status, account: session.account };
    const previous = this.#lastChange;
    this.#lastChange = change;

    if (previous !== undefined && (previous.status !== change.status || previous.account?.objectId !== change.account?.objectId)) {
      this.actionError = undefined;
      this.announcement = this.#announcementFor(change);
      this.emit('teams-sign-in-change', change);
    }

    if (session.error !== undefined && session.error !== this.#lastReportedError) {
      this.#reportError(session.error);
    }
  }

  private handleSignInClick(): void {
    this.#focusNextControl = true;
    this.signIn().catch(() => undefined);
  }

  private handleRetryClick(): void {
    // A direct call inside the click, so the browser lets the popup open.
    this.#focusNextControl = true;
    this.signIn('popup').catch(() => undefined);
  }

  private handleRedirectClick(): void {
    this.signIn('redirect').catch(() => undefined);
  }

  private handleSignOutClick(): void {
    this.#focusNextControl = true;
    this.signOut().catch(() => undefined);
  }

  /**
   * Signs in with the session's login mode, or with `mode`. Resolves when signed in. In redirect
   * mode the page navigates away and the promise does not settle. Rejects with a `TeamsError`,
   * which the element also shows unless it is `user-cancelled`.
   */
  async signIn(mode?: LoginMode): Promise<void> {
    this.actionError = undefined;
    try {
      await this.sessionController.value.signIn(mode);
    } catch (error) {
      this.#showActionError(error);
      throw error;
    }
  }

  /** Signs out of this app in this browser by removing the account and its tokens. */
  async signOut(): Promise<void> {
    this.actionError = undefined;
    try {
      await this.sessionController.value.signOut();
    } catch (error) {
      this.#showActionError(error);
      throw error;
    }
  }

  #configure(): void {
    const options = sessionOptionsFromAttributes(this, document.baseURI);
    try {
      configureSession(options, this.session);
      this.configurationError = undefined;
    } catch (error) {
      const failure = asTeamsError(error);
      this.configurationError = failure;
      this.#reportError(failure);
    }
  }

  /** Shows a failure the session did not record itself (it reports its own through `change`). */
  #showActionError(error: unknown): void {
    const failure = asTeamsError(error);
    if (failure.code === 'user-cancelled' || failure === this.sessionController.value.error) return;
    this.actionError = failure;
    this.#reportError(failure);
  }

  #reportError(error: TeamsError): void {
    this.#lastReportedError = error;
    this.announcement = this.localize.term(errorMessageKey(error.code));
    if (isConfigurationError(error.code)) console.warn(`<teams-sign-in>: ${error.message}`);
    this.emit('teams-error', { code: error.code, message: error.message });
  }

  #announcementFor(change: TeamsSignInChangeDetail): string {
    if (change.status === 'signing-in') return this.localize.term('signInProgress');
    if (change.status === 'signed-in' && change.account) return this.localize.term('signInSignedInAs', change.account.name);
    if (change.status === 'signed-out') return this.localize.term('signInSignedOut');
    return '';
  }

  #renderSignedIn(account: SessionAccount): TemplateResult {
    return html`
      <span part="account" class="account">
        <span part="account-name" class="account-name">${account.name}</span>
        <span part="account-username" class="account-username">${account.username}</span>
      </span>
      <button part="sign-out-button" type="button" data-next-focus @click=${this.handleSignOutClick}>
        ${this.localize.term('signOutButton')}
      </button>
    `;
  }

  #renderSignedOut(): TemplateResult {
    return html`
      <slot name="signed-out-text"></slot>
      <button part="sign-in-button" class="primary" type="button" data-next-focus @click=${this.handleSignInClick}>
        ${this.localize.term('signInButton')}
      </button>
    `;
  }

  #renderProgress(): TemplateResult {
    return html`
      <span part="progress" class="progress">
        <span class="spinner" aria-hidden="true"></span>
        ${this.localize.term('signInProgress')}
      </span>
    `;
  }

  #renderProblem(error: TeamsError): TemplateResult {
    const configuration = isConfigurationError(error.code);
    return html`
      <div class="problem">
        <p part="message" class="message error">${this.localize.term(errorMessageKey(error.code))}</p>
        ${configuration
          ? html`<p part="detail" class="detail">${this.localize.term('signInDetailsForAuthor')} ${error.message}</p>`
          : nothing}
        <div class="actions">${configuration ? nothing : this.#renderRecovery(error)}</div>
      </div>
    `;
  }

  #renderRecovery(error: TeamsError): TemplateResult {
    if (error.code === 'interaction-required') return this.#renderSignedOut();

    const redirect =
      error.code === 'popup-blocked'
        ? html`<button part="redirect-button" type="button" @click=${this.handleRedirectClick}>
            ${this.localize.term('signInOnThisPage')}
          </button>`
        : nothing;
    return html`
      <button part="retry-button" class="primary" type="button" data-next-focus @click=${this.handleRetryClick}>
        ${this.localize.term('signInRetry')}
      </button>
      ${redirect}
    `;
  }

  #renderContent(): TemplateResult {
    const session = this.sessionController.value;
    const problem = this.configurationError ?? this.actionError;
    if (problem !== undefined) return this.#renderProblem(problem);

    switch (session.status) {
      case 'signing-in':
        return this.#renderProgress();
      case 'signed-in':
        return session.account ? this.#renderSignedIn(session.account) : this.#renderSignedOut();
      case 'error':
        return session.error ? this.#renderProblem(session.error) : this.#renderSignedOut();
      default:
        return this.#renderSignedOut();
    }
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="base">
        ${this.#renderContent()}
        <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>
      </div>
    `;
  }
}

function asTeamsError(error: unknown): TeamsError {
  if (error instanceof TeamsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TeamsError('sign-in-failed', `Sign-in failed: ${message}`, { cause: error });
}
