/**
 * Returns an error's message for a log line or a `TeamsError` message, with the calling SDK's
 * numeric `code` and `subCode` when the error carries them. The message's final period is left
 * off, because callers go on with their own sentence or add the period themselves.
 */
export function describeError(error: unknown): string {
  const message = withoutFinalPeriod(error instanceof Error ? error.message : String(error));
  if (!(error instanceof Error)) return message;
  const { code, subCode } = error as Error & { code?: unknown; subCode?: unknown };
  return typeof code === 'number' ? `${message} (code ${code}, subcode ${String(subCode)})` : message;
}

/** Removes the periods and blanks that end `text`, so that a sentence built around it gets one period. */
export function withoutFinalPeriod(text: string): string {
  return text.replace(/[\s.]+$/, '');
}
