import { expect, waitUntil } from '@open-wc/testing';

import { ChatError } from '../../../src/services/chat/chat-error.js';
import { ChatService } from '../../../src/services/chat/chat-service.js';
import type { ChatThread } from '../../../src/services/chat/chat-thread.js';
import { nextPollDelay, defaultPollPolicy } from '../../../src/services/chat/poll-schedule.js';
import { isTeamsError } from '../../../src/services/errors.js';
import type { Session } from '../../../src/services/session/session.js';
import { sandboxOrigin } from '../support/sandbox.js';
import { mintEntraToken, resetTestSessions, signInTestSession } from '../support/sandbox-session.js';

async function armFault(name: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/faults/${name}`, { method: 'POST', body: JSON.stringify(fault) });
  expect(response.status).to.equal(204);
}

/** Posts a message to a chat as another user, through Graph with that user's own token. */
async function postAs(upn: string, chatId: string, content: string): Promise<void> {
  const { accessToken } = await mintEntraToken(upn, 'graph');
  const response = await fetch(`${sandboxOrigin}/graph/v1.0/chats/${encodeURIComponent(chatId)}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: { contentType: 'text', content } }),
  });
  expect(response.status).to.equal(201);
}

describe('chat service', () => {
  let session: Session;
  let service: ChatService;
  let thread: ChatThread | undefined;

  beforeEach(async () => {
    session = await signInTestSession('adele.vance@contoso.com');
    service = ChatService.forSession(session);
  });

  afterEach(() => {
    thread?.dispose();
    thread = undefined;
    resetTestSessions();
  });

  async function chatIdWith(name: string): Promise<string> {
    const chats = await service.listChats();
    const chat = chats.find((candidate) => candidate.name === name);
    expect(chat, `a chat named ${name}`).to.not.equal(undefined);
    return chat!.id;
  }

  it('uses the session\'s Graph base URL', () => {
    expect(service.graphBaseUrl).to.equal(`${sandboxOrigin}/graph/`);
  });

  it('lists chats named by topic or members', async () => {
    const chats = await service.listChats();
    const names = chats.map((chat) => chat.name);
    expect(names).to.include('Diego Siciliani');
    expect(names).to.include('Alex Wilber');
    expect(names).to.include('Spring sale staffing');
    expect(names).to.include('Weekly retail sync');

    const direct = chats.find((chat) => chat.name === 'Diego Siciliani')!;
    expect(direct.chatType).to.equal('oneOnOne');
    expect(direct.members.map((member) => member.displayName).sort()).to.deep.equal(['Adele Vance', 'Diego Siciliani']);
  });

  it('orders chats by latest activity', async () => {
    const chats = await service.listChats();
    const times = chats.map((chat) => Date.parse(chat.lastActivity));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
  });

  it('shows a preview as plain text', async () => {
    const alex = (await service.listChats()).find((chat) => chat.name === 'Alex Wilber')!;
    expect(alex.preview).to.equal('Shelf check 56: aisle 8 is restocked.');
  });

  it('opens a chat with its newest 50 messages', async () => {
    thread = service.openThread(await chatIdWith('Alex Wilber'), { poll: false });
    await thread.load();
    expect(thread.status).to.equal('ready');
    expect(thread.items.length).to.equal(50);
    expect(thread.items.at(-1)!.text).to.equal('Shelf check 56: aisle 8 is restocked.');
    expect(thread.hasOlderMessages).to.equal(true);
  });

  it('loads older messages through the next link', async () => {
    thread = service.openThread(await chatIdWith('Alex Wilber'), { poll: false });
    await thread.load();
    await thread.loadOlder();
    expect(thread.items.length).to.equal(56);
    expect(thread.items[0]!.text).to.equal('Shelf check 1: aisle 1 is restocked.');
    expect(thread.hasOlderMessages).to.equal(false);
    expect(new Set(thread.items.map((item) => item.key)).size).to.equal(56);
  });

  it('marks own messages and names senders', async () => {
    thread = service.openThread(await chatIdWith('Diego Siciliani'), { poll: false });
    await thread.load();
    const own = thread.items.filter((item) => item.own);
    const others = thread.items.filter((item) => !item.own);
    expect(own.length).to.be.greaterThan(0);
    expect(own.every((item) => item.senderName === 'Adele Vance')).to.equal(true);
    expect(others.some((item) => item.senderName === 'Diego Siciliani')).to.equal(true);
  });

  it('sanitizes the hostile seed message', async () => {
    thread = service.openThread(await chatIdWith('Diego Siciliani'), { poll: false });
    await thread.load();
    const hostile = thread.items.find((item) => item.text.includes('Report draft'))!;
    expect(hostile.html).to.not.include('onerror');
    expect(hostile.html).to.not.include('javascript:');
    expect(hostile.html).to.not.include('<script');
    expect(hostile.html).to.not.include('style=');
    expect(hostile.html).to.include('href="https://example.com/spring-staffing"');
  });

  it('resolves system event names through members', async () => {
    thread = service.openThread(await chatIdWith('Spring sale staffing'), { poll: false });
    await thread.load();
    const event = thread.items.find((item) => item.kind === 'system');
    expect(event?.event).to.deep.equal({ type: 'members-added', initiator: 'Adele Vance', members: ['Diego Siciliani', 'Lee Gu'] });
  });

  it('sends a message pending, then sent', async () => {
    thread = service.openThread(await chatIdWith('Diego Siciliani'), { poll: false });
    await thread.load();
    const text = `Service test <b>${Date.now()}</b>`;

    const operation = thread.send(text);
    const pending = thread.items.find((item) => item.clientMessageId === operation.clientMessageId);
    expect(pending?.delivery).to.equal('pending');

    const sent = await operation.delivered;
    expect(sent.delivery).to.equal('sent');
    expect(sent.messageId).to.match(/^\d+$/);
    expect(sent.text).to.equal(text);
    expect(sent.html).to.include('&lt;b&gt;');
    expect(thread.items.filter((item) => item.clientMessageId === operation.clientMessageId).length).to.equal(1);
  });

  it('keeps a failed message and retries it', async () => {
    thread = service.openThread(await chatIdWith('Diego Siciliani'), { poll: false });
    await thread.load();
    await armFault('graph.send-message', { status: 400 });

    const operation = thread.send(`Will fail once ${Date.now()}`);
    const failed = await operation.delivered;
    expect(failed.delivery).to.equal('failed');
    expect(failed.error?.code).to.equal('chat-request-invalid');
    expect(thread.items.some((item) => item.clientMessageId === operation.clientMessageId)).to.equal(true);

    const retried = await thread.retry(operation.clientMessageId);
    expect(retried.delivery).to.equal('sent');
  });

  it('receives a message another member posts', async () => {
    const chatId = await chatIdWith('Diego Siciliani');
    thread = service.openThread(chatId, { poll: false });
    await thread.load();
    const received: string[] = [];
    thread.addEventListener('messages-received', (event) => {
      for (const item of (event as CustomEvent<Array<{ text: string }>>).detail) received.push(item.text);
    });

    const text = `From Diego ${Date.now()}`;
    await postAs('diego.siciliani@fabrikam.com', chatId, text);
    await thread.poll();

    expect(received).to.deep.equal([text]);
    expect(thread.items.at(-1)?.text).to.equal(text);
    expect(thread.items.at(-1)?.own).to.equal(false);
  });

  it('polls on its own schedule', async () => {
    const chatId = await chatIdWith('Diego Siciliani');
    thread = service.openThread(chatId, { poll: { visibleIntervalMs: 200 } });
    await thread.load();

    const text = `Polled from Diego ${Date.now()}`;
    await postAs('diego.siciliani@fabrikam.com', chatId, text);
    await waitUntil(() => thread!.items.some((item) => item.text === text), 'the polled message arrives', { timeout: 5000 });
  });

  it('rejects a chat the user is not in', async () => {
    const megan = await mintEntraToken('megan.bowen@contoso.com', 'graph');
    const nestor = await mintEntraToken('nestor.wilke@fabrikam.com', 'graph');
    const chatId = `19:${[megan.user.id, nestor.user.id].sort().join('_')}@unq.gbl.spaces`;

    thread = service.openThread(chatId, { poll: false });
    let error: unknown;
    try {
      await thread.load();
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ChatError);
    expect((error as ChatError).code).to.equal('chat-forbidden');
    expect((error as ChatError).status).to.equal(403);
    expect(thread.status).to.equal('error');
  });

  it('reports Retry-After of a throttled request', async () => {
    thread = service.openThread(await chatIdWith('Diego Siciliani'), { poll: false });
    await thread.load();
    // Polls turn the Graph client's own retries off, so the first 429 reaches the service.
    await armFault('graph.list-messages', { status: 429, retryAfterSeconds: 0 });

    let error: unknown;
    try {
      await thread.poll();
    } catch (caught) {
      error = caught;
    }
    expect(isTeamsError(error, 'chat-throttled')).to.equal(true);
    expect((error as ChatError).retryable).to.equal(true);
    expect((error as ChatError).retryAfterMs).to.equal(0);
  });

  it('passes a session error through', async () => {
    await session.signOut();
    let error: unknown;
    try {
      await service.listChats();
    } catch (caught) {
      error = caught;
    }
    expect(isTeamsError(error, 'signed-out')).to.equal(true);
  });
});

describe('poll schedule', () => {
  const hidden = { hidden: true, consecutiveFailures: 0, retryAfterMs: undefined };
  const visible = { hidden: false, consecutiveFailures: 0, retryAfterMs: undefined };

  it('polls at the visible interval', () => {
    expect(nextPollDelay(defaultPollPolicy, visible)).to.equal(defaultPollPolicy.visibleIntervalMs);
  });

  it('slows down while hidden', () => {
    expect(nextPollDelay(defaultPollPolicy, hidden)).to.equal(defaultPollPolicy.hiddenIntervalMs);
  });

  it('backs off after failures', () => {
    expect(nextPollDelay(defaultPollPolicy, { ...visible, consecutiveFailures: 2 })).to.equal(defaultPollPolicy.visibleIntervalMs * 4);
  });

  it('caps the backoff', () => {
    expect(nextPollDelay(defaultPollPolicy, { ...visible, consecutiveFailures: 30 })).to.equal(defaultPollPolicy.maximumBackoffMs);
  });

  it('honours Retry-After', () => {
    expect(nextPollDelay(defaultPollPolicy, { ...visible, consecutiveFailures: 1, retryAfterMs: 120_000 })).to.equal(120_000);
  });
});
