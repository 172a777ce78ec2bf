/**
 * Returns the value of `name` on the closest element, from `element` up to the document element,
 * whose value `accepts`. The walk leaves a shadow root for its host, so an element rendered inside
 * another component follows the `lang` and `dir` of the page around that component.
 */
export function closestAttribute(element: Element, name: string, accepts: (value: string) => boolean): string | undefined {
  let current: Element | null = element;
  while (current !== null) {
    const value = current.getAttribute(name)?.trim().toLowerCase();
    if (value !== undefined && accepts(value)) return value;
    current = current.parentElement ?? hostOf(current);
  }
  return undefined;
}

function hostOf(element: Element): Element | null {
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
