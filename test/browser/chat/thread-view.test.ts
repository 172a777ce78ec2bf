import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/chat/define.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { ChatService } from '../../../src/services/chat/chat-service.js';
import { GraphConnection } from '../../../src/services/chat/graph-client.js';
import { HostedContents } from '../../../src/services/chat/hosted-contents.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import {
  armFault,
  clearFaults,
  createGroupChat,
  ignoreResizeObserverNoise,
  openChat,
  postAs,
  query,
  queryAll,
  scrollToTop,
  users,
  waitForMessage,
  waitOptions,
} from './support.js';

ignoreResizeObserverNoise();

/** The seed group chat "Spring sale staffing", which has an inline image. */
const staffingGroupChatId = '19:5a1e7c0d3b9f4e2a8c6d1f0b7e3a9c21@thread.v2';

/** Waits until a system event line with exactly `text` renders. */
async function waitForEvent(element: TeamsChat, text: string): Promise<void> {
  await waitUntil(() => queryAll(element, '[part~="system-message"]').some((line) => line.textContent?.trim() === text), `the event line "${text}" shows`, waitOptions);
}

describe('<teams-chat> thread', () => {
  afterEach(async () => {
    localStorage.clear();
    await clearFaults();
  });

  describe('the seeded group chat', () => {
    let element: TeamsChat;

    // The tests only read the chat, so they share one element; each scrolls where it looks.
    before(async () => {
      resetTestSessions();
      await signInTestSession(users.adele.upn);
      element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Spring sale staffing');
    });

    it('shows system events as short lines', async () => {
      await scrollToTop(element);
      await waitForEvent(element, 'Adele Vance added Diego Siciliani and Lee Gu.');
      await waitForEvent(element, 'Adele Vance named the chat “Spring sale staffing”.');
      await waitForEvent(element, 'Lee Gu added Nestor Wilke.');
      await waitForEvent(element, 'Nestor Wilke left the chat.');
      await waitForEvent(element, 'Call ended after 12 min 30 sec.');
    });

    it('marks an edited message', async () => {
      const row = await waitForMessage(element, 'weekend hours');
      expect(row.querySelector('[part~="edited-mark"]')?.textContent?.trim()).to.equal('Edited');
      expect(row.querySelector('[part~="edited-mark"]')?.getAttribute('title')).to.match(/^Edited /);
    });

    it('shows a deleted message as deleted', async () => {
      await waitUntil(() => query(element, '[part~="deleted-message"]') !== null, 'the deleted message shows', waitOptions);
      expect(query(element, '[part~="deleted-message"]')?.textContent?.trim()).to.equal('This message was deleted.');
      expect(query(element, '[part~="deleted-message"] [part~="undo-button"]')).to.equal(null);
    });

    it('shows reactions with counts', async () => {
      await scrollToTop(element);
      const row = await waitForMessage(element, 'Thanks for setting this up');
      const reactions = [...row.querySelectorAll<HTMLButtonElement>('[part~="reaction"]')];
      expect(reactions.map((reaction) => reaction.textContent?.replace(/\s+/g, ''))).to.deep.equal(['👍2', '❤️1']);
      expect(reactions[0]?.getAttribute('aria-pressed')).to.equal('true');
      expect(reactions[1]?.getAttribute('aria-pressed')).to.equal('false');
      expect(reactions[0]?.getAttribute('aria-label')).to.equal('👍 2: you and Diego Siciliani');
      expect(row.querySelector('[part~="reactions"]')?.getAttribute('aria-label')).to.equal('Reactions');
    });

    it('shows mentions', async () => {
      const row = await waitForMessage(element, 'Fabrikam numbers');
      expect(row.querySelector('.mention')?.textContent).to.equal('Lee Gu');
    });

    it('renders attachments as cards', async () => {
      const row = await waitForMessage(element, 'numbers are in the sheet');
      const cards = [...row.querySelectorAll('[part~="attachment"]')];
      expect(cards.length).to.equal(3);

      const link = row.querySelector<HTMLAnchorElement>('[part~="attachment"] a');
      expect(link?.href).to.equal('https://fabrikam.sharepoint.com/sites/retail/Shared%20Documents/Spring%20staffing.xlsx');
      expect(link?.textContent).to.equal('Spring staffing.xlsx');
      expect(link?.rel).to.equal('noopener noreferrer');
      expect(cards[1]?.textContent).to.include('Shift swap approved');
      expect(cards[1]?.textContent).to.include('Saturday 9:00–17:00, store 12');
      expect(cards[2]?.textContent).to.include('Inventory count');
      expect(cards[2]?.textContent).to.include('This attachment cannot be shown here.');
    });

    it('shows a quoted message above a reply', async () => {
      const row = await waitForMessage(element, 'that answers it');
      expect(row.querySelector('[part~="quote"]')?.textContent).to.include('Reply to Diego Siciliani');
      expect(row.querySelector('[part~="quote"]')?.textContent).to.include('Lee Gu, can you bring the Fabrikam numbers?');
    });

    it('shows an inline image from a blob URL', async () => {
      const row = await waitForMessage(element, 'weekend hours');
      const image = row.querySelector<HTMLImageElement>('img[data-hosted-content]')!;
      await waitUntil(() => image.dataset['imageState'] === 'loaded' && image.complete, 'the image loads', waitOptions);
      expect(image.src).to.match(/^blob:/);
      expect(image.naturalWidth).to.equal(240);
      expect(image.alt).to.equal('Weekend hours chart');
    });

    it('shows initials for people of another tenant', async () => {
      const row = await waitForMessage(element, 'Have a good weekend');
      await waitUntil(() => row.querySelector('[part~="avatar"]')?.textContent?.trim() === 'LG', 'the initials show', waitOptions);
      expect(row.querySelector('[part~="avatar"]')?.getAttribute('aria-hidden')).to.equal('true');
    });

    it('shows date separators', async () => {
      await scrollToTop(element);
      await waitUntil(() => query(element, '[part~="date-separator"]') !== null, 'a separator shows', waitOptions);
      const separators = queryAll(element, '[part~="date-separator"]');
      expect(separators.length).to.be.greaterThan(0);
      expect(separators.every((separator) => separator.getAttribute('role') === 'separator')).to.equal(true);
      expect(separators.every((separator) => (separator.textContent?.trim() ?? '') !== '')).to.equal(true);
    });
  });

  describe('in chats of their own', () => {
    beforeEach(async () => {
      resetTestSessions();
      await signInTestSession(users.adele.upn);
    });

    it('shows a placeholder when an image fails', async () => {
      await armFault('graph.get-hosted-content', { status: 404, times: 3 });
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Spring sale staffing');
      const row = await waitForMessage(element, 'weekend hours');
      await waitUntil(() => row.querySelector('[part~="image-placeholder"]') !== null, 'the placeholder shows', waitOptions);
      const placeholder = row.querySelector('[part~="image-placeholder"]')!;
      expect(placeholder.textContent).to.equal('The image could not be loaded.');
      expect(placeholder.getAttribute('role')).to.equal('img');
      expect(row.querySelector('img[data-hosted-content]')).to.equal(null);
    });

    it('releases images of a closed chat', async () => {
      const session = await signInTestSession(users.adele.upn);
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Spring sale staffing');
      const row = await waitForMessage(element, 'weekend hours');
      await waitUntil(() => row.querySelector<HTMLImageElement>('img')?.dataset['imageState'] === 'loaded', 'the image loads', waitOptions);
      const images = ChatService.forSession(session).hostedContents;
      expect(images.heldCount).to.be.greaterThan(0);

      await openChat(element, 'Alex Wilber');
      await waitUntil(() => images.heldCount === 0, 'the image is released', waitOptions);
    });

    it('revokes a released image', async () => {
      const session = await signInTestSession(users.adele.upn);
      const service = ChatService.forSession(session);
      const thread = service.openThread(staffingGroupChatId, { poll: false, storage: null });
      await thread.load();
      const html = thread.items.find((item) => item.text.includes('weekend hours'))!.html;
      const source = /data-hosted-content="([^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
      thread.dispose();

      const images = new HostedContents(new GraphConnection(session), { releaseDelayMs: 0 });
      const blobUrl = await images.acquire(source);
      expect((await fetch(blobUrl)).headers.get('content-type')).to.equal('image/png');
      expect(images.liveCount).to.equal(1);

      images.release(source);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(images.liveCount).to.equal(0);
      let failed = false;
      try {
        await fetch(blobUrl);
      } catch {
        failed = true;
      }
      expect(failed, 'the blob URL is revoked').to.equal(true);
    });

    it('rejects an image URL off the Graph host', async () => {
      const images = new HostedContents(new GraphConnection(await signInTestSession(users.adele.upn)));
      let error: unknown;
      try {
        await images.acquire('https://example.com/v1.0/chats/1/messages/2/hostedContents/3/$value');
      } catch (caught) {
        error = caught;
      }
      expect((error as { code?: string }).code).to.equal('chat-request-invalid');
      expect(images.heldCount).to.equal(0);
    });

    it('shows a colleague\'s photo', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Alex Wilber');
      await waitUntil(() => query<HTMLImageElement>(element, '[part~="message"] img[part~="avatar"]') !== null, 'a photo shows', waitOptions);
      expect(query<HTMLImageElement>(element, '[part~="message"] img[part~="avatar"]')!.src).to.match(/^blob:/);
      expect(query<HTMLImageElement>(element, '[part~="chat-list-item"] img[part~="avatar"]')!.src).to.match(/^blob:/);
    });

    it('marks a message that mentions Adele', async () => {
      const chatId = await createGroupChat(users.diego, [users.adele, users.lee], `Mentions ${Date.now()}`);
      await postAs(users.diego.upn, chatId, `<p><at id="0">Adele Vance</at>, please confirm.</p>`, {
        html: true,
        mentions: [{ id: 0, mentionText: 'Adele Vance', mentioned: { user: { id: users.adele.id, displayName: 'Adele Vance', userIdentityType: 'aadUser' } } }],
      });
      const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600"></teams-chat>`);
      const row = await waitForMessage(element, 'please confirm');
      expect(row.classList.contains('mentions-me')).to.equal(true);
      expect(row.querySelector('.mention')?.textContent).to.equal('Adele Vance');
    });

    it('shows today\'s separator', async () => {
      const chatId = await createGroupChat(users.adele, [users.diego, users.lee], `Today ${Date.now()}`);
      await postAs(users.lee.upn, chatId, 'Posted just now');
      const element = await fixture<TeamsChat>(html`<teams-chat chat-id=${chatId} poll-interval="600"></teams-chat>`);
      await waitForMessage(element, 'Posted just now');
      expect(queryAll(element, '[part~="date-separator"]').at(-1)?.textContent?.trim()).to.equal('Today');
    });

    it('loads older messages on scroll', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Alex Wilber');
      await waitForMessage(element, 'Shelf check 56:');

      await scrollToTop(element);
      await waitUntil(() => query(element, '[part~="older-status"]')?.textContent?.trim() === 'This is the beginning of the chat.', 'the whole history loads', waitOptions);
      await scrollToTop(element);
      await waitForMessage(element, 'Shelf check 1:');
      expect(query(element, '[part~="older-button"]')).to.equal(null);
    });

    it('offers Retry when older messages fail', async () => {
      const element = await fixture<TeamsChat>(html`<teams-chat poll-interval="600"></teams-chat>`);
      await openChat(element, 'Alex Wilber');
      await armFault('graph.paging.invalid-continuation', {});

      await scrollToTop(element);
      await waitUntil(() => query(element, '[part~="older-retry-button"]') !== null, 'Retry shows', waitOptions);
      expect(query(element, '[part~="older-status"]')?.getAttribute('role')).to.equal('alert');
      expect(query(element, '[part~="older-status"]')?.textContent).to.include('Older messages could not be loaded.');

      query<HTMLButtonElement>(element, '[part~="older-retry-button"]')!.click();
      await waitUntil(() => query(element, '[part~="older-status"]')?.textContent?.trim() === 'This is the beginning of the chat.', 'the retry loads the rest', waitOptions);
      await scrollToTop(element);
      await waitForMessage(element, 'Shelf check 1:');
    });
  });
});
