import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { users } from '../../sandbox/server/directory.js';
import { sandboxUserLines } from '../../sandbox/server/user-list.js';

describe('the user list that npm start prints', () => {
  it('gives each user\'s name, address and object id on one line', () => {
    const lines = sandboxUserLines();
    for (const user of users) {
      const line = lines.find((candidate) => candidate.includes(user.userPrincipalName));
      assert.ok(line, `${user.userPrincipalName} is listed`);
      assert.match(line, new RegExp(`${user.displayName}\\s+${user.userPrincipalName.replaceAll('.', '\\.')}\\s+${user.id}$`));
    }
  });

  it('groups the users under their tenant', () => {
    const lines = sandboxUserLines();
    assert.equal(lines[0], '  Contoso');
    assert.ok(lines.includes('  Fabrikam'));
  });
});
