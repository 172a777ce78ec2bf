/** When the user last used the page, for the idle poll interval; tests pass a fake. */
export interface ActivitySource {
  /** Time of the last keyboard, pointer, wheel or touch input, in milliseconds since the epoch. */
  lastActivityAt(): number;
}

let lastInputAt = Date.now();
let listening = false;

/**
 * Returns the page's activity source. It listens once, passively, for input anywhere in the
 * document, and never stops (the listeners only store a time).
 */
export function pageActivity(): ActivitySource {
  if (!listening && typeof document !== 'undefined') {
    listening = true;
    const record = (): void => {
      lastInputAt = Date.now();
    };
    for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart']) {
      document.addEventListener(type, record, { capture: true, passive: true });
    }
  }
  return { lastActivityAt: () => lastInputAt };
}
