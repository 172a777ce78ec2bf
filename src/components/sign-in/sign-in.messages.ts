/** English messages of `<teams-sign-in>`; other locales translate these keys. */
export const signInMessages = {
  signInButton: 'Sign in',
  signOutButton: 'Sign out',
  signInProgress: 'Signing in…',
  signInRetry: 'Try again',
  signInOnThisPage: 'Sign in on this page',
  signInSignedInAs: (name: string) => `Signed in as ${name}`,
  signInSignedOut: 'Signed out',
  signInPopupBlocked: 'Your browser blocked the sign-in window. Try again, or sign in on this page instead.',
  signInExpired: 'Your sign-in has expired. Sign in again to continue.',
  signInNetworkError: 'Sign-in could not reach Microsoft. Check your connection and try again.',
  signInAlreadyInProgress: 'A sign-in is already in progress in another window. Finish it there, or try again.',
  signInFailed: 'Sign-in failed. Try again.',
  signInNotConfigured: 'Sign-in is not set up on this page.',
  signInConfigurationInvalid: 'Sign-in is not set up correctly on this page.',
  signInDetailsForAuthor: 'Details for the site owner:',
};
