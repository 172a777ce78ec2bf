import { expect } from '@open-wc/testing';

import { TeamsError, isTeamsError } from '../../../src/services/errors.js';
import type { ExchangeFunction } from '../../../src/services/session/types.js';
import { ExchangeError } from '../../../src/services/tokens/exchange-error.js';
import type { RefreshFailedDetail, TokenRefreshedDetail } from '../../../src/services/tokens/token-events.js';
import { communicationServicesScopes } from '../../../src/services/tokens/token-service.js';
import {
  createTestService,
  hour,
  interactionRequiredError,
  minute,
  recordEvents,
  settle,
  testAccount,
  unavailableError,
} from './fakes.js';
import { rejectionOf } from '../support/rejection.js';

/** A random source that returns `values` in order, then 0.5. */
function sequence(values: number[]): () => number {
  const remaining = [...values];
  return () => remaining.shift() ?? 0.5;
}

describe('CommunicationTokenService', () => {
  describe('exchange and cache', () => {
    it('shares one exchange among five callers', async () => {
      const { service, exchange, entra } = createTestService();

      const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => service.getToken()));

      expect(exchange.calls.length).to.equal(1);
      expect(entra.requests.length).to.equal(1);
      expect(new Set(tokens.map((token) => token.token)).size).to.equal(1);
    });

    it('returns the cached token while valid', async () => {
      const { service, exchange, clock } = createTestService();

      const first = await service.getToken();
      await clock.advance(30 * minute);
      const second = await service.getToken();

      expect(second.token).to.equal(first.token);
      expect(exchange.calls.length).to.equal(1);
    });

    it('requests the Communication Services scopes', async () => {
      const { service, entra } = createTestService();

      await service.getToken();

      expect(entra.requests[0]!.scopes).to.deep.equal([...communicationServicesScopes]);
      expect(entra.requests[0]!.forceRefresh).to.equal(false);
    });

    it('exchanges again on forceRefresh', async () => {
      const { service, exchange } = createTestService();

      const first = await service.getToken();
      const second = await service.getToken({ forceRefresh: true });

      expect(exchange.calls.length).to.equal(2);
      expect(second.token).to.not.equal(first.token);
    });

    it('caches nothing from a failed exchange', async () => {
      const { service, exchange } = createTestService();
      exchange.queuedErrors.push(unavailableError());

      const error = await rejectionOf(service.getToken());
      const token = await service.getToken();

      expect(isTeamsError(error, 'exchange-unavailable')).to.equal(true);
      expect(exchange.calls.length).to.equal(2);
      expect(token.token).to.equal('communication-token-1');
    });

    it('exchanges again when the token is inside the expiry margin', async () => {
      const { service, exchange, clock } = createTestService({ pageLifecycle: null });
      exchange.lifetimeMs = 20_000;

      await service.getToken();
      await clock.advance(1_000);
      await service.getToken();

      expect(exchange.calls.length).to.equal(2);
    });

    it('wraps a plain Entra provider error', async () => {
      const { service, entra } = createTestService();
      entra.queuedErrors.push(new TypeError('Failed to fetch'));

      const error = await rejectionOf(service.getToken());

      expect(isTeamsError(error, 'entra-token-failed')).to.equal(true);
      expect((error as TeamsError).retryable).to.equal(true);
    });

    it('passes the account to the exchange function', async () => {
      const { service, exchange } = createTestService();

      await service.getToken();

      expect(exchange.calls[0]!.account).to.deep.equal(testAccount);
    });
  });

  describe('proactive refresh', () => {
    it('refreshes ten minutes before expiry', async () => {
      const { service, exchange, clock } = createTestService();
      const start = clock.now();

      const first = await service.getToken();
      await clock.advance(50 * minute - 1);
      const callsBefore = exchange.calls.length;
      await clock.advance(1);
      const second = await service.getToken();

      expect(callsBefore).to.equal(1);
      expect(exchange.callTimesSince(start)).to.deep.equal([0, 50 * minute]);
      expect(second.token).to.not.equal(first.token);
      expect(second.expiresOnTimestamp).to.equal(start + 110 * minute);
    });

    it('refreshes a short token at half its lifetime', async () => {
      const { service, exchange, clock } = createTestService();
      exchange.lifetimeMs = 8 * minute;
      const start = clock.now();

      await service.getToken();
      await clock.advance(5 * minute);

      expect(exchange.callTimesSince(start)).to.deep.equal([0, 4 * minute]);
    });

    it('emits token-refreshed without the token', async () => {
      const { service, clock } = createTestService();
      const events: TokenRefreshedDetail[] = [];
      // The typed listener gets CustomEvent<TokenRefreshedDetail> without a cast.
      service.addEventListener('token-refreshed', (event) => events.push(event.detail));
      const start = clock.now();

      const token = await service.getToken();

      expect(events.length).to.equal(1);
      expect(events[0]!.reason).to.equal('request');
      expect(events[0]!.expiresOnTimestamp).to.equal(token.expiresOnTimestamp);
      expect(events[0]!.nextRefreshTimestamp).to.equal(start + 50 * minute);
      expect(JSON.stringify(events[0])).to.not.contain(token.token);
    });

    it('clamps a long refresh delay to the timer maximum', async () => {
      const { service, entra, exchange, clock } = createTestService();
      entra.lifetimeMs = 365 * 24 * hour;
      exchange.lifetimeMs = 365 * 24 * hour;
      const start = clock.now();

      await service.getToken();
      const firstDueTimes = clock.pendingDueTimes;
      await clock.advance(2 ** 31 - 1);

      expect(firstDueTimes).to.deep.equal([start + 2 ** 31 - 1]);
      expect(exchange.calls.length).to.equal(1);
      expect(clock.pendingDueTimes.length).to.equal(1);
    });
  });

  describe('Entra tokens near expiry', () => {
    it('forces an Entra refresh inside the refresh window', async () => {
      const { service, entra, exchange, clock } = createTestService();
      entra.seedCache(8 * minute);
      const start = clock.now();

      const token = await service.getToken();

      expect(entra.requests.map((request) => request.forceRefresh)).to.deep.equal([false, true]);
      expect(exchange.calls[0]!.entraToken).to.equal('entra-token-2');
      expect(token.expiresOnTimestamp).to.equal(start + hour);
    });

    it('causes no refresh storm over three hours', async () => {
      const { service, entra, exchange, clock } = createTestService();
      entra.seedCache(8 * minute);
      const start = clock.now();

      await service.getToken();
      await clock.advance(3 * hour);

      expect(exchange.callTimesSince(start)).to.deep.equal([0, 50 * minute, 100 * minute, 150 * minute]);
      expect(entra.requests.length).to.equal(8);
      expect(entra.forcedRequestCount).to.equal(4);
      for (const call of exchange.calls) {
        const entraLifetimeLeft = entra.expiryOf(call.entraToken)! - call.at;
        expect(entraLifetimeLeft).to.be.greaterThan(10 * minute);
      }
    });

    it('refreshes short Entra tokens at half life only', async () => {
      const { service, entra, exchange, clock } = createTestService();
      entra.lifetimeMs = 6 * minute;

      await service.getToken();
      await clock.advance(3 * hour);

      // Entra issues 6-minute tokens even on forceRefresh, so every 3 minutes is the best possible.
      expect(exchange.calls.length).to.equal(61);
      expect(entra.forcedRequestCount).to.equal(61);
    });
  });

  describe('failures and backoff', () => {
    it('backs off with growing delays and jitter', async () => {
      const { service, exchange, clock } = createTestService({ random: sequence([0, 0.5, 1, 0.25]) });
      const failures = recordEvents<RefreshFailedDetail>(service, 'refresh-failed');
      const start = clock.now();

      await service.getToken();
      exchange.queuedErrors.push(unavailableError(), unavailableError(), unavailableError(), unavailableError());
      await clock.advance(55 * minute);

      // Base delays 5, 10, 20 and 40 s, each scaled by 0.8 + 0.4 * random.
      expect(failures.map((failure) => failure.retryDelayMs)).to.deep.equal([4_000, 10_000, 24_000, 36_000]);
      expect(failures.map((failure) => failure.failures)).to.deep.equal([1, 2, 3, 4]);
      const refreshStart = 50 * minute;
      expect(exchange.callTimesSince(start)).to.deep.equal([
        0,
        refreshStart,
        refreshStart + 4_000,
        refreshStart + 14_000,
        refreshStart + 38_000,
        refreshStart + 74_000,
      ]);
    });

    it('waits at least the Retry-After delay', async () => {
      const { service, exchange, clock } = createTestService();
      const failures = recordEvents<RefreshFailedDetail>(service, 'refresh-failed');

      await service.getToken();
      exchange.queuedErrors.push(
        new ExchangeError('exchange-throttled', 'Throttled.', { status: 429, retryable: true, retryAfterMs: 120_000 }),
      );
      await clock.advance(55 * minute);

      expect(failures[0]!.retryDelayMs).to.equal(120_000);
      expect(exchange.calls[2]!.at - exchange.calls[1]!.at).to.equal(120_000);
    });

    it('retries until the token expires', async () => {
      const { service, exchange, clock } = createTestService();
      const failures = recordEvents<RefreshFailedDetail>(service, 'refresh-failed');
      const start = clock.now();

      await service.getToken();
      for (let i = 0; i < 50; i++) exchange.queuedErrors.push(unavailableError());
      await clock.advance(3 * hour);

      const lastCall = exchange.calls.at(-1)!;
      expect(lastCall.at - start).to.equal(60 * minute);
      expect(failures.at(-1)!.retryDelayMs).to.equal(undefined);
      expect(failures.slice(0, -1).every((failure) => failure.retryDelayMs! > 0)).to.equal(true);
      expect(clock.pendingDueTimes).to.deep.equal([]);
    });

    it('stops refreshing at interaction-required', async () => {
      const { service, entra, clock } = createTestService();
      const failures = recordEvents<RefreshFailedDetail>(service, 'refresh-failed');

      const token = await service.getToken();
      entra.queuedErrors.push(interactionRequiredError());
      await clock.advance(50 * minute);
      const requestsAfterFailure = entra.requests.length;
      await clock.advance(3 * hour);

      expect(failures.length).to.equal(1);
      expect(failures[0]!.error.code).to.equal('interaction-required');
      expect(failures[0]!.retryDelayMs).to.equal(undefined);
      expect(entra.requests.length).to.equal(requestsAfterFailure);
      expect(clock.pendingDueTimes).to.deep.equal([]);
      expect(token.token).to.equal('communication-token-1');
    });

    it('stops refreshing at exchange-forbidden', async () => {
      const { service, exchange, clock } = createTestService();
      const failures = recordEvents<RefreshFailedDetail>(service, 'refresh-failed');

      await service.getToken();
      exchange.queuedErrors.push(
        new ExchangeError('exchange-forbidden', 'Forbidden.', { status: 403, serverCode: 'TenantNotAllowed' }),
      );
      await clock.advance(3 * hour);

      expect(exchange.calls.length).to.equal(2);
      expect(failures[0]!.retryDelayMs).to.equal(undefined);
    });

    it('restarts refreshing after a later success', async () => {
      const { service, entra, exchange, clock } = createTestService();

      await service.getToken();
      entra.queuedErrors.push(interactionRequiredError());
      await clock.advance(70 * minute);
      await service.getToken();
      await clock.advance(50 * minute);

      expect(exchange.calls.length).to.equal(3);
    });

    it('raises no unhandled rejection from background refreshes', async () => {
      const { service, entra, exchange, clock } = createTestService();
      const unhandled: unknown[] = [];
      const recordUnhandled = (event: PromiseRejectionEvent): void => {
        unhandled.push(event.reason);
        event.preventDefault();
      };
      window.addEventListener('unhandledrejection', recordUnhandled);

      try {
        await service.getToken();
        // At 50 minutes the cached Entra token is inside the refresh window, so that refresh makes
        // two Entra requests (cached, then forced). The fifth Entra request fails.
        exchange.queuedErrors.push(unavailableError(), new TypeError('not a TeamsError'));
        entra.queuedErrors.push(undefined, undefined, undefined, interactionRequiredError());
        await clock.advance(2 * hour);
        // Chromium fires unhandledrejection in a task after the microtask checkpoint.
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        window.removeEventListener('unhandledrejection', recordUnhandled);
      }

      expect(exchange.calls.length).to.equal(3);
      expect(entra.requests.length).to.equal(5);
      expect(unhandled).to.deep.equal([]);
    });

    it('logs background failures without tokens', async () => {
      const { service, exchange, clock, logger } = createTestService();

      const token = await service.getToken();
      exchange.queuedErrors.push(unavailableError());
      await clock.advance(51 * minute);

      const warnings = logger.messages.filter((message) => message.startsWith('warn:'));
      expect(warnings.length).to.equal(1);
      expect(warnings[0]).to.contain('exchange-unavailable');
      expect(warnings[0]).to.contain('Retrying in 5 s');
      expect(logger.messages.join('\n')).to.not.contain(token.token);
      expect(logger.messages.join('\n')).to.not.contain('entra-token-');
    });
  });

  describe('page resume', () => {
    it('refreshes an expired token when visible', async () => {
      const { service, exchange, clock, pageLifecycle } = createTestService();

      const first = await service.getToken();
      clock.jump(2 * hour);
      pageLifecycle.resume('visible');
      await settle();
      const callsAfterResume = exchange.calls.length;
      const second = await service.getToken();
      await clock.advance(0);

      expect(callsAfterResume).to.equal(2);
      expect(exchange.calls.length).to.equal(2);
      expect(second.token).to.not.equal(first.token);
      expect(second.expiresOnTimestamp).to.equal(clock.now() + hour);
    });

    it('refreshes an expired token when online', async () => {
      const { service, exchange, clock, pageLifecycle } = createTestService();

      await service.getToken();
      clock.jump(2 * hour);
      pageLifecycle.resume('online');
      await settle();

      expect(exchange.calls.length).to.equal(2);
    });

    it('does nothing before the refresh is due', async () => {
      const { service, exchange, clock, pageLifecycle } = createTestService();

      await service.getToken();
      await clock.advance(20 * minute);
      pageLifecycle.resume('visible');
      pageLifecycle.resume('online');
      await settle();

      expect(exchange.calls.length).to.equal(1);
    });

    it('retries at once when back online', async () => {
      const { service, exchange, clock, pageLifecycle } = createTestService();
      const start = clock.now();

      await service.getToken();
      exchange.queuedErrors.push(unavailableError(), unavailableError(), unavailableError());
      await clock.advance(50 * minute + 1_000);
      pageLifecycle.resume('online');
      await settle();

      expect(exchange.callTimesSince(start)).to.deep.equal([0, 50 * minute, 50 * minute + 1_000]);
    });

    it('keeps the backoff when only visible', async () => {
      const { service, exchange, clock, pageLifecycle } = createTestService();

      await service.getToken();
      exchange.queuedErrors.push(unavailableError());
      await clock.advance(50 * minute + 1_000);
      pageLifecycle.resume('visible');
      await settle();

      expect(exchange.calls.length).to.equal(2);
    });

    it('refreshes after retries ended with expiry', async () => {
      const { service, exchange, clock, pageLifecycle } = createTestService();

      await service.getToken();
      for (let i = 0; i < 50; i++) exchange.queuedErrors.push(unavailableError());
      await clock.advance(2 * hour);
      exchange.queuedErrors.length = 0;
      const callsBefore = exchange.calls.length;
      pageLifecycle.resume('visible');
      await settle();

      expect(exchange.calls.length).to.equal(callsBefore + 1);
      expect((await service.getToken()).expiresOnTimestamp).to.equal(clock.now() + hour);
    });
  });

  describe('cancellation and dispose', () => {
    it('releases an aborted caller only', async () => {
      const { service, exchange } = createTestService();
      const controller = new AbortController();

      const aborted = service.getToken({ signal: controller.signal });
      const other = service.getToken();
      controller.abort(new DOMException('The caller left.', 'AbortError'));

      const error = await rejectionOf(aborted);
      const token = await other;

      expect((error as DOMException).name).to.equal('AbortError');
      expect(token.token).to.equal('communication-token-1');
      expect(exchange.calls.length).to.equal(1);
    });

    it('stops timers and page listeners on dispose', async () => {
      const { service, exchange, clock, pageLifecycle } = createTestService();

      await service.getToken();
      const timersBefore = clock.pendingDueTimes.length;
      service.dispose();
      await clock.advance(3 * hour);
      pageLifecycle.resume('online');

      expect(timersBefore).to.equal(1);
      expect(clock.pendingDueTimes).to.deep.equal([]);
      expect(pageLifecycle.listenerCount).to.equal(0);
      expect(exchange.calls.length).to.equal(1);
      expect(service.disposed).to.equal(true);
    });

    it('rejects getToken after dispose', async () => {
      const { service } = createTestService();

      await service.getToken();
      service.dispose();
      const error = await rejectionOf(service.getToken());

      expect(isTeamsError(error, 'token-service-disposed')).to.equal(true);
    });

    it('cancels the exchange in flight on dispose', async () => {
      let exchangeSignal: AbortSignal | undefined;
      const hangingExchange: ExchangeFunction = (_entraToken, { signal }) => {
        exchangeSignal = signal;
        return new Promise(() => {});
      };
      const { service } = createTestService({ exchange: hangingExchange });

      const pending = service.getToken();
      await settle();
      service.dispose();
      const error = await rejectionOf(pending);

      expect(exchangeSignal?.aborted).to.equal(true);
      expect(isTeamsError(error, 'token-service-disposed')).to.equal(true);
    });
  });

  describe('token confidentiality', () => {
    it('keeps the token out of storage and logs', async () => {
      const { service, exchange, clock, logger } = createTestService();

      const token = await service.getToken();
      exchange.queuedErrors.push(unavailableError());
      await clock.advance(2 * hour);
      const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });

      expect(storage).to.not.contain('communication-token-');
      expect(logger.messages.length).to.be.greaterThan(0);
      expect(logger.messages.join('\n')).to.not.contain('communication-token-');
      expect(token.token).to.equal('communication-token-1');
    });
  });
});
