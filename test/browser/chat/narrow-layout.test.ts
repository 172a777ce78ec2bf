import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/chat/define.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { createGroupChat, ignoreResizeObserverNoise, openChat, query, queryAll, users, waitForChats, waitOptions } from './support.js';

ignoreResizeObserverNoise();

/** Chat buttons whose whole box is inside the list's visible area. */
function wholeRowsInView(element: TeamsChat): number {
  const list = query(element, '[part~="chat-list"]')!.getBoundingClientRect();
  return queryAll(element, '[part~="chat-list-item"]').filter((button) => {
    const rect = button.getBoundingClientRect();
    return rect.top >= list.top - 1 && rect.bottom <= list.bottom + 1;
  }).length;
}

describe('<teams-chat> at 320 × 480 px (stacked layout)', () => {
  let element: TeamsChat;

  // Enough chats of her own to fill the height, whatever other test files added.
  before(async () => {
    for (let index = 1; index <= 8; index++) await createGroupChat(users.diego, [users.adele, users.lee], `Narrow ${Date.now()} ${index}`);
  });

  beforeEach(async () => {
    await signInTestSession(users.adele.upn);
    element = await fixture<TeamsChat>(html`<teams-chat style="width: 320px; height: 480px" poll-interval="600"></teams-chat>`);
    await waitForChats(element);
    await waitUntil(() => queryAll(element, '[part~="chat-list-item"]').length >= 8, 'the chats load', waitOptions);
  });

  afterEach(() => {
    resetTestSessions();
    localStorage.clear();
  });

  it('fills the height with the list', () => {
    const base = query(element, '[part~="base"]')!.getBoundingClientRect();
    const panel = query(element, '[part~="chat-list-panel"]')!.getBoundingClientRect();
    expect(base.width).to.be.closeTo(320, 1);
    expect(panel.bottom, 'the list panel reaches the bottom').to.be.closeTo(base.bottom, 2);
    // 480 px less the tools leave room for at least six rows of 52 px.
    expect(wholeRowsInView(element)).to.be.at.least(6);
    expect(query(element, '[part~="thread"]')?.getBoundingClientRect().height ?? 0).to.equal(0);
  });

  it('splits the height with a chat', async () => {
    await openChat(element, 'Spring sale staffing');
    const base = query(element, '[part~="base"]')!.getBoundingClientRect();
    const panel = query(element, '[part~="chat-list-panel"]')!.getBoundingClientRect();
    const messages = query(element, '[part~="messages"]')!.getBoundingClientRect();
    const composer = query(element, '[part~="composer"]')!.getBoundingClientRect();

    expect(wholeRowsInView(element), 'whole chat rows still in view').to.be.at.least(2);
    expect(panel.height).to.be.at.most(base.height * 0.45);
    expect(messages.height, 'room for the messages').to.be.at.least(150);
    expect(composer.bottom).to.be.at.most(base.bottom + 1);
  });
});
