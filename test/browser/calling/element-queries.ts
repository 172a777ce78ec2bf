/**
 * Queries by role and accessible name inside an element's shadow root, in the spirit of Testing
 * Library's `getByRole`. Names are computed for the cases the kit renders: `aria-labelledby`,
 * `aria-label`, a `<label for>` and the element's text.
 */

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Returns the accessible name of an element for the cases the kit renders. */
export function accessibleName(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return collapse(labelledBy.split(/\s+/).map((id) => root.getElementById(id)?.textContent).join(' '));

  const label = element.getAttribute('aria-label');
  if (label) return collapse(label);

  if (element.id) {
    const forLabel = root.querySelector(`label[for="${element.id}"]`);
    if (forLabel) return collapse(forLabel.textContent);
  }

  // Hidden descendants (aria-hidden spinners) are not part of a name.
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return collapse(clone.textContent);
}

const selectorsByRole: Record<string, string> = {
  button: 'button, [role="button"]',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], textarea, [role="textbox"]',
  status: '[role="status"]',
  alert: '[role="alert"]',
  group: '[role="group"], fieldset',
  region: 'section[aria-label], [role="region"]',
  img: '[role="img"], img',
  figure: 'figure',
};

/** Returns every element with the role (and name, when given) in the host's shadow root. */
export function queryAllByRole(host: Element, role: string, name?: string): HTMLElement[] {
  const root = host.shadowRoot;
  if (root === null) throw new Error(`<${host.localName}> has no shadow root.`);
  const selector = selectorsByRole[role];
  if (selector === undefined) throw new Error(`The test queries do not know the role "${role}".`);

  const candidates = [...root.querySelectorAll<HTMLElement>(selector)];
  return name === undefined ? candidates : candidates.filter((element) => accessibleName(element) === name);
}

/** Returns the one element with the role and name; throws with what exists when there is none. */
export function getByRole(host: Element, role: string, name?: string): HTMLElement {
  const matches = queryAllByRole(host, role, name);
  if (matches.length === 1) return matches[0]!;

  const present = queryAllByRole(host, role).map((element) => `"${accessibleName(element)}"`);
  throw new Error(
    `Expected one ${role} named "${name ?? '(any)'}" in <${host.localName}>, found ${matches.length}. Present: ${present.join(', ') || 'none'}.`,
  );
}

/** Returns the text of the host's status line. */
export function statusOf(host: Element): string {
  return collapse(getByRole(host, 'status').textContent);
}

/** Returns the texts of the host's alerts. */
export function alertsOf(host: Element): string[] {
  return queryAllByRole(host, 'alert').map((element) => collapse(element.textContent));
}
