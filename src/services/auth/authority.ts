import { defaultAuthorityHost } from '../session/defaults.js';
import type { SessionOptions } from '../session/types.js';

/**
 * Hosts of Microsoft's Entra ID clouds (public, US Government, China), whose endpoints MSAL has
 * built in. The list is the one MSAL 5 carries for its cloud discovery.
 */
const microsoftAuthorityHosts = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'login.microsoftonline.de',
]);

/** The authority MSAL signs in with, and the hosts it may trust without asking Microsoft. */
export interface ResolvedAuthority {
  /** Absolute authority URL, such as `https://login.microsoftonline.com/organizations`. */
  authority: string;
  /**
   * `knownAuthorities` for MSAL: the authority's host (with port) when it is not a Microsoft
   * cloud host. Without it MSAL first queries Microsoft's instance discovery endpoint whether the
   * host is an authority, which a local or private authority cannot pass.
   */
  knownAuthorities: string[];
}

/**
 * Resolves the authority of a session: `authority` (relative URLs resolve against `baseUri`), or
 * `https://login.microsoftonline.com/<tenantId>`, or the `organizations` authority, which accepts
 * work and school accounts of any tenant.
 */
export function resolveAuthority(options: Pick<SessionOptions, 'authority' | 'tenantId'>, baseUri: string): ResolvedAuthority {
  const tenant = options.tenantId?.trim() || 'organizations';
  const url = new URL(options.authority ?? `${defaultAuthorityHost}/${encodeURIComponent(tenant)}`, baseUri);
  const knownAuthorities = isMicrosoftAuthorityHost(url.hostname) ? [] : [url.host];
  return { authority: url.href.replace(/\/$/, ''), knownAuthorities };
}

/** True for Microsoft's own authority hosts, including the `<tenant>.ciamlogin.com` hosts of External ID. */
export function isMicrosoftAuthorityHost(hostname: string): boolean {
  const lower = hostname.toLowerCase();
  return microsoftAuthorityHosts.has(lower) || lower.endsWith('.ciamlogin.com');
}

/** Resolves the redirect URI: `redirectUri` against `baseUri`, else `redirect.html` beside the page. */
export function resolveRedirectUri(options: Pick<SessionOptions, 'redirectUri'>, baseUri: string): string {
  return new URL(options.redirectUri ?? 'redirect.html', baseUri).href;
}
