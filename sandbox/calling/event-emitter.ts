/**
 * The `on`/`off` listener registry behind every sandbox calling object, as the SDK's objects have
 * it. A listener that throws is reported and does not stop the others, because one faulty
 * subscriber in a page must not break call state for the rest.
 */
export class EventEmitter {
  readonly #listeners = new Map<string, Set<(...args: never[]) => void>>();

  on(event: string, listener: (...args: never[]) => void): void {
    const listeners = this.#listeners.get(event) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(event, listeners);
  }

  off(event: string, listener: (...args: never[]) => void): void {
    this.#listeners.get(event)?.delete(listener);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (listener as (...values: unknown[]) => void)(...args);
      } catch (error) {
        console.error(`[sandbox calling] A ${event} listener failed.`, error);
      }
    }
  }
}
