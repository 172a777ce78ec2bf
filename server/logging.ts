/**
 * The logger the exchange endpoint writes to. `console` and a pino logger both fit, because the
 * endpoint calls each method with one string.
 */
export interface ExchangeLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const jwtPattern = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
// RFC 6750 token characters, at least 16 of them, so prose such as "bearer token" stays readable.
const authorizationPattern = /\b(Bearer|HMAC-SHA256)\s+[A-Za-z0-9._~+/=&;-]{16,}/gi;

/**
 * Replaces anything that looks like a JWT or an `Authorization` value with a placeholder. Log lines
 * are built from claims and service messages, never from tokens, so this is a second line of
 * defence against a message that quotes one.
 */
export function redactSecrets(text: string): string {
  return text.replace(jwtPattern, '[redacted token]').replace(authorizationPattern, '$1 [redacted]');
}

/**
 * Wraps a host's logger so that every line is redacted and an exception from the logger is
 * swallowed rather than failing the request. Without a logger, nothing is logged.
 */
export function createSafeLogger(logger: ExchangeLogger | undefined): ExchangeLogger {
  const write = (level: keyof ExchangeLogger) => (message: string) => {
    if (logger === undefined) return;
    try {
      logger[level](redactSecrets(message));
    } catch {
      // A broken logger must not turn into a failed exchange; there is nowhere left to report it.
    }
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
