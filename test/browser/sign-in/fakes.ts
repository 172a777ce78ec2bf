/**
 * Test doubles for the sign-in tests: an `AuthService` whose results each test sets, and a fake
 * MSAL client for the MSAL sign-in service.
 */
import { EventType, type AccountInfo, type AuthenticationResult, type EventCallbackFunction, type EventMessage } from '@azure/msal-browser';

import type { AuthService } from '../../../src/services/auth/auth-service.js';
import type { MsalClient } from '../../../src/services/auth/msal-auth-service.js';
import { setSessionServices } from '../../../src/services/session/registry.js';
import type { CommunicationTokenSource } from '../../../src/services/session/session.js';
import type { EntraToken, LoginMode, SessionAccount, SessionOptions } from '../../../src/services/session/types.js';

export const testClientId = '3c7d9e21-8a4b-4f0c-9d6e-5b2a1c0e7a11';

export const adele: SessionAccount = {
  name: 'Adele Vance',
  username: 'adele.vance@contoso.com',
  objectId: '0a1b2c3d-0001-4000-8000-00000000c0a1',
  tenantId: '6f1c5a0e-2b7d-4c39-9a51-3e8d2f40c001',
};

/** A promise with its resolve and reject functions. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** One call the element made on the service. */
export interface AuthCall {
  method: 'initialize' | 'signIn' | 'signOut' | 'acquireToken';
  mode?: LoginMode;
  /** `navigator.userActivation.isActive` at the call: true inside a user's click or key press. */
  userActivation?: boolean;
}

/** An `AuthService` that records calls and resolves or rejects as the test sets. */
export class FakeAuthService implements AuthService {
  account: SessionAccount | undefined;
  readonly calls: AuthCall[] = [];
  initializeAnswer: () => Promise<SessionAccount | undefined> = () => Promise.resolve(undefined);
  signInAnswer: (mode: LoginMode) => Promise<SessionAccount> = () => Promise.resolve(adele);
  signOutAnswer: () => Promise<void> = () => Promise.resolve();
  tokenAnswer: () => Promise<EntraToken> = () => Promise.resolve({ accessToken: 'entra-token', expiresOnTimestamp: Date.now() + 3_600_000 });

  async initialize(): Promise<SessionAccount | undefined> {
    this.calls.push({ method: 'initialize' });
    this.account = await this.initializeAnswer();
    return this.account;
  }

  async signIn(mode: LoginMode): Promise<SessionAccount> {
    this.calls.push({ method: 'signIn', mode, userActivation: navigator.userActivation.isActive });
    this.account = await this.signInAnswer(mode);
    return this.account;
  }

  async signOut(): Promise<void> {
    this.calls.push({ method: 'signOut' });
    await this.signOutAnswer();
    this.account = undefined;
  }

  acquireToken(): Promise<EntraToken> {
    this.calls.push({ method: 'acquireToken' });
    return this.tokenAnswer();
  }

  callsOf(method: AuthCall['method']): AuthCall[] {
    return this.calls.filter((call) => call.method === method);
  }
}

/** Returns a token source that never exchanges anything, because the sign-in tests need no tokens. */
export function fakeTokenSource(): CommunicationTokenSource {
  const getToken = () => Promise.resolve({ token: 'communication-token', expiresOnTimestamp: Date.now() + 3_600_000 });
  return Object.assign(new EventTarget(), {
    getToken,
    credential: { getToken, dispose: () => undefined },
    dispose: () => undefined,
  });
}

/**
 * Makes sessions created from now on use `auth`. Returns the options each session was
 * configured with, in order.
 */
export function installFakeAuth(auth: FakeAuthService): SessionOptions[] {
  const configured: SessionOptions[] = [];
  setSessionServices({
    createAuthService: (options) => {
      configured.push(options);
      return auth;
    },
    createTokenSource: () => fakeTokenSource(),
  });
  return configured;
}

/** Builds an MSAL account as `getAllAccounts` returns it. */
export function msalAccount(account: SessionAccount = adele): AccountInfo {
  return {
    homeAccountId: `${account.objectId}.${account.tenantId}`,
    environment: 'localhost',
    tenantId: account.tenantId,
    username: account.username,
    localAccountId: account.objectId,
    name: account.name,
    idTokenClaims: { oid: account.objectId, tid: account.tenantId },
  };
}

/** Builds an MSAL sign-in or token result for `account`. */
export function msalResult(account: AccountInfo = msalAccount(), accessToken = 'access-token'): AuthenticationResult {
  return {
    authority: 'https://localhost/organizations/v2.0',
    uniqueId: account.localAccountId,
    tenantId: account.tenantId,
    scopes: ['User.Read'],
    account,
    idToken: 'id-token',
    idTokenClaims: {},
    accessToken,
    fromCache: false,
    expiresOn: new Date(Date.now() + 3_600_000),
    tokenType: 'Bearer',
    correlationId: 'correlation',
  } as AuthenticationResult;
}

type LoginPopupRequest = Parameters<MsalClient['loginPopup']>[0];

/** A fake MSAL client that records calls and returns what the test sets. */
export class FakeMsalClient implements MsalClient {
  accounts: AccountInfo[] = [];
  activeAccount: AccountInfo | null = null;
  readonly popupRequests: LoginPopupRequest[] = [];
  readonly redirectRequests: unknown[] = [];
  readonly silentRequests: Array<{ scopes: string[]; forceRefresh?: boolean | undefined }> = [];
  readonly clearedAccounts: Array<AccountInfo | undefined> = [];
  redirectAnswer: () => Promise<AuthenticationResult | null> = () => Promise.resolve(null);
  popupAnswer: (request: LoginPopupRequest) => Promise<AuthenticationResult> = () => Promise.resolve(msalResult());
  silentAnswer: (request: { scopes: string[] }) => Promise<AuthenticationResult> = () => Promise.resolve(msalResult());
  #callbacks: EventCallbackFunction[] = [];

  initialize(): Promise<void> {
    return Promise.resolve();
  }

  handleRedirectPromise(): Promise<AuthenticationResult | null> {
    return this.redirectAnswer();
  }

  loginPopup(request?: LoginPopupRequest): Promise<AuthenticationResult> {
    this.popupRequests.push(request);
    return this.popupAnswer(request);
  }

  loginRedirect(request?: unknown): Promise<void> {
    this.redirectRequests.push(request);
    return Promise.resolve();
  }

  acquireTokenSilent(request: { scopes: string[]; forceRefresh?: boolean }): Promise<AuthenticationResult> {
    this.silentRequests.push(request);
    return this.silentAnswer(request);
  }

  getAllAccounts(): AccountInfo[] {
    return this.accounts;
  }

  getActiveAccount(): AccountInfo | null {
    return this.activeAccount;
  }

  setActiveAccount(account: AccountInfo | null): void {
    this.activeAccount = account;
  }

  clearCache(request?: { account?: AccountInfo | null }): Promise<void> {
    this.clearedAccounts.push(request?.account ?? undefined);
    return Promise.resolve();
  }

  addEventCallback(callback: EventCallbackFunction): string | null {
    this.#callbacks.push(callback);
    return String(this.#callbacks.length);
  }

  /** Emits MSAL's `POPUP_OPENED` event for `popup`. */
  openPopup(popup: Pick<Window, 'closed'>): void {
    const message = { eventType: EventType.POPUP_OPENED, payload: { popupWindow: popup }, error: null, timestamp: Date.now() };
    for (const callback of this.#callbacks) callback(message as unknown as EventMessage);
  }
}

/** Creates an in-memory `Storage` that stands in for sessionStorage. */
export function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}
