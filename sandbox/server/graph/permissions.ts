/**
 * Delegated permissions each emulated endpoint accepts, as Microsoft Graph v1.0 documents them
 * for its chat and user APIs. A token needs one scope of the list.
 */

/** List chats and read a chat's properties and members. */
export const readChatScopes = ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'];

/** Read a chat's messages. `Chat.ReadBasic` is not enough. */
export const readMessageScopes = ['Chat.Read', 'Chat.ReadWrite', 'ChatMessage.Read'];

/** Send a message in a chat. */
export const sendMessageScopes = ['ChatMessage.Send', 'Chat.ReadWrite'];

/** Read the signed-in user's own profile (`/me`, or `/users/{id}` with the caller's own id). */
export const readOwnProfileScopes = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];

/** Read another user's profile. `User.Read` covers only the signed-in user. */
export const readOtherUserScopes = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
