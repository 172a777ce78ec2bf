import type { SessionAccount, SessionStatus } from '../../services/session/types.js';

/** `detail` of `teams-sign-in-change`: the session's state after the change. */
export interface TeamsSignInChangeDetail {
  status: SessionStatus;
  account: SessionAccount | undefined;
}

declare module '../shared/events.js' {
  interface TeamsEventMap {
    'teams-sign-in-change': TeamsSignInChangeDetail;
    /** A sign-in or configuration failure: the `TeamsError`'s stable `code` and developer `message`. */
    'teams-error': { code: string; message: string };
  }
}
