import { InteractionRequiredAuthError } from '@azure/msal-browser';

import { TeamsError } from '../errors.js';

/** The values an error message names, so that the page author can tell which attribute to fix. */
export interface SignInSettings {
  authority: string;
  clientId: string;
  redirectUri: string;
}

/** The fields of MSAL's `AuthError` that the mapping reads. */
interface MsalErrorFields {
  name?: string;
  errorCode?: string;
  errorMessage?: string;
  subError?: string;
}

const popupBlockedCodes = new Set(['popup_window_error', 'empty_window_error']);
const cancelledCodes = new Set(['user_cancelled', 'user_canceled']);
const networkCodes = new Set([
  'no_network_connectivity',
  'network_error',
  'post_request_failed',
  'get_request_failed',
  'failed_to_parse_response',
  'server_error',
  'temporarily_unavailable',
]);
const interactionRequiredCodes = new Set([
  'interaction_required',
  'consent_required',
  'login_required',
  'no_tokens_found',
  'refresh_token_expired',
  'bad_token',
  'ui_not_allowed',
  'invalid_grant',
  'no_account_error',
]);
const authorityCodes = new Set([
  'url_parse_error',
  'empty_url_error',
  'authority_uri_insecure',
  'untrusted_authority',
  'invalid_authority_metadata',
  'invalid_cloud_discovery_metadata',
  'issuer_validation_failed',
  'authority_mismatch',
  'endpoints_resolution_error',
  'openid_config_error',
  'invalid_tenant',
]);
const clientCodes = new Set(['unauthorized_client', 'invalid_client']);

/**
 * Turns an MSAL error into the `TeamsError` the session and elements understand. Messages name
 * the failing value and the `<teams-sign-in>` attribute that sets it; MSAL's own code stays in
 * the message for searching its documentation. MSAL's messages contain no tokens.
 */
export function toTeamsError(error: unknown, settings: SignInSettings): TeamsError {
  if (error instanceof TeamsError) return error;

  const fields: MsalErrorFields = typeof error === 'object' && error !== null ? (error as MsalErrorFields) : {};
  const code = fields.errorCode ?? '';
  const detail = firstLine(fields.errorMessage ?? (error instanceof Error ? error.message : String(error)));
  const options = { cause: error };

  if (popupBlockedCodes.has(code)) {
    return new TeamsError(
      'popup-blocked',
      `The browser blocked the sign-in popup (${code}). Sign in again from a click, allow pop-ups for this site, or set login-mode="redirect" on <teams-sign-in>.`,
      options,
    );
  }

  if (cancelledCodes.has(code) || (code === 'access_denied' && /AADSTS65004\b/.test(detail))) {
    return new TeamsError('user-cancelled', `The user cancelled the sign-in (${code}).`, options);
  }

  if (code === 'interaction_in_progress') {
    return new TeamsError(
      'interaction-in-progress',
      'Another sign-in is still in progress in this tab (interaction_in_progress). Finish or close it, then sign in again.',
      options,
    );
  }

  if (clientCodes.has(code) || /AADSTS700016\b/.test(detail)) {
    return new TeamsError(
      'configuration-invalid',
      `Entra ID does not know the client id "${settings.clientId}" at ${settings.authority} (${code}: ${detail}). Set client-id on <teams-sign-in> to the Application (client) ID of the app registration.`,
      options,
    );
  }

  if (/AADSTS50011\b/.test(detail) || code === 'redirect_uri_empty') {
    return new TeamsError(
      'configuration-invalid',
      `The redirect URI "${settings.redirectUri}" is not registered for the app (${code}: ${detail}). Add it to the app registration as a single-page application redirect URI, or set redirect-uri on <teams-sign-in>.`,
      options,
    );
  }

  if (networkCodes.has(code) || fields.name === 'NetworkError') {
    return new TeamsError(
      'network-error',
      `Entra ID at ${settings.authority} could not be reached (${code}: ${detail}). Check the network connection and try again.`,
      { ...options, retryable: true },
    );
  }

  if (authorityCodes.has(code)) {
    if (code === 'endpoints_resolution_error' && typeof navigator !== 'undefined' && !navigator.onLine) {
      return new TeamsError('network-error', `The browser is offline, so the authority ${settings.authority} could not be reached (${code}).`, {
        ...options,
        retryable: true,
      });
    }
    return new TeamsError(
      'configuration-invalid',
      `The authority "${settings.authority}" is not usable (${code}: ${detail}). Set authority on <teams-sign-in> to an https URL such as https://login.microsoftonline.com/<tenant id>, or set tenant-id.`,
      options,
    );
  }

  if (error instanceof InteractionRequiredAuthError || fields.name === 'InteractionRequiredAuthError' || interactionRequiredCodes.has(code)) {
    return new TeamsError('interaction-required', `The user must sign in again (${code}: ${detail}).`, options);
  }

  if (code === 'timed_out') {
    return new TeamsError(
      'sign-in-failed',
      `No sign-in response reached this page in time (${code}: ${detail}). Check that redirect-uri ("${settings.redirectUri}") is a page on this origin that runs the redirect bridge (redirect-bridge.js) and is a redirect URI of the app registration.`,
      { ...options, retryable: true },
    );
  }

  return new TeamsError('sign-in-failed', `Sign-in failed (${code || 'unknown error'}: ${detail}).`, options);
}

/** True for the error MSAL 5 raises when it finds an interaction entry of this app without a request. */
export function isStaleInteractionError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as MsalErrorFields).errorCode === 'no_token_request_cache_error';
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]!.trim();
}
