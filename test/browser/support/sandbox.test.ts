import { expect } from '@open-wc/testing';

import { sandboxOrigin } from './sandbox.js';

describe('test sandbox', () => {
  it('answers on its origin', async () => {
    const response = await fetch(`${sandboxOrigin}/__sandbox/whoami`, { headers: { authorization: 'Bearer x' } });
    expect(response.status).to.equal(200);
    expect(((await response.json()) as { hasBearerToken: boolean }).hasBearerToken).to.equal(true);
  });
});
