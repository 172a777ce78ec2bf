// The chat section of `npm run bench`: a 10,000-message chat opened and scrolled through in
// Chromium against the sandbox's Graph emulator, and the polling rate of one open chat.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

import type { BenchEnvironment, BenchSection } from './environment.js';

/** Messages in the long chat. */
const longChatLength = 10_000;

/** Messages per page, as the thread requests them. */
const pageSize = 50;

/** Maximum time spent loading older pages, in milliseconds, before the section reports how far it got. */
const scrollBudgetMs = 150_000;

/** Frames measured while scrolling down through the loaded thread, at most. */
const maximumScrollFrames = 600;

/** Graph's published throttling limits per app per tenant, in requests per second ("subject to change"). */
const chatMessageReadLimitPerSecond = 20;
const otherTeamsReadLimitPerSecond = 30;

interface GraphRequest {
  at: number;
  method: string;
  path: string;
}

interface ScrollSample {
  loaded: number;
  rows: number;
  nodes: number;
  heapMb: number;
}

/** Measures the long chat and the polling rate, and returns the section's Markdown. */
export const chatSection: BenchSection = async (environment) => {
  const chatId = await createLongChat(environment.origin);
  const open = await measureOpening(environment, chatId);
  const polling = await measurePolling(environment);
  return report(open, polling);
};

async function createLongChat(origin: string): Promise<string> {
  const response = await fetch(`${origin}/__sandbox/graph/long-chat`, { method: 'POST', body: JSON.stringify({ messages: longChatLength }) });
  if (!response.ok) throw new Error(`Creating the long chat failed with HTTP ${response.status}.`);
  return ((await response.json()) as { chatId: string }).chatId;
}

/** Opens the chat demo in a context of its own, with every non-sandbox request aborted, and signs Adele in. */
async function signedInPage(environment: BenchEnvironment, options: { clock?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; requests: GraphRequest[] }> {
  const context = await environment.browser.newContext({ ignoreHTTPSErrors: true });
  await context.route((url) => url.origin !== environment.origin, (route) => route.abort());
  if (options.clock) await context.clock.install({ time: Date.now() });

  const page = await context.newPage();
  const requests: GraphRequest[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/graph/')) requests.push({ at: performance.now(), method: request.method(), path: decodeURIComponent(url.pathname) });
  });

  await page.goto(`${environment.origin}/chat.html`);
  const popup = page.waitForEvent('popup');
  await page.locator('teams-sign-in').getByRole('button', { name: 'Sign in' }).click();
  await (await popup).getByRole('button', { name: 'Adele Vance' }).click();
  await page.locator('teams-sign-in').getByRole('button', { name: 'Sign out' }).waitFor();
  await page.locator('teams-chat [part~="chat-list-item"]').first().waitFor();
  return { context, page, requests };
}

interface OpeningResult {
  firstMessagesMs: number;
  requestsBeforeFirstMessages: string[];
  samples: ScrollSample[];
  scrollSeconds: number;
  frames: { median: number; p95: number; max: number; count: number; maximumRows: number };
}

/** Opens the long chat, scrolls back through its history page by page, then scrolls down through all of it. */
async function measureOpening(environment: BenchEnvironment, chatId: string): Promise<OpeningResult> {
  const { context, page, requests } = await signedInPage(environment);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');

  const chat = page.locator('teams-chat');
  const started = performance.now();
  await chat.getByRole('button', { name: /Long history/ }).first().click();
  await chat.locator('[part~="message"]').first().waitFor();
  const firstMessagesMs = performance.now() - started;
  const requestsBeforeFirstMessages = requests
    .filter((request) => request.at >= started && request.at <= started + firstMessagesMs && request.path.includes(`/chats/${chatId}`))
    .map((request) => `${request.method} ${request.path.replace(chatId, '{chat id}')}`);

  const samples: ScrollSample[] = [await sample(page, cdp, pageSize)];
  const scrollStarted = performance.now();
  let loaded = pageSize;
  while (loaded < longChatLength && performance.now() - scrollStarted < scrollBudgetMs) {
    const oldest = longChatLength - loaded - pageSize + 1;
    await scrollUntilShown(page, `message ${oldest}`);
    loaded += pageSize;
    if (loaded % 1000 === 0 || loaded === longChatLength) {
      samples.push(await sample(page, cdp, loaded));
      console.log(`  chat: ${loaded} messages loaded after ${Math.round((performance.now() - scrollStarted) / 1000)} s`);
    }
  }
  const scrollSeconds = (performance.now() - scrollStarted) / 1000;
  if (samples.at(-1)?.loaded !== loaded) samples.push(await sample(page, cdp, loaded));

  const frames = await measureScrollFrames(page, maximumScrollFrames);
  await context.close();
  return { firstMessagesMs, requestsBeforeFirstMessages, samples, scrollSeconds, frames };
}

