/**
 * Which message an element shows: the most specific registered translation that has it
 * (`pt-BR`, then `pt`), then a registered English one, then the element's English source.
 */
import { expect, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/call/define.js';
import '../../../src/components/chat/define.js';
import '../../../src/components/sign-in/define.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { registerTranslation } from '../../../src/localization/localize.js';
import { createGroupChat, ignoreResizeObserverNoise, postAs, queryAll, users, waitForChats } from '../chat/support.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { renderIn, textOf } from './support/elements.js';

ignoreResizeObserverNoise();

const hintInEnglish = 'E-mail address or Entra object id. Separate several with commas for a group call.';

describe('translation fallback', () => {
  before(() => {
    registerTranslation(
      { $code: 'pt-BR', $name: 'Português (Brasil)', $dir: 'ltr', callStart: 'Ligar' },
      { $code: 'pt', $name: 'Português', $dir: 'ltr', callStart: 'Telefonar', callTargetLabel: 'Pessoa a contactar', chatPreviewOwn: (text) => `Você: ${text}` },
    );
  });

  beforeEach(() => signInTestSession(users.adele.upn));
  afterEach(() => resetTestSessions());

  it('takes pt-BR, then pt, then English', async () => {
    const element = await renderIn({ lang: 'pt-BR' }, html`<teams-call></teams-call>`);
    expect(textOf(element, '[part~="call-button"]')).to.equal('Ligar');
    expect(textOf(element, 'label[for="target"]')).to.equal('Pessoa a contactar');
    expect(textOf(element, '#target-hint')).to.equal(hintInEnglish);
  });

  it('ignores pt-BR under plain pt', async () => {
    const element = await renderIn({ lang: 'pt' }, html`<teams-call></teams-call>`);
    expect(textOf(element, '[part~="call-button"]')).to.equal('Telefonar');
  });

  it('serves pt-PT from pt', async () => {
    const element = await renderIn({ lang: 'pt-PT' }, html`<teams-call></teams-call>`);
    expect(textOf(element, '[part~="call-button"]')).to.equal('Telefonar');
  });

  it('matches tags in any case', async () => {
    const element = await renderIn({ lang: 'PT-br' }, html`<teams-call></teams-call>`);
    expect(textOf(element, '[part~="call-button"]')).to.equal('Ligar');
  });

  it('shows English without a translation', async () => {
    const element = await renderIn({ lang: 'fi' }, html`<teams-call></teams-call>`);
    expect(textOf(element, '[part~="call-button"]')).to.equal('Call');
  });

  it('fills function messages with values', async () => {
    // A chat of its own, whose last message is Adele's whatever other test files sent elsewhere.
    const chatId = await createGroupChat(users.adele, [users.diego, users.lee], `Preview ${Date.now()}`);
    await postAs(users.adele.upn, chatId, 'See you at nine.');

    const element = await renderIn<TeamsChat>({ lang: 'pt' }, html`<teams-chat></teams-chat>`);
    await waitForChats(element);
    const previews = queryAll(element, '.chat-preview').map((preview) => preview.textContent);
    expect(previews).to.include('Você: See you at nine.');
  });

  describe('a registered English translation', () => {
    const plainEnglish = { $code: 'en', $name: 'English', $dir: 'ltr' } as const;
    afterEach(() => registerTranslation(plainEnglish));

    it('overrides English and untranslated languages', async () => {
      registerTranslation({ ...plainEnglish, signOutButton: 'Log out', callStart: 'Ring' });
      const english = await renderIn({ lang: 'en-GB' }, html`<teams-sign-in></teams-sign-in>`);
      const finnish = await renderIn({ lang: 'fi' }, html`<teams-call></teams-call>`);
      const portuguese = await renderIn({ lang: 'pt' }, html`<teams-call></teams-call>`);
      expect(textOf(english, '[part~="sign-out-button"]')).to.equal('Log out');
      expect(textOf(finnish, '[part~="call-button"]')).to.equal('Ring');
      expect(textOf(portuguese, '[part~="call-button"]')).to.equal('Telefonar');
    });

    it('yields once registered without the message', async () => {
      registerTranslation({ ...plainEnglish, signOutButton: 'Log out' });
      const element = await renderIn({ lang: 'en' }, html`<teams-sign-in></teams-sign-in>`);
      expect(textOf(element, '[part~="sign-out-button"]')).to.equal('Log out');
      registerTranslation(plainEnglish);
      await waitUntil(() => textOf(element, '[part~="sign-out-button"]') === 'Sign out', 'the source string returns');
    });
  });
});
