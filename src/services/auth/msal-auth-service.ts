import {
  EventType,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
  type PopupEvent,
} from '@azure/msal-browser';

import { TeamsError } from '../errors.js';
import { communicationScopes, defaultGraphScopes } from '../session/defaults.js';
import type { EntraToken, LoginMode, SessionAccount, SessionOptions } from '../session/types.js';
import { toSessionAccount } from './account.js';
import type { AuthService } from './auth-service.js';
import { clearInteractionStatus, readInteractionStatus } from './interaction-status.js';
import { createMsalConfiguration, type MsalSettings } from './msal-configuration.js';
import { isStaleInteractionError, toTeamsError, type SignInSettings } from './msal-errors.js';
import { attemptState, listenForPopupResponse } from './popup-response-signal.js';
import { watchForClosedPopup, type PopupWatchEnvironment } from './popup-watcher.js';
import { assertOneResource } from './resource-scopes.js';

/** The part of MSAL's `PublicClientApplication` the service uses; tests pass a fake. */
export type MsalClient = Pick<
  IPublicClientApplication,
  | 'initialize'
  | 'handleRedirectPromise'
  | 'loginPopup'
  | 'loginRedirect'
  | 'acquireTokenSilent'
  | 'getAllAccounts'
  | 'getActiveAccount'
  | 'setActiveAccount'
  | 'clearCache'
  | 'addEventCallback'
>;

/** Options of `MsalAuthService` beyond the session options. */
export interface MsalAuthServiceSettings extends MsalSettings {
  /** Builds the MSAL client. Default: `new PublicClientApplication(configuration)`. */
  createClient?: (configuration: Configuration) => MsalClient;
  /** Page focus and timers for detecting a closed popup. Default: this page's window. */
  popupWatchEnvironment?: PopupWatchEnvironment;
  /** sessionStorage of this tab, where MSAL marks interactions in progress. */
  storage?: Storage;
}

/**
 * Signs users in to Entra ID with MSAL browser 5 and acquires their access tokens.
 *
 * Sign-in requests the Microsoft Graph scopes and, as `extraScopesToConsent`, the Communication
 * Services scopes. So the user consents once, and the refresh token then redeems for either
 * resource. Every token request names one resource's scopes, because Entra ID issues one access
 * token per resource (AADSTS28000 otherwise).
 */
export class MsalAuthService implements AuthService {
  account: SessionAccount | undefined;

  readonly #client: MsalClient;
  readonly #settings: SignInSettings;
  readonly #graphScopes: string[];
  readonly #storage: Storage;
  readonly #popupWatchEnvironment: PopupWatchEnvironment | undefined;

  #msalAccount: AccountInfo | undefined;
  /** The popup sign-in in progress, until it settles or the user closes its window. */
  #popupSignIn: Promise<SessionAccount> | undefined;
  /** A popup sign-in whose window the user closed, while MSAL still waits for its response. */
  #abandonedPopup: Promise<AuthenticationResult> | undefined;
  /** The account of an abandoned popup that completed after all. */
  #lateAccount: AccountInfo | undefined;
  #onPopupOpened: ((popup: Window) => void) | undefined;

  constructor(options: SessionOptions, settings: MsalAuthServiceSettings = {}) {
    const configuration = createMsalConfiguration(options, settings);
    this.#settings = {
      authority: configuration.auth.authority!,
      clientId: configuration.auth.clientId,
      redirectUri: configuration.auth.redirectUri!,
    };
    this.#graphScopes = [...(options.graphScopes ?? defaultGraphScopes)];
    this.#storage = settings.storage ?? sessionStorage;
    this.#popupWatchEnvironment = settings.popupWatchEnvironment;

