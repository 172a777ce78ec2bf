/** The sandbox's log: one line per event on standard output or error, never a token. */
export interface SandboxLog {
  info(message: string): void;
  /** Logs a request an emulator rejected, with the status and the reason it gives the client. */
  rejected(request: Request, status: number, reason: string): void;
  error(message: string, error?: unknown): void;
}

/** A log that writes to the console; `quiet` drops `info` lines (tests). */
export function createConsoleLog(options: { quiet?: boolean } = {}): SandboxLog {
  return {
    info(message) {
      if (!options.quiet) console.log(`[sandbox] ${message}`);
    },
    rejected(request, status, reason) {
      const url = new URL(request.url);
      console.warn(`[sandbox] rejected ${request.method} ${url.pathname} -> ${status}: ${reason}`);
    },
    error(message, error) {
      console.error(`[sandbox] ${message}`, error instanceof Error ? error.message : (error ?? ''));
    },
  };
}

/** A log that keeps lines in memory, for tests that assert what was logged. */
export function createMemoryLog(): SandboxLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    rejected: (request, status, reason) => lines.push(`rejected ${request.method} ${new URL(request.url).pathname} ${status} ${reason}`),
    error: (message, error) => lines.push(`error ${message} ${error instanceof Error ? error.message : ''}`),
  };
}
