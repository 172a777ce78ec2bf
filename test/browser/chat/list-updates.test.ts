import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/chat/define.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { listPollPolicy } from '../../../src/components/chat/list-schedule.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import {
  chatButton,
  clearFaults,
  createGroupChat,
  messageRow,
  ignoreResizeObserverNoise,
  postAs,
  query,
  users,
  waitForChats,
  waitForMessage,
  waitOptions,
} from './support.js';

ignoreResizeObserverNoise();

/** The preview line of the chat named `topic` in the list. */
function previewOf(element: TeamsChat, topic: string): string | undefined {
  return chatButton(element, topic)?.querySelector('.chat-preview')?.textContent ?? undefined;
}

async function openMenu(element: TeamsChat, text: string): Promise<HTMLElement> {
  const row = await waitForMessage(element, text);
  row.querySelector<HTMLButtonElement>('[part~="message-options"]')!.click();
  await waitUntil(() => query(element, '[part~="message-menu"]') !== null, 'the menu opens', waitOptions);
  return query<HTMLElement>(element, '[part~="message-menu"]')!;
}

function menuItem(menu: HTMLElement, name: string): HTMLButtonElement {
  return [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((item) => (item.getAttribute('aria-label') ?? item.textContent?.trim()) === name)!;
}

describe('<teams-chat> keeps the chat list current', () => {
  let topic: string;
  let chatId: string;

  beforeEach(async () => {
    await signInTestSession(users.adele.upn);
    topic = `List sync ${Date.now()}`;
    chatId = await createGroupChat(users.adele, [users.diego, users.lee], topic);
    await postAs(users.diego.upn, chatId, 'Diego starts');
  });

  afterEach(async () => {
    resetTestSessions();
    localStorage.clear();
    await clearFaults();
  });

  async function sendOwn(element: TeamsChat, text: string, sent = 'Sent'): Promise<void> {
    query<HTMLTextAreaElement>(element, 'textarea')!.focus();
    await sendKeys({ type: text });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messageRow(element, text)?.querySelector('[part~="delivery"]')?.textContent?.trim() === sent, 'the message is sent', waitOptions);
  }

  it('shows an edit at once', async () => {
    // A long list interval, so only the thread can have told the list.
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600"></teams-chat>`);
    await waitForMessage(element, 'Diego starts');
    await sendOwn(element, 'Message to be edited');
    expect(previewOf(element, topic)).to.equal('You: Message to be edited');

    menuItem(await openMenu(element, 'Message to be edited'), 'Edit').click();
    await waitUntil(() => query(element, '[part~="editing-banner"]') !== null, 'editing starts', waitOptions);
    query<HTMLTextAreaElement>(element, 'textarea')!.select();
    await sendKeys({ type: 'Message after the edit' });
    await sendKeys({ press: 'Enter' });
    await waitForMessage(element, 'Message after the edit');
    await waitUntil(() => previewOf(element, topic) === 'You: Message after the edit', 'the list shows the edit', waitOptions);
  });

  it('shows a deleted last message', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600"></teams-chat>`);
    await waitForMessage(element, 'Diego starts');
    await sendOwn(element, 'Message to be deleted');

    menuItem(await openMenu(element, 'Message to be deleted'), 'Delete').click();
    await waitUntil(() => query(element, '[part~="deleted-message"]') !== null, 'the message shows as deleted', waitOptions);
    await waitUntil(() => previewOf(element, topic) === 'This message was deleted.', 'the list says it was deleted', waitOptions);
  });

  it('shows a deleted preview in German', async () => {
    const { registerTranslation } = await import('../../../src/localization/localize.js');
    const { de } = await import('../../../src/locales/de.js');
    registerTranslation(de);
    const container = await fixture<HTMLElement>(html`<div lang="de"><teams-chat chat-id=${chatId} poll-interval="600"></teams-chat></div>`);
    const element = container.querySelector<TeamsChat>('teams-chat')!;
    await waitForMessage(element, 'Diego starts');
    await sendOwn(element, 'Gleich weg', 'Gesendet');
    menuItem(await openMenu(element, 'Gleich weg'), 'Löschen').click();
    await waitUntil(() => previewOf(element, topic) === 'Diese Nachricht wurde gelöscht.', 'the list says it was deleted', waitOptions);

    // Graph's list says the same once the chat is closed.
    query<HTMLButtonElement>(element, '[part~="chat-list-item"]:not([aria-current="true"])')!.click();
    await element.refresh();
    await waitUntil(() => previewOf(element, topic) === 'Diese Nachricht wurde gelöscht.', 'the list read from Graph says it too', waitOptions);
  });

  it('shows an arrived message', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="1"></teams-chat>`);
    await waitForMessage(element, 'Diego starts');
    await postAs(users.lee.upn, chatId, 'Lee replies');
    await waitForMessage(element, 'Lee replies');
    await waitUntil(() => previewOf(element, topic) === 'Lee: Lee replies', 'the list shows the reply', waitOptions);
  });

  it('lists a new chat within two checks', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="1"></teams-chat>`);
    await waitForChats(element);
    await waitForMessage(element, 'Diego starts');

    const newTopic = `Started by Diego ${Date.now()}`;
    const started = Date.now();
    const newChat = await createGroupChat(users.diego, [users.adele, users.megan], newTopic);
    await postAs(users.diego.upn, newChat, 'Welcome, Adele');
    await waitUntil(() => chatButton(element, newTopic) !== undefined, 'the new chat is listed', waitOptions);
    expect(Date.now() - started).to.be.lessThan(5000);
    expect(previewOf(element, newTopic)).to.equal('Diego: Welcome, Adele');
  });

  it('reads the list every second interval', () => {
    expect(listPollPolicy(15_000)).to.deep.equal({ visibleIntervalMs: 30_000, idleIntervalMs: 240_000, hiddenIntervalMs: 600_000 });
    expect(listPollPolicy(1_000)).to.deep.equal({ visibleIntervalMs: 2_000, idleIntervalMs: 240_000, hiddenIntervalMs: 600_000 });
  });
});
