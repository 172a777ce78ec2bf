import { TeamsError } from '../errors.js';
import { CommunicationTokenService } from '../tokens/index.js';
import type { SessionServices } from './session.js';

/** The services a session runs on unless a test or host replaces them. */
export const defaultSessionServices: SessionServices = {
  // TODO: the MSAL sign-in service.
  createAuthService() {
    throw new TeamsError('configuration-invalid', 'Sign-in is not available in this build.');
  },
  createTokenSource: (auth, options, account) =>
    new CommunicationTokenService({ entraTokenProvider: auth, exchange: options.exchange, account }),
};
