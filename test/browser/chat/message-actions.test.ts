import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/chat/define.js';
import type { MessageActionFailedDetail } from '../../../src/components/chat/chat.events.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import {
  armFault,
  clearFaults,
  createGroupChat,
  ignoreResizeObserverNoise,
  messageRow,
  postAs,
  query,
  queryAll,
  readAs,
  users,
  waitForMessage,
  waitOptions,
} from './support.js';

ignoreResizeObserverNoise();

/** Opens the options menu of the message containing `text`, and returns the menu. */
async function openMenu(element: TeamsChat, text: string): Promise<HTMLElement> {
  const row = await waitForMessage(element, text);
  row.querySelector<HTMLButtonElement>('[part~="message-options"]')!.click();
  await waitUntil(() => query(element, '[part~="message-menu"]') !== null, 'the menu opens', waitOptions);
  return query<HTMLElement>(element, '[part~="message-menu"]')!;
}

function menuItem(menu: HTMLElement, name: string): HTMLButtonElement | undefined {
  return [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((item) => (item.getAttribute('aria-label') ?? item.textContent?.trim()) === name);
}

describe('<teams-chat> message actions and composer', () => {
  let chatId: string;
  let element: TeamsChat;

  beforeEach(async () => {
    await signInTestSession(users.adele.upn);
    chatId = await createGroupChat(users.adele, [users.diego, users.lee], `Actions ${Date.now()}`);
    await postAs(users.diego.upn, chatId, 'Diego opens the chat');
    element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600"></teams-chat>`);
    await waitForMessage(element, 'Diego opens the chat');
  });

  afterEach(async () => {
    resetTestSessions();
    localStorage.clear();
    await clearFaults();
  });

  async function type(text: string): Promise<void> {
    query<HTMLTextAreaElement>(element, 'textarea')!.focus();
    await sendKeys({ type: text });
  }

  it('mentions a member chosen after @', async () => {
    await type('Thanks @Le');
    await waitUntil(() => query(element, '[part~="mention-suggestions"]') !== null, 'suggestions show', waitOptions);
    const options = queryAll(element, '[part~="mention-suggestions"] [role="option"]');
    expect(options.map((option) => option.textContent?.trim())).to.deep.equal(['Lee Gu']);
    expect(query(element, 'textarea')?.getAttribute('aria-activedescendant')).to.equal('mention-0');

    await sendKeys({ press: 'Enter' });
    expect(query<HTMLTextAreaElement>(element, 'textarea')!.value).to.equal('Thanks @Lee Gu ');
    expect(query(element, '[part~="mention-suggestions"]')).to.equal(null);

    await sendKeys({ type: 'for the numbers' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messageRow(element, 'for the numbers')?.querySelector('[part~="delivery"]')?.textContent?.trim() === 'Sent', 'the message is sent', waitOptions);

    const [message] = await readAs(users.lee.upn, chatId, 1);
    expect(message?.body.content).to.equal('<p>Thanks <at id="0">Lee Gu</at> for the numbers</p>');
    expect(message?.mentions.length).to.equal(1);
    expect(message?.mentions[0]?.id).to.equal(0);
    expect(message?.mentions[0]?.mentionText).to.equal('Lee Gu');
    expect(message?.mentions[0]?.mentioned.user.id).to.equal(users.lee.id);
    expect(messageRow(element, 'for the numbers')?.querySelector('.mention')?.textContent).to.equal('Lee Gu');
  });

  it('leaves herself out of mention suggestions', async () => {
    await type('@a');
    await waitUntil(() => query(element, '[part~="mention-suggestions"]') !== null, 'suggestions show', waitOptions);
    const names = queryAll(element, '[part~="mention-suggestions"] [role="option"]').map((option) => option.textContent?.trim());
    expect(names).to.not.include('Adele Vance');
    await sendKeys({ press: 'Escape' });
    expect(query(element, '[part~="mention-suggestions"]')).to.equal(null);
  });

  it('inserts an emoji', async () => {
    await type('Well done ');
    query<HTMLButtonElement>(element, '[part~="emoji-button"]')!.click();
    await waitUntil(() => query(element, '[part~="emoji-picker"]') !== null, 'the picker opens', waitOptions);
    expect(query(element, '[part~="emoji-button"]')?.getAttribute('aria-expanded')).to.equal('true');

    [...queryAll<HTMLButtonElement>(element, '[part~="emoji-picker"] button')].find((button) => button.textContent === '🎉')!.click();
    await element.updateComplete;
    expect(query<HTMLTextAreaElement>(element, 'textarea')!.value).to.equal('Well done 🎉');
    expect(query(element, '[part~="emoji-picker"]')).to.equal(null);
  });

  it('edits her own message', async () => {
    await type('Frist draft');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messageRow(element, 'Frist draft')?.querySelector('[part~="delivery"]')?.textContent?.trim() === 'Sent', 'the message is sent', waitOptions);

    const menu = await openMenu(element, 'Frist draft');
    menuItem(menu, 'Edit')!.click();
    await waitUntil(() => query(element, '[part~="editing-banner"]') !== null, 'editing starts', waitOptions);
    const input = query<HTMLTextAreaElement>(element, 'textarea')!;
    expect(input.value).to.equal('Frist draft');
    expect(query(element, '[part~="send-button"]')?.textContent?.trim()).to.equal('Save');

    input.select();
    await sendKeys({ type: 'First draft' });
    await sendKeys({ press: 'Enter' });
    const row = await waitForMessage(element, 'First draft');
    await waitUntil(() => row.isConnected && row.querySelector('[part~="edited-mark"]') !== null, 'the edited mark shows', waitOptions);
    expect(query(element, '[part~="editing-banner"]')).to.equal(null);

    const [message] = await readAs(users.diego.upn, chatId, 1);
    expect(message?.body.content).to.equal('<p>First draft</p>');
    expect(message?.lastEditedDateTime).to.be.a('string');
  });

  it('edits the last message with arrow up', async () => {
    await type('Arrow up me');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messageRow(element, 'Arrow up me')?.querySelector('[part~="delivery"]')?.textContent?.trim() === 'Sent', 'the message is sent', waitOptions);

    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => query(element, '[part~="editing-banner"]') !== null, 'editing starts', waitOptions);
    expect(query<HTMLTextAreaElement>(element, 'textarea')!.value).to.equal('Arrow up me');
    await sendKeys({ press: 'Escape' });
    expect(query(element, '[part~="editing-banner"]')).to.equal(null);
    expect(query<HTMLTextAreaElement>(element, 'textarea')!.value).to.equal('');
  });

  it('deletes her message and undoes it', async () => {
    await type('Delete me');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messageRow(element, 'Delete me')?.querySelector('[part~="delivery"]')?.textContent?.trim() === 'Sent', 'the message is sent', waitOptions);

    menuItem(await openMenu(element, 'Delete me'), 'Delete')!.click();
    await waitUntil(() => query(element, '[part~="deleted-message"]') !== null, 'the message shows as deleted', waitOptions);
    expect(query(element, '[part~="deleted-message"]')?.textContent).to.include('You deleted this message.');
    expect(messageRow(element, 'Delete me')).to.equal(undefined);
    await waitUntil(async () => (await readAs(users.diego.upn, chatId, 1))[0]?.deletedDateTime !== null, 'Graph has it deleted', waitOptions);

    query<HTMLButtonElement>(element, '[part~="undo-button"]')!.click();
    await waitForMessage(element, 'Delete me');
    const [message] = await readAs(users.diego.upn, chatId, 1);
    expect(message?.deletedDateTime).to.equal(null);
  });

  it('reacts from the menu and takes it back', async () => {
    const menu = await openMenu(element, 'Diego opens the chat');
    expect(menuItem(menu, 'Edit')).to.equal(undefined);
    expect(menuItem(menu, 'Delete')).to.equal(undefined);
    menuItem(menu, 'React with 👍')!.click();

    const row = () => messageRow(element, 'Diego opens the chat')!;
    await waitUntil(() => row().querySelector('[part~="reaction"]') !== null, 'the reaction shows', waitOptions);
    const reaction = () => row().querySelector<HTMLButtonElement>('[part~="reaction"]')!;
    expect(reaction().textContent?.replace(/\s+/g, '')).to.equal('👍1');
    expect(reaction().getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(async () => (await readAs(users.diego.upn, chatId, 1))[0]?.reactions.length === 1, 'Graph has the reaction', waitOptions);

    reaction().click();
    await waitUntil(() => row().querySelector('[part~="reaction"]') === null, 'the reaction goes', waitOptions);
    await waitUntil(async () => (await readAs(users.diego.upn, chatId, 1))[0]?.reactions.length === 0, 'Graph drops the reaction', waitOptions);
  });

  it('moves through the menu with the keyboard', async () => {
    const menu = await openMenu(element, 'Diego opens the chat');
    await waitUntil(() => element.shadowRoot!.activeElement === menu.querySelector('[role="menuitem"]'), 'the first item takes focus', waitOptions);
    await sendKeys({ press: 'ArrowRight' });
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('React with ❤️');
    await sendKeys({ press: 'End' });
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('React with 😡');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => query(element, '[part~="message-menu"]') === null, 'the menu closes', waitOptions);
    await waitUntil(() => element.shadowRoot!.activeElement?.getAttribute('part') === 'message-options', 'focus returns to the options button', waitOptions);
  });

  it('rejects a message over the size limit', async () => {
    const input = query<HTMLTextAreaElement>(element, 'textarea')!;
    input.value = 'x'.repeat(29 * 1024);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    query<HTMLButtonElement>(element, '[part~="send-button"]')!.click();

    await waitUntil(() => query(element, '[part~="composer-error"]') !== null, 'the error shows', waitOptions);
    expect(query(element, '[part~="composer-error"]')?.textContent).to.equal(
      'The message is too long (29703 of at most 28672 bytes). Shorten it or split it into several messages.',
    );
    expect(query(element, '[part~="composer-error"]')?.getAttribute('role')).to.equal('alert');
    expect(input.value.length).to.equal(29 * 1024);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(queryAll(element, '[part~="delivery"]').length).to.equal(0);
  });

  it('reports an edit Graph rejects', async () => {
    await type('Keep me');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messageRow(element, 'Keep me')?.querySelector('[part~="delivery"]')?.textContent?.trim() === 'Sent', 'the message is sent', waitOptions);
    menuItem(await openMenu(element, 'Keep me'), 'Edit')!.click();
    await waitUntil(() => query(element, '[part~="editing-banner"]') !== null, 'editing starts', waitOptions);

    await armFault('graph.edit-message', { status: 500 });
    const failed = oneEvent<CustomEvent<MessageActionFailedDetail>>(element, 'teams-message-action-failed');
    query<HTMLTextAreaElement>(element, 'textarea')!.select();
    await sendKeys({ type: 'Changed' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await failed;

    expect(detail.action).to.equal('edit');
    expect(detail.code).to.equal('chat-unavailable');
    await waitUntil(() => query(element, '[part~="composer-error"]') !== null, 'the error shows', waitOptions);
    expect(query(element, '[part~="editing-banner"]')).to.not.equal(null);
    expect(query<HTMLTextAreaElement>(element, 'textarea')!.value).to.equal('Changed');
    await waitForMessage(element, 'Keep me');
  });

  it('keeps the draft across a reload', async () => {
    await type('Unfinished thought');
    await new Promise((resolve) => setTimeout(resolve, 400));
    element.remove();

    const reloaded = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600"></teams-chat>`);
    await waitForMessage(reloaded, 'Diego opens the chat');
    await waitUntil(() => query<HTMLTextAreaElement>(reloaded, 'textarea')?.value === 'Unfinished thought', 'the draft comes back', waitOptions);
  });
});
