import type { AccountInfo } from '@azure/msal-browser';

import type { SessionAccount } from '../session/types.js';

/**
 * Converts an MSAL account to the session's account. `localAccountId` is the user's object id (`oid`) in the
 * tenant that issued the id token; `tenantId` is that tenant (`tid`).
 */
export function toSessionAccount(account: AccountInfo): SessionAccount {
  const claims = account.idTokenClaims;
  return {
    name: account.name || account.username,
    username: account.username,
    objectId: typeof claims?.oid === 'string' ? claims.oid : account.localAccountId,
    tenantId: account.tenantId,
  };
}
