import type { CommunicationIdentifierKind } from '@azure/communication-common';

/**
 * Returns a stable string for an identifier, usable as a key: its raw id when the SDK gave one,
 * else the kind joined with the kind's id fields. Keys are for comparison only, not raw ids.
 */
export function identifierKey(identifier: CommunicationIdentifierKind | undefined): string {
  if (identifier === undefined) return 'unknown';
  if ('rawId' in identifier && identifier.rawId) return identifier.rawId;

  switch (identifier.kind) {
    case 'microsoftTeamsUser':
      // The raw id form of a Teams user in the public cloud, so both spellings give one key.
      return `8:orgid:${identifier.microsoftTeamsUserId}`;
    case 'communicationUser':
      return `communicationUser:${identifier.communicationUserId}`;
    case 'phoneNumber':
      return `phoneNumber:${identifier.phoneNumber}`;
    case 'microsoftTeamsApp':
      return `microsoftTeamsApp:${identifier.teamsAppId}`;
    case 'teamsExtensionUser':
      return `teamsExtensionUser:${identifier.tenantId}:${identifier.userId}`;
    case 'unknown':
      return `unknown:${identifier.id}`;
  }
}

/** Returns the Entra object id of a Teams user identifier, or `undefined` for other kinds. */
export function teamsUserObjectId(identifier: CommunicationIdentifierKind | undefined): string | undefined {
  return identifier?.kind === 'microsoftTeamsUser' ? identifier.microsoftTeamsUserId : undefined;
}
