import { tenants, users } from './directory.js';

/**
 * Returns the sandbox users as `npm start` prints them: each tenant, then one line per user with
 * the display name, the address and the object id. The object id is listed because a person of
 * another tenant can only be called by it.
 */
export function sandboxUserLines(): string[] {
  const lines: string[] = [];
  for (const tenant of tenants) {
    lines.push(`  ${tenant.displayName}`);
    for (const user of users.filter((candidate) => candidate.tenantId === tenant.id)) {
      lines.push(`    ${user.displayName.padEnd(18)} ${user.userPrincipalName.padEnd(30)} ${user.id}`);
    }
  }
  return lines;
}
