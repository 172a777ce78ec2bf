import { callMessages } from '../components/call/call.messages.js';
import { chatMessages } from '../components/chat/chat.messages.js';
import { screenShareMessages } from '../components/screen-share/screen-share.messages.js';
import { commonMessages } from '../components/shared/common.messages.js';
import { signInMessages } from '../components/sign-in/sign-in.messages.js';

/** The English messages of every element: the source language and the fallback. */
export const en = {
  ...commonMessages,
  ...signInMessages,
  ...callMessages,
  ...screenShareMessages,
  ...chatMessages,
};

/** The keys and shapes every translation follows. */
export type Messages = typeof en;
