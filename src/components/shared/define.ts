/**
 * Registers a custom element unless the tag is already defined, so a second copy of the kit on
 * one page (two bundles, or a CMS that includes the script twice) does not throw.
 * Returns false when another definition was already registered under the name.
 */
export function defineElement(tagName: string, constructor: CustomElementConstructor): boolean {
  const existing = customElements.get(tagName);
  if (existing !== undefined) {
    if (existing !== constructor) {
      console.warn(`<${tagName}> is already defined by another copy of teams-elements; this copy's definition is not used.`);
    }
    return false;
  }
  customElements.define(tagName, constructor);
  return true;
}
