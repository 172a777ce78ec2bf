import { expect } from '@open-wc/testing';

import { TeamsError, isTeamsError } from '../../../src/services/errors.js';
import type { ExchangeFunction } from '../../../src/services/session/types.js';
import { ExchangeClient } from '../../../src/services/tokens/exchange-client.js';
import { ExchangeError } from '../../../src/services/tokens/exchange-error.js';
import { FakeClock, hour, settle, testAccount } from './fakes.js';
import { rejectionOf } from '../support/rejection.js';

/** Looks like a JWT, so the redaction of JWT-shaped text is covered too. */
const entraToken = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJhZGVsZSIsInRpZCI6ImNvbnRvc28ifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
const endpoint = 'https://localhost:9/api/token-exchange';

interface RecordedRequest {
  url: string;
  init: RequestInit;
}

/** A `fetch` that records each request and returns the response of `respond`, without any network. */
function stubFetch(respond: (init: RequestInit) => Response | Promise<Response>): {
  fetch: typeof fetch;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    requests.push({ url: String(input), init: init ?? {} });
    return respond(init ?? {});
  };
  return { fetch: fetchStub as typeof fetch, requests };
}

function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}

describe('ExchangeClient', () => {
  let clock: FakeClock;
  let validResponseBody: { token: string; expiresOn: string };

  beforeEach(() => {
    clock = new FakeClock();
    validResponseBody = { token: 'communication-token', expiresOn: new Date(clock.now() + hour).toISOString() };
  });

  describe('with a URL', () => {
    it('posts the Entra token as a bearer token', async () => {
      const { fetch, requests } = stubFetch(() => Response.json(validResponseBody));
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      await client.exchange(entraToken, { account: testAccount });

      const init = requests[0]!.init;
      const headers = new Headers(init.headers);
      expect(requests.length).to.equal(1);
      expect(requests[0]!.url).to.equal(endpoint);
      expect(init.method).to.equal('POST');
      expect(headers.get('authorization')).to.equal(`Bearer ${entraToken}`);
      expect(headers.get('content-type')).to.equal('application/json');
      expect(init.body).to.equal('{}');
      expect(init.credentials).to.equal('omit');
      expect(init.signal).to.be.instanceOf(AbortSignal);
    });

    it('returns the token and its expiry', async () => {
      const { fetch } = stubFetch(() => Response.json(validResponseBody));
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      const token = await client.exchange(entraToken, { account: testAccount });

      expect(token.token).to.equal('communication-token');
      expect(token.expiresOnTimestamp).to.equal(clock.now() + hour);
    });

    it('resolves a relative URL against the page', async () => {
      const { fetch, requests } = stubFetch(() => Response.json(validResponseBody));
      const client = new ExchangeClient({ exchange: '/api/token-exchange', clock, fetch });

      await client.exchange(entraToken, { account: testAccount });

      expect(requests[0]!.url).to.equal(`${location.origin}/api/token-exchange`);
    });

    it('rejects a URL that is not http or https', () => {
      expect(() => new ExchangeClient({ exchange: 'ftp://localhost/exchange' })).to.throw(TeamsError, /must use https/);
    });

    it('rejects a malformed URL', () => {
      let error: unknown;
      try {
        new ExchangeClient({ exchange: 'https://[not-a-host' });
      } catch (caught) {
        error = caught;
      }
      expect(isTeamsError(error, 'invalid-exchange-url')).to.equal(true);
    });
  });

  describe('HTTP errors', () => {
    const cases = [
      { status: 401, serverCode: 'TokenExpired', code: 'exchange-unauthorized', retryable: false },
      { status: 403, serverCode: 'TenantNotAllowed', code: 'exchange-forbidden', retryable: false },
      { status: 429, serverCode: 'TooManyRequests', code: 'exchange-throttled', retryable: true },
      { status: 500, serverCode: 'InternalError', code: 'exchange-unavailable', retryable: true },
      { status: 502, serverCode: 'IdentityServiceError', code: 'exchange-unavailable', retryable: true },
      { status: 503, serverCode: 'Unavailable', code: 'exchange-unavailable', retryable: true },
      { status: 504, serverCode: 'IdentityServiceUnavailable', code: 'exchange-unavailable', retryable: true },
      { status: 400, serverCode: 'InvalidBody', code: 'exchange-failed', retryable: false },
      { status: 404, serverCode: 'NotFound', code: 'exchange-failed', retryable: false },
    ];

    for (const { status, serverCode, code, retryable } of cases) {
      it(`maps ${status} to ${code}`, async () => {
        // The server's message echoes the token, which the client must redact.
        const { fetch } = stubFetch(() => errorResponse(status, serverCode, `Rejected token ${entraToken}.`));
        const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

        const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

        expect(error).to.be.instanceOf(ExchangeError);
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(status);
        expect(error.retryable).to.equal(retryable);
        expect(error.serverCode).to.equal(serverCode);
        expect(error.message).to.contain(endpoint);
        expect(error.message).to.contain(`${status} ${serverCode}`);
        expect(error.message).to.not.contain(entraToken);
      });
    }

    it('reads Retry-After in seconds', async () => {
      const { fetch } = stubFetch(() => errorResponse(429, 'TooManyRequests', 'Slow down.', { 'retry-after': '2' }));
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(error.retryAfterMs).to.equal(2_000);
      expect(error.message).to.contain('Try again in 2 s');
    });

    it('reads Retry-After as an HTTP date', async () => {
      const retryAt = new Date(clock.now() + 90_000).toUTCString();
      const { fetch } = stubFetch(() => errorResponse(429, 'TooManyRequests', 'Slow down.', { 'retry-after': retryAt }));
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(error.retryAfterMs).to.equal(90_000);
    });

    it('maps an error page without JSON', async () => {
      const { fetch } = stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(error.code).to.equal('exchange-unavailable');
      expect(error.serverCode).to.equal(undefined);
      expect(error.message).to.contain('responded 502');
    });

    it('leaves the query string out of messages', async () => {
      const { fetch } = stubFetch(() => errorResponse(500, 'InternalError', 'Failed.'));
      const client = new ExchangeClient({ exchange: `${endpoint}?code=function-key-secret`, clock, fetch });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(error.message).to.contain(endpoint);
      expect(error.message).to.not.contain('function-key-secret');
    });

    it('maps a network failure to exchange-unavailable', async () => {
      const { fetch } = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(error.code).to.equal('exchange-unavailable');
      expect(error.retryable).to.equal(true);
      expect(error.message).to.contain(endpoint);
      expect(error.message).to.contain('CORS');
    });

    it('maps a redirect to exchange-failed', async () => {
      const redirect = { type: 'opaqueredirect', ok: false, status: 0, headers: new Headers() } as Response;
      const { fetch, requests } = stubFetch(() => redirect);
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(requests[0]!.init.redirect).to.equal('manual');
      expect(error.code).to.equal('exchange-failed');
      expect(error.message).to.contain('redirect');
    });
  });

  describe('timeouts and cancellation', () => {
    /** A fetch that never responds, and rejects with the signal's reason on abort like the real one. */
    function hangingFetch(): typeof fetch {
      return stubFetch(
        (init) =>
          new Promise<Response>((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
          }),
      ).fetch;
    }

    it('times out a request that hangs', async () => {
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch: hangingFetch(), timeoutMs: 10_000 });

      const pending = rejectionOf(client.exchange(entraToken, { account: testAccount }));
      await clock.advance(10_000);
      const error = (await pending) as ExchangeError;

      expect(error.code).to.equal('exchange-unavailable');
      expect(error.retryable).to.equal(true);
      expect(error.message).to.contain('timed out: no response within 10 s');
      expect(error.message).to.contain(endpoint);
    });

    it('rejects with the reason of an aborted signal', async () => {
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch: hangingFetch() });
      const controller = new AbortController();

      const pending = rejectionOf(client.exchange(entraToken, { account: testAccount, signal: controller.signal }));
      await settle();
      controller.abort(new DOMException('Left the page.', 'AbortError'));
      const error = (await pending) as DOMException;

      expect(error.name).to.equal('AbortError');
      expect(error.message).to.equal('Left the page.');
    });

    it('clears its timer after a response', async () => {
      const { fetch } = stubFetch(() => Response.json(validResponseBody));
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      await client.exchange(entraToken, { account: testAccount });

      expect(clock.pendingDueTimes).to.deep.equal([]);
    });
  });

  describe('invalid responses', () => {
    const past = new Date(Date.parse('2025-03-01T09:00:00.000Z') - 1_000).toISOString();
    const cases: Array<{ name: string; body: unknown; problem: string }> = [
      { name: 'an empty object', body: {}, problem: 'token is missing' },
      { name: 'null', body: null, problem: 'expected a JSON object' },
      { name: 'an empty token', body: { token: '', expiresOn: '2025-03-01T10:00:00Z' }, problem: 'token is missing' },
      { name: 'a numeric token', body: { token: 42, expiresOn: '2025-03-01T10:00:00Z' }, problem: 'token is missing' },
      { name: 'no expiry', body: { token: 'communication-token' }, problem: 'expiresOn is missing' },
      { name: 'a bad date', body: { token: 'communication-token', expiresOn: 'tomorrow' }, problem: 'not an ISO 8601 date' },
      { name: 'an impossible date', body: { token: 'communication-token', expiresOn: '2025-13-01T10:00:00Z' }, problem: 'not an ISO 8601 date' },
      { name: 'a date without time zone', body: { token: 'communication-token', expiresOn: '2025-03-01T10:00:00' }, problem: 'not an ISO 8601 date' },
      { name: 'a past date', body: { token: 'communication-token', expiresOn: past }, problem: 'already expired' },
    ];

    for (const { name, body, problem } of cases) {
      it(`rejects ${name}`, async () => {
        const { fetch } = stubFetch(() => Response.json(body));
        const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

        const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

        expect(error.code).to.equal('exchange-invalid-response');
        expect(error.message).to.contain(problem);
        expect(error.message).to.contain(endpoint);
        expect(error.message).to.not.contain('communication-token');
      });
    }

    it('rejects a body that is not JSON', async () => {
      const { fetch } = stubFetch(() => new Response('token=abc', { status: 200 }));
      const client = new ExchangeClient({ exchange: endpoint, clock, fetch });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(error.code).to.equal('exchange-invalid-response');
      expect(error.message).to.contain('not JSON');
    });
  });

  describe('with a function', () => {
    it('calls it with the token, account and signal', async () => {
      const calls: Array<Parameters<ExchangeFunction>> = [];
      const exchange: ExchangeFunction = async (...args) => {
        calls.push(args);
        return validResponseBody;
      };
      const client = new ExchangeClient({ exchange, clock });

      const token = await client.exchange(entraToken, { account: testAccount });

      expect(calls.length).to.equal(1);
      expect(calls[0]![0]).to.equal(entraToken);
      expect(calls[0]![1].account).to.deep.equal(testAccount);
      expect(calls[0]![1].signal).to.be.instanceOf(AbortSignal);
      expect(token.token).to.equal('communication-token');
    });

    it('accepts a Date as expiresOn', async () => {
      const expiresOn = new Date(clock.now() + hour);
      const exchange = (async () => ({ token: 'communication-token', expiresOn })) as unknown as ExchangeFunction;
      const client = new ExchangeClient({ exchange, clock });

      const token = await client.exchange(entraToken, { account: testAccount });

      expect(token.expiresOnTimestamp).to.equal(expiresOn.getTime());
    });

    it('validates its result', async () => {
      const exchange = (async () => ({})) as unknown as ExchangeFunction;
      const client = new ExchangeClient({ exchange, clock });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(error.code).to.equal('exchange-invalid-response');
      expect(error.message).to.contain('The exchange function');
    });

    it('passes a TeamsError through', async () => {
      const thrown = new TeamsError('exchange-forbidden', 'Tenant not allowed.', { status: 403 });
      const client = new ExchangeClient({ exchange: () => Promise.reject(thrown), clock });

      const error = await rejectionOf(client.exchange(entraToken, { account: testAccount }));

      expect(error).to.equal(thrown);
    });

    it('wraps a plain error without the token', async () => {
      const exchange: ExchangeFunction = () => Promise.reject(new Error(`Backend refused ${entraToken}`));
      const client = new ExchangeClient({ exchange, clock });

      const error = (await rejectionOf(client.exchange(entraToken, { account: testAccount }))) as ExchangeError;

      expect(error.code).to.equal('exchange-unavailable');
      expect(error.retryable).to.equal(true);
      expect(error.message).to.contain('Backend refused');
      expect(error.message).to.not.contain(entraToken);
    });

    it('times out a function that ignores its signal', async () => {
      const client = new ExchangeClient({ exchange: () => new Promise(() => {}), clock, timeoutMs: 5_000 });

      const pending = rejectionOf(client.exchange(entraToken, { account: testAccount }));
      await clock.advance(5_000);
      const error = (await pending) as ExchangeError;

      expect(error.code).to.equal('exchange-unavailable');
      expect(error.message).to.contain('The exchange function timed out: no response within 5 s');
    });
  });
});
