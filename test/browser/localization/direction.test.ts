/**
 * Text direction: the closest `dir` of the page wins; without one, a right-to-left translation
 * mirrors the element through `dir` on its base part. Layout checks read the rendered boxes.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/chat/define.js';
import '../../../src/components/sign-in/define.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { registerTranslation } from '../../../src/localization/localize.js';
import { ignoreResizeObserverNoise, openChat, query, queryAll, users, waitOptions } from '../chat/support.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { basePart, renderIn, shadowQuery } from './support/elements.js';

ignoreResizeObserverNoise();

const directionOf = (element: HTMLElement) => getComputedStyle(basePart(element)).direction;

describe('text direction', () => {
  before(() => {
    // A right-to-left test language with one message, so that the tests do not depend on `ar`.
    registerTranslation({ $code: 'he', $name: 'עברית', $dir: 'rtl', signInButton: 'כניסה' });
  });

  afterEach(() => {
    document.documentElement.removeAttribute('dir');
    resetTestSessions();
  });

  it('is left to right by default', async () => {
    const element = await renderIn({}, html`<teams-sign-in></teams-sign-in>`);
    expect(basePart(element).dir).to.equal('ltr');
    expect(directionOf(element)).to.equal('ltr');
  });

  it('follows an rtl translation without dir', async () => {
    const element = await renderIn({ lang: 'he-IL' }, html`<teams-sign-in></teams-sign-in>`);
    expect(basePart(element).dir).to.equal('rtl');
    expect(directionOf(element)).to.equal('rtl');
  });

  it('prefers the page’s dir to the translation', async () => {
    const element = await renderIn({ lang: 'he', dir: 'ltr' }, html`<teams-sign-in></teams-sign-in>`);
    expect(directionOf(element)).to.equal('ltr');
  });

  it('follows the document’s dir in English', async () => {
    document.documentElement.dir = 'rtl';
    const element = await renderIn({}, html`<teams-sign-in></teams-sign-in>`);
    expect(directionOf(element)).to.equal('rtl');
  });

  it('skips dir="auto" for the translation', async () => {
    const element = await renderIn({ lang: 'he', dir: 'auto' }, html`<teams-sign-in></teams-sign-in>`);
    expect(directionOf(element)).to.equal('rtl');
  });

  it('follows an ancestor dir change', async () => {
    const element = await renderIn({ lang: 'he' }, html`<teams-sign-in></teams-sign-in>`);
    element.parentElement!.dir = 'ltr';
    await waitUntil(() => directionOf(element) === 'ltr', 'the element turns left to right');
    element.parentElement!.removeAttribute('dir');
    await waitUntil(() => directionOf(element) === 'rtl', 'the element turns right to left again');
  });

  describe('layout of <teams-chat>', () => {
    async function openThread(dir: 'ltr' | 'rtl'): Promise<TeamsChat> {
      await signInTestSession(users.adele.upn);
      const element = await renderIn<TeamsChat>({ dir }, html`<teams-chat style="width: 900px"></teams-chat>`);
      await openChat(element, 'Diego Siciliani');
      return element;
    }

    const box = (element: HTMLElement, selector: string) => shadowQuery(element, selector).getBoundingClientRect();

    it('places Send right of the box in ltr', async () => {
      const element = await openThread('ltr');
      expect(box(element, '[part~="send-button"]').left).to.be.at.least(box(element, '[part~="input"]').right);
      expect(box(element, '[part~="chat-list-panel"]').right).to.be.at.most(box(element, '[part~="thread"]').left + 1);
    });

    it('places Send left and list right in rtl', async () => {
      const element = await openThread('rtl');
      expect(box(element, '[part~="send-button"]').right).to.be.at.most(box(element, '[part~="input"]').left);
      expect(box(element, '[part~="chat-list-panel"]').left).to.be.at.least(box(element, '[part~="thread"]').right - 1);
    });

    it('places avatars right of names in rtl', async () => {
      const element = await openThread('rtl');
      const item = shadowQuery(element, '[part~="chat-list-item"]');
      const avatar = item.querySelector('[part~="avatar"]')!.getBoundingClientRect();
      const name = item.querySelector('.chat-name')!.getBoundingClientRect();
      expect(avatar.left).to.be.at.least(name.right);
      expect(getComputedStyle(shadowQuery(element, '[part~="input"]')).direction).to.equal('rtl');
    });

    it('moves through the menu with ArrowLeft in rtl', async () => {
      const element = await openThread('rtl');
      query<HTMLButtonElement>(element, '[part~="message-options"]')!.click();
      await waitUntil(() => element.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem', 'the first item takes focus', waitOptions);
      const items = queryAll(element, '[part~="message-menu"] [role="menuitem"]');
      // More than two items, so that a wrong step backwards lands on the last item, not the second.
      expect(items.length).to.be.above(2);
      expect(items[1]!.getBoundingClientRect().right).to.be.at.most(items[0]!.getBoundingClientRect().left + 1);

      await sendKeys({ press: 'ArrowLeft' });
      expect(element.shadowRoot!.activeElement).to.equal(items[1]);
      await sendKeys({ press: 'ArrowRight' });
      expect(element.shadowRoot!.activeElement).to.equal(items[0]);
    });
  });
});
