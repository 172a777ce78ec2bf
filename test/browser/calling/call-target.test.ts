import { expect } from '@open-wc/testing';

import { parseCallTarget } from '../../../src/services/calling/call-target.js';
import { type LookupSession, resolveCallTarget } from '../../../src/services/calling/user-lookup.js';
import { isTeamsError } from '../../../src/services/errors.js';
import { sandboxClientId, sandboxOrigin } from '../support/sandbox.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { adele, FakeSession } from './fake-session.js';
import { rejectionOf } from '../support/rejection.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';

function errorCodeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return isTeamsError(error) ? error.code : `not a TeamsError: ${String(error)}`;
  }
  return undefined;
}

/** Returns a fetch that records requests and responds to each with `respond`. */
function stubFetch(respond: (url: string) => Response): typeof fetch & { requests: Array<{ url: string; authorization: string | null }> } {
  const requests: Array<{ url: string; authorization: string | null }> = [];
  const stub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    requests.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    return respond(url);
  };
  return Object.assign(stub, { requests });
}

describe('parseCallTarget', () => {
  it('parses an object id', () => {
    expect(parseCallTarget(diegoId)).to.deep.equal({ kind: 'object-id', objectId: diegoId });
  });

  it('lower-cases an object id', () => {
    expect(parseCallTarget(diegoId.toUpperCase())).to.deep.equal({ kind: 'object-id', objectId: diegoId });
  });

  it('parses a raw 8:orgid: id', () => {
    expect(parseCallTarget(`8:orgid:${diegoId}`)).to.deep.equal({ kind: 'object-id', objectId: diegoId });
  });

  it('parses a user principal name', () => {
    expect(parseCallTarget('  diego.siciliani@fabrikam.com ')).to.deep.equal({
      kind: 'user-principal-name',
      userPrincipalName: 'diego.siciliani@fabrikam.com',
    });
  });

  it('rejects blank input as missing', () => {
    expect(errorCodeOf(() => parseCallTarget('   '))).to.equal('call-target-missing');
  });

  it('rejects a bare name as invalid', () => {
    expect(errorCodeOf(() => parseCallTarget('Diego'))).to.equal('call-target-invalid');
  });

  it('rejects an address without a domain', () => {
    expect(errorCodeOf(() => parseCallTarget('diego@'))).to.equal('call-target-invalid');
  });

  it('rejects a truncated GUID', () => {
    expect(errorCodeOf(() => parseCallTarget(diegoId.slice(0, 30)))).to.equal('call-target-invalid');
  });

  it('names the value in the invalid message', () => {
    try {
      parseCallTarget('not a person');
    } catch (error) {
      expect((error as Error).message).to.contain('"not a person"');
    }
  });
});

