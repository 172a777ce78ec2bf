/**
 * Helpers shared by the chat tests: Graph calls as other sandbox users, armed faults, queries into
 * the element's shadow root, and waits for the virtualized thread.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';

import type { ChatOpenDetail } from '../../../src/components/chat/chat.events.js';
import type { TeamsChat } from '../../../src/components/chat/teams-chat.js';
import { sandboxOrigin } from '../support/sandbox.js';
import { mintEntraToken } from '../support/sandbox-session.js';

export const waitOptions = { timeout: 8000 };

export const users = {
  adele: { upn: 'adele.vance@contoso.com', id: '0a1b2c3d-0001-4000-8000-00000000c0a1', name: 'Adele Vance' },
  alex: { upn: 'alex.wilber@contoso.com', id: '0a1b2c3d-0002-4000-8000-00000000c0a2', name: 'Alex Wilber' },
  megan: { upn: 'megan.bowen@contoso.com', id: '0a1b2c3d-0003-4000-8000-00000000c0a3', name: 'Megan Bowen' },
  diego: { upn: 'diego.siciliani@fabrikam.com', id: '0a1b2c3d-0004-4000-8000-00000000fab4', name: 'Diego Siciliani' },
  lee: { upn: 'lee.gu@fabrikam.com', id: '0a1b2c3d-0005-4000-8000-00000000fab5', name: 'Lee Gu' },
} as const;

export type SandboxPerson = (typeof users)[keyof typeof users];

/**
 * Chromium reports "ResizeObserver loop completed with undelivered notifications" as a window
 * error when the virtualizer's observers re-measure rows within one frame. It is harmless, and
 * the browser delivers the notifications in the next frame, but the test framework would fail the
 * running test on it, so this capturing listener stops it first.
 */
export function ignoreResizeObserverNoise(): void {
  window.addEventListener(
    'error',
    (event) => {
      if (event.message?.includes('ResizeObserver loop')) {
        event.stopImmediatePropagation();
        event.preventDefault();
      }
    },
    { capture: true },
  );
}

export async function armFault(name: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/faults/${name}`, { method: 'POST', body: JSON.stringify(fault) });
  expect(response.status).to.equal(204);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${sandboxOrigin}/__sandbox/faults`, { method: 'DELETE' });
}

/** Sends a Graph request as a sandbox user, with that user's own token. */
export async function graphAs(upn: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const { accessToken } = await mintEntraToken(upn, 'graph');
  return fetch(`${sandboxOrigin}/graph/v1.0${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

export interface GraphMessage {
  id: string;
  createdDateTime: string;
  lastEditedDateTime: string | null;
  deletedDateTime: string | null;
  body: { content: string };
  from: { user: { id: string } } | null;
  mentions: Array<{ id: number; mentionText: string; mentioned: { user: { id: string } } }>;
  reactions: Array<{ reactionType: string; user: { user: { id: string } } }>;
}

/** Reads a chat's newest messages as `upn`. */
export async function readAs(upn: string, chatId: string, top = 20): Promise<GraphMessage[]> {
  const response = await graphAs(upn, `/chats/${encodeURIComponent(chatId)}/messages?$top=${top}`);
  expect(response.status).to.equal(200);
  return ((await response.json()) as { value: GraphMessage[] }).value;
}

/** Posts a message as `upn` and returns it. */
export async function postAs(upn: string, chatId: string, content: string, extra: Record<string, unknown> = {}): Promise<GraphMessage> {
  const response = await graphAs(upn, `/chats/${encodeURIComponent(chatId)}/messages`, {
    method: 'POST',
    body: { body: { contentType: extra['html'] ? 'html' : 'text', content }, ...extra },
  });
  expect(response.status).to.equal(201);
  return (await response.json()) as GraphMessage;
}

/** Creates a group chat of its own for one test, so that changes to it touch no other test. */
export async function createGroupChat(creator: SandboxPerson, others: SandboxPerson[], topic: string): Promise<string> {
  const member = (person: SandboxPerson) => ({
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: ['owner'],
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${person.id}')`,
  });
  const response = await graphAs(creator.upn, '/chats', { method: 'POST', body: { chatType: 'group', topic, members: [creator, ...others].map(member) } });
  expect(response.status).to.equal(201);
  return ((await response.json()) as { id: string }).id;
}

export function query<T extends Element = HTMLElement>(element: TeamsChat, selector: string): T | null {
  return element.shadowRoot!.querySelector<T>(selector);
}

export function queryAll<T extends Element = HTMLElement>(element: TeamsChat, selector: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

export function chatButton(element: TeamsChat, name: string): HTMLButtonElement | undefined {
  return queryAll<HTMLButtonElement>(element, '[part~="chat-list-item"]').find((button) => button.querySelector('.chat-name')?.textContent === name);
}

/** Texts of the message bodies the virtualizer has rendered, oldest first. */
export function messageTexts(element: TeamsChat): string[] {
  return queryAll(element, '[part~="message"]')
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((message) => message.querySelector('[part~="body"]')?.textContent?.trim() ?? '');
}

/** Returns the rendered row of the message whose body contains `text`. */
export function messageRow(element: TeamsChat, text: string): HTMLElement | undefined {
  return queryAll(element, '[part~="message"]').find((row) => row.querySelector('[part~="body"]')?.textContent?.includes(text));
}

export async function waitForChats(element: TeamsChat): Promise<void> {
  await waitUntil(() => queryAll(element, '[part~="chat-list-item"]').length > 0, 'the chat list loads', waitOptions);
}

/** Opens a chat by clicking it in the list, and waits until its rows render. Returns its id. */
export async function openChat(element: TeamsChat, name: string): Promise<string> {
  await waitForChats(element);
  await waitUntil(() => chatButton(element, name) !== undefined, `the chat "${name}" is listed`, waitOptions);
  const opened = oneEvent<CustomEvent<ChatOpenDetail>>(element, 'teams-chat-open');
  chatButton(element, name)!.click();
  const { detail } = await opened;
  await waitForRows(element);
  return detail.chatId;
}

/** Waits until the virtualizer has rendered message or event rows. */
export async function waitForRows(element: TeamsChat): Promise<void> {
  await waitUntil(() => queryAll(element, '[part~="message"], [part~="system-message"], [part~="deleted-message"]').length > 0, 'the rows render', waitOptions);
}

/** Waits until a message whose body contains `text` is rendered, and returns its row. */
export async function waitForMessage(element: TeamsChat, text: string): Promise<HTMLElement> {
  await waitUntil(() => messageRow(element, text) !== undefined, `the message "${text}" shows`, waitOptions);
  return messageRow(element, text)!;
}

/**
 * Scrolls the thread to its top, where the virtualizer renders the oldest loaded rows. A thread
 * pinned to its newest message may scroll back while it measures rows, as it would under a user's
 * first wheel turn, so this scrolls again until the position holds for two frames.
 */
export async function scrollToTop(element: TeamsChat): Promise<void> {
  const scroller = query(element, '[part~="messages"]')!;
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (let attempt = 0; attempt < 10; attempt++) {
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
    await frames();
    if (scroller.scrollTop < 5) return;
  }
}
