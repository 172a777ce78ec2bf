import type { CommunicationTokenCredential } from '@azure/communication-common';

import type { AuthService } from '../auth/auth-service.js';
import { TeamsError, isTeamsError } from '../errors.js';
import { defaultGraphScopes } from './defaults.js';
import type {
  CommunicationAccessToken,
  LoginMode,
  SessionAccount,
  SessionApi,
  SessionOptions,
  SessionStatus,
} from './types.js';
import { validateSessionOptions } from './validate.js';

/**
 * The token service as the session uses it. It fires `refresh-failed` events whose detail has
 * the `error`, so a background refresh that needs the user to sign in again reaches the session.
 */
export interface CommunicationTokenSource extends EventTarget {
  getToken(options?: { signal?: AbortSignal; forceRefresh?: boolean }): Promise<CommunicationAccessToken>;
  readonly credential: CommunicationTokenCredential;
  dispose(): void;
}

/** Builds the services a session runs on. The defaults use MSAL and the exchange client. */
export interface SessionServices {
  createAuthService(options: SessionOptions): AuthService;
  createTokenSource(auth: AuthService, options: SessionOptions, account: SessionAccount): CommunicationTokenSource;
}

/** Detail of a session's `change` event: the state after the change. */
export interface SessionChange {
  status: SessionStatus;
  account: SessionAccount | undefined;
  error: TeamsError | undefined;
}

/**
 * One identity on the page: its configuration, sign-in state, and the token services every
 * element shares. Fires `change` (a `CustomEvent<SessionChange>`) on each state change.
 */
export class Session extends EventTarget implements SessionApi {
  readonly name: string;
  readonly #services: SessionServices;
  #options: SessionOptions | undefined;
  #auth: AuthService | undefined;
  #tokens: CommunicationTokenSource | undefined;
  #status: SessionStatus = 'signed-out';
  #account: SessionAccount | undefined;
  #error: TeamsError | undefined;
  #ready: Promise<void> = Promise.resolve();
  #generation = 0;

  constructor(name: string, services: SessionServices) {
    super();
    this.name = name;
    this.#services = services;
  }

  get status(): SessionStatus {
    return this.#status;
  }

  get account(): SessionAccount | undefined {
    return this.#account;
  }

  get error(): TeamsError | undefined {
    return this.#error;
  }

  get options(): Readonly<SessionOptions> | undefined {
    return this.#options;
  }

  /** Resolves when the session has finished restoring its account after `configure`. */
  whenReady(): Promise<void> {
    return this.#ready;
  }

  /**
   * Applies options and restores a signed-in account silently (no prompt). Configuring again
   * with different options starts over; the same options again change nothing.
   */
  configure(options: SessionOptions): void {
    const validated = validateSessionOptions(options);
    if (this.#options !== undefined && sameOptions(this.#options, validated)) return;

    this.#disposeServices();
    this.#options = validated;
    const generation = ++this.#generation;
    const auth = this.#services.createAuthService(validated);
    this.#auth = auth;

    this.#setState({ status: 'signing-in', account: undefined, error: undefined });
    this.#ready = auth.initialize().then(
      (account) => {
        if (generation !== this.#generation) return;
        if (account) this.#signedIn(account);
        else this.#setState({ status: 'signed-out', account: undefined, error: undefined });
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#setState({ status: 'error', account: undefined, error: toTeamsError(error) });
      },
    );
  }

  /** Signs in interactively, by popup or redirect (the configured login mode by default). */
  async signIn(mode?: LoginMode): Promise<void> {
    const auth = this.#requireAuth();
    await this.#ready;
    const generation = this.#generation;
    this.#setState({ status: 'signing-in', account: this.#account, error: undefined });

    try {
      const account = await auth.signIn(mode ?? this.#options?.loginMode ?? 'popup');
      if (generation === this.#generation) this.#signedIn(account);
    } catch (error) {
      if (generation !== this.#generation) return;
      if (isTeamsError(error, 'user-cancelled')) {
        // Closing the popup is the user's choice, not an error to show.
        this.#setState({ status: 'signed-out', account: undefined, error: undefined });
      } else {
        this.#setState({ status: 'error', account: undefined, error: toTeamsError(error) });
      }
      throw error;
    }
  }

  /** Signs out: removes the account and every token of this session from memory and MSAL's cache. */
  async signOut(): Promise<void> {
    const auth = this.#requireAuth();
    this.#tokens?.dispose();
    this.#tokens = undefined;
    await auth.signOut();
    this.#setState({ status: 'signed-out', account: undefined, error: undefined });
  }

  async getGraphToken(): Promise<string> {
    const auth = this.#requireSignedIn();
    try {
      const token = await auth.acquireToken({ scopes: this.#options?.graphScopes ?? defaultGraphScopes });
      return token.accessToken;
    } catch (error) {
      this.#reportTokenFailure(error);
      throw error;
    }
  }

  async getCommunicationToken(): Promise<CommunicationAccessToken> {
    this.#requireSignedIn();
    try {
      return await this.#tokens!.getToken();
    } catch (error) {
      this.#reportTokenFailure(error);
      throw error;
    }
  }

  getCommunicationCredential(): CommunicationTokenCredential {
    this.#requireSignedIn();
    return this.#tokens!.credential;
  }

  #signedIn(account: SessionAccount): void {
    this.#tokens?.dispose();
    const tokens = this.#services.createTokenSource(this.#auth!, this.#options!, account);
    tokens.addEventListener('refresh-failed', (event) => {
      if (tokens === this.#tokens) this.#reportTokenFailure((event as CustomEvent<{ error: unknown }>).detail.error);
    });
    this.#tokens = tokens;
    this.#setState({ status: 'signed-in', account, error: undefined });
  }

  /** An expired sign-in moves the session to `error`, so the elements offer to sign in again. */
  #reportTokenFailure(error: unknown): void {
    if (isTeamsError(error, 'interaction-required')) {
      this.#setState({ status: 'error', account: this.#account, error });
    }
  }

  #requireAuth(): AuthService {
    if (this.#auth === undefined) {
      throw new TeamsError(
        'configuration-missing',
        `Session "${this.name}" is not configured. Add <teams-sign-in> with client-id and exchange-url, or call configureSession().`,
      );
    }
    return this.#auth;
  }

  #requireSignedIn(): AuthService {
    const auth = this.#requireAuth();
    if (this.#status !== 'signed-in' || this.#tokens === undefined) {
      throw new TeamsError('signed-out', `Session "${this.name}" is not signed in. Sign in first.`);
    }
    return auth;
  }

  #setState(change: SessionChange): void {
    this.#status = change.status;
    this.#account = change.account;
    this.#error = change.error;
    this.dispatchEvent(new CustomEvent<SessionChange>('change', { detail: change }));
  }

  #disposeServices(): void {
    this.#tokens?.dispose();
    this.#tokens = undefined;
    this.#auth = undefined;
  }
}

function toTeamsError(error: unknown): TeamsError {
  if (error instanceof TeamsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TeamsError('sign-in-failed', `Sign-in failed: ${message}`, { cause: error });
}

function sameOptions(left: SessionOptions, right: SessionOptions): boolean {
  const keys = new Set([...Object.keys(left), ...Object.keys(right)] as Array<keyof SessionOptions>);
  for (const key of keys) {
    const leftValue = left[key];
    const rightValue = right[key];
    if (Array.isArray(leftValue) && Array.isArray(rightValue)) {
      if (leftValue.join(' ') !== rightValue.join(' ')) return false;
    } else if (leftValue !== rightValue) {
      return false;
    }
  }
  return true;
}
