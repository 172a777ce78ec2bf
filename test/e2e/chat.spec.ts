// Chat end to end: two people of different tenants sign in with the real MSAL on the chat demo
// page and chat through the real Graph client against the sandbox's Graph emulator. Covers edits
// and deletes seen by the other person, a send while the network is down, and a reload that cuts
// a send off. Build first: ENTRIES=chat,sign-in,teams-elements npx rollup -c
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

const diegoUpn = 'diego.siciliani@fabrikam.com';

/** The Adele–Diego 1:1 chat of the seed data. */
const chatId = `19:${['0a1b2c3d-0001-4000-8000-00000000c0a1', '0a1b2c3d-0004-4000-8000-00000000fab4'].sort().join('_')}@unq.gbl.spaces`;

interface SignedIn {
  context: BrowserContext;
  page: Page;
  chat: Locator;
}

/** Opens the chat demo in a context of its own, signs in through the popup and opens the chat with `other`. */
async function openChat(browser: Browser, displayName: string, other: string): Promise<SignedIn> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto('/chat.html');

  const popup = page.waitForEvent('popup');
  await page.locator('teams-sign-in').getByRole('button', { name: 'Sign in' }).click();
  await (await popup).getByRole('button', { name: displayName }).click();
  await expect(page.locator('teams-sign-in').getByRole('button', { name: 'Sign out' })).toBeVisible();

  const chat = page.locator('teams-chat');
  // Checks every 2 s, so the other side's changes arrive quickly.
  await chat.evaluate((element) => element.setAttribute('poll-interval', '2'));
  await chat.getByRole('button', { name: new RegExp(other) }).first().click();
  await expect(chat.getByRole('textbox', { name: 'Type a message' })).toBeEnabled();
  return { context, page, chat };
}

/** Locates the rendered message whose body is exactly `text`. */
function message(chat: Locator, text: string): Locator {
  return chat.locator('[part~="message"]').filter({ has: chat.page().locator('[part~="body"]', { hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }) });
}

async function send(chat: Locator, text: string): Promise<void> {
  await chat.getByRole('textbox', { name: 'Type a message' }).fill(text);
  await chat.getByRole('button', { name: 'Send' }).click();
}

/** Reads the chat's newest messages from Graph as Diego, outside any page. */
async function graphCopies(request: APIRequestContext, text: string): Promise<number> {
  const minted = await request.post('/__sandbox/entra-token', { data: { user: diegoUpn, resource: 'graph' } });
  const { accessToken } = (await minted.json()) as { accessToken: string };
  const response = await request.get(`/graph/v1.0/chats/${encodeURIComponent(chatId)}/messages?$top=50`, { headers: { authorization: `Bearer ${accessToken}` } });
  const { value } = (await response.json()) as { value: Array<{ body: { content: string }; deletedDateTime: string | null }> };
  return value.filter((item) => item.body.content.includes(text)).length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('two tenants chat, edit, delete, lose the network and reload', async ({ browser, request }) => {
  test.setTimeout(110_000);
  const stamp = Date.now();
  const adele = await openChat(browser, 'Adele Vance', 'Diego Siciliani');
  const diego = await openChat(browser, 'Diego Siciliani', 'Adele Vance');

  // Adele sends; Diego receives it by polling.
  const first = `Draft plan ${stamp}`;
  await send(adele.chat, first);
  await expect(message(adele.chat, first).getByText('Sent', { exact: true })).toBeVisible();
  await expect(message(diego.chat, first)).toBeVisible({ timeout: 15_000 });

  // Adele edits it, and Diego gets the new text marked as edited.
  const edited = `Final plan ${stamp}`;
  await message(adele.chat, first).getByRole('button', { name: 'Message options' }).click();
  await adele.chat.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(adele.chat.locator('[part~="editing-banner"]')).toBeVisible();
  await adele.chat.getByRole('textbox', { name: 'Type a message' }).fill(edited);
  await adele.chat.getByRole('textbox', { name: 'Type a message' }).press('Enter');
  await expect(message(diego.chat, edited)).toBeVisible({ timeout: 15_000 });
  await expect(message(diego.chat, edited).locator('[part~="edited-mark"]')).toHaveText('Edited');
  await expect(message(diego.chat, first)).toHaveCount(0);

  // Adele deletes it, and Diego gets it as deleted.
  await message(adele.chat, edited).getByRole('button', { name: 'Message options' }).click();
  await adele.chat.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(adele.chat.locator('[part~="deleted-message"]').last()).toContainText('You deleted this message.');
  await expect(message(diego.chat, edited)).toHaveCount(0, { timeout: 15_000 });
  await expect(diego.chat.locator('[part~="deleted-message"]').last()).toHaveText('This message was deleted.');

  // The network drops while Adele sends; the message waits and arrives once when it returns.
  const offline = `Sent through a tunnel ${stamp}`;
  await adele.context.setOffline(true);
  await send(adele.chat, offline);
  await expect(message(adele.chat, offline).locator('[part~="delivery"]')).toContainText('It will be sent when the connection returns.');
  await adele.context.setOffline(false);
  await expect(message(adele.chat, offline).getByText('Sent', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(message(diego.chat, offline)).toHaveCount(1, { timeout: 15_000 });
  expect(await graphCopies(request, offline)).toBe(1);

  // A reload cuts a send off, because the request hangs until the page goes. After the reload the
  // message is still there, and it is sent once.
  const reloaded = `Survives a reload ${stamp}`;
  await request.post('/__sandbox/faults/graph.send-message', { data: { hang: true } });
  await send(adele.chat, reloaded);
  await expect(message(adele.chat, reloaded).getByText('Sending…', { exact: true })).toBeVisible();
  await adele.page.reload();
  const chatAfterReload = adele.page.locator('teams-chat');
  await chatAfterReload.getByRole('button', { name: /Diego Siciliani/ }).first().click();
  await expect(message(chatAfterReload, reloaded)).toBeVisible();
  await expect(message(chatAfterReload, reloaded).getByText('Sent', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(message(diego.chat, reloaded)).toHaveCount(1, { timeout: 15_000 });
  expect(await graphCopies(request, reloaded)).toBe(1);

  await adele.page.screenshot({ path: test.info().outputPath('adele-chat.png'), fullPage: true });
  await diego.page.screenshot({ path: test.info().outputPath('diego-chat.png'), fullPage: true });
});
