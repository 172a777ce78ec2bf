import type { CommunicationAccessToken } from '../session/types.js';
import { ExchangeError } from './exchange-error.js';

/**
 * ISO 8601 date and time with a time zone, as `@azure/communication-identity` writes `expiresOn`
 * (for example `2025-01-31T10:00:00.000Z` or `...+00:00`). A date without a time zone would be
 * read as local time, so it is rejected.
 */
const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates an exchange response body and converts it to a `CommunicationAccessToken`.
 *
 * The identity SDK returns the service's response unchecked (`{}` stays `{}`, a bad date
 * becomes an Invalid Date), so this checks everything: `token` must be a non-empty string and
 * `expiresOn` an ISO 8601 date in the future. A `Date` is accepted too, because a host's exchange
 * function may return the SDK's result object as is. Throws `ExchangeError` with code
 * `exchange-invalid-response`, whose message names `source` and never contains the token.
 */
export function readExchangeResult(value: unknown, source: string, now: number): CommunicationAccessToken {
  const invalid = (problem: string): ExchangeError =>
    new ExchangeError('exchange-invalid-response', `${source} returned an invalid response: ${problem}.`);

  if (typeof value !== 'object' || value === null) {
    throw invalid('expected a JSON object { token, expiresOn }');
  }

  const { token, expiresOn } = value as { token?: unknown; expiresOn?: unknown };
  if (typeof token !== 'string' || token.trim() === '') {
    throw invalid('token is missing or not a non-empty string');
  }

  const expiresOnTimestamp = readExpiry(expiresOn);
  if (expiresOnTimestamp === undefined) {
    throw invalid('expiresOn is missing or not an ISO 8601 date with a time zone');
  }
  if (expiresOnTimestamp <= now) {
    throw invalid(`the token already expired at ${new Date(expiresOnTimestamp).toISOString()}`);
  }

  return { token, expiresOnTimestamp };
}

function readExpiry(expiresOn: unknown): number | undefined {
  if (expiresOn instanceof Date) {
    const timestamp = expiresOn.getTime();
    return Number.isNaN(timestamp) ? undefined : timestamp;
  }
  if (typeof expiresOn !== 'string' || !isoDateTimePattern.test(expiresOn)) return undefined;

  // The pattern accepts impossible values such as month 13, which Date.parse turns into NaN.
  const timestamp = Date.parse(expiresOn);
  return Number.isNaN(timestamp) ? undefined : timestamp;
}
