import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/chat/define.js';
import type { ChatOpenDetail, MessageFailedDetail, MessageReceiveDetail, MessageSentDetail } from '../../../src/components/chat/chat.events.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { ChatService } from '../../../src/services/chat/chat-service.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import {
  armFault,
  chatButton,
  clearFaults,
  ignoreResizeObserverNoise,
  messageRow,
  messageTexts,
  openChat,
  postAs,
  query,
  queryAll,
  readAs,
  scrollToTop,
  users,
  waitForChats,
  waitForMessage,
  waitOptions,
} from './support.js';

ignoreResizeObserverNoise();

async function typeAndSend(element: TeamsChat, text: string): Promise<void> {
  query<HTMLTextAreaElement>(element, 'textarea')!.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<teams-chat>', () => {
  afterEach(async () => {
    resetTestSessions();
    localStorage.clear();
    await clearFaults();
  });

  describe('signed out', () => {
    it('shows a sign-in prompt', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat></teams-chat>`);
      const prompt = query(element, '[part~="sign-in-prompt"]');
      expect(prompt?.textContent?.trim()).to.equal('Sign in to chat with your Teams contacts.');
      expect(query(element, '[part~="chat-list"]')).to.equal(null);
    });

    it('offers sign-in on a configured session', async () => {
      const session = await signInTestSession(users.adele.upn);
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
    beforeEach(() => signInTestSession(users.adele.upn));

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
      expect(names).to.include('Weekly retail sync');
    });

    it('opens the chat with Diego', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      const chatId = await openChat(element, 'Diego Siciliani');
      await scrollToTop(element);
      await waitForMessage(element, 'Hi Adele!');

      expect(chatId).to.match(/@unq\.gbl\.spaces$/);
      expect(element.chatId).to.equal(chatId);
      expect(query(element, '[part~="thread-header"]')?.textContent?.trim()).to.equal('Diego Siciliani');
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
      const row = await waitForMessage(element, 'Report draft');
      expect(row.querySelector('img')).to.equal(null);
      expect(row.querySelector('script')).to.equal(null);
      expect(row.querySelector('[part~="body"] [style]')).to.equal(null);
      expect(row.querySelector('a[href^="javascript"]')).to.equal(null);
      const link = row.querySelector<HTMLAnchorElement>('a[href="https://example.com/spring-staffing"]');
      expect(link?.rel).to.equal('noopener noreferrer');
      expect(link?.target).to.equal('_blank');
    });

    it('opens a chat from the chat-id attribute', async () => {
      const chats = await ChatService.forSession(await signInTestSession(users.adele.upn)).listChats();
      const group = chats.find((chat) => chat.name === 'Spring sale staffing')!;
      const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${group.id} poll-interval="600"></teams-chat>`);
      await waitForMessage(element, 'Fabrikam numbers');
      expect(query(element, '[part~="thread-header"]')?.textContent?.trim()).to.equal('Spring sale staffing');
    });

    it('explains an unknown chat id', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat chat-id="19:missing@thread.v2" poll-interval="600"></teams-chat>`);
      await waitUntil(() => query(element, '[part~="close-button"]') !== null, 'the error shows', waitOptions);
      expect(query(element, '[part~="thread"] [part~="status"]')?.textContent?.trim()).to.equal('This chat was not found. Choose a chat from the list.');
      expect(query(element, '[part~="thread"] [part~="status"]')?.getAttribute('role')).to.equal('alert');
      expect(query(element, '[part~="composer"]')).to.equal(null);

      query<HTMLButtonElement>(element, '[part~="close-button"]')!.click();
      await waitUntil(() => query(element, '[part~="thread"]')?.textContent?.trim() === 'Select a chat to read its messages.', 'the thread closes', waitOptions);
      expect(element.chatId).to.equal(undefined);
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

    it('sends a message that Diego reads', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      const chatId = await openChat(element, 'Diego Siciliani');
      // A delayed response keeps the pending state on screen long enough to see it.
      await armFault('graph.send-message', { delayMs: 600 });
      const stamp = Date.now();
      const text = `Element test ${stamp} <ok>`;

      const sent = oneEvent<CustomEvent<MessageSentDetail>>(element, 'teams-message-sent');
      await typeAndSend(element, text);
      const row = await waitForMessage(element, text);
      await waitUntil(() => row.querySelector('[part~="delivery"]')?.textContent?.trim() === 'Sending…', 'the message shows as pending', waitOptions);
      expect(query<HTMLTextAreaElement>(element, 'textarea')!.value).to.equal('');

      const { detail } = await sent;
      await waitUntil(() => messageRow(element, text)?.querySelector('[part~="delivery"]')?.textContent?.trim() === 'Sent', 'the message shows as sent', waitOptions);

      const read = await readAs(users.diego.upn, chatId);
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
      await postAs(users.diego.upn, chatId, text);
      const { detail } = await received;

      expect(detail.messages.map((message) => message.text)).to.deep.equal([text]);
      expect(detail.messages[0]?.senderName).to.equal('Diego Siciliani');
      await waitForMessage(element, text);
      expect(messageTexts(element).at(-1)).to.equal(text);
      expect(query(element, '[aria-live="polite"]')?.textContent).to.equal(`New message from Diego Siciliani: ${text}`);
    });

    it('keeps a rejected send with Retry', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      const chatId = await openChat(element, 'Diego Siciliani');
      await armFault('graph.send-message', { status: 400 });
      const text = `Retry test ${Date.now()}`;

      const failed = oneEvent<CustomEvent<MessageFailedDetail>>(element, 'teams-message-failed');
      await typeAndSend(element, text);
      const failure = await failed;
      const row = await waitForMessage(element, text);
      await element.updateComplete;

      expect(failure.detail.code).to.equal('chat-request-invalid');
      const retry = row.querySelector<HTMLButtonElement>('[part~="retry-button"]');
      expect(retry?.textContent?.trim()).to.equal('Retry');
      expect(row.querySelector('[part~="discard-button"]')?.textContent?.trim()).to.equal('Discard');
      expect(row.querySelector('[part~="delivery"]')?.textContent).to.include('Not sent.');
      expect(query(element, '[aria-live="polite"]')?.textContent).to.include('Your message was not sent.');

      const sent = oneEvent<CustomEvent<MessageSentDetail>>(element, 'teams-message-sent');
      retry!.click();
      const { detail } = await sent;
      await waitUntil(() => messageRow(element, text)?.querySelector('[part~="retry-button"]') === null, 'Retry goes away', waitOptions);
      expect(messageRow(element, text)?.querySelector('[part~="delivery"]')?.textContent?.trim()).to.equal('Sent');

      const read = await readAs(users.diego.upn, chatId);
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
      expect(query(element, '[part~="emoji-button"]')?.getAttribute('aria-label')).to.equal('Insert emoji');
      expect(query(element, '[part~="chat-list"]')?.getAttribute('aria-label')).to.equal('Chats');
      expect(query(element, '[part~="chat-filter"]')?.getAttribute('aria-label')).to.equal('Filter chats by name');
      expect(query(element, '[part~="new-chat-button"]')?.textContent?.trim()).to.equal('New chat');
      expect(query(element, '[part~="messages"]')?.getAttribute('aria-label')).to.equal('Messages');
      expect(queryAll(element, '[part~="message-options"]').every((button) => button.getAttribute('aria-label') === 'Message options')).to.equal(true);
    });
  });
});

