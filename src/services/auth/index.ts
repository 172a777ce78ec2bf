import type { SessionOptions } from '../session/types.js';
import type { AuthService } from './auth-service.js';
import { MsalAuthService, type MsalAuthServiceSettings } from './msal-auth-service.js';

export type { AuthService } from './auth-service.js';
export { MsalAuthService, type MsalAuthServiceSettings, type MsalClient } from './msal-auth-service.js';
export type { MsalSettings, TokenCacheLocation } from './msal-configuration.js';
export { resolveAuthority, resolveRedirectUri, isMicrosoftAuthorityHost, type ResolvedAuthority } from './authority.js';

/**
 * Creates the kit's sign-in service for a session: MSAL browser 5 with the session's authority,
 * client id and redirect URI, and a token cache in sessionStorage unless `settings` sets another.
 */
export function createMsalAuthService(options: SessionOptions, settings: MsalAuthServiceSettings = {}): AuthService {
  return new MsalAuthService(options, settings);
}
