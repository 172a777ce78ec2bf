/** Scopes of the Entra token exchanged for a Communication Services access token. */
export const communicationScopes = [
  'https://auth.msft.communication.azure.com/Teams.ManageCalls',
  'https://auth.msft.communication.azure.com/Teams.ManageChats',
];

/** Microsoft Graph scopes of the chat element: read and send chat messages, read the profile. */
export const defaultGraphScopes = ['User.Read', 'Chat.ReadWrite'];

export const defaultGraphBaseUrl = 'https://graph.microsoft.com/';

export const defaultAuthorityHost = 'https://login.microsoftonline.com';
