import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';

import '../../../src/components/chat/define.js';
import type { ChatOpenDetail } from '../../../src/components/chat/chat.events.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { sandboxOrigin } from '../support/sandbox.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { chatButton, ignoreResizeObserverNoise, query, queryAll, scrollToTop, users, waitForChats, waitForMessage, waitOptions } from './support.js';

ignoreResizeObserverNoise();

/** Rows the virtualizer may render for a 480px thread: the view plus 1,000px either side. */
const maximumRenderedRows = 120;

/** Graph requests for one chat, by path, that started after `since` (a `performance.now()` time). */
function chatRequestsSince(chatId: string, since: number): string[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.startTime >= since && decodeURIComponent(new URL(entry.name).pathname).includes(`/chats/${chatId}`))
    .map((entry) => decodeURIComponent(new URL(entry.name).pathname));
}

/** Returns the texts of the message rows whose top is inside the scroller's box. */
function visibleMessages(element: TeamsChat): string[] {
  const box = query(element, '[part~="messages"]')!.getBoundingClientRect();
  return queryAll(element, '[part~="message"]')
    .filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.top >= box.top && rect.top < box.bottom;
    })
    .map((row) => row.querySelector('[part~="body"]')?.textContent?.trim() ?? '');
}

describe('a 10,000-message chat', () => {
  let chatId: string;
  let topic: string;

  before(async () => {
    const response = await fetch(`${sandboxOrigin}/__sandbox/graph/long-chat`, { method: 'POST', body: '{}' });
    chatId = ((await response.json()) as { chatId: string }).chatId;
    topic = 'Long history (10,000 messages)';
    performance.setResourceTimingBufferSize(5000);
  });

  beforeEach(() => signInTestSession(users.adele.upn));

  afterEach(() => {
    resetTestSessions();
    localStorage.clear();
  });

  it('shows the newest messages after one request', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
    await waitForChats(element);
    await waitUntil(() => chatButton(element, topic) !== undefined, 'the long chat is listed', waitOptions);

    performance.clearResourceTimings();
    const started = performance.now();
    const opened = oneEvent<CustomEvent<ChatOpenDetail>>(element, 'teams-chat-open');
    chatButton(element, topic)!.click();
    await opened;
    await waitForMessage(element, 'Message 10000 of 10000');

    const requests = chatRequestsSince(chatId, started).filter((path) => !path.endsWith('/markChatReadForUser'));
    expect(requests).to.deep.equal([`/graph/v1.0/chats/${chatId}/messages`]);
    expect(visibleMessages(element).at(-1)).to.match(/^Message 10000 of 10000/);
  });

  it('renders a bounded number of rows while scrolling back', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600"></teams-chat>`);
    await waitForMessage(element, 'Message 10000 of 10000');
    expect(queryAll(element, '.row').length).to.be.lessThan(maximumRenderedRows);

    for (let page = 1; page <= 3; page++) {
      // Each page of 50 ends with the message numbered 10000 - 50 × (page + 1) + 1.
      const oldest = `message ${10_000 - 50 * (page + 1) + 1}`;
      // Scrolling up again while the page loads is what a user does, and survives a busy machine.
      await waitUntil(
        async () => {
          await scrollToTop(element);
          return queryAll(element, '[part~="body"]').some((body) => body.textContent?.toLowerCase().includes(oldest));
        },
        `page ${page} loads`,
        waitOptions,
      );
      expect(queryAll(element, '.row').length, `rows after page ${page}`).to.be.lessThan(maximumRenderedRows);
    }
  });

  it('keeps the reading position when older messages load', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600"></teams-chat>`);
    await waitForMessage(element, 'Message 10000 of 10000');

    await scrollToTop(element);
    await waitUntil(() => queryAll(element, '[part~="message"]').some((row) => row.textContent?.includes('Message 9950 of')), 'the older page loads', waitOptions);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const inView = visibleMessages(element);
    expect(inView.some((text) => text.startsWith('Message 9951 of 10000') || text.startsWith('Message 9952 of 10000'))).to.equal(true);
    expect(query(element, '[part~="messages"]')!.scrollTop).to.be.greaterThan(1000);
  });
});