describe('resolveCallTarget with a stub fetch', () => {
  it('uses an object id without a lookup', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => new Response('{}'));
    const target = await resolveCallTarget(session, diegoId, { fetch });
    expect(target.identifier).to.deep.equal({ microsoftTeamsUserId: diegoId });
    expect(fetch.requests.length).to.equal(0);
  });

  it('looks up a user principal name in Graph', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => Response.json({ id: diegoId, displayName: 'Diego Siciliani', userPrincipalName: 'diego.siciliani@fabrikam.com' }));
    const target = await resolveCallTarget(session, 'diego.siciliani@fabrikam.com', { fetch });
    expect(target.identifier).to.deep.equal({ microsoftTeamsUserId: diegoId });
    expect(target.displayName).to.equal('Diego Siciliani');
  });

  it('sends the Graph token to the users endpoint', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => Response.json({ id: diegoId }));
    await resolveCallTarget(session, 'diego.siciliani@fabrikam.com', { fetch });
    expect(fetch.requests[0]!.url).to.equal('https://localhost/graph/v1.0/users/diego.siciliani%40fabrikam.com?$select=id,displayName,userPrincipalName');
    expect(fetch.requests[0]!.authorization).to.equal('Bearer graph-token-for-tests');
  });

  it('reports an unknown person as not found', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => Response.json({ error: { code: 'Request_ResourceNotFound' } }, { status: 404 }));
    const error = await rejectionOf(resolveCallTarget(session, 'nobody@contoso.com', { fetch }));
    expect(isTeamsError(error, 'call-target-not-found')).to.equal(true);
    expect((error as Error).message).to.contain('nobody@contoso.com');
  });

  it('reports a refused lookup with the scope to add', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => new Response(null, { status: 403 }));
    const error = await rejectionOf(resolveCallTarget(session, 'diego.siciliani@fabrikam.com', { fetch }));
    expect(isTeamsError(error, 'call-target-lookup-forbidden')).to.equal(true);
    expect((error as Error).message).to.contain('User.ReadBasic.All');
  });

  it('marks a server error as retryable', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => new Response(null, { status: 503 }));
    const error = await rejectionOf(resolveCallTarget(session, 'diego.siciliani@fabrikam.com', { fetch }));
    expect(isTeamsError(error, 'call-target-lookup-failed')).to.equal(true);
    expect((error as { retryable: boolean }).retryable).to.equal(true);
  });

  it('reports a network failure as lookup failed', async () => {
    const session = new FakeSession().signInAs(adele);
    const failing = Object.assign(async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    }, {}) as typeof fetch;
    const error = await rejectionOf(resolveCallTarget(session, 'diego.siciliani@fabrikam.com', { fetch: failing }));
    expect(isTeamsError(error, 'call-target-lookup-failed')).to.equal(true);
  });

  it('rejects an answer without an id', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => Response.json({ displayName: 'No id' }));
    const error = await rejectionOf(resolveCallTarget(session, 'diego.siciliani@fabrikam.com', { fetch }));
    expect(isTeamsError(error, 'call-target-lookup-failed')).to.equal(true);
  });

  it('rejects calling yourself by address before any lookup', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => Response.json({ id: adele.objectId }));
    const error = await rejectionOf(resolveCallTarget(session, 'Adele.Vance@contoso.com', { fetch }));
    expect(isTeamsError(error, 'call-target-self')).to.equal(true);
    expect(fetch.requests.length).to.equal(0);
  });

  it('rejects calling yourself by object id', async () => {
    const session = new FakeSession().signInAs(adele);
    const error = await rejectionOf(resolveCallTarget(session, adele.objectId.toUpperCase()));
    expect(isTeamsError(error, 'call-target-self')).to.equal(true);
  });

  it('rejects calling yourself through a mail alias', async () => {
    const session = new FakeSession().signInAs(adele);
    const fetch = stubFetch(() => Response.json({ id: adele.objectId, displayName: 'Adele Vance' }));
    const error = await rejectionOf(resolveCallTarget(session, 'adele@contoso.com', { fetch }));
    expect(isTeamsError(error, 'call-target-self')).to.equal(true);
  });
});

describe('resolveCallTarget against the sandbox Graph', () => {
  const alex = { id: '0a1b2c3d-0002-4000-8000-00000000c0a2', userPrincipalName: 'alex.wilber@contoso.com' };

  /** Returns a lookup session for Adele whose Graph token has `scopes`. */
  function adeleWithScopes(scopes: string[]): LookupSession {
    return {
      account: adele,
      options: { clientId: sandboxClientId, exchange: 'unused', graphBaseUrl: `${sandboxOrigin}/graph/` },
      getGraphToken: async () => {
        const response = await fetch(`${sandboxOrigin}/__sandbox/entra-token`, {
          method: 'POST',
          body: JSON.stringify({ user: adele.username, resource: 'graph', scopes }),
        });
        return ((await response.json()) as { accessToken: string }).accessToken;
      },
    };
  }

  afterEach(() => {
    resetTestSessions();
  });

  it('resolves a colleague by user principal name', async () => {
    const target = await resolveCallTarget(adeleWithScopes(['User.ReadBasic.All']), alex.userPrincipalName);
    expect(target.identifier).to.deep.equal({ microsoftTeamsUserId: alex.id });
    expect(target.displayName).to.equal('Alex Wilber');
  });

  it('reports an unknown address as not found', async () => {
    const error = await rejectionOf(resolveCallTarget(adeleWithScopes(['User.ReadBasic.All']), 'nobody@contoso.com'));
    expect(isTeamsError(error, 'call-target-not-found')).to.equal(true);
  });

  it('does not find a user of another tenant', async () => {
    const error = await rejectionOf(resolveCallTarget(adeleWithScopes(['User.ReadBasic.All']), 'diego.siciliani@fabrikam.com'));
    expect(isTeamsError(error, 'call-target-not-found')).to.equal(true);
  });

  it('reports a token without User.ReadBasic.All as forbidden', async () => {
    const error = await rejectionOf(resolveCallTarget(adeleWithScopes(['User.Read', 'Chat.ReadWrite']), alex.userPrincipalName));
    expect(isTeamsError(error, 'call-target-lookup-forbidden')).to.equal(true);
  });

  it('resolves through a signed-in session', async () => {
    const session = await signInTestSession('adele.vance@contoso.com');
    const target = await resolveCallTarget(session, alex.userPrincipalName);
    expect(target.identifier).to.deep.equal({ microsoftTeamsUserId: alex.id });
  });
});
