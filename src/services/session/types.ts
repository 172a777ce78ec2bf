import type { CommunicationTokenCredential } from '@azure/communication-common';

import type { TeamsError } from '../errors.js';

/** Sign-in state of a session. Elements render from it. */
export type SessionStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'error';

/** How interactive sign-in runs: in a popup window or by navigating the page. */
export type LoginMode = 'popup' | 'redirect';

/** The signed-in Entra ID account, as the elements show it. */
export interface SessionAccount {
  /** Display name, for example "Adele Vance". */
  name: string;
  /** User principal name, for example "adele@contoso.com". */
  username: string;
  /** Entra object id (`oid`) of the user. */
  objectId: string;
  /** Entra tenant id (`tid`) of the user's home tenant. */
  tenantId: string;
}

/** A Communication Services access token, as the exchange endpoint returns it. */
export interface CommunicationAccessToken {
  token: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
}

/** What the exchange endpoint (or an exchange function) returns. */
export interface ExchangeResult {
  token: string;
  /** ISO 8601 expiry, as `@azure/communication-identity` returns it. */
  expiresOn: string;
}

/**
 * A host-provided exchange: receives the Entra token for the Communication Services resource and
 * returns a Communication Services access token. Throw a `TeamsError` to report a typed failure.
 */
export type ExchangeFunction = (
  entraToken: string,
  context: { account: SessionAccount; signal: AbortSignal },
) => Promise<ExchangeResult>;

/** An Entra access token as MSAL returns it, reduced to what the kit uses. */
export interface EntraToken {
  accessToken: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
}

/** The source of Entra access tokens. The MSAL sign-in service implements it; tests fake it. */
export interface EntraTokenProvider {
  /**
   * Acquires a token for one resource's scopes without user interaction. `forceRefresh` skips
   * MSAL's cache and redeems the refresh token. Rejects with `TeamsError` code
   * `interaction-required` when the user must sign in again.
   */
  acquireToken(request: { scopes: string[]; forceRefresh?: boolean }): Promise<EntraToken>;
}

/** Options of a session, from `<teams-sign-in>` attributes or `configureSession()`. */
export interface SessionOptions {
  /** Application (client) id of the Entra app registration. */
  clientId: string;
  /**
   * Full authority URL, for example `https://login.microsoftonline.com/organizations`. Takes
   * precedence over `tenantId`.
   */
  authority?: string;
  /** Tenant id or domain; becomes `https://login.microsoftonline.com/<tenantId>`. */
  tenantId?: string;
  /** The page that runs MSAL's redirect bridge. Defaults to `redirect.html` beside the page. */
  redirectUri?: string;
  /** Exchange endpoint URL, or a function that performs the exchange. */
  exchange: string | ExchangeFunction;
  /** Microsoft Graph base URL. Defaults to `https://graph.microsoft.com/`. */
  graphBaseUrl?: string;
  /** Interactive sign-in mode. Defaults to `popup`. */
  loginMode?: LoginMode;
  /**
   * URL of an ES module with the API of `@azure/communication-calling` (the sandbox serves one).
   * Defaults to the real SDK, loaded on the first call intent.
   */
  callingModule?: string;
  /** Scopes for Microsoft Graph chat. Defaults to the chat scopes the kit needs. */
  graphScopes?: string[];
}

/** The contract elements and services use; `Session` implements it. */
export interface SessionApi extends EventTarget {
  readonly name: string;
  readonly status: SessionStatus;
  readonly account: SessionAccount | undefined;
  readonly error: TeamsError | undefined;
  readonly options: Readonly<SessionOptions> | undefined;

  /** Entra token for Microsoft Graph, with the session's Graph scopes. */
  getGraphToken(): Promise<string>;

  /** Communication Services access token, exchanged and cached by the token service. */
  getCommunicationToken(): Promise<CommunicationAccessToken>;

  /** A credential for `createTeamsCallAgent`, backed by the token service. */
  getCommunicationCredential(): CommunicationTokenCredential;
}
