import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/chat/define.js';
import type { ChatCreateDetail, ChatOpenDetail } from '../../../src/components/chat/chat.events.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { ChatService } from '../../../src/services/chat/chat-service.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import {
  chatButton,
  clearFaults,
  createGroupChat,
  graphAs,
  ignoreResizeObserverNoise,
  openChat,
  postAs,
  query,
  queryAll,
  users,
  waitForChats,
  waitOptions,
} from './support.js';

ignoreResizeObserverNoise();

function chatNames(element: TeamsChat): string[] {
  return queryAll(element, '[part~="chat-list-item"] .chat-name').map((name) => name.textContent ?? '');
}

async function viewpointOf(upn: string, chatId: string): Promise<{ lastMessageReadDateTime: string }> {
  const response = await graphAs(upn, `/chats/${encodeURIComponent(chatId)}`);
  return ((await response.json()) as { viewpoint: { lastMessageReadDateTime: string } }).viewpoint;
}

describe('<teams-chat> chat list', () => {
  beforeEach(() => signInTestSession(users.adele.upn));

  afterEach(async () => {
    resetTestSessions();
    localStorage.clear();
    await clearFaults();
  });

  it('marks an unread chat and reads it on opening', async () => {
    const topic = `Unread ${Date.now()}`;
    const chatId = await createGroupChat(users.diego, [users.adele, users.lee], topic);
    await postAs(users.diego.upn, chatId, 'Something new for Adele');

    const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
    await waitForChats(element);
    const button = chatButton(element, topic)!;
    expect(button.classList.contains('unread')).to.equal(true);
    expect(button.querySelector('[part~="unread-mark"]')?.textContent?.trim()).to.equal('Unread');
    expect(button.querySelector('.chat-preview')?.textContent).to.equal('Diego: Something new for Adele');

    const before = Date.parse((await viewpointOf(users.adele.upn, chatId)).lastMessageReadDateTime);
    await openChat(element, topic);
    await waitUntil(() => !chatButton(element, topic)!.classList.contains('unread'), 'the unread mark goes', waitOptions);
    await waitUntil(async () => Date.parse((await viewpointOf(users.adele.upn, chatId)).lastMessageReadDateTime) > before, 'Graph has the chat read', waitOptions);
  });

  it('sorts chats by last activity', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
    await waitForChats(element);
    const times = queryAll(element, '[part~="chat-list-item"] time').map((time) => Date.parse(time.getAttribute('datetime')!));
    expect(times.length).to.be.greaterThan(3);
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
  });

  it('moves a chat up when a message is sent', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
    await openChat(element, 'Weekly retail sync');
    await element.sendMessage('Back to the top');
    await waitUntil(() => chatNames(element)[0] === 'Weekly retail sync', 'the chat moves up', waitOptions);
    expect(chatButton(element, 'Weekly retail sync')?.querySelector('.chat-preview')?.textContent).to.equal('You: Back to the top');
  });

  it('filters chats by name', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
    await waitForChats(element);
    const filter = query<HTMLInputElement>(element, '[part~="chat-filter"]')!;
    filter.focus();
    await sendKeys({ type: 'spring' });
    await element.updateComplete;
    expect(chatNames(element)).to.deep.equal(['Spring sale staffing']);

    filter.select();
    await sendKeys({ type: 'zzz' });
    await element.updateComplete;
    expect(chatNames(element)).to.deep.equal([]);
    expect(query(element, '.chat-list-empty')?.textContent?.trim()).to.equal('No chat matches “zzz”.');
  });

  it('labels group and meeting chats', async () => {
    const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
    await waitForChats(element);
    expect(chatButton(element, 'Weekly retail sync')?.querySelector('[part~="avatar"]')?.getAttribute('aria-label')).to.equal('Meeting chat');
    expect(chatButton(element, 'Spring sale staffing')?.querySelector('[part~="avatar"]')?.getAttribute('aria-label')).to.equal('Group chat');
  });

  describe('new chat', () => {
    async function openPicker(element: TeamsChat): Promise<HTMLInputElement> {
      await waitForChats(element);
      query<HTMLButtonElement>(element, '[part~="new-chat-button"]')!.click();
      await waitUntil(() => query(element, '[part~="people-search"]') !== null, 'the panel opens', waitOptions);
      return query<HTMLInputElement>(element, '[part~="people-search"]')!;
    }

    async function search(element: TeamsChat, text: string): Promise<void> {
      const input = query<HTMLInputElement>(element, '[part~="people-search"]')!;
      input.focus();
      input.select();
      await sendKeys({ type: text });
      await waitUntil(() => queryAll(element, '[part~="person"]').length > 0 || query(element, '.new-chat-body p[role="status"]')?.textContent?.includes('Nobody'), 'the search finishes', waitOptions);
    }

    it('starts a 1:1 chat, or opens the existing one', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      const input = await openPicker(element);
      expect(element.shadowRoot!.activeElement).to.equal(input);
      await search(element, 'meg');
      expect(queryAll(element, '[part~="person"] .person-name').map((name) => name.textContent)).to.deep.equal(['Megan Bowen']);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => query(element, '[part~="chosen-people"]')?.textContent?.includes('Megan Bowen') === true, 'Megan is chosen', waitOptions);
      expect(query(element, '[part~="topic-input"]')).to.equal(null);

      const created = oneEvent<CustomEvent<ChatCreateDetail>>(element, 'teams-chat-create');
      const opened = oneEvent<CustomEvent<ChatOpenDetail>>(element, 'teams-chat-open');
      query<HTMLButtonElement>(element, '[part~="start-chat-button"]')!.click();
      const { detail } = await created;
      expect(detail.chatId).to.equal(`19:${[users.adele.id, users.megan.id].sort().join('_')}@unq.gbl.spaces`);
      expect((await opened).detail.name).to.equal('Megan Bowen');
      expect(query(element, '[part~="new-chat"]')).to.equal(null);
      expect(chatButton(element, 'Megan Bowen')).to.not.equal(undefined);

      // Starting it again opens the same chat.
      await openPicker(element);
      await search(element, 'bowen');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => query(element, '[part~="chosen-people"]') !== null, 'Megan is chosen', waitOptions);
      const again = oneEvent<CustomEvent<ChatCreateDetail>>(element, 'teams-chat-create');
      query<HTMLButtonElement>(element, '[part~="start-chat-button"]')!.click();
      expect((await again).detail.chatId).to.equal(detail.chatId);
      expect(chatNames(element).filter((name) => name === 'Megan Bowen').length).to.equal(1);
    });

    it('starts a group chat with a name', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openPicker(element);
      await search(element, 'alex');
      await sendKeys({ press: 'Enter' });
      await search(element, 'megan');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => query(element, '[part~="topic-input"]') !== null, 'the group name box shows', waitOptions);
      const topic = `Window displays ${Date.now()}`;
      query<HTMLInputElement>(element, '[part~="topic-input"]')!.focus();
      await sendKeys({ type: topic });

      const created = oneEvent<CustomEvent<ChatCreateDetail>>(element, 'teams-chat-create');
      query<HTMLButtonElement>(element, '[part~="start-chat-button"]')!.click();
      const { detail } = await created;
      expect(detail.chatId).to.match(/@thread\.v2$/);
      expect(detail.name).to.equal(topic);
      const chat = await ChatService.forSession(await signInTestSession(users.adele.upn)).getChat(detail.chatId);
      expect(chat.members.map((member) => member.userId).sort()).to.deep.equal([users.adele.id, users.alex.id, users.megan.id].sort());
    });

    it('finds only her own organization', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openPicker(element);
      await search(element, 'diego');
      expect(query(element, '.new-chat-body p[role="status"]')?.textContent).to.equal('Nobody in your organization matches “diego”.');
      expect(query<HTMLButtonElement>(element, '[part~="start-chat-button"]')?.disabled).to.equal(true);
    });

    it('is accessible', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openPicker(element);
      await search(element, 'a');
      await expect(element).to.be.accessible();
    });
  });
});
