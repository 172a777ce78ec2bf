// Type-only import: this file must not pull @azure/communication-common into the bundle.
import type { CommunicationGetTokenOptions, CommunicationTokenCredential } from '@azure/communication-common';

import { TeamsError } from '../errors.js';

/**
 * Wraps the session's credential for `createTeamsCallAgent` and keeps the last `TeamsError` its
 * `getToken` threw. The sandbox module reports such a failure as a network problem (490/4502), which
 * hides the real cause, such as a wrong exchange URL. The call agent's failure reports this error
 * instead.
 */
export class WatchedCredential implements CommunicationTokenCredential {
  readonly #inner: CommunicationTokenCredential;
  #lastError: TeamsError | undefined;

  constructor(inner: CommunicationTokenCredential) {
    this.#inner = inner;
  }

  /** The `TeamsError` of the last failed `getToken`; a later success clears it. */
  get lastError(): TeamsError | undefined {
    return this.#lastError;
  }

  async getToken(options?: CommunicationGetTokenOptions): Promise<Awaited<ReturnType<CommunicationTokenCredential['getToken']>>> {
    try {
      const token = await this.#inner.getToken(options);
      this.#lastError = undefined;
      return token;
    } catch (error) {
      if (error instanceof TeamsError) this.#lastError = error;
      throw error;
    }
  }

  dispose(): void {
    this.#inner.dispose();
  }
}
