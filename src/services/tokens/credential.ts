// Type-only imports: this file must not pull @azure/communication-common into the bundle.
import type { CommunicationGetTokenOptions, CommunicationTokenCredential } from '@azure/communication-common';

import { TeamsError } from '../errors.js';
import type { CommunicationTokenService } from './token-service.js';

/** The `AccessToken` that `CommunicationTokenCredential.getToken` resolves to (from `@azure/core-auth`). */
type AccessToken = Awaited<ReturnType<CommunicationTokenCredential['getToken']>>;

/**
 * A `CommunicationTokenCredential` for the calling SDK that calls the token service for every token,
 * so a call agent receives each refreshed token without being recreated.
 *
 * It replaces `AzureCommunicationTokenCredential`, whose failed proactive refresh is an unhandled
 * promise rejection (in `@azure/communication-common` 2.5). The service owns refreshing and
 * retries, and this class only adapts its interface.
 */
export class TokenServiceCredential implements CommunicationTokenCredential {
  readonly #service: Pick<CommunicationTokenService, 'getToken'>;
  #disposed = false;

  constructor(service: Pick<CommunicationTokenService, 'getToken'>) {
    this.#service = service;
  }

  /** Returns the service's current token. Rejects after `dispose()` and when `abortSignal` aborts. */
  async getToken(options: CommunicationGetTokenOptions = {}): Promise<AccessToken> {
    if (this.#disposed) {
      throw new TeamsError(
        'credential-disposed',
        'This CommunicationTokenCredential was disposed. Create a new credential for a new call agent.',
      );
    }

    const signal = options.abortSignal === undefined ? undefined : toAbortSignal(options.abortSignal);
    const token = await this.#service.getToken(signal === undefined ? {} : { signal });
    return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
  }

  /**
   * Disposes this credential only: later `getToken` calls reject. The token service belongs to the
   * session and goes on serving other credentials and callers.
   */
  dispose(): void {
    this.#disposed = true;
  }
}

/** Converts the SDK's `AbortSignalLike`, which may be a polyfill, to a DOM `AbortSignal`. */
function toAbortSignal(signalLike: NonNullable<CommunicationGetTokenOptions['abortSignal']>): AbortSignal {
  if (signalLike instanceof AbortSignal) return signalLike;

  const controller = new AbortController();
  if (signalLike.aborted) {
    controller.abort();
  } else {
    signalLike.addEventListener('abort', () => controller.abort(), { once: true });
  }
  return controller.signal;
}
