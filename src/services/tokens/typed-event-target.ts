/**
 * An `EventTarget` whose listeners receive the event type that `EventMap` gives for each event
 * name, such as `CustomEvent<TokenRefreshedDetail>` for `token-refreshed`.
 */
export class TypedEventTarget<EventMap extends Record<keyof EventMap, Event>> extends EventTarget {
  override addEventListener<K extends keyof EventMap & string>(
    type: K,
    listener: (event: EventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | TypedListener | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends keyof EventMap & string>(
    type: K,
    listener: (event: EventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | TypedListener | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  /** Dispatches a `CustomEvent` of `type`, whose `detail` type must match `EventMap`. */
  protected emit<K extends keyof EventMap & string>(type: K, detail: DetailOf<EventMap[K]>): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/**
 * A listener for one event type of the map. The implementation signatures accept it, because
 * TypeScript cannot prove that a listener for a subtype of `Event` is an `EventListener`.
 */
type TypedListener = (event: never) => void;

/** The `detail` type of a `CustomEvent` type. */
type DetailOf<E> = E extends CustomEvent<infer Detail> ? Detail : never;
