/**
 * The `detail` type of every event the elements fire, by event name. Each element adds its own
 * events to this interface from its own file, so emitting an event with the wrong detail fails to
 * compile and `addEventListener('teams-…')` is typed for host pages.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface TeamsEventMap {}

type TeamsCustomEvents = { [K in keyof TeamsEventMap]: CustomEvent<TeamsEventMap[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface HTMLElementEventMap extends TeamsCustomEvents {}
}

/** Fires a `teams-` event that bubbles and crosses shadow roots, so host pages can listen anywhere. */
export function emit<K extends keyof TeamsEventMap>(target: EventTarget, type: K, detail: TeamsEventMap[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
