/**
 * Switchable faults for tests: an emulator asks `take(name)` before answering, and a test arms a
 * fault through `POST /__sandbox/faults/{name}` or directly through this registry.
 */
export interface Fault {
  /** HTTP status to answer with instead of the normal answer. */
  status?: number;
  /** Value of the `Retry-After` header, in seconds, sent with `status`. */
  retryAfterSeconds?: number;
  /** JSON body to send with `status`; each emulator has its own default error shape. */
  body?: unknown;
  /** Delay before answering (normally or with `status`), in milliseconds. */
  delayMs?: number;
  /** Never answer: the request hangs until the client gives up. */
  hang?: boolean;
  /** How many requests the fault applies to; default 1. */
  times?: number;
}

/** Named faults, each applying to the next `times` requests that ask for it. */
export class FaultRegistry {
  readonly #faults = new Map<string, Fault & { remaining: number }>();

  arm(name: string, fault: Fault): void {
    this.#faults.set(name, { ...fault, remaining: fault.times ?? 1 });
  }

  /** Returns the armed fault for `name` and counts one use of it, or `undefined`. */
  take(name: string): Fault | undefined {
    const fault = this.#faults.get(name);
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.delete(name);
    return fault;
  }

  clear(): void {
    this.#faults.clear();
  }
}

/** Waits for a fault's delay, or forever when it hangs (until `signal` aborts). */
export async function applyFaultDelay(fault: Fault, signal: AbortSignal): Promise<void> {
  if (!fault.hang && !fault.delayMs) return;
  await new Promise<void>((resolve) => {
    const timer = fault.hang ? undefined : setTimeout(resolve, fault.delayMs);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
