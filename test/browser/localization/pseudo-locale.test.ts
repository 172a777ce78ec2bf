/**
 * Every text the elements show or read out comes through the localization layer: under a
 * pseudo-locale that marks each message, any unmarked word on screen is a hard-coded string.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/call/define.js';
import '../../../src/components/chat/define.js';
import '../../../src/components/screen-share/define.js';
import '../../../src/components/sign-in/define.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { registerTranslation } from '../../../src/localization/localize.js';
import { configureSession } from '../../../src/services/session/registry.js';
import { chatButton, graphAs, ignoreResizeObserverNoise, openChat, query, users, waitForChats, waitOptions } from '../chat/support.js';
import { sandboxClientId, sandboxOrigin } from '../support/sandbox.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { catalogKeyCount, pseudoCode, pseudoTranslation } from './support/pseudo-translation.js';
import { calendarWords, unmarkedTexts, type UserData } from './support/unmarked-texts.js';

ignoreResizeObserverNoise();

/**
 * What people and Graph put on screen, which no catalog translates:
 * - message bodies, HTML from Graph with its attributes;
 * - the text of avatars (initials) and of the sign-in configuration error's detail, which is for
 *   the site's developer and stays in English;
 * - the sandbox users' names and usernames, and the seed chats' topics, attachments and quote
 *   (sandbox/server/graph/seed.ts);
 * - month and weekday names, which `Intl` writes.
 * Numbers, times, emoji and punctuation are allowed everywhere.
 */
const userData: UserData = {
  contentParts: ['body'],
  textParts: ['avatar', 'detail'],
  texts: [
    ...Object.values(users).flatMap((user) => [user.name, user.upn]),
    'Nestor Wilke',
    'Spring sale staffing',
    'Weekly retail sync',
    'Spring staffing.xlsx',
    'Shift swap approved',
    'Saturday 9:00–17:00, store 12',
    'Inventory count',
    'Lee Gu, can you bring the Fabrikam numbers?',
    ...calendarWords(pseudoCode),
  ],
};

