import { expect, waitUntil } from '@open-wc/testing';

import { ChatService } from '../../../src/services/chat/chat-service.js';
import type { ChatThread } from '../../../src/services/chat/chat-thread.js';
import type { NetworkSource } from '../../../src/services/chat/delivery.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { armFault, clearFaults, createGroupChat, readAs, users, waitOptions } from './support.js';

/** A network whose state the test switches. */
class FakeNetwork extends EventTarget implements NetworkSource {
  onLine = true;

  goOnline(): void {
    this.onLine = true;
    this.dispatchEvent(new Event('online'));
  }

  override addEventListener(type: 'online', listener: () => void): void {
    super.addEventListener(type, listener);
  }

  override removeEventListener(type: 'online', listener: () => void): void {
    super.removeEventListener(type, listener);
  }
}

/** Counts the messages of a chat whose body contains `text`, as Diego reads them. */
async function copiesOf(chatId: string, text: string): Promise<number> {
  const messages = await readAs(users.diego.upn, chatId, 50);
  return messages.filter((message) => message.body.content.includes(text)).length;
}

describe('message delivery', () => {
  let service: ChatService;
  let chatId: string;
  const threads: ChatThread[] = [];

  function open(options: Parameters<ChatService['openThread']>[1] = {}): ChatThread {
    const thread = service.openThread(chatId, { poll: false, sendLookupDelayMs: 50, ...options });
    threads.push(thread);
    return thread;
  }

  before(async () => {
    chatId = await createGroupChat(users.adele, [users.diego, users.lee], `Delivery ${Date.now()}`);
  });

  beforeEach(async () => {
    localStorage.clear();
    service = ChatService.forSession(await signInTestSession(users.adele.upn));
  });

  afterEach(async () => {
    for (const thread of threads.splice(0)) thread.dispose();
    resetTestSessions();
    localStorage.clear();
    await clearFaults();
  });

  it('stores a message before sending it', async () => {
    const thread = open();
    await thread.load();
    await armFault('graph.send-message', { delayMs: 300 });
    const operation = thread.send(`Stored first ${Date.now()}`);

    const stored = Object.keys(localStorage).filter((key) => key.startsWith('teams-elements:chat:v1:'));
    expect(stored.length).to.equal(1);
    expect(stored[0]).to.include(users.adele.id);
    expect(stored[0]).to.include(chatId);
    expect(localStorage.getItem(stored[0]!)).to.include(operation.clientMessageId);
    await operation.delivered;
  });

  it('stores no token', async () => {
    const thread = open();
    await thread.load();
    thread.draft = { text: 'Draft text', mentions: [] };
    await armFault('graph.send-message', { status: 400 });
    await thread.send('Will fail').delivered;

    const { accessToken } = await (await import('../support/sandbox-session.js')).mintEntraToken(users.adele.upn, 'graph');
    const everything = Object.values(localStorage).join('\n');
    expect(everything).to.include('Draft text');
    expect(everything).to.not.include(accessToken.split('.')[1]!);
    expect(everything).to.not.match(/eyJ[\w-]+\.eyJ/);
  });

  it('removes a sent message from storage', async () => {
    const thread = open();
    await thread.load();
    const item = await thread.send(`Sent and gone ${Date.now()}`).delivered;
    expect(item.delivery).to.equal('sent');

    const key = Object.keys(localStorage).find((candidate) => candidate.includes(chatId))!;
    const stored = JSON.parse(localStorage.getItem(key)!) as { outbox: unknown[]; recentlySent: Array<{ messageId: string }> };
    expect(stored.outbox).to.deep.equal([]);
    expect(stored.recentlySent.map((record) => record.messageId)).to.include(item.messageId);
  });

  it('sends a message left by a reload once', async () => {
    const text = `Left by a reload ${Date.now()}`;
    const first = open();
    await first.load();
    // The request never reaches Graph: the page "reloads" while it hangs.
    await armFault('graph.send-message', { hang: true });
    first.send(text);
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.dispose();
    await clearFaults();

    const second = open();
    await second.load();
    const restored = second.items.find((item) => item.text === text);
    expect(restored?.delivery).to.equal('pending');
    await waitUntil(() => second.items.find((item) => item.text === text)?.delivery === 'sent', 'the restored message is sent', waitOptions);
    expect(await copiesOf(chatId, text)).to.equal(1);
  });

  it('never sends a stored message twice', async () => {
    const text = `Lost answer ${Date.now()}`;
    const thread = open();
    await thread.load();
    // Graph stores the message, but the response is lost.
    await armFault('graph.send-message.lost-response', {});
    const failed = await thread.send(text).delivered;
    expect(failed.delivery).to.equal('failed');
    expect(failed.retrying).to.equal(true);

    await waitUntil(() => thread.items.find((item) => item.text === text)?.delivery === 'sent', 'the retry finds the stored message', waitOptions);
    expect(await copiesOf(chatId, text)).to.equal(1);
  });

  it('finds a message a reload cut off', async () => {
    const text = `Cut off ${Date.now()}`;
    const first = open();
    await first.load();
    await armFault('graph.send-message.lost-response', {});
    const failed = await first.send(text).delivered;
    expect(failed.delivery).to.equal('failed');
    first.dispose();

    const second = open();
    await second.load();
    await waitUntil(() => second.items.filter((item) => item.text === text).every((item) => item.delivery === 'sent' || item.delivery === undefined), 'the stored message is matched', waitOptions);
    expect(second.items.filter((item) => item.text === text).length).to.equal(1);
    expect(await copiesOf(chatId, text)).to.equal(1);
  });

  it('waits for the connection to return', async () => {
    const network = new FakeNetwork();
    const thread = open({ network });
    await thread.load();
    network.onLine = false;
    const text = `Offline ${Date.now()}`;

    const waiting = await thread.send(text).delivered;
    expect(waiting.delivery).to.equal('failed');
    expect(waiting.retrying).to.equal(true);
    expect(waiting.error?.code).to.equal('chat-network-error');
    expect(await copiesOf(chatId, text)).to.equal(0);

    network.goOnline();
    await waitUntil(() => thread.items.find((item) => item.text === text)?.delivery === 'sent', 'the message is sent once online', waitOptions);
    expect(await copiesOf(chatId, text)).to.equal(1);
  });

  it('retries a server error by itself', async () => {
    const thread = open();
    await thread.load();
    await armFault('graph.send-message', { status: 503 });
    const text = `Server error ${Date.now()}`;
    const failed = await thread.send(text).delivered;
    expect(failed.retrying).to.equal(true);
    expect(failed.error?.code).to.equal('chat-unavailable');

    await waitUntil(() => thread.items.find((item) => item.text === text)?.delivery === 'sent', 'the retry sends it', { timeout: 10_000 });
    expect(await copiesOf(chatId, text)).to.equal(1);
  });

  it('keeps a rejected message until discarded', async () => {
    const thread = open();
    await thread.load();
    await armFault('graph.send-message', { status: 403 });
    const failed = await thread.send(`Rejected ${Date.now()}`).delivered;
    expect(failed.delivery).to.equal('failed');
    expect(failed.retrying).to.equal(false);

    const reopened = open();
    await reopened.load();
    expect(reopened.items.find((item) => item.clientMessageId === failed.clientMessageId)?.delivery).to.equal('failed');

    reopened.discard(failed.clientMessageId!);
    expect(reopened.items.some((item) => item.clientMessageId === failed.clientMessageId)).to.equal(false);
    const third = open();
    await third.load();
    expect(third.items.some((item) => item.clientMessageId === failed.clientMessageId)).to.equal(false);
  });

  it('sends from one of two tabs', async () => {
    const text = `Two tabs ${Date.now()}`;
    const first = open();
    await first.load();
    await armFault('graph.send-message', { hang: true });
    first.send(text);
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.dispose();
    await clearFaults();

    // Two tabs of the same account load the chat at once, and both find the stored message.
    const [left, right] = [open(), open()];
    await Promise.all([left.load(), right.load()]);
    await waitUntil(
      () => [left, right].every((tab) => tab.items.filter((item) => item.text === text).every((item) => item.delivery === 'sent')),
      'both tabs see it sent',
      waitOptions,
    );
    expect(await copiesOf(chatId, text)).to.equal(1);
  });

  it('keeps drafts per chat and account', async () => {
    const thread = open();
    thread.draft = { text: 'Half a thought', mentions: [{ userId: users.lee.id, displayName: 'Lee Gu' }] };
    expect(open().draft?.text).to.equal('Half a thought');
    expect(open().draft?.mentions.map((mention) => mention.userId)).to.deep.equal([users.lee.id]);

    const other = service.openThread(`${chatId}-other`, { poll: false });
    threads.push(other);
    expect(other.draft).to.equal(undefined);

    const lee = ChatService.forSession(await signInTestSession(users.lee.upn, 'lee')).openThread(chatId, { poll: false });
    threads.push(lee);
    expect(lee.draft).to.equal(undefined);
  });

  it('rejects a message over the size limit', async () => {
    const thread = open();
    await thread.load();
    let error: unknown;
    try {
      thread.send('x'.repeat(29 * 1024));
    } catch (caught) {
      error = caught;
    }
    expect((error as { code?: string }).code).to.equal('chat-message-too-large');
    expect((error as Error).message).to.match(/is \d+ bytes, more than the 28672 bytes/);
    expect(Object.keys(localStorage).length).to.equal(0);
  });
});
