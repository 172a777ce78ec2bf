/** Logger for errors that the service handles without rethrowing. It is never given a token. */
export type CallingLogger = Pick<Console, 'warn'>;

export interface CallingServiceOptions {
  /** Defaults to `console`; `null` silences it. */
  logger?: CallingLogger | null;
  /** Replaces `fetch` for the Microsoft Graph requests (user lookup, group chat), for tests. */
  fetch?: typeof fetch;
  /** How long a reaction shows on its sender's tile, in milliseconds. Defaults to 3000. */
  reactionDurationMs?: number;
}

/** Media that `call`, `join` and `accept` send from the start. */
export interface MediaOptions {
  /** Sends the camera from the start. Defaults to false (audio only). */
  video?: boolean;
  /** Starts with the microphone muted. Defaults to false. */
  muted?: boolean;
}

/** Options of `hangUp`. */
export interface HangUpCallOptions {
  /** Ends the call for every participant; only a meeting's organizer may. */
  forEveryone?: boolean;
}
