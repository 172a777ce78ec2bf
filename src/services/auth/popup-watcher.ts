/** How often `watchForClosedPopup` checks the popup, in milliseconds. */
export const popupCheckIntervalMs = 200;

/**
 * How long a closed popup may still deliver its response, in milliseconds. The redirect page
 * announces the response and then closes itself; the announcement can reach this page a moment
 * after the window reads as closed.
 */
export const popupCloseGraceMs = 300;

/** The page focus and timers that `watchForClosedPopup` uses. Tests pass fakes. */
export interface PopupWatchEnvironment {
  /** True while this page has focus: `document.hasFocus()`. */
  hasPageFocus(): boolean;
  /** The window whose timers run the checks and whose `focus` events trigger one. */
  window: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval' | 'setTimeout' | 'clearTimeout'>;
  intervalMs: number;
  closeGraceMs: number;
}

const browserEnvironment = (): PopupWatchEnvironment => ({
  hasPageFocus: () => document.hasFocus(),
  window,
  intervalMs: popupCheckIntervalMs,
  closeGraceMs: popupCloseGraceMs,
});

/**
 * Calls `onClosed` once the user has closed the sign-in popup. Returns a function that stops
 * watching; call it when the popup's response arrives.
 *
 * MSAL 5 does not notice a closed popup: it waits on a BroadcastChannel for the redirect bridge's
 * message until `popupBridgeTimeout` (60 s by default) and then fails with `timed_out`. So the
 * kit watches the window itself.
 *
 * `popup.closed` alone is not enough: when the popup reaches a page served with
 * `Cross-Origin-Opener-Policy` (Microsoft's sign-in pages send one), the browser moves it to
 * another browsing context group and this page's handle reads `closed === true` while the popup
 * is still open. So a closed handle counts only once this page has focus again, which happens
 * when the user closes the popup.
 *
 * NOTE: a user who switches back to this page while a severed popup is still open is taken to
 * have closed it. The sign-in service keeps listening for that popup's response, so finishing the
 * sign-in there still signs in (on the next `signIn` call or page load).
 */
export function watchForClosedPopup(
  popup: Pick<Window, 'closed'>,
  onClosed: () => void,
  environment: PopupWatchEnvironment = browserEnvironment(),
): () => void {
  const { window: target } = environment;
  let watching = true;
  let grace: number | undefined;

  const check = (): void => {
    if (!watching || grace !== undefined || !popup.closed || !environment.hasPageFocus()) return;
    grace = target.setTimeout(() => {
      if (!watching) return;
      stop();
      onClosed();
    }, environment.closeGraceMs);
  };

  const timer = target.setInterval(check, environment.intervalMs);
  target.addEventListener('focus', check);

  function stop(): void {
    watching = false;
    target.clearInterval(timer);
    target.clearTimeout(grace);
    target.removeEventListener('focus', check);
  }
  return stop;
}
