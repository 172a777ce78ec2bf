import { TeamsError } from '../errors.js';

/**
 * Codes of a failed token exchange, for the UI to explain:
 * - `exchange-unauthorized`: the endpoint rejected the Entra token (401). Signing in again helps.
 * - `exchange-forbidden`: the endpoint's policy refused this user, tenant, app or origin (403).
 * - `exchange-throttled`: too many requests (429). `retryAfterMs` is the delay the endpoint requested.
 * - `exchange-unavailable`: 5xx, network failure or timeout. Retryable.
 * - `exchange-invalid-response`: the response is not a valid, unexpired `{ token, expiresOn }`.
 * - `exchange-failed`: any other failure, such as 400, 404 or a redirect, which points at a
 *   misconfigured endpoint.
 */
export type ExchangeErrorCode =
  | 'exchange-unauthorized'
  | 'exchange-forbidden'
  | 'exchange-throttled'
  | 'exchange-unavailable'
  | 'exchange-invalid-response'
  | 'exchange-failed';

/** A failed exchange of an Entra token for a Communication Services access token. */
export class ExchangeError extends TeamsError {
  declare readonly code: ExchangeErrorCode;

  /** The endpoint's own error code from `{ error: { code } }`, such as `TenantNotAllowed`. */
  readonly serverCode: string | undefined;

  /** Delay the endpoint asked for with `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ExchangeErrorCode,
    message: string,
    options: { status?: number; retryable?: boolean; serverCode?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.serverCode = options.serverCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Three base64url segments separated by dots, which is how a JWT looks. */
const jwtPattern = /[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;

/**
 * Replaces JWTs and the given secrets in text from outside the kit (a server's error message, a
 * host function's error), so that an endpoint that echoes the token cannot leak it into an error
 * message or a log.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret !== '') redacted = redacted.split(secret).join('[redacted]');
  }
  return redacted.replace(jwtPattern, '[redacted]');
}
