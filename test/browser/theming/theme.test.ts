/**
 * Themes of the elements: light by default, dark on request or with the system setting, host
 * colors through `--teams-color-*`, and system colors under forced colors (Windows high contrast).
 * Colors are read with getComputedStyle from the sign-in button, the control every page has.
 */
import { emulateMedia } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';

import '../../../src/components/sign-in/define.js';
import type { TeamsSignIn } from '../../../src/components/sign-in/teams-sign-in.js';
import { getSession, resetSessions } from '../../../src/services/session/registry.js';
import { FakeAuthService, installFakeAuth, testClientId } from '../sign-in/fakes.js';

/** Renders a sign-in element with a client id, so it shows its "Sign in" button. */
async function signInElement(attributes: { theme?: string; style?: string } = {}): Promise<TeamsSignIn> {
  const element = await fixture<TeamsSignIn>(
    html`<teams-sign-in client-id=${testClientId} exchange-url="/api/token-exchange" theme=${attributes.theme ?? 'light'} style=${attributes.style ?? ''}></teams-sign-in>`,
  );
  await getSession(element.session).whenReady();
  await element.updateComplete;
  return element;
}

function button(element: TeamsSignIn): HTMLButtonElement {
  const found = element.shadowRoot!.querySelector<HTMLButtonElement>('button');
  expect(found, 'the element renders a button').to.exist;
  return found!;
}

/** Returns the element's computed `background-color`, which paints the theme's surface. */
function surface(element: HTMLElement): string {
  return getComputedStyle(element).backgroundColor;
}

/** Resolves one of the element's color tokens, such as `--_brand`, to `[r, g, b]`. */
function tokenColor(element: HTMLElement, token: string): [number, number, number] {
  const probe = document.createElement('span');
  probe.style.color = `var(${token})`;
  element.shadowRoot!.append(probe);
  const channels = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
  probe.remove();
  return channels as [number, number, number];
}

/** WCAG 2 contrast ratio of two sRGB colors, from 1 to 21. */
function contrast(first: [number, number, number], second: [number, number, number]): number {
  const luminance = (rgb: [number, number, number]) => {
    const [r, g, b] = rgb.map((channel) => {
      const value = channel / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Pairs of text and background tokens that must reach WCAG AA for normal text (4.5:1). */
const textPairs = [
  ['--_text', '--_surface'],
  ['--_text-muted', '--_surface'],
  ['--_on-brand', '--_brand'],
  ['--_on-brand', '--_brand-hover'],
  ['--_danger-text', '--_surface'],
] as const;

describe('themes', () => {
  beforeEach(() => {
    resetSessions();
    installFakeAuth(new FakeAuthService());
  });

  afterEach(async () => {
    resetSessions();
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });

  it('paints the light brand by default', async () => {
    const element = await signInElement();
    expect(getComputedStyle(button(element)).backgroundColor).to.equal('rgb(91, 95, 199)');
  });

  it('switches to dark with theme="dark"', async () => {
    const element = await signInElement({ theme: 'dark' });
    expect(surface(element)).to.equal('rgb(41, 41, 41)');
    expect(getComputedStyle(button(element)).backgroundColor).to.equal('rgb(127, 133, 245)');
  });

  it('stays light on a dark system unless asked', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const element = await signInElement();
    expect(getComputedStyle(button(element)).backgroundColor).to.equal('rgb(91, 95, 199)');
  });

  it('follows the system with theme="auto"', async () => {
    const element = await signInElement({ theme: 'auto' });
    expect(getComputedStyle(button(element)).backgroundColor).to.equal('rgb(91, 95, 199)');

    await emulateMedia({ colorScheme: 'dark' });
    expect(surface(element)).to.equal('rgb(41, 41, 41)');
    expect(getComputedStyle(button(element)).backgroundColor).to.equal('rgb(127, 133, 245)');
  });

  for (const theme of ['light', 'dark']) {
    it(`keeps text readable in ${theme}`, async () => {
      const element = await signInElement({ theme });
      for (const [text, background] of textPairs) {
        const ratio = contrast(tokenColor(element, text), tokenColor(element, background));
        expect(ratio, `contrast of ${text} on ${background}`).to.be.at.least(4.5);
      }
    });
  }

  it('takes host colors from custom properties', async () => {
    const element = await signInElement({ theme: 'dark', style: '--teams-color-brand: rgb(0, 120, 0)' });
    expect(getComputedStyle(button(element)).backgroundColor).to.equal('rgb(0, 120, 0)');
  });

  it('uses system colors under forced colors', async () => {
    const element = await signInElement();
    await emulateMedia({ forcedColors: 'active' });

    // Under forced colors the browser replaces most author colors, so the check is that the
    // element's own tokens now name system colors: its brand token resolves to ButtonText. The
    // probe opts out of forced colors, or the browser would force its color whatever the token.
    const probe = document.createElement('span');
    probe.style.forcedColorAdjust = 'none';
    probe.style.color = 'ButtonText';
    element.shadowRoot!.append(probe);
    const buttonText = getComputedStyle(probe).color;
    probe.style.color = 'var(--_brand)';
    expect(getComputedStyle(probe).color).to.equal(buttonText);
    probe.remove();
  });
});
