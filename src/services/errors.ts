/**
 * The error type every service of the kit throws.
 *
 * `code` is stable and machine-readable: elements map it to a localized sentence, and host pages
 * branch on it. `message` is for developers and logs: it names the failing value and what to do.
 * No message ever contains a token.
 */
export class TeamsError extends Error {
  override readonly name = 'TeamsError';

  /** Stable code such as `popup-blocked` or `exchange-forbidden`. */
  readonly code: string;

  /** HTTP status of the failed request, when one was made. */
  readonly status: number | undefined;

  /** True when the same request may succeed later without the user doing anything. */
  readonly retryable: boolean;

  constructor(
    code: string,
    message: string,
    options: { status?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
  }
}

/** Narrows an unknown caught value to a `TeamsError` with the given code. */
export function isTeamsError(error: unknown, code?: string): error is TeamsError {
  return error instanceof TeamsError && (code === undefined || error.code === code);
}
