import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/chat/define.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import type { ChatChangeChannel, ChatChangeListener } from '../../../src/services/chat/change-channel.js';
import { ChatService } from '../../../src/services/chat/chat-service.js';
import type { ChatThread } from '../../../src/services/chat/chat-thread.js';
import { defaultPollPolicy, nextPollDelay } from '../../../src/services/chat/poll-schedule.js';
import { Poller, type PollStatus } from '../../../src/services/chat/poller.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { armFault, clearFaults, createGroupChat, ignoreResizeObserverNoise, postAs, query, users, waitForMessage, waitForRows, waitOptions } from './support.js';

ignoreResizeObserverNoise();

/** A push channel the test drives: it records subscriptions, and the test calls their listeners. */
class FakeChannel implements ChatChangeChannel {
  readonly listeners = new Map<string, ChatChangeListener>();

  subscribe(chatId: string, listener: ChatChangeListener): () => void {
    this.listeners.set(chatId, listener);
    return () => this.listeners.delete(chatId);
  }
}

/** A page whose visibility the test switches. */
class FakePage extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';

  hide(): void {
    this.visibilityState = 'hidden';
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

/** Graph requests for a chat's messages that started after `since` (a `performance.now()` time). */
function messageRequestsSince(chatId: string, since: number): PerformanceResourceTiming[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => {
    const url = new URL(entry.name);
    return entry.startTime >= since && decodeURIComponent(url.pathname).endsWith(`/chats/${chatId}/messages`);
  });
}

