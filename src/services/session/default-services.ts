import { createMsalAuthService } from '../auth/index.js';
import { CommunicationTokenService } from '../tokens/index.js';
import type { SessionServices } from './session.js';

/** The services a session runs on unless a test or host replaces them: MSAL and the exchange. */
export const defaultSessionServices: SessionServices = {
  createAuthService: (options) => createMsalAuthService(options),
  createTokenSource: (auth, options, account) =>
    new CommunicationTokenService({ entraTokenProvider: auth, exchange: options.exchange, account }),
};
