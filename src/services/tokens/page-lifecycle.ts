/** Why the page may have missed timers: it became visible again, or the browser came back online. */
export type ResumeReason = 'visible' | 'online';

/**
 * Page events after which the token service rechecks its token. Browsers throttle or suspend
 * timers in hidden tabs and during system sleep, so a scheduled refresh can run late or not at all.
 */
export interface PageLifecycle {
  /** Calls `listener` on each resume and returns a function that removes the listener. */
  onResume(listener: (reason: ResumeReason) => void): () => void;
}

/** The targets `browserPageLifecycle` listens on; the page's `document` and `window` by default. */
export interface PageEventTargets {
  document: EventTarget & { readonly visibilityState: DocumentVisibilityState };
  window: EventTarget;
}

/** Creates a `PageLifecycle` from `visibilitychange` (to visible) on the document and `online` on the window. */
export function browserPageLifecycle(targets: PageEventTargets = { document, window }): PageLifecycle {
  return {
    onResume(listener) {
      const handleVisibilityChange = (): void => {
        if (targets.document.visibilityState === 'visible') listener('visible');
      };
      const handleOnline = (): void => listener('online');

      targets.document.addEventListener('visibilitychange', handleVisibilityChange);
      targets.window.addEventListener('online', handleOnline);

      return () => {
        targets.document.removeEventListener('visibilitychange', handleVisibilityChange);
        targets.window.removeEventListener('online', handleOnline);
      };
    },
  };
}
