import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/chat/define.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import type { ChatChangeChannel, ChatChangeListener } from '../../../src/services/chat/change-channel.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import {
  armFault,
  clearFaults,
  createGroupChat,
  ignoreResizeObserverNoise,
  messageRow,
  postAs,
  query,
  readAs,
  users,
  waitForMessage,
  waitOptions,
} from './support.js';

ignoreResizeObserverNoise();

/** The seed group chat "Spring sale staffing", whose chart image the image test shows again. */
const staffingGroupChatId = '19:5a1e7c0d3b9f4e2a8c6d1f0b7e3a9c21@thread.v2';

const frames = (count = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function scroller(element: TeamsChat): HTMLElement {
  return query(element, '[part~="messages"]')!;
}

/** Whether the whole of the message row containing `text` lies inside the scroller's box. */
function inView(element: TeamsChat, text: string): boolean {
  const row = messageRow(element, text);
  if (row === undefined) return false;
  const box = scroller(element).getBoundingClientRect();
  const rect = row.getBoundingClientRect();
  return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
}

/** Pixels below the bottom of the scroller's box that the row containing `text` ends. */
function hiddenBelow(element: TeamsChat, text: string): number {
  const row = messageRow(element, text);
  if (row === undefined) return Number.NaN;
  return Math.round(row.getBoundingClientRect().bottom - scroller(element).getBoundingClientRect().bottom);
}

/** Scrolls like a user, to `distance` pixels from the end, and waits until the position holds. */
async function scrollToDistanceFromEnd(element: TeamsChat, distance: number): Promise<void> {
  const messages = scroller(element);
  for (let attempt = 0; attempt < 10; attempt++) {
    messages.scrollTop = messages.scrollHeight - messages.clientHeight - distance;
    await frames(3);
    if (Math.abs(messages.scrollHeight - messages.clientHeight - messages.scrollTop - distance) < 1) return;
  }
}

/**
 * Scrolls by one pixel at the bottom, as a user resting a hand on a trackpad does, once the
 * thread's own corrections are over, so that the virtualizer takes it for the user's scroll.
 */
async function nudgeAtBottom(element: TeamsChat): Promise<void> {
  await pause(300);
  const messages = scroller(element);
  const distance = messages.scrollHeight - messages.clientHeight - messages.scrollTop;
  await scrollToDistanceFromEnd(element, distance < 0.5 ? 1 : 0);
}

/** Text of the first message row whose top is inside the scroller's box. */
function firstRowInView(element: TeamsChat): string {
  const box = scroller(element).getBoundingClientRect();
  const row = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]')].find((candidate) => candidate.getBoundingClientRect().top >= box.top);
  return row!.querySelector('[part~="body"]')!.textContent!.trim();
}

/** Distance of the row containing `text` from the top of the scroller's box. */
function offsetInView(element: TeamsChat, text: string): number {
  return messageRow(element, text)!.getBoundingClientRect().top - scroller(element).getBoundingClientRect().top;
}

function newMessagesButton(element: TeamsChat): HTMLButtonElement | null {
  return query<HTMLButtonElement>(element, '[part~="new-messages-button"]');
}

