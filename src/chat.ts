// Registers <teams-sign-in> and <teams-chat>: the entry for pages that chat.
import './components/sign-in/define.js';
import './components/chat/define.js';

export * from './sign-in.js';
export { TeamsChat } from './components/chat/teams-chat.js';
