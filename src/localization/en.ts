import type { callMessages } from '../components/call/call.messages.js';
import type { chatMessages } from '../components/chat/chat.messages.js';
import type { screenShareMessages } from '../components/screen-share/screen-share.messages.js';
import type { commonMessages } from '../components/shared/common.messages.js';
import type { signInMessages } from '../components/sign-in/sign-in.messages.js';

/**
 * The keys and shapes of every element's messages, which every translation follows.
 *
 * Only the types are imported here: each element adds its English messages when its module loads
 * (`addSourceMessages`), so a page with `<teams-sign-in>` alone does not download the strings of
 * chat and calls.
 */
export type Messages = typeof commonMessages &
  typeof signInMessages &
  typeof callMessages &
  typeof screenShareMessages &
  typeof chatMessages;
