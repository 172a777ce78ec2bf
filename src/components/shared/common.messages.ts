/** English messages shared by several elements. */
export const commonMessages = {
  commonRetry: 'Retry',
  commonDismiss: 'Dismiss',
  commonLoading: 'Loading…',
  commonSignInRequired: 'Sign in to continue.',
  commonUnexpectedError: 'Something went wrong. Try again.',
};
