import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/chat/define.js';
import type { ChatOpenDetail, MessageFailedDetail, MessageReceiveDetail, MessageSentDetail } from '../../../src/components/chat/chat.events.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { ChatService } from '../../../src/services/chat/chat-service.js';
import { sandboxOrigin } from '../support/sandbox.js';
import { mintEntraToken, resetTestSessions, signInTestSession } from '../support/sandbox-session.js';

interface GraphMessage {
  id: string;
  body: { content: string };
  from: { user: { id: string } } | null;
}

const waitOptions = { timeout: 8000 };

async function armFault(name: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/faults/${name}`, { method: 'POST', body: JSON.stringify(fault) });
  expect(response.status).to.equal(204);
}

/** Reads a chat's newest messages through Graph as `upn`, with that user's own token. */
async function readAs(upn: string, chatId: string): Promise<GraphMessage[]> {
  const { accessToken } = await mintEntraToken(upn, 'graph');
  const response = await fetch(`${sandboxOrigin}/graph/v1.0/chats/${encodeURIComponent(chatId)}/messages?$top=10`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(response.status).to.equal(200);
  return ((await response.json()) as { value: GraphMessage[] }).value;
}

async function postAs(upn: string, chatId: string, content: string): Promise<void> {
  const { accessToken } = await mintEntraToken(upn, 'graph');
  const response = await fetch(`${sandboxOrigin}/graph/v1.0/chats/${encodeURIComponent(chatId)}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: { contentType: 'text', content } }),
  });
  expect(response.status).to.equal(201);
}

function query<T extends Element = HTMLElement>(element: TeamsChat, selector: string): T | null {
  return element.shadowRoot!.querySelector<T>(selector);
}

