/** The German and Arabic translations that ship as `teams-elements/locales/de` and `/ar`. */
import { expect, html } from '@open-wc/testing';

import '../../../src/components/call/define.js';
import '../../../src/components/chat/define.js';
import '../../../src/components/screen-share/define.js';
import '../../../src/components/sign-in/define.js';
import { registerTranslation, type Translation } from '../../../src/localization/localize.js';
import { ar } from '../../../src/locales/ar.js';
import { de } from '../../../src/locales/de.js';
import { users } from '../chat/support.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { basePart, renderIn, textOf } from './support/elements.js';
import { sourceMessages } from './support/source-messages.js';

/** A message's text with sample values, so that function messages compare too. */
function sample(translation: object, key: string): string {
  const message = (translation as Record<string, unknown>)[key];
  return typeof message === 'function' ? (message as (...values: unknown[]) => string)('Alex', 'Beth') : String(message);
}

describe('shipped translations', () => {
  before(() => registerTranslation(de, ar));

  afterEach(() => resetTestSessions());

  for (const [translation, sameAsEnglish] of [
    // Words German Teams uses as they are in English, and the neutral "name: text" forms.
    [de, ['chatListLabel', 'chatUntitled', 'callGalleryRegion', 'chatEmojiPicker', 'chatPreviewFrom', 'chatReaction']],
    [ar, ['chatPreviewFrom', 'chatReaction']],
  ] as Array<[Translation, string[]]>) {
    it(`${translation.$code} translates every message`, () => {
      const keys = Object.keys(translation).filter((key) => !key.startsWith('$'));
      expect(keys.sort()).to.deep.equal(Object.keys(sourceMessages).sort());
      const untranslated = keys.filter((key) => sample(translation, key) === sample(sourceMessages, key));
      expect(untranslated.sort()).to.deep.equal([...sameAsEnglish].sort());
    });
  }

  it('German: signed out', async () => {
    const signIn = await renderIn({ lang: 'de-DE' }, html`<teams-sign-in></teams-sign-in>`);
    const call = await renderIn({ lang: 'de-DE' }, html`<teams-call></teams-call>`);
    const share = await renderIn({ lang: 'de-DE' }, html`<teams-screen-share></teams-screen-share>`);
    const chat = await renderIn({ lang: 'de-DE' }, html`<teams-chat></teams-chat>`);
    expect(textOf(signIn, '[part~="sign-in-button"]')).to.equal('Anmelden');
    expect(textOf(call, '[part~="sign-in-prompt"]')).to.equal('Melden Sie sich an, um Anrufe zu tätigen und zu empfangen.');
    expect(textOf(share, '[part~="button"]')).to.equal('Bildschirm freigeben');
    expect(textOf(chat, '[part~="sign-in-prompt"]')).to.equal('Melden Sie sich an, um mit Ihren Teams-Kontakten zu chatten.');
    for (const element of [signIn, call, share, chat]) expect(basePart(element).dir).to.equal('ltr');
  });

  it('German: signed in', async () => {
    await signInTestSession(users.adele.upn);
    const signIn = await renderIn({ lang: 'de' }, html`<teams-sign-in></teams-sign-in>`);
    const call = await renderIn({ lang: 'de' }, html`<teams-call></teams-call>`);
    expect(textOf(signIn, '[part~="sign-out-button"]')).to.equal('Abmelden');
    expect(textOf(call, '[part~="call-button"]')).to.equal('Anrufen');
    expect(textOf(call, 'label[for="passcode"]')).to.equal('Kenncode');
  });

  it('Arabic: signed out, right to left', async () => {
    const signIn = await renderIn({ lang: 'ar' }, html`<teams-sign-in></teams-sign-in>`);
    const call = await renderIn({ lang: 'ar' }, html`<teams-call></teams-call>`);
    const share = await renderIn({ lang: 'ar' }, html`<teams-screen-share></teams-screen-share>`);
    const chat = await renderIn({ lang: 'ar' }, html`<teams-chat></teams-chat>`);
    expect(textOf(signIn, '[part~="sign-in-button"]')).to.equal('تسجيل الدخول');
    expect(textOf(call, '[part~="sign-in-prompt"]')).to.equal('سجّل الدخول لإجراء المكالمات وتلقيها.');
    expect(textOf(share, '[part~="button"]')).to.equal('مشاركة الشاشة');
    expect(textOf(chat, '[part~="sign-in-prompt"]')).to.equal('سجّل الدخول للدردشة مع جهات اتصالك في Teams.');
    for (const element of [signIn, call, share, chat]) expect(getComputedStyle(basePart(element)).direction).to.equal('rtl');
  });

  it('Arabic: signed in', async () => {
    await signInTestSession(users.adele.upn);
    const call = await renderIn({ lang: 'ar-EG' }, html`<teams-call></teams-call>`);
    expect(textOf(call, '[part~="call-button"]')).to.equal('اتصال');
    expect(getComputedStyle(basePart(call)).direction).to.equal('rtl');
  });

  it('Arabic counts people in its six plural forms', () => {
    const waiting = [1, 2, 3, 11, 100].map((count) => ar.callLobbyWaiting(count));
    expect(waiting).to.deep.equal([
      'شخص واحد ينتظر في ساحة الانتظار.',
      'شخصان ينتظران في ساحة الانتظار.',
      '3 أشخاص ينتظرون في ساحة الانتظار.',
      '11 شخصًا ينتظرون في ساحة الانتظار.',
      '100 شخص ينتظرون في ساحة الانتظار.',
    ]);
    expect(ar.callInMeeting(0)).to.equal('في الاجتماع. لا يوجد أحد آخر هنا بعد.');
  });

  it('German counts people in singular and plural', () => {
    expect([0, 1, 4].map((others) => de.callInMeeting(others))).to.deep.equal([
      'In der Besprechung. Noch ist niemand sonst da.',
      'In der Besprechung mit 1 weiteren Person',
      'In der Besprechung mit 4 weiteren Personen',
    ]);
  });
});
