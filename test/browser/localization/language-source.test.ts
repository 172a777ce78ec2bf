/**
 * Where an element takes its language from (the closest `lang`, across shadow roots, else the
 * document's) and when it renders again: on a `lang` change and on a new translation.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/screen-share/define.js';
import '../../../src/components/sign-in/define.js';
import type { TeamsSignIn } from '../../../src/components/sign-in/teams-sign-in.js';
import { registerTranslation } from '../../../src/localization/localize.js';
import { nextRender, renderIn, textOf } from './support/elements.js';

const signInButton = '[part~="sign-in-button"]';
const buttonReads = (element: HTMLElement, text: string) => waitUntil(() => textOf(element, signInButton) === text, `the button reads "${text}"`, { timeout: 4000 });

describe('the language an element uses', () => {
  const root = document.documentElement;

  before(() => {
    registerTranslation(
      { $code: 'nl', $name: 'Nederlands', $dir: 'ltr', signInButton: 'Aanmelden' },
      { $code: 'sv', $name: 'Svenska', $dir: 'ltr', signInButton: 'Logga in' },
    );
  });

  afterEach(() => root.removeAttribute('lang'));

  it('prefers the closest ancestor’s lang', async () => {
    root.lang = 'sv';
    const element = await renderIn<TeamsSignIn>({ lang: 'nl' }, html`<teams-sign-in></teams-sign-in>`);
    expect(textOf(element, signInButton)).to.equal('Aanmelden');
  });

  it('prefers the element’s own lang', async () => {
    const element = await renderIn<TeamsSignIn>({ lang: 'sv' }, html`<teams-sign-in lang="nl"></teams-sign-in>`);
    expect(textOf(element, signInButton)).to.equal('Aanmelden');
  });

  it('falls back to the document’s lang', async () => {
    root.lang = 'sv';
    const element = await renderIn<TeamsSignIn>({}, html`<teams-sign-in></teams-sign-in>`);
    expect(textOf(element, signInButton)).to.equal('Logga in');
  });

  it('follows a shadow host’s lang', async () => {
    const host = await fixture<HTMLElement>(html`<section lang="nl"></section>`);
    host.attachShadow({ mode: 'open' }).innerHTML = '<teams-sign-in></teams-sign-in>';
    const element = host.shadowRoot!.querySelector('teams-sign-in')!;
    await nextRender(element);
    expect(textOf(element, signInButton)).to.equal('Aanmelden');
  });

  it('follows a document lang change', async () => {
    const element = await renderIn<TeamsSignIn>({}, html`<teams-sign-in></teams-sign-in>`);
    expect(textOf(element, signInButton)).to.equal('Sign in');
    root.lang = 'nl';
    await buttonReads(element, 'Aanmelden');
    root.lang = 'sv';
    await buttonReads(element, 'Logga in');
  });

  it('follows an ancestor lang change', async () => {
    const element = await renderIn<TeamsSignIn>({ lang: 'nl' }, html`<teams-sign-in></teams-sign-in>`);
    element.parentElement!.lang = 'sv';
    await buttonReads(element, 'Logga in');
    element.parentElement!.removeAttribute('lang');
    await buttonReads(element, 'Sign in');
  });

  it('re-renders on a new translation', async () => {
    const signIn = await renderIn<TeamsSignIn>({ lang: 'da' }, html`<teams-sign-in></teams-sign-in>`);
    const share = await renderIn({ lang: 'da' }, html`<teams-screen-share></teams-screen-share>`);
    expect(textOf(signIn, signInButton)).to.equal('Sign in');
    expect(textOf(share, '[part~="button"]')).to.equal('Share screen');

    registerTranslation({ $code: 'da', $name: 'Dansk', $dir: 'ltr', signInButton: 'Log ind', screenShareStart: 'Del skærm' });
    await buttonReads(signIn, 'Log ind');
    await waitUntil(() => textOf(share, '[part~="button"]') === 'Del skærm', 'the share button is in Danish');
  });

  it('replaces a translation by code, any case', async () => {
    registerTranslation({ $code: 'NL', $name: 'Nederlands', $dir: 'ltr', signInButton: 'Inloggen' });
    const element = await renderIn<TeamsSignIn>({ lang: 'nl-BE' }, html`<teams-sign-in></teams-sign-in>`);
    expect(textOf(element, signInButton)).to.equal('Inloggen');
  });
});