describe('<teams-chat> follows new messages', () => {
  let chatId: string;
  let element: TeamsChat;

  beforeEach(async () => {
    await signInTestSession(users.diego.upn);
    chatId = await createGroupChat(users.adele, [users.diego, users.lee], `Follow ${Date.now()}`);
    // Senders and lengths vary, as in a real chat, so rows differ in height from the virtualizer's estimate.
    const senders = [users.adele, users.lee, users.lee, users.diego];
    for (let index = 1; index <= 24; index++) {
      const words = index % 3 === 0 ? ' with a longer text that wraps over more than one line in the thread'.repeat(3) : '';
      await postAs(senders[index % senders.length]!.upn, chatId, `History line ${index}${words}`);
    }
    element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="2"></teams-chat>`);
    await waitForMessage(element, 'History line 24');
    await waitUntil(() => inView(element, 'History line 24'), 'the newest message shows', waitOptions);
  });

  afterEach(async () => {
    resetTestSessions();
    localStorage.clear();
    await clearFaults();
  });

  it('follows a user 1px from the bottom', async () => {
    await nudgeAtBottom(element);
    await postAs(users.adele.upn, chatId, 'Arrived by polling');
    await waitForMessage(element, 'Arrived by polling');
    await pause(400);
    expect(hiddenBelow(element, 'Arrived by polling'), 'pixels hidden below the view').to.be.at.most(1);
    expect(inView(element, 'Arrived by polling')).to.equal(true);
    expect(newMessagesButton(element)).to.equal(null);
  });

  it('follows a multi-line message', async () => {
    await nudgeAtBottom(element);
    const lines = Array.from({ length: 8 }, (_, index) => `<p>Line ${index + 1} of a long one</p>`).join('');
    await postAs(users.adele.upn, chatId, lines, { html: true });
    await waitForMessage(element, 'Line 8 of a long one');
    await pause(400);
    expect(inView(element, 'Line 8 of a long one')).to.equal(true);
  });

  it('follows a late-loading image', async () => {
    // The seed chart, shown without a size so that its row grows when the image arrives.
    const chart = (await readAs(users.lee.upn, staffingGroupChatId, 50)).find((message) => message.body.content.includes('<img'))!;
    const source = /src="([^"]+)"/.exec(chart.body.content)![1]!;
    await armFault('graph.get-hosted-content', { delayMs: 1500 });

    await nudgeAtBottom(element);
    await postAs(users.adele.upn, chatId, `<p>Chart below</p><p><img src="${source}" alt="Chart"></p><p>Under the chart</p>`, { html: true });
    const row = await waitForMessage(element, 'Under the chart');
    await waitUntil(() => messageRow(element, 'Under the chart')?.querySelector('img')?.dataset['imageState'] === 'loaded', 'the image loads', waitOptions);
    const image = messageRow(element, 'Under the chart')!.querySelector('img')!;
    await waitUntil(() => image.complete && image.naturalHeight > 0, 'the image decodes', waitOptions);
    await pause(400);
    expect(row.isConnected).to.equal(true);
    expect(messageRow(element, 'Under the chart')!.getBoundingClientRect().height).to.be.greaterThan(140);
    expect(inView(element, 'Under the chart')).to.equal(true);
  });

  it('follows a pushed message', async () => {
    const listeners: ChatChangeListener[] = [];
    const channel: ChatChangeChannel = {
      subscribe: (_chatId, listener) => {
        listeners.push(listener);
        return () => undefined;
      },
    };
    const pushed = await fixture<TeamsChat>(html`<teams-chat .changeChannel=${channel} chat-id=${chatId} poll-interval="600"></teams-chat>`);
    element.remove();
    await waitUntil(() => inView(pushed, 'History line 24'), 'the newest message shows', waitOptions);
    listeners.at(-1)!.connection(true);
    await nudgeAtBottom(pushed);

    await postAs(users.adele.upn, chatId, 'Arrived by push');
    listeners.at(-1)!.changed({ chatId });
    await waitForMessage(pushed, 'Arrived by push');
    await pause(400);
    expect(inView(pushed, 'Arrived by push')).to.equal(true);
  });

  it('keeps a reader in history in place', async () => {
    await scrollToDistanceFromEnd(element, 300);
    const reading = firstRowInView(element);
    const before = offsetInView(element, reading);

    await postAs(users.adele.upn, chatId, 'First while away');
    await postAs(users.adele.upn, chatId, 'Second while away');
    await waitForMessage(element, 'Second while away');
    await waitUntil(() => newMessagesButton(element) !== null, 'the button shows', waitOptions);
    await waitUntil(() => newMessagesButton(element)?.textContent?.trim() === '2 new messages', 'both are counted', waitOptions);
    await pause(300);
    expect(Math.abs(offsetInView(element, reading) - before), 'movement of the message being read').to.be.lessThan(2);
    expect(inView(element, 'Second while away')).to.equal(false);

    const button = newMessagesButton(element)!;
    expect(button.tagName).to.equal('BUTTON');
    expect(button.getAttribute('type')).to.equal('button');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inView(element, 'Second while away'), 'the newest message shows', waitOptions);
    await waitUntil(() => newMessagesButton(element) === null, 'the button goes', waitOptions);
    // Focus stays in the thread rather than falling back to the page.
    expect(element.shadowRoot!.activeElement).to.equal(scroller(element));
  });

  it('hides the button at the bottom', async () => {
    await scrollToDistanceFromEnd(element, 300);
    await postAs(users.adele.upn, chatId, 'One while away');
    await waitUntil(() => newMessagesButton(element)?.textContent?.trim() === '1 new message', 'the button shows', waitOptions);

    await scrollToDistanceFromEnd(element, 0);
    await waitUntil(() => newMessagesButton(element) === null, 'the button goes', waitOptions);
    expect(inView(element, 'One while away')).to.equal(true);
  });
});
