import type { MicrosoftTeamsUserKind } from '@azure/communication-common';

import type { TeamsCallTarget } from '../../src/services/calling/port.js';
import { objectIdFromRawId, teamsUserRawId } from './protocol.js';

/** Returns the identifier the SDK reports for the Teams user with this raw id. */
export function teamsUserIdentifier(rawId: string): MicrosoftTeamsUserKind {
  return {
    kind: 'microsoftTeamsUser',
    microsoftTeamsUserId: objectIdFromRawId(rawId) ?? rawId,
    rawId,
    isAnonymous: false,
    cloud: 'public',
  };
}

/**
 * Returns the raw id of a call target. Only Teams users can be called in the sandbox, so a phone
 * number, a Teams app or an unknown identifier throws.
 */
export function rawIdOfTarget(target: TeamsCallTarget): string {
  if ('microsoftTeamsUserId' in target) {
    if (target.rawId !== undefined && target.rawId !== '') return target.rawId;
    return teamsUserRawId(target.microsoftTeamsUserId);
  }
  throw new TypeError(
    `The sandbox can only call Teams users ({ microsoftTeamsUserId }), not ${JSON.stringify(target)}.`,
  );
}