describe('updates', () => {
  let chatId: string;

  before(async () => {
    chatId = await createGroupChat(users.adele, [users.diego, users.lee], `Updates ${Date.now()}`);
    await postAs(users.diego.upn, chatId, 'First message');
  });

  beforeEach(() => signInTestSession(users.adele.upn));

  afterEach(async () => {
    resetTestSessions();
    localStorage.clear();
    await clearFaults();
  });

  it('shows the slowed-down state on 429', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="1"></teams-chat>`);
    await waitForRows(element);
    await armFault('graph.list-messages', { status: 429, retryAfterSeconds: 30 });

    await waitUntil(() => query(element, '[part~="updates-status"]') !== null, 'the slowed-down line shows', waitOptions);
    const line = query(element, '[part~="updates-status"]')!;
    expect(line.getAttribute('role')).to.equal('status');
    expect(line.textContent).to.include('Updates are slowed down because Microsoft Teams asked this page to wait.');
    expect(line.textContent).to.match(/Next check in (29|30) s\./);
    expect(query(element, '.poll-error')).to.equal(null);
  });

  it('goes back to normal after Retry-After', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="1"></teams-chat>`);
    await waitForRows(element);
    await armFault('graph.list-messages', { status: 429, retryAfterSeconds: 1 });
    await waitUntil(() => query(element, '[part~="updates-status"]') !== null, 'the slowed-down line shows', waitOptions);
    await waitUntil(() => query(element, '[part~="updates-status"]') === null, 'the line goes after the wait', waitOptions);
  });

  it('slows down after 429 without Retry-After', async () => {
    const service = ChatService.forSession(await signInTestSession(users.adele.upn));
    const thread = service.openThread(chatId, { poll: { visibleIntervalMs: 100, maximumBackoffMs: 60_000 } });
    try {
      await thread.load();
      await armFault('graph.list-messages', { status: 429 });
      await waitUntil(() => thread.pollStatus?.consecutiveFailures === 1, 'the poll fails once', waitOptions);
      expect(thread.pollStatus?.slowedDown).to.equal(false);
      expect(thread.error?.code).to.equal('chat-throttled');
      expect(thread.pollStatus!.nextRunAt! - Date.now()).to.be.greaterThan(100);
    } finally {
      thread.dispose();
    }
  });

  it('asks only for what changed since the last poll', async () => {
    const service = ChatService.forSession(await signInTestSession(users.adele.upn));
    const thread = service.openThread(chatId, { poll: false });
    try {
      await thread.load();
      performance.clearResourceTimings();
      const started = performance.now();
      await thread.poll();
      const [poll] = messageRequestsSince(chatId, started);
      const url = new URL(poll!.name);
      expect(url.searchParams.get('$filter')).to.match(/^lastModifiedDateTime gt \d{4}-\d\d-\d\dT/);
      expect(url.searchParams.get('$orderby')).to.equal('lastModifiedDateTime desc');
    } finally {
      thread.dispose();
    }
  });

  describe('push channel', () => {
    let thread: ChatThread;
    const channel = new FakeChannel();

    beforeEach(async () => {
      const service = ChatService.forSession(await signInTestSession(users.adele.upn));
      thread = service.openThread(chatId, { changes: channel, poll: { visibleIntervalMs: 60_000 } });
      await thread.load();
    });

    afterEach(() => thread.dispose());

    it('subscribes to the open chat', () => {
      expect([...channel.listeners.keys()]).to.deep.equal([chatId]);
      expect(thread.pushConnected).to.equal(false);
      expect(thread.pollStatus?.mode).to.equal('visible');
    });

    it('polls rarely while connected', () => {
      channel.listeners.get(chatId)!.connection(true);
      expect(thread.pushConnected).to.equal(true);
      expect(thread.pollStatus?.mode).to.equal('push');
      expect(thread.pollStatus!.nextRunAt! - Date.now()).to.be.greaterThan(defaultPollPolicy.pushIntervalMs - 1000);

      channel.listeners.get(chatId)!.connection(false);
      expect(thread.pollStatus?.mode).to.equal('visible');
    });

    it('fetches changes on a notification', async () => {
      channel.listeners.get(chatId)!.connection(true);
      const text = `Pushed ${Date.now()}`;
      await postAs(users.diego.upn, chatId, text);
      channel.listeners.get(chatId)!.changed({ chatId, changeType: 'created' });
      await waitUntil(() => thread.items.some((item) => item.text === text), 'the message arrives', waitOptions);
    });

    it('unsubscribes when disposed', () => {
      thread.dispose();
      expect(channel.listeners.has(chatId)).to.equal(false);
    });
  });

  it('takes a channel on the element', async () => {
    const channel = new FakeChannel();
    const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600" .changeChannel=${channel}></teams-chat>`);
    await waitForRows(element);
    const text = `Pushed to the element ${Date.now()}`;
    await postAs(users.diego.upn, chatId, text);
    channel.listeners.get(chatId)!.changed({ chatId });
    await waitForMessage(element, text);
  });

  describe('poll schedule', () => {
    const state = { hidden: false, idle: false, push: false, consecutiveFailures: 0, retryAfterMs: undefined };

    it('polls at the visible interval', () => {
      expect(nextPollDelay(defaultPollPolicy, state)).to.equal(defaultPollPolicy.visibleIntervalMs);
    });

    it('slows down while idle', () => {
      expect(nextPollDelay(defaultPollPolicy, { ...state, idle: true })).to.equal(defaultPollPolicy.idleIntervalMs);
    });

    it('slows down more while hidden', () => {
      expect(nextPollDelay(defaultPollPolicy, { ...state, hidden: true, idle: true })).to.equal(defaultPollPolicy.hiddenIntervalMs);
    });

    it('polls rarely with push', () => {
      expect(nextPollDelay(defaultPollPolicy, { ...state, push: true })).to.equal(defaultPollPolicy.pushIntervalMs);
    });

    it('backs off after failures', () => {
      expect(nextPollDelay(defaultPollPolicy, { ...state, consecutiveFailures: 2 })).to.equal(defaultPollPolicy.visibleIntervalMs * 4);
    });

    it('caps the backoff', () => {
      expect(nextPollDelay(defaultPollPolicy, { ...state, consecutiveFailures: 30 })).to.equal(defaultPollPolicy.maximumBackoffMs);
    });

    it('honours Retry-After', () => {
      expect(nextPollDelay(defaultPollPolicy, { ...state, consecutiveFailures: 1, retryAfterMs: 120_000 })).to.equal(120_000);
    });

    it('switches modes with the page and input', () => {
      const page = new FakePage();
      let lastInput = Date.now();
      const statuses: PollStatus[] = [];
      const poller = new Poller(async () => undefined, {
        policy: { idleAfterMs: 1000 },
        page: page as unknown as Document,
        activity: { lastActivityAt: () => lastInput },
        onStatus: (status) => statuses.push(status),
      });
      poller.start();
      expect(poller.status.mode).to.equal('visible');

      lastInput = Date.now() - 5000;
      poller.push = true;
      poller.push = false;
      expect(poller.status.mode).to.equal('idle');

      page.hide();
      expect(poller.status.mode).to.equal('hidden');
      poller.stop();
      expect(poller.status.nextRunAt).to.equal(undefined);
      expect(statuses.length).to.be.greaterThan(2);
    });
  });
});
