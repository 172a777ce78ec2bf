// Exchanges against the sandbox's real exchange endpoint (the server code in `server/`) and its
// emulated Communication Services identity API, over HTTPS on loopback.
import { expect } from '@open-wc/testing';

import type { EntraToken, EntraTokenProvider, SessionAccount } from '../../../src/services/session/types.js';
import { ExchangeClient } from '../../../src/services/tokens/exchange-client.js';
import { ExchangeError } from '../../../src/services/tokens/exchange-error.js';
import { CommunicationTokenService } from '../../../src/services/tokens/token-service.js';
import { sandboxOrigin } from '../support/sandbox.js';
import { rejectionOf } from '../support/rejection.js';

const exchangeUrl = `${sandboxOrigin}/api/token-exchange`;
const user = 'adele.vance@contoso.com';

interface MintedEntraToken {
  accessToken: string;
  user: { id: string; tenantId: string; displayName: string; userPrincipalName: string };
}

async function mintEntraToken(lifetimeSeconds?: number): Promise<MintedEntraToken> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/entra-token`, {
    method: 'POST',
    body: JSON.stringify(lifetimeSeconds === undefined ? { user } : { user, lifetimeSeconds }),
  });
  if (!response.ok) throw new Error(`Minting an Entra token for ${user} failed with ${response.status}.`);
  return (await response.json()) as MintedEntraToken;
}

function accountOf(minted: MintedEntraToken): SessionAccount {
  return {
    name: minted.user.displayName,
    username: minted.user.userPrincipalName,
    objectId: minted.user.id,
    tenantId: minted.user.tenantId,
  };
}

/** Reads the payload of a JWT without checking its signature. */
function readClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload)) as Record<string, unknown>;
}

function expiryOf(jwt: string): number {
  return (readClaims(jwt)['exp'] as number) * 1000;
}

async function armFault(name: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/faults/${name}`, { method: 'POST', body: JSON.stringify(fault) });
  if (!response.ok) throw new Error(`Arming the ${name} fault failed with ${response.status}.`);
}

describe('token exchange against the sandbox', () => {
  afterEach(async () => {
    await fetch(`${sandboxOrigin}/__sandbox/faults`, { method: 'DELETE' });
  });

  it('returns a Teams user token', async () => {
    const minted = await mintEntraToken();
    const client = new ExchangeClient({ exchange: exchangeUrl });

    const token = await client.exchange(minted.accessToken, { account: accountOf(minted) });
    const claims = readClaims(token.token);

    expect(claims['skypeid']).to.be.a('string');
    expect(claims['skypeid']).to.equal(`orgid:${minted.user.id}`);
    expect(token.expiresOnTimestamp).to.be.greaterThan(Date.now());
  });

  it('maps throttling to exchange-throttled', async () => {
    const minted = await mintEntraToken();
    const client = new ExchangeClient({ exchange: exchangeUrl });
    await armFault('identity', { status: 429, retryAfterSeconds: 2 });

    const error = (await rejectionOf(client.exchange(minted.accessToken, { account: accountOf(minted) }))) as ExchangeError;

    expect(error).to.be.instanceOf(ExchangeError);
    expect(error.code).to.equal('exchange-throttled');
    expect(error.status).to.equal(429);
    expect(error.retryAfterMs).to.equal(2_000);
    expect(error.message).to.contain(exchangeUrl);
    expect(error.message).to.not.contain(minted.accessToken);
  });

  it('maps a garbled token to exchange-unauthorized', async () => {
    const minted = await mintEntraToken();
    const client = new ExchangeClient({ exchange: exchangeUrl });

    const error = (await rejectionOf(client.exchange('not-a-jwt', { account: accountOf(minted) }))) as ExchangeError;

    expect(error.code).to.equal('exchange-unauthorized');
    expect(error.serverCode).to.equal('MalformedToken');
  });

  it('forces an Entra refresh for a short Entra token', async () => {
    // The provider returns 2-minute Entra tokens, forced or not. The service must request one
    // forced refresh and then exchange the short token anyway.
    const requests: Array<boolean | undefined> = [];
    const first = await mintEntraToken(120);
    const entraTokenProvider: EntraTokenProvider = {
      async acquireToken(request): Promise<EntraToken> {
        requests.push(request.forceRefresh);
        const { accessToken } = await mintEntraToken(120);
        return { accessToken, expiresOnTimestamp: expiryOf(accessToken) };
      },
    };
    const service = new CommunicationTokenService({
      entraTokenProvider,
      exchange: exchangeUrl,
      account: accountOf(first),
      pageLifecycle: null,
      logger: null,
    });

    try {
      const token = await service.getToken();

      expect(requests).to.deep.equal([undefined, true]);
      expect(token.expiresOnTimestamp).to.be.at.most(Date.now() + 120_000);
      expect(token.expiresOnTimestamp).to.be.greaterThan(Date.now());
    } finally {
      service.dispose();
    }
  });
});
