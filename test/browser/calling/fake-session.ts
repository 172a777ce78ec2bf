/**
 * A session without sign-in, for calling service tests that switch accounts or sign out in one
 * step. Element tests use a real session signed in against the sandbox instead.
 */
import type { CommunicationTokenCredential } from '@azure/communication-common';

import type { TeamsError } from '../../../src/services/errors.js';
import type { CommunicationAccessToken, SessionAccount, SessionApi, SessionOptions, SessionStatus } from '../../../src/services/session/types.js';

export const adele: SessionAccount = {
  name: 'Adele Vance',
  username: 'adele.vance@contoso.com',
  objectId: '0a1b2c3d-0001-4000-8000-00000000c0a1',
  tenantId: '6f1c5a0e-2b7d-4c39-9a51-3e8d2f40c001',
};

export const diego: SessionAccount = {
  name: 'Diego Siciliani',
  username: 'diego.siciliani@fabrikam.com',
  objectId: '0a1b2c3d-0004-4000-8000-00000000fab4',
  tenantId: '9b2e7d14-5c80-4f6a-b3e2-7a1f0c95d002',
};

export class FakeSession extends EventTarget implements SessionApi {
  readonly name: string;
  status: SessionStatus = 'signed-out';
  account: SessionAccount | undefined;
  error: TeamsError | undefined;
  options: SessionOptions = { clientId: '3c7d9e21-8a4b-4f0c-9d6e-5b2a1c0e7a11', exchange: 'https://localhost/unused', graphBaseUrl: 'https://localhost/graph/' };
  graphTokenRequests = 0;

  constructor(name = 'fake') {
    super();
    this.name = name;
  }

  signInAs(account: SessionAccount): this {
    this.status = 'signed-in';
    this.account = account;
    this.dispatchEvent(new CustomEvent('change'));
    return this;
  }

  signOut(): void {
    this.status = 'signed-out';
    this.account = undefined;
    this.dispatchEvent(new CustomEvent('change'));
  }

  async getGraphToken(): Promise<string> {
    this.graphTokenRequests++;
    return 'graph-token-for-tests';
  }

  async getCommunicationToken(): Promise<CommunicationAccessToken> {
    return { token: 'communication-token-for-tests', expiresOnTimestamp: Date.now() + 3_600_000 };
  }

  getCommunicationCredential(): CommunicationTokenCredential {
    return { getToken: async () => this.getCommunicationToken(), dispose: () => undefined };
  }
}
