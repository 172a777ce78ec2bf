// The script-tag entry: registers all four elements and exports the whole public API. Heavy
// parts (the calling SDK, the Graph client, DOMPurify) stay in chunks that load on first use.
import './components/sign-in/define.js';
import './components/call/define.js';
import './components/screen-share/define.js';
import './components/chat/define.js';

export * from './sign-in.js';
export { TeamsCall } from './components/call/teams-call.js';
export { TeamsScreenShare } from './components/screen-share/teams-screen-share.js';
export { TeamsChat } from './components/chat/teams-chat.js';
