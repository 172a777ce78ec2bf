// Registers <teams-sign-in> and exports the session API: the entry for pages that only sign in.
import './components/sign-in/define.js';

export * from './services/session/index.js';
export { TeamsError, isTeamsError } from './services/errors.js';
export { registerTranslation, type Translation, type CompleteTranslation } from './localization/localize.js';
export { TeamsSignIn } from './components/sign-in/teams-sign-in.js';