    try {
      this.#client = settings.createClient?.(configuration) ?? new PublicClientApplication(configuration);
    } catch (error) {
      throw this.#toTeamsError(error);
    }
    this.#client.addEventCallback((message) => {
      if (message.eventType === EventType.POPUP_OPENED) {
        this.#onPopupOpened?.((message.payload as PopupEvent).popupWindow);
      }
    });
  }

  /**
   * Completes a redirect sign-in, clears interaction state left by an earlier page, and restores
   * the cached account if a token for it can still be had without the user.
   */
  async initialize(): Promise<SessionAccount | undefined> {
    try {
      await this.#client.initialize();
    } catch (error) {
      throw this.#toTeamsError(error);
    }

    let redirectResult: AuthenticationResult | null = null;
    try {
      redirectResult = await this.#client.handleRedirectPromise();
    } catch (error) {
      // MSAL removes a stale popup's entry of this app, but then fails with
      // no_token_request_cache_error. A cancelled redirect sign-in leaves the user signed out.
      const failure = this.#toTeamsError(error);
      if (!isStaleInteractionError(error) && failure.code !== 'user-cancelled') throw failure;
    }

    // No sign-in of this page can be in progress yet, so an entry of this app is a leftover.
    clearInteractionStatus(this.#settings.clientId, this.#storage);

    if (redirectResult?.account) return this.#useAccount(redirectResult.account);

    const cached = this.#client.getActiveAccount() ?? this.#client.getAllAccounts()[0];
    if (cached === undefined) return undefined;

    try {
      await this.#client.acquireTokenSilent({ scopes: this.#graphScopes, account: cached });
    } catch (error) {
      // A restore never prompts: an account without tokens is signed out.
      if (this.#toTeamsError(error).code === 'interaction-required') await this.#client.clearCache({ account: cached });
      return undefined;
    }
    return this.#useAccount(cached);
  }

  /**
   * Signs in with a popup or by redirecting the page. In popup mode the popup opens before the
   * first `await`, so a call from a click handler opens it inside the user's gesture.
   */
  signIn(mode: LoginMode): Promise<SessionAccount> {
    return mode === 'redirect' ? this.#signInWithRedirect() : this.#signInWithPopup();
  }

  /** Removes the account and its tokens from this browser, without navigating to Entra ID. */
  async signOut(): Promise<void> {
    const account = this.#msalAccount;
    this.#lateAccount = undefined;
    this.#abandonedPopup = undefined;
    try {
      await this.#client.clearCache(account === undefined ? undefined : { account });
    } catch (error) {
      throw this.#toTeamsError(error);
    }
    this.#client.setActiveAccount(null);
    this.#msalAccount = undefined;
    this.account = undefined;
  }

  /** Acquires an access token for one resource's scopes from MSAL's cache or with the refresh token. */
  async acquireToken(request: { scopes: string[]; forceRefresh?: boolean }): Promise<EntraToken> {
    assertOneResource(request.scopes);
    const account = this.#msalAccount;
    if (account === undefined) {
      throw new TeamsError('interaction-required', 'No account is signed in, so no access token can be acquired. Sign in first.');
    }

    let result: AuthenticationResult;
    try {
      result = await this.#client.acquireTokenSilent({ scopes: request.scopes, account, forceRefresh: request.forceRefresh ?? false });
    } catch (error) {
      throw this.#toTeamsError(error);
    }

    if (!result.accessToken || result.expiresOn === null) {
      throw new TeamsError('sign-in-failed', `Entra ID returned no access token with an expiry for the scopes "${request.scopes.join(' ')}".`);
    }
    return { accessToken: result.accessToken, expiresOnTimestamp: result.expiresOn.getTime() };
  }

  #signInWithPopup(): Promise<SessionAccount> {
    // Nothing here may await before loginPopup, because the popup must open inside the user's gesture.
    const late = this.#lateAccount;
    if (late !== undefined) {
      this.#lateAccount = undefined;
      return Promise.resolve(this.#useAccount(late));
    }
    if (this.#popupSignIn !== undefined) {
      return Promise.reject(new TeamsError('interaction-in-progress', 'A sign-in popup is already open. Finish or close it first.'));
    }

    // MSAL's interaction entry of this app can only come from an abandoned popup or an earlier
    // page. Overriding it also stops MSAL waiting for the abandoned popup.
    const status = readInteractionStatus(this.#storage);
    const override = this.#abandonedPopup !== undefined || status?.clientId.toLowerCase() === this.#settings.clientId.toLowerCase();
    this.#abandonedPopup = undefined;

    // The attempt id travels in the request's state, so the redirect page can report that the
    // response arrived. After that, the popup closing itself is not the user cancelling.
    const attemptId = crypto.randomUUID();
    let login: Promise<AuthenticationResult>;
    try {
      login = this.#client.loginPopup({
        scopes: this.#graphScopes,
        extraScopesToConsent: communicationScopes,
        prompt: 'select_account',
        state: attemptState(attemptId),
        overrideInteractionInProgress: override,
      });
    } catch (error) {
      return Promise.reject(this.#toTeamsError(error));
    }

    const closed = new TeamsError('user-cancelled', 'The user closed the sign-in popup.');
    let stopWatching: () => void = () => undefined;
    const stopListening = listenForPopupResponse(attemptId, () => stopWatching());
    const closedByUser = new Promise<never>((_, reject) => {
      this.#onPopupOpened = (popup) => {
        stopWatching = watchForClosedPopup(popup, () => reject(closed), this.#popupWatchEnvironment);
      };
    });

    const signIn = Promise.race([login, closedByUser])
      .then(
        (result) => this.#useAccount(result.account),
        (error: unknown) => {
          if (error === closed) this.#abandon(login);
          throw this.#toTeamsError(error);
        },
      )
      .finally(() => {
        stopWatching();
        stopListening();
        this.#onPopupOpened = undefined;
        this.#popupSignIn = undefined;
      });
    this.#popupSignIn = signIn;
    return signIn;
  }

  /** Keeps listening to a popup the user seems to have closed, so a late response still signs in. */
  #abandon(login: Promise<AuthenticationResult>): void {
    this.#abandonedPopup = login;
    login.then(
      (result) => {
        if (this.#abandonedPopup !== login) return;
        this.#abandonedPopup = undefined;
        this.#lateAccount = result.account;
        this.#client.setActiveAccount(result.account);
      },
      () => {
        if (this.#abandonedPopup === login) this.#abandonedPopup = undefined;
      },
    );
  }

  async #signInWithRedirect(): Promise<SessionAccount> {
    if (this.#popupSignIn !== undefined) {
      throw new TeamsError('interaction-in-progress', 'A sign-in popup is already open. Finish or close it first.');
    }
    // loginRedirect cannot override MSAL's interaction entry, so remove a leftover of this app.
    this.#abandonedPopup = undefined;
    clearInteractionStatus(this.#settings.clientId, this.#storage);

    try {
      await this.#client.loginRedirect({
        scopes: this.#graphScopes,
        extraScopesToConsent: communicationScopes,
        prompt: 'select_account',
      });
    } catch (error) {
      throw this.#toTeamsError(error);
    }
    // The page is navigating to Entra ID. The sign-in completes in `initialize` on return.
    return new Promise<never>(() => undefined);
  }

  #useAccount(account: AccountInfo): SessionAccount {
    this.#client.setActiveAccount(account);
    this.#msalAccount = account;
    this.account = toSessionAccount(account);
    return this.account;
  }

  #toTeamsError(error: unknown): TeamsError {
    return toTeamsError(error, this.#settings);
  }
}
