import { TeamsError } from '../errors.js';
import type { SessionServices } from './session.js';

// TODO: wire the MSAL auth service and the Communication Services token service.
export const defaultSessionServices: SessionServices = {
  createAuthService() {
    throw new TeamsError('configuration-invalid', 'Sign-in is not available in this build.');
  },
  createTokenSource() {
    throw new TeamsError('configuration-invalid', 'Token exchange is not available in this build.');
  },
};
