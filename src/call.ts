// Registers <teams-sign-in> and <teams-call>: the entry for pages that call. The calling SDK
// itself loads later, on the first call intent.
import './components/sign-in/define.js';
import './components/call/define.js';

export * from './sign-in.js';
export { TeamsCall } from './components/call/teams-call.js';
