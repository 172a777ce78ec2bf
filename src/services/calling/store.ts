/** A listener of a store; it receives the new snapshot. */
export type StoreListener<T> = (snapshot: T) => void;

/**
 * An observable value: a read-only snapshot that is replaced, never mutated, on each change, and
 * listeners that run after each replacement. Elements render from `snapshot` and re-render from
 * `subscribe`; the same shape suits React's `useSyncExternalStore`.
 */
export class Store<T> {
  #snapshot: T;
  readonly #listeners = new Set<StoreListener<T>>();

  constructor(initial: T) {
    this.#snapshot = initial;
  }

  get snapshot(): T {
    return this.#snapshot;
  }

  /** Adds a listener and returns the function that removes it. */
  subscribe(listener: StoreListener<T>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Replaces the snapshot and notifies every listener. */
  protected set(next: T): void {
    this.#snapshot = next;

    // A copy, so a listener that unsubscribes while being notified does not skip another one.
    for (const listener of [...this.#listeners]) {
      try {
        listener(next);
      } catch (error) {
        // A failing listener, such as a host page's event handler, must not break the service
        // that is updating its state. The browser reports it like an uncaught error.
        reportError(error);
      }
    }
  }

  /** Applies a partial change to an object snapshot. */
  protected update(change: Partial<T>): void {
    this.set({ ...this.#snapshot, ...change });
  }
}
