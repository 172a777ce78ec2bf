import { BrowserCacheLocation, type Configuration } from '@azure/msal-browser';

import type { SessionOptions } from '../session/types.js';
import { resolveAuthority, resolveRedirectUri } from './authority.js';

/** Storage for MSAL's accounts and tokens. */
export type TokenCacheLocation = 'sessionStorage' | 'localStorage';

/** Settings of the MSAL sign-in service beyond the session options. */
export interface MsalSettings {
  /**
   * `sessionStorage` (default) keeps the account per tab, so a second window can sign in as
   * someone else and closing the tab drops the tokens. `localStorage` shares one sign-in across
   * the tabs of the origin and keeps its refresh token after the browser closes.
   */
  cacheLocation?: TokenCacheLocation;
  /** URL that relative `authority` and `redirectUri` values resolve against. Default: `document.baseURI`. */
  baseUri?: string;
}

/** Creates the MSAL configuration of a session. */
export function createMsalConfiguration(options: SessionOptions, settings: MsalSettings = {}): Configuration {
  const baseUri = settings.baseUri ?? document.baseURI;
  const { authority, knownAuthorities } = resolveAuthority(options, baseUri);

  return {
    auth: {
      clientId: options.clientId,
      authority,
      knownAuthorities,
      redirectUri: resolveRedirectUri(options, baseUri),
      // The kit signs out by clearing its cache and never navigates to Entra ID's logout page.
      postLogoutRedirectUri: null,
    },
    cache: {
      cacheLocation: settings.cacheLocation === 'localStorage' ? BrowserCacheLocation.LocalStorage : BrowserCacheLocation.SessionStorage,
    },
  };
}
