/** Detail of `teams-screen-share-change`. */
export interface ScreenShareChangeDetail {
  /** True while this user shares their screen in the call. */
  sharing: boolean;
  /** Display name of the remote participant whose share is shown, or `undefined` when none is. */
  remoteSharer: string | undefined;
}

declare module '../shared/events.js' {
  interface TeamsEventMap {
    'teams-screen-share-change': ScreenShareChangeDetail;
  }
}
