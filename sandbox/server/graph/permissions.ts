/**
 * Delegated permissions each emulated endpoint accepts, as Microsoft Graph v1.0 documents them
 * for its chat and user APIs. A token needs one scope of the list.
 *
 * NOTE: the scopes for editing a chat message and for marking a chat read were not confirmed in
 * Graph's documentation. The emulator accepts `Chat.ReadWrite` for them.
 */

/** List chats and read a chat's properties and members. */
export const readChatScopes = ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'];

/** Read a chat's messages. `Chat.ReadBasic` is not enough. */
export const readMessageScopes = ['Chat.Read', 'Chat.ReadWrite', 'ChatMessage.Read'];

/** Send a message in a chat. */
export const sendMessageScopes = ['ChatMessage.Send', 'Chat.ReadWrite'];

/** Edit or delete one's own message, rename a chat, mark a chat read or unread. */
export const writeChatScopes = ['Chat.ReadWrite'];

/** React to a message. */
export const reactionScopes = ['ChatMessage.Send', 'Chat.ReadWrite'];

/** Create a chat. */
export const createChatScopes = ['Chat.Create', 'Chat.ReadWrite'];

/** Read the signed-in user's own profile (`/me`, or `/users/{id}` with the caller's own id). */
export const readOwnProfileScopes = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];

/** Read another user's profile. `User.Read` covers only the signed-in user. */
export const readOtherUserScopes = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];

/** Read another user's profile photo. */
export const readOtherPhotoScopes = [...readOtherUserScopes, 'ProfilePhoto.Read.All'];
