// The entry for pages that choose their own tag names (for example, to load two versions of the
// kit side by side): it registers nothing until `defineTeamsElements({ prefix })` is called.
export { defineTeamsElements, type DefineOptions } from './components/define-all.js';
export * from './services/session/index.js';
export { TeamsError, isTeamsError } from './services/errors.js';
export { registerTranslation, type Translation, type CompleteTranslation } from './localization/localize.js';
export { TeamsSignIn } from './components/sign-in/teams-sign-in.js';
export { TeamsCall } from './components/call/teams-call.js';
export { TeamsScreenShare } from './components/screen-share/teams-screen-share.js';
export { TeamsChat } from './components/chat/teams-chat.js';
