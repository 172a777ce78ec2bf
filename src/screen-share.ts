// Registers <teams-sign-in> and <teams-screen-share>.
import './components/sign-in/define.js';
import './components/screen-share/define.js';

export * from './sign-in.js';
export { TeamsScreenShare } from './components/screen-share/teams-screen-share.js';
