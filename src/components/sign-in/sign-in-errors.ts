import type { Messages } from '../../localization/en.js';

/** The message keys `<teams-sign-in>` shows for a `TeamsError` code. */
export type SignInErrorMessageKey =
  | 'signInPopupBlocked'
  | 'signInExpired'
  | 'signInNetworkError'
  | 'signInAlreadyInProgress'
  | 'signInFailed'
  | 'signInNotConfigured'
  | 'signInConfigurationInvalid';

const keysByCode: Record<string, SignInErrorMessageKey> = {
  'popup-blocked': 'signInPopupBlocked',
  'interaction-required': 'signInExpired',
  'network-error': 'signInNetworkError',
  'interaction-in-progress': 'signInAlreadyInProgress',
  'configuration-missing': 'signInNotConfigured',
  'configuration-invalid': 'signInConfigurationInvalid',
};

/** Returns the sentence key for an error code. Unknown codes get the generic failure sentence. */
export function errorMessageKey(code: string): SignInErrorMessageKey & keyof Messages {
  return keysByCode[code] ?? 'signInFailed';
}

/** True for errors the page author must fix: the element shows the developer message too. */
export function isConfigurationError(code: string): boolean {
  return code === 'configuration-missing' || code === 'configuration-invalid';
}
