import { expect } from '@open-wc/testing';

import {
  defaultRefreshPolicy,
  expiresInsideRefreshWindow,
  proactiveRefreshDelay,
  retryDelay,
} from '../../../src/services/tokens/refresh-schedule.js';
import { minute } from './fakes.js';

const now = Date.parse('2025-03-01T09:00:00.000Z');

describe('refresh schedule', () => {
  describe('proactiveRefreshDelay', () => {
    it('refreshes ten minutes before expiry', () => {
      expect(proactiveRefreshDelay(now + 60 * minute, now, defaultRefreshPolicy)).to.equal(50 * minute);
    });

    it('uses half of a short lifetime', () => {
      expect(proactiveRefreshDelay(now + 15 * minute, now, defaultRefreshPolicy)).to.equal(7.5 * minute);
    });

    it('waits at least the minimum delay', () => {
      expect(proactiveRefreshDelay(now + 20_000, now, defaultRefreshPolicy)).to.equal(30_000);
    });
  });

  describe('retryDelay', () => {
    const middle = (): number => 0.5;

    it('doubles with each failure', () => {
      const delays = [1, 2, 3, 4, 5].map((failures) => retryDelay(failures, middle, defaultRefreshPolicy, undefined));
      expect(delays).to.deep.equal([5_000, 10_000, 20_000, 40_000, 80_000]);
    });

    it('caps at the maximum delay', () => {
      expect(retryDelay(20, middle, defaultRefreshPolicy, undefined)).to.equal(5 * minute);
    });

    it('spreads by the jitter ratio', () => {
      expect(retryDelay(1, () => 0, defaultRefreshPolicy, undefined)).to.equal(4_000);
      expect(retryDelay(1, () => 0.999_999, defaultRefreshPolicy, undefined)).to.equal(6_000);
    });

    it('waits at least Retry-After', () => {
      expect(retryDelay(1, middle, defaultRefreshPolicy, 60_000)).to.equal(60_000);
    });

    it('ignores a shorter Retry-After', () => {
      expect(retryDelay(3, middle, defaultRefreshPolicy, 1_000)).to.equal(20_000);
    });
  });

  describe('expiresInsideRefreshWindow', () => {
    it('is true at ten minutes left', () => {
      expect(expiresInsideRefreshWindow(now + 10 * minute, now, defaultRefreshPolicy)).to.equal(true);
    });

    it('is false beyond ten minutes', () => {
      expect(expiresInsideRefreshWindow(now + 10 * minute + 1, now, defaultRefreshPolicy)).to.equal(false);
    });
  });
});
