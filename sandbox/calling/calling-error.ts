/**
 * The error the sandbox calling module throws, shaped like the SDK's `CallingCommunicationError`
 * (a message plus `code` and `subCode`), so code that reads those fields works on both.
 */
export class CallingError extends Error {
  override readonly name = 'CallingCommunicationError';
  readonly code: number;
  readonly subCode: number;

  constructor(message: string, reason: { code: number; subCode?: number }, options?: { cause?: unknown }) {
    super(message, options);
    this.code = reason.code;
    this.subCode = reason.subCode ?? 0;
  }
}
