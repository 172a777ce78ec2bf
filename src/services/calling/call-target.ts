import type { MicrosoftTeamsUserIdentifier } from '@azure/communication-common';

import { TeamsError } from '../errors.js';
import type { SessionAccount } from '../session/types.js';

/** The kind of call target a person typed, found before anything is sent. */
export type ParsedCallTarget =
  | { kind: 'object-id'; objectId: string }
  | { kind: 'user-principal-name'; userPrincipalName: string };

/** A Teams user to call, ready for `startCall`. */
export interface CallTarget {
  identifier: MicrosoftTeamsUserIdentifier;
  /** Display name from the directory, when the target was looked up there. */
  displayName?: string;
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The raw id form of a Teams user in the public cloud, as the SDK writes it: `8:orgid:<object id>`. */
const rawIdPrefix = '8:orgid:';

// Deliberately loose: the directory decides whether the name exists. This only rejects input
// that cannot be a user principal name (no `@`, blanks, nothing after the `@`).
const userPrincipalNamePattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Parses an Entra object id (a GUID, or `8:orgid:<GUID>`) or a user principal name / e-mail
 * address. Throws `TeamsError` code `call-target-missing` for blank input and
 * `call-target-invalid` for anything else.
 */
export function parseCallTarget(input: string): ParsedCallTarget {
  const value = input.trim();
  if (value === '') {
    throw new TeamsError('call-target-missing', 'No one to call: the call target is empty. Pass an e-mail address or an Entra object id.');
  }

  const withoutPrefix = value.toLowerCase().startsWith(rawIdPrefix) ? value.slice(rawIdPrefix.length) : value;
  if (guidPattern.test(withoutPrefix)) {
    return { kind: 'object-id', objectId: withoutPrefix.toLowerCase() };
  }

  if (userPrincipalNamePattern.test(value)) {
    return { kind: 'user-principal-name', userPrincipalName: value };
  }

  throw new TeamsError(
    'call-target-invalid',
    `"${value}" is neither an e-mail address nor an Entra object id. Pass a user principal name such as adele@contoso.com, or the user's object id.`,
  );
}

/** Throws `TeamsError` code `call-target-self` when the target is the signed-in account. */
export function rejectSelfCall(target: ParsedCallTarget | CallTarget, account: SessionAccount | undefined): void {
  if (account === undefined) return;

  const isSelf =
    'identifier' in target
      ? target.identifier.microsoftTeamsUserId.toLowerCase() === account.objectId.toLowerCase()
      : target.kind === 'object-id'
        ? target.objectId === account.objectId.toLowerCase()
        : target.userPrincipalName.toLowerCase() === account.username.toLowerCase();

  if (isSelf) {
    throw new TeamsError('call-target-self', `${account.username} cannot call their own account. Pass another person's address or object id.`);
  }
}
