import { expect } from '@open-wc/testing';

import { TeamsError, isTeamsError } from '../../src/services/errors.js';

describe('TeamsError', () => {
  it('keeps code, status and retryable', () => {
    const error = new TeamsError('exchange-throttled', 'Throttled.', { status: 429, retryable: true });
    expect(error.code).to.equal('exchange-throttled');
    expect(error.status).to.equal(429);
    expect(error.retryable).to.equal(true);
  });

  it('narrows by code', () => {
    const error = new TeamsError('popup-blocked', 'Blocked.');
    expect(isTeamsError(error, 'popup-blocked')).to.equal(true);
    expect(isTeamsError(error, 'user-cancelled')).to.equal(false);
    expect(isTeamsError(new Error('plain'))).to.equal(false);
  });
});