/** Scrolls the thread to its top until a message whose text contains `text` (any case) renders. */
async function scrollUntilShown(page: Page, text: string): Promise<void> {
  await page.locator('teams-chat').evaluate(async (element, wanted) => {
    const root = element.shadowRoot!;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const scroller = root.querySelector<HTMLElement>('[part~="messages"]')!;
      scroller.scrollTop = 0;
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const bodies = [...root.querySelectorAll('[part~="body"]')];
      if (bodies.some((body) => (body.textContent ?? '').toLowerCase().includes(wanted))) return;
    }
    throw new Error(`The message "${wanted}" did not show within 20 s.`);
  }, text);
}

async function sample(page: Page, cdp: CDPSession, loaded: number): Promise<ScrollSample> {
  const counts = await page.locator('teams-chat').evaluate((element) => ({
    rows: element.shadowRoot!.querySelectorAll('.row').length,
    nodes: element.shadowRoot!.querySelectorAll('*').length,
  }));
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  return { loaded, ...counts, heapMb: heap / 1024 / 1024 };
}

/**
 * Scrolls from the top of the loaded thread to its bottom, 300px a frame, as a fast wheel or
 * trackpad does, and records each frame's duration and the rows rendered.
 */
async function measureScrollFrames(page: Page, maximumFrames: number): Promise<OpeningResult['frames']> {
  return page.locator('teams-chat').evaluate(async (element, frameLimit) => {
    const root = element.shadowRoot!;
    const scroller = root.querySelector<HTMLElement>('[part~="messages"]')!;
    scroller.scrollTop = 0;
    await new Promise((resolve) => setTimeout(resolve, 300));

    const durations: number[] = [];
    let maximumRows = 0;
    let previous = performance.now();
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2 && durations.length < frameLimit) {
      scroller.scrollTop += 300;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      durations.push(now - previous);
      previous = now;
      maximumRows = Math.max(maximumRows, root.querySelectorAll('.row').length);
    }
    // No local helper functions in here: tsx would wrap them in a naming helper the page does not have.
    durations.sort((a, b) => a - b);
    const last = durations.length - 1;
    return {
      median: durations[Math.floor(last * 0.5)] ?? 0,
      p95: durations[Math.floor(last * 0.95)] ?? 0,
      max: durations[last] ?? 0,
      count: durations.length,
      maximumRows,
    };
  }, maximumFrames);
}

interface PollingResult {
  /** Graph requests per simulated minute by kind, for each state. */
  rates: Array<{ state: string; messagePolls: number; chatListReads: number; other: number; minutes: number }>;
}

/**
 * Counts the Graph requests of one open chat with the default poll settings, in simulated time
 * (Playwright's clock) so that minutes pass in seconds: the user active on a visible page, the
 * user idle, and the page hidden.
 */
async function measurePolling(environment: BenchEnvironment): Promise<PollingResult> {
  const { context, page, requests } = await signedInPage(environment, { clock: true });
  const chat = page.locator('teams-chat');
  await chat.getByRole('button', { name: /Diego Siciliani/ }).first().click();
  await chat.locator('[part~="message"]').first().waitFor();
  await page.waitForTimeout(500);
  await page.clock.pauseAt(Date.now() + 1000);

  const rates: PollingResult['rates'] = [];
  const simulate = async (state: string, minutes: number, active: boolean, measured = true): Promise<void> => {
    const start = requests.length;
    for (let second = 0; second < minutes * 60; second++) {
      if (active) await page.mouse.move(100 + (second % 50), 200);
      await page.clock.runFor(1000);
      // Real time for the requests the timers started to finish.
      await page.waitForTimeout(15);
    }
    if (!measured) return;
    const made = requests.slice(start);
    const count = (test: (request: GraphRequest) => boolean): number => made.filter(test).length / minutes;
    rates.push({
      state,
      minutes,
      messagePolls: count((request) => request.method === 'GET' && request.path.endsWith('/messages')),
      chatListReads: count((request) => request.method === 'GET' && request.path.endsWith('/me/chats')),
      other: count((request) => !(request.method === 'GET' && (request.path.endsWith('/messages') || request.path.endsWith('/me/chats')))),
    });
  };

  await simulate('visible, user active', 4, true);
  // Two minutes without input make the user idle.
  await simulate('warm-up', 2, false, false);
  await simulate('visible, user idle', 4, false);
  // A string, because tsx would wrap a function's getter in a naming helper the page does not have.
  await page.evaluate(`
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  `);
  await simulate('hidden', 10, false);

  await context.close();
  return { rates };
}

