// The public API of <teams-call>. Importing this module registers nothing; import `define.js` to
// register the tag.
export { TeamsCall } from './teams-call.js';
export type { CallEndedDetail, CallStateChangeDetail, DeviceErrorDetail, IncomingCallDetail } from './call.events.js';
export { callMessages } from './call.messages.js';
