/** English messages of the element; other locales translate these keys. */
export const screenShareMessages = {
  // Controls. Their text is also their accessible name.
  screenShareStart: 'Share screen',
  screenShareStop: 'Stop sharing',

  // Status, read out by screen readers as it changes.
  screenShareSignInPrompt: 'Sign in to share your screen.',
  screenShareNoCall: 'Start or join a call to share your screen.',
  screenShareSharing: 'You are sharing your screen.',
  screenShareRemote: (name: string) => `${name} is sharing their screen`,
  screenShareUnknownPerson: 'Someone',

  // The remote share view.
  screenShareViewLabel: (name: string) => `Screen shared by ${name}`,
  screenShareLoading: 'Loading the shared screen…',
  screenShareUnavailable: 'The shared screen could not be shown.',

  // Why sharing failed. Cancelling the browser's picker is not a failure and has no message.
  screenSharePermissionDenied: 'The browser blocked screen sharing. Allow it for this site in the browser’s site settings, then try again.',
  screenShareFailed: 'Screen sharing could not start. Try again.',
};
