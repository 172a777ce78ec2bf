/** English messages of the element; other locales translate these keys. */
export const chatMessages = {
  // Signed out and loading.
  chatSignInPrompt: 'Sign in to chat with your Teams contacts.',
  chatSigningIn: 'Signing in…',
  chatSignIn: 'Sign in',
  chatLoadingChats: 'Loading chats…',
  chatLoadingMessages: 'Loading messages…',
  chatLoadingOlder: 'Loading older messages…',

  // The chat list.
  chatListLabel: 'Chats',
  chatNoChats: 'You have no chats yet.',
  chatUntitled: 'Chat',
  chatSelectPrompt: 'Select a chat to read its messages.',

  // The thread. Control texts are also their accessible names.
  chatMessagesLabel: 'Messages',
  chatNoMessages: 'No messages yet.',
  chatShowOlder: 'Show older messages',
  chatYou: 'You',
  chatUnknownSender: 'Unknown sender',
  chatMessageDeleted: 'This message was deleted.',
  chatMembersAdded: (initiator: string, members: string) => `${initiator} added ${members}.`,
  chatMembersAddedBySomeone: (members: string) => `${members} joined the chat.`,
  chatEventOther: 'The chat was updated.',

  // Sending.
  chatComposerLabel: 'Type a message',
  chatSend: 'Send',
  chatSending: 'Sending…',
  chatSent: 'Sent',
  chatNotSent: 'Not sent.',

  // Announcements for screen readers.
  chatNewMessageFrom: (sender: string, text: string) => `New message from ${sender}: ${text}`,
  chatSendFailedAnnouncement: 'Your message was not sent.',

  // Errors.
  chatErrorSignIn: 'Your sign-in has expired. Sign in again to chat.',
  chatErrorForbidden: 'You do not have access to this chat.',
  chatErrorNotFound: 'This chat was not found.',
  chatErrorThrottled: 'Microsoft Teams is busy. Try again in a moment.',
  chatErrorUnavailable: 'Microsoft Teams did not respond. Try again.',
  chatErrorNetwork: 'Microsoft Teams could not be reached. Check your connection.',
  chatErrorTooLarge: 'The message is too long. Shorten it and try again.',
  chatErrorConfiguration: 'Chat is not set up on this page.',
};
