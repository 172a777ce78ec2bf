import type { EntraTokenProvider, LoginMode, SessionAccount } from '../session/types.js';

/**
 * Signs the user in to Entra ID and acquires tokens. The MSAL implementation is the one the kit
 * ships; tests and hosts with their own sign-in may supply another.
 *
 * Failures are `TeamsError`s with these codes: `popup-blocked`, `user-cancelled`,
 * `interaction-in-progress`, `interaction-required`, `network-error`, `configuration-invalid`,
 * `sign-in-failed`.
 */
export interface AuthService extends EntraTokenProvider {
  /** The signed-in account, or `undefined`. */
  readonly account: SessionAccount | undefined;

  /**
   * Completes a redirect sign-in when the page returns from one, else restores a cached account
   * silently. Never shows a prompt. Resolves with the account, or `undefined` when signed out.
   */
  initialize(): Promise<SessionAccount | undefined>;

  /**
   * Signs in interactively. In `popup` mode it resolves with the account; in `redirect` mode the
   * page navigates away and the promise does not settle.
   */
  signIn(mode: LoginMode): Promise<SessionAccount>;

  /** Signs out of this app in this browser: clears the cached account and tokens. */
  signOut(): Promise<void>;
}