function queryAll<T extends Element = HTMLElement>(element: TeamsChat, selector: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

function chatButton(element: TeamsChat, name: string): HTMLButtonElement | undefined {
  return queryAll<HTMLButtonElement>(element, '[part~="chat-list-item"]').find((button) => button.querySelector('.chat-name')?.textContent === name);
}

function messageTexts(element: TeamsChat): string[] {
  return queryAll(element, '[part~="body"]').map((body) => body.textContent?.trim() ?? '');
}

async function waitForChats(element: TeamsChat): Promise<void> {
  await waitUntil(() => queryAll(element, '[part~="chat-list-item"]').length > 0, 'the chat list loads', waitOptions);
}

/** Opens a chat by clicking it, and waits until its messages show. */
async function openChat(element: TeamsChat, name: string): Promise<string> {
  await waitForChats(element);
  const opened = oneEvent<CustomEvent<ChatOpenDetail>>(element, 'teams-chat-open');
  chatButton(element, name)!.click();
  const { detail } = await opened;
  await element.updateComplete;
  await waitUntil(() => query(element, '[part~="messages"]') !== null, 'the messages show', waitOptions);
  return detail.chatId;
}

async function typeAndSend(element: TeamsChat, text: string): Promise<void> {
  query<HTMLTextAreaElement>(element, 'textarea')!.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<teams-chat>', () => {
  afterEach(() => resetTestSessions());

  describe('signed out', () => {
    it('shows a sign-in prompt', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat></teams-chat>`);
      const prompt = query(element, '[part~="sign-in-prompt"]');
      expect(prompt?.textContent?.trim()).to.equal('Sign in to chat with your Teams contacts.');
      expect(query(element, '[part~="chat-list"]')).to.equal(null);
    });

    it('offers sign-in on a configured session', async () => {
      const session = await signInTestSession('adele.vance@contoso.com');
      await session.signOut();
      const element = await fixture<TeamsChat>(html`<teams-chat></teams-chat>`);
      expect(query(element, '[part~="sign-in-button"]')?.textContent?.trim()).to.equal('Sign in');
    });

    it('is accessible', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat></teams-chat>`);
      await expect(element).to.be.accessible();
    });
  });

  describe('signed in as Adele', () => {
    beforeEach(() => signInTestSession('adele.vance@contoso.com'));

    it('shows progress while the chats load', async () => {
      await armFault('graph.list-chats', { delayMs: 800 });
      const element = await fixture<TeamsChat>(html`<teams-chat></teams-chat>`);
      await waitUntil(() => query(element, '[part~="status"]') !== null, 'the loading line shows', waitOptions);
      expect(query(element, '[part~="status"]')?.textContent?.trim()).to.equal('Loading chats…');
      expect(query(element, '[part~="status"]')?.getAttribute('role')).to.equal('status');
      await waitForChats(element);
    });

    it('lists her chats', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat></teams-chat>`);
      await waitForChats(element);
      const names = queryAll(element, '.chat-name').map((name) => name.textContent);
      expect(names).to.include('Diego Siciliani');
      expect(names).to.include('Alex Wilber');
      expect(names).to.include('Spring sale staffing');
    });

    it('opens the chat with Diego', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      const chatId = await openChat(element, 'Diego Siciliani');

      expect(chatId).to.match(/@unq\.gbl\.spaces$/);
      expect(element.chatId).to.equal(chatId);
      expect(query(element, '[part~="thread-header"]')?.textContent?.trim()).to.equal('Diego Siciliani');
      expect(messageTexts(element).some((text) => text.startsWith('Hi Adele!'))).to.equal(true);
      expect(queryAll(element, '[part~="sender"]').map((sender) => sender.textContent)).to.include('Diego Siciliani');
      expect(queryAll(element, '[part~="own-message"]').length).to.be.greaterThan(0);
      expect(queryAll(element, '[part~="own-message"] [part~="sender"]').every((sender) => sender.textContent === 'You')).to.equal(true);
      expect(query(element, '.mention')?.textContent).to.equal('Diego Siciliani');
      expect(query(element, '[part~="body"] pre code')?.textContent).to.include('GROUP BY region;');
      expect(chatButton(element, 'Diego Siciliani')?.getAttribute('aria-current')).to.equal('true');
    });

    it('renders the hostile message inert', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Diego Siciliani');
      const bodies = query(element, '[part~="messages"]')!;
      expect(bodies.querySelector('img')).to.equal(null);
      expect(bodies.querySelector('script')).to.equal(null);
      expect(bodies.querySelector('[style]')).to.equal(null);
      expect(bodies.querySelector('a[href^="javascript"]')).to.equal(null);
      const link = bodies.querySelector<HTMLAnchorElement>('a[href="https://example.com/spring-staffing"]');
      expect(link?.rel).to.equal('noopener noreferrer');
      expect(link?.target).to.equal('_blank');
    });

    it('opens a chat from the chat-id attribute', async () => {
      const chats = await ChatService.forSession(await signInTestSession('adele.vance@contoso.com')).listChats();
      const group = chats.find((chat) => chat.name === 'Spring sale staffing')!;
      const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${group.id} poll-interval="600"></teams-chat>`);
      await waitUntil(() => messageTexts(element).some((text) => text.includes('Fabrikam numbers')), 'the group messages show', waitOptions);
      expect(query(element, '[part~="system-message"]')?.textContent?.trim()).to.equal('Adele Vance added Diego Siciliani and Lee Gu.');
    });

    it('opens a chat with the keyboard', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await waitForChats(element);
      const buttons = queryAll<HTMLButtonElement>(element, '[part~="chat-list-item"]');
      expect(buttons.filter((button) => button.tabIndex === 0).length).to.equal(1);

      buttons[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(element.shadowRoot!.activeElement).to.equal(buttons[1]);
      await sendKeys({ press: 'End' });
      expect(element.shadowRoot!.activeElement).to.equal(buttons.at(-1));

      const opened = oneEvent<CustomEvent<ChatOpenDetail>>(element, 'teams-chat-open');
      await sendKeys({ press: 'Enter' });
      const { detail } = await opened;
      expect(detail.chatId).to.equal(buttons.at(-1)!.dataset['chatId']);
    });

    it('loads older messages', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Alex Wilber');
      expect(queryAll(element, '[part~="message"]').length).to.equal(50);
      const scroller = query(element, '[part~="messages"]')!;
      await waitUntil(() => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2, 'the thread scrolls to the newest message', waitOptions);

      scroller.scrollTop = 0;
      query<HTMLButtonElement>(element, '[part~="older-button"]')!.click();
      await waitUntil(() => queryAll(element, '[part~="message"]').length === 56, 'the older page shows', waitOptions);
      expect(query(element, '[part~="older-button"]')).to.equal(null);
      // The message that was first stays in view instead of jumping away.
      expect(scroller.scrollTop).to.be.greaterThan(0);
    });

    it('sends a message that Diego reads', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      const chatId = await openChat(element, 'Diego Siciliani');
      // A delayed response keeps the pending state on screen long enough to see it.
      await armFault('graph.send-message', { delayMs: 600 });
      const stamp = Date.now();
      const text = `Element test ${stamp} <ok>`;

      const sent = oneEvent<CustomEvent<MessageSentDetail>>(element, 'teams-message-sent');
      await typeAndSend(element, text);
      await waitUntil(() => query(element, '[part~="delivery"]')?.textContent?.trim() === 'Sending…', 'the message shows as pending', waitOptions);
      expect(messageTexts(element).at(-1)).to.equal(text);
      expect(query<HTMLTextAreaElement>(element, 'textarea')!.value).to.equal('');

      const { detail } = await sent;
      await element.updateComplete;
      expect(queryAll(element, '[part~="delivery"]').at(-1)?.textContent?.trim()).to.equal('Sent');

      const read = await readAs('diego.siciliani@fabrikam.com', chatId);
      const message = read.find((candidate) => candidate.id === detail.messageId);
      expect(message?.body.content).to.equal(`<p>Element test ${stamp} &lt;ok&gt;</p>`);
    });

    it('breaks the line on Shift+Enter', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Alex Wilber');
      const input = query<HTMLTextAreaElement>(element, 'textarea')!;
      input.focus();
      await sendKeys({ type: 'line one' });
      await sendKeys({ press: 'Shift+Enter' });
      await sendKeys({ type: 'line two' });
      expect(input.value).to.equal('line one\nline two');
      expect(queryAll(element, '[part~="delivery"]').length).to.equal(0);
    });

    it('shows a message Diego posts, by polling', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="1"></teams-chat>`);
      const chatId = await openChat(element, 'Diego Siciliani');
      const text = `Diego says hi ${Date.now()}`;

      const received = oneEvent<CustomEvent<MessageReceiveDetail>>(element, 'teams-message-receive');
      await postAs('diego.siciliani@fabrikam.com', chatId, text);
      const { detail } = await received;

      expect(detail.messages.map((message) => message.text)).to.deep.equal([text]);
      expect(detail.messages[0]?.senderName).to.equal('Diego Siciliani');
      await element.updateComplete;
      expect(messageTexts(element).at(-1)).to.equal(text);
      expect(query(element, '[aria-live="polite"]')?.textContent).to.equal(`New message from Diego Siciliani: ${text}`);
    });

    it('keeps a failed send with Retry', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      const chatId = await openChat(element, 'Diego Siciliani');
      await armFault('graph.send-message', { status: 500 });
      const text = `Retry test ${Date.now()}`;

      const failed = oneEvent<CustomEvent<MessageFailedDetail>>(element, 'teams-message-failed');
      await typeAndSend(element, text);
      const failure = await failed;
      await element.updateComplete;

      expect(failure.detail.code).to.equal('chat-unavailable');
      expect(messageTexts(element).at(-1)).to.equal(text);
      const retry = query<HTMLButtonElement>(element, '[part~="retry-button"]');
      expect(retry?.textContent?.trim()).to.equal('Retry');
      expect(query(element, '[part~="delivery"]')?.textContent).to.include('Not sent.');
      expect(query(element, '[aria-live="polite"]')?.textContent).to.include('Your message was not sent.');

      const sent = oneEvent<CustomEvent<MessageSentDetail>>(element, 'teams-message-sent');
      retry!.click();
      const { detail } = await sent;
      await element.updateComplete;
      expect(query(element, '[part~="retry-button"]')).to.equal(null);
      expect(queryAll(element, '[part~="delivery"]').at(-1)?.textContent?.trim()).to.equal('Sent');

      const read = await readAs('diego.siciliani@fabrikam.com', chatId);
      expect(read.filter((message) => message.body.content.includes(text)).length).to.equal(1);
      expect(read.some((message) => message.id === detail.messageId)).to.equal(true);
    });

    it('is accessible with a chat open', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Diego Siciliani');
      await expect(element).to.be.accessible();
    });

    it('names every control', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Alex Wilber');
      expect(query(element, 'textarea')?.getAttribute('aria-label')).to.equal('Type a message');
      expect(query(element, '[part~="send-button"]')?.textContent?.trim()).to.equal('Send');
      expect(query(element, '[part~="chat-list"]')?.getAttribute('aria-label')).to.equal('Chats');
      expect(query(element, '[part~="messages"]')?.getAttribute('aria-label')).to.equal('Messages');
    });
  });
});