async function render<T extends HTMLElement>(template: ReturnType<typeof html>): Promise<T> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${pseudoCode}>${template}</div>`);
  const element = wrapper.firstElementChild as T & { updateComplete?: Promise<unknown> };
  await element.updateComplete;
  return element;
}

function expectAllMarked(element: HTMLElement, moreUserTexts: string[] = []): void {
  const found = unmarkedTexts(element.shadowRoot!, { ...userData, texts: [...userData.texts, ...moreUserTexts] });
  expect(found, `texts that bypass the localization layer:\n${found.map((item) => `  ${item.where}: ${JSON.stringify(item.text)}`).join('\n')}\n`).to.deep.equal([]);
}

/**
 * Returns the topics of Adele's chats as Graph has them now. Other test files create chats in the
 * same sandbox, and their topics are user data like the seed's.
 */
async function adeleChatTopics(): Promise<string[]> {
  const topics: string[] = [];
  for (let path: string | undefined = '/me/chats'; path !== undefined; ) {
    const response = await graphAs(users.adele.upn, path);
    expect(response.status).to.equal(200);
    const page = (await response.json()) as { value: Array<{ topic: string | null }>; '@odata.nextLink'?: string };
    topics.push(...page.value.flatMap((chat) => (chat.topic ? [chat.topic] : [])));
    const next = page['@odata.nextLink'];
    path = next === undefined ? undefined : next.slice(next.indexOf('/v1.0') + '/v1.0'.length);
  }
  return topics;
}

describe('pseudo-locale', () => {
  before(() => registerTranslation(pseudoTranslation()));
  afterEach(() => resetTestSessions());

  it('finds an unmarked text and an unmarked label', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>⟦Sent⟧ 10:42</p><button aria-label="Close">⟦Send⟧</button><p>Hello</p>';
    expect(unmarkedTexts(host.shadowRoot!, userData).map((item) => item.text)).to.deep.equal(['Close', 'Hello']);
  });

  it('marks every message of every catalog', () => {
    const translation = pseudoTranslation();
    expect(Object.keys(translation).filter((key) => !key.startsWith('$'))).to.have.length(catalogKeyCount);
  });

  describe('<teams-sign-in>', () => {
    it('signed out, without a configuration', async () => {
      expectAllMarked(await render(html`<teams-sign-in></teams-sign-in>`));
    });

    it('ready to sign in', async () => {
      configureSession({ clientId: sandboxClientId, authority: `${sandboxOrigin}/organizations/v2.0`, exchange: `${sandboxOrigin}/api/token-exchange` });
      expectAllMarked(await render(html`<teams-sign-in></teams-sign-in>`));
    });

    it('signed in', async () => {
      await signInTestSession(users.adele.upn);
      const element = await render(html`<teams-sign-in></teams-sign-in>`);
      expect(element.shadowRoot!.querySelector('[part~="sign-out-button"]')).to.not.equal(null);
      expectAllMarked(element);
    });

    it('with a configuration error', async () => {
      const element = await render(html`<teams-sign-in client-id="not a client id" authority="ftp://example.invalid"></teams-sign-in>`);
      expectAllMarked(element);
    });
  });

  describe('<teams-chat>', () => {
    it('signed out', async () => {
      expectAllMarked(await render(html`<teams-chat></teams-chat>`));
    });

    it('with the chat list', async () => {
      await signInTestSession(users.adele.upn);
      const element = await render<TeamsChat>(html`<teams-chat></teams-chat>`);
      await waitForChats(element);
      expectAllMarked(element, await adeleChatTopics());
    });

    it('with an open group chat, its messages and the composer', async () => {
      await signInTestSession(users.adele.upn);
      const element = await render<TeamsChat>(html`<teams-chat></teams-chat>`);
      await waitForChats(element);
      await waitUntil(() => chatButton(element, 'Spring sale staffing') !== undefined, 'the group chat is listed', waitOptions);
      await openChat(element, 'Spring sale staffing');
      expect(query(element, '[part~="composer"]')).to.not.equal(null);
      expectAllMarked(element, await adeleChatTopics());
    });

    it('with a message menu and the emoji picker open', async () => {
      await signInTestSession(users.adele.upn);
      const element = await render<TeamsChat>(html`<teams-chat></teams-chat>`);
      await openChat(element, 'Diego Siciliani');
      query<HTMLButtonElement>(element, '[part~="message-options"]')!.click();
      await waitUntil(() => query(element, '[part~="message-menu"]') !== null, 'the menu opens', waitOptions);
      expectAllMarked(element, await adeleChatTopics());

      query<HTMLButtonElement>(element, '[part~="emoji-button"]')!.click();
      await waitUntil(() => query(element, '[part~="emoji-picker"]') !== null, 'the picker opens', waitOptions);
      expectAllMarked(element, await adeleChatTopics());
    });

    it('starting a new chat', async () => {
      await signInTestSession(users.adele.upn);
      const element = await render<TeamsChat>(html`<teams-chat></teams-chat>`);
      await waitForChats(element);
      query<HTMLButtonElement>(element, '[part~="new-chat-button"]')!.click();
      await element.updateComplete;
      expect(query(element, '[part~="new-chat"]')).to.not.equal(null);
      expectAllMarked(element, await adeleChatTopics());
    });
  });

  describe('<teams-call>', () => {
    it('signed out', async () => {
      expectAllMarked(await render(html`<teams-call></teams-call>`));
    });

    it('with the call and meeting forms', async () => {
      await signInTestSession(users.adele.upn);
      const element = await render(html`<teams-call></teams-call>`);
      expect(element.shadowRoot!.querySelector('[part~="form"]')).to.not.equal(null);
      expectAllMarked(element);
    });
  });

  describe('<teams-screen-share>', () => {
    it('signed out', async () => {
      expectAllMarked(await render(html`<teams-screen-share></teams-screen-share>`));
    });

    it('signed in, without a call', async () => {
      await signInTestSession(users.adele.upn);
      expectAllMarked(await render(html`<teams-screen-share></teams-screen-share>`));
    });
  });
});
