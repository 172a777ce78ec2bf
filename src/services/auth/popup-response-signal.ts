/**
 * A signal from the redirect page to the page that opened the sign-in popup: "the response of
 * your sign-in has arrived". MSAL's redirect bridge sends the response on a channel that only
 * MSAL can name, then closes the popup. Without this signal the closing popup would look like
 * the user closing it.
 *
 * The sign-in service puts `teams-elements.<attempt id>` into the request's user state, which
 * Entra ID returns in `state` after MSAL's own part and a `|`. The kit's redirect page reads it and
 * posts the attempt id on a BroadcastChannel of the origin before the bridge runs.
 */
const channelName = 'teams-elements.sign-in-response';
const statePrefix = 'teams-elements.';
const userStateSeparator = '|';

/** Returns the user state of a sign-in attempt, for MSAL's `state` request parameter. */
export function attemptState(attemptId: string): string {
  return `${statePrefix}${attemptId}`;
}

/**
 * On the redirect page: announces the attempt whose response this page received. Reads `state`
 * from the fragment or the query, so call it before the bridge clears them. Does nothing for a
 * response without a kit attempt id.
 */
export function announcePopupResponse(location: Pick<Location, 'hash' | 'search'> = window.location): void {
  const state = new URLSearchParams(location.hash.slice(1)).get('state') ?? new URLSearchParams(location.search).get('state');
  const userState = state?.slice(state.indexOf(userStateSeparator) + 1) ?? '';
  if (state === null || !state.includes(userStateSeparator) || !userState.startsWith(statePrefix)) return;

  const channel = new BroadcastChannel(channelName);
  channel.postMessage({ attemptId: userState.slice(statePrefix.length) });
  channel.close();
}

/** On the opening page: calls `onResponse` when the response of `attemptId` reaches the redirect page. Returns a function that stops listening. */
export function listenForPopupResponse(attemptId: string, onResponse: () => void): () => void {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<{ attemptId?: unknown }>) => {
    if (event.data?.attemptId === attemptId) onResponse();
  };
  return () => channel.close();
}
