/** Scopes of the Entra token exchanged for a Communication Services access token. */
export const communicationScopes = [
  'https://auth.msft.communication.azure.com/Teams.ManageCalls',
  'https://auth.msft.communication.azure.com/Teams.ManageChats',
];

/** Microsoft Graph scopes: read and send chat messages, read the profile, look up colleagues by name. */
export const defaultGraphScopes = ['User.Read', 'User.ReadBasic.All', 'Chat.ReadWrite'];

export const defaultGraphBaseUrl = 'https://graph.microsoft.com/';

export const defaultAuthorityHost = 'https://login.microsoftonline.com';
