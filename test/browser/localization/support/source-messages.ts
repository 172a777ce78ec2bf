/** The English source messages of every element, as the catalogs define them. */
import { callMessages } from '../../../../src/components/call/call.messages.js';
import { chatMessages } from '../../../../src/components/chat/chat.messages.js';
import { screenShareMessages } from '../../../../src/components/screen-share/screen-share.messages.js';
import { commonMessages } from '../../../../src/components/shared/common.messages.js';
import { signInMessages } from '../../../../src/components/sign-in/sign-in.messages.js';

export const sourceMessages = { ...commonMessages, ...signInMessages, ...callMessages, ...screenShareMessages, ...chatMessages };
