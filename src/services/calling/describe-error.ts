/**
 * Returns an error's message for a log line or a `TeamsError` message, with the calling SDK's
 * `code` and `subCode` when the error carries them.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const { code, subCode } = error as Error & { code?: unknown; subCode?: unknown };
    return code === undefined ? error.message : `${error.message} (code ${String(code)}, subcode ${String(subCode)})`;
  }
  return String(error);
}
