import { expect } from '@open-wc/testing';

import { ChatService } from '../../../src/services/chat/chat-service.js';
import type { ChatThread } from '../../../src/services/chat/chat-thread.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { armFault, clearFaults, users } from './support.js';

/** The Adele–Alex chat of the seed: 56 messages, "Shelf check 1" to "Shelf check 56". */
const adeleAlexChatId = `19:${[users.adele.id, users.alex.id].sort().join('_')}@unq.gbl.spaces`;

describe('thread history under paging faults', () => {
  let thread: ChatThread;

  beforeEach(async () => {
    const service = ChatService.forSession(await signInTestSession(users.adele.upn));
    thread = service.openThread(adeleAlexChatId, { poll: false, storage: null });
    await thread.load();
  });

  afterEach(async () => {
    thread.dispose();
    resetTestSessions();
    await clearFaults();
  });

  function shelfChecks(): number[] {
    return thread.items.map((item) => Number(/Shelf check (\d+):/.exec(item.text)?.[1])).filter((number) => !Number.isNaN(number));
  }

  async function loadAll(): Promise<void> {
    for (let page = 0; page < 10 && thread.hasOlderMessages; page++) await thread.loadOlder();
  }

  it('loads all 56 without faults', async () => {
    await loadAll();
    expect(shelfChecks()).to.deep.equal(Array.from({ length: 56 }, (_, index) => index + 1));
  });

  it('shows a message on two pages once', async () => {
    await armFault('graph.paging.duplicate-message', {});
    await loadAll();
    expect(shelfChecks()).to.deep.equal(Array.from({ length: 56 }, (_, index) => index + 1));
  });

  it('survives a next link that repeats itself', async () => {
    await armFault('graph.paging.repeat-next-link', {});
    await loadAll();
    expect(shelfChecks()).to.deep.equal(Array.from({ length: 56 }, (_, index) => index + 1));
    expect(thread.hasOlderMessages).to.equal(false);
  });

  it('follows an empty page with a next link', async () => {
    await armFault('graph.paging.empty-page', {});
    await thread.loadOlder();
    expect(shelfChecks()[0]).to.equal(1);
    expect(thread.hasOlderMessages).to.equal(false);
  });

  it('gives up a chain of empty pages for a filter', async () => {
    await armFault('graph.paging.empty-page', { times: 5 });
    await loadAll();
    expect(shelfChecks().length).to.equal(56);
  });

  it('keeps a 400 on a continuation for Retry', async () => {
    await armFault('graph.paging.invalid-continuation', {});
    let error: unknown;
    try {
      await thread.loadOlder();
    } catch (caught) {
      error = caught;
    }
    expect((error as { code?: string }).code).to.equal('chat-request-invalid');
    expect(thread.olderError?.code).to.equal('chat-request-invalid');
    expect(thread.hasOlderMessages).to.equal(true);
    expect(shelfChecks().length).to.equal(50);

    await thread.loadOlder();
    expect(thread.olderError).to.equal(undefined);
    expect(shelfChecks().length).to.equal(56);
  });

  it('keeps a network failure for Retry', async () => {
    // Retry-After 0 lets the Graph client's own three retries pass at once.
    await armFault('graph.list-messages', { status: 503, times: 4, retryAfterSeconds: 0 });
    let error: unknown;
    try {
      await thread.loadOlder();
    } catch (caught) {
      error = caught;
    }
    expect((error as { code?: string }).code).to.equal('chat-unavailable');
    await clearFaults();
    await thread.loadOlder();
    expect(shelfChecks().length).to.equal(56);
  });
});
