// The public API of <teams-chat>. Importing this module registers nothing; import `define.js` to
// register the tag. The chat service is not re-exported here, because it brings the Graph client
// and DOMPurify: import it from `services/chat/index.js`.
export { TeamsChat } from './teams-chat.js';
export type {
  ChatCreateDetail,
  ChatErrorDetail,
  MessageActionFailedDetail,
  ChatOpenDetail,
  MessageFailedDetail,
  MessageReceiveDetail,
  MessageSendDetail,
  MessageSentDetail,
  ReceivedMessage,
} from './chat.events.js';
export { chatMessages } from './chat.messages.js';
