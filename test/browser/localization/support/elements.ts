/** Rendering and reading the real elements in a language, for the localization tests. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Renders `template` inside a `<div>` with `lang` and `dir` (when given) and returns the element. */
export async function renderIn<T extends HTMLElement>(attributes: { lang?: string; dir?: string }, template: TemplateResult): Promise<T> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${ifDefined(attributes.lang)} dir=${ifDefined(attributes.dir)}>${template}</div>`);
  const element = wrapper.firstElementChild as T;
  await nextRender(element);
  return element;
}

/** Waits for the element's pending render, after the document observer's callbacks ran. */
export async function nextRender(element: HTMLElement): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

export function shadowQuery<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (found === null) throw new Error(`<${element.localName}> renders nothing that matches ${selector}.`);
  return found;
}

/** The trimmed text of the first element that matches `selector` in the element's shadow root. */
export function textOf(element: HTMLElement, selector: string): string {
  return shadowQuery(element, selector).textContent!.replace(/\s+/g, ' ').trim();
}

/** Waits until the text at `selector` equals `expected`. */
export async function waitForText(element: HTMLElement, selector: string, expected: string): Promise<void> {
  await waitUntil(() => element.shadowRoot!.querySelector(selector)?.textContent?.trim() === expected, `${selector} reads "${expected}"`, { timeout: 4000 });
}

/** The `base` part, whose `dir` the localization controller sets. */
export function basePart(element: HTMLElement): HTMLElement {
  return shadowQuery(element, '[part~="base"]');
}
