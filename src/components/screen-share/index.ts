// The public API of <teams-screen-share>. Importing this module registers nothing; import
// `define.js` to register the tag.
export { TeamsScreenShare } from './teams-screen-share.js';
export type { ScreenShareChangeDetail } from './screen-share.events.js';
export { screenShareMessages } from './screen-share.messages.js';