function report(open: OpeningResult, polling: PollingResult): string {
  const round = (value: number, digits = 1): string => value.toFixed(digits);
  const sampleRows = open.samples.map((item) => `| ${item.loaded.toLocaleString('en-US')} | ${item.rows} | ${item.nodes} | ${round(item.heapMb)} MB |`);
  const rateRows = polling.rates.map((rate) => {
    const total = rate.messagePolls + rate.chatListReads + rate.other;
    const openChatsAtLimit = rate.messagePolls === 0 ? '–' : Math.floor((chatMessageReadLimitPerSecond * 60) / rate.messagePolls).toLocaleString('en-US');
    return `| ${rate.state} | ${rate.minutes} | ${round(rate.messagePolls, 2)} | ${round(rate.chatListReads, 2)} | ${round(rate.other, 2)} | ${round(total, 2)} | ${openChatsAtLimit} |`;
  });
  const active = polling.rates.find((rate) => rate.state === 'visible, user active');
  const idle = polling.rates.find((rate) => rate.state === 'visible, user idle');
  const hidden = polling.rates.find((rate) => rate.state === 'hidden');
  // An assumed mix of people with the chat open all day: 10% active, 30% idle, 60% hidden at any moment.
  const perSecond = (people: number, rate: (item: PollingResult['rates'][number]) => number): number =>
    active && idle && hidden ? (people * (0.1 * rate(active) + 0.3 * rate(idle) + 0.6 * rate(hidden))) / 60 : 0;
  const tenantRows = [100, 300, 1000, 3000].map((people) => {
    const messages = perSecond(people, (rate) => rate.messagePolls);
    const lists = perSecond(people, (rate) => rate.chatListReads);
    return `| ${people.toLocaleString('en-US')} | ${round(messages, 2)} | ${round((messages / chatMessageReadLimitPerSecond) * 100)}% | ${round(lists, 2)} | ${round((lists / otherTeamsReadLimitPerSecond) * 100)}% |`;
  });
  const loaded = open.samples.at(-1)?.loaded ?? 0;

  return `## Chat: a 10,000-message thread and polling

Measured by \`bench/chat.ts\` in the same Chromium and sandbox. The thread is the sandbox's
"Long history" chat (\`POST /__sandbox/graph/long-chat\`) in a 560px-high \`<teams-chat>\`.

Opening it from the chat list: **${open.requestsBeforeFirstMessages.length} Graph request(s)** before the first messages showed
(${open.requestsBeforeFirstMessages.map((request) => `\`${request}\``).join(', ') || 'none'}), after **${Math.round(open.firstMessagesMs)} ms**.

Scrolling back through ${loaded.toLocaleString('en-US')} of ${longChatLength.toLocaleString('en-US')} messages, 50 a page, took ${round(open.scrollSeconds)} s
(each page one request over loopback). Rendered rows, element nodes and JS heap after a garbage
collection:

| Messages loaded | Rendered rows | Nodes in the element | JS heap |
|---|---|---|---|
${sampleRows.join('\n')}

Then a scroll down from the oldest loaded message, 300px a frame: ${open.frames.count} frames, median
${round(open.frames.median)} ms, 95th percentile ${round(open.frames.p95)} ms, longest ${round(open.frames.max)} ms; at most
${open.frames.maximumRows} rows rendered at once.

### Polling rate of one open chat

Graph requests in simulated time (Playwright's clock runs the page's timers; the requests are
real), default settings (\`poll-interval="15"\`): idle means no input for 2 minutes, hidden means
\`document.visibilityState\` is \`hidden\`. Message polls count against Graph's limit on reading chat
messages, ${chatMessageReadLimitPerSecond} requests a second per app per tenant; chat list reads against the
${otherTeamsReadLimitPerSecond} a second of other Teams reads ("subject to change", Microsoft Graph throttling limits).

| State | Minutes | Message polls / min | Chat list reads / min | Other / min | All / min | Open chats at the message-read limit |
|---|---|---|---|---|---|---|
${rateRows.join('\n')}

One open chat uses ${active ? round((active.messagePolls / 60 / chatMessageReadLimitPerSecond) * 100, 2) : '–'}% of the tenant's message-read limit
while its user is active, ${hidden ? round((hidden.messagePolls / 60 / chatMessageReadLimitPerSecond) * 100, 2) : '–'}% while hidden. For a whole tenant the sum counts. An estimate
(not a measurement) for tenants whose people all have the chat open, 10% of them active, 30% idle
and 60% hidden at any moment:

| People | Message polls / s | Share of the 20/s limit | Chat list reads / s | Share of the 30/s limit |
|---|---|---|---|---|
${tenantRows.join('\n')}

Polling stays far below the limits for tenants of a few hundred people. Larger tenants should relay
Graph change notifications through \`changeChannel\`, which slows each chat's polling to once in
5 minutes.
`;
}
