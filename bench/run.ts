// `npm run bench`: loads the demo pages in Chromium against the sandbox and measures the
// JavaScript each page loads (gzip bytes), whether the calling SDK is among it, and a few
// timings. Prints a table and writes docs/benchmarks.md.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, platform, release } from 'node:os';
import { gzipSync } from 'node:zlib';

import { chromium, type Browser, type Page } from 'playwright-core';

import { startSandbox, type Sandbox } from '../sandbox/server/app.js';
import { callsSection } from './calls.js';
import { chatSection } from './chat.js';
import type { BenchEnvironment, BenchSection } from './environment.js';
import { createConsoleLog } from '../sandbox/server/log.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

/** The calling SDK's chunk: rollup names it after the SDK's own `sdk.bundle.js`. */
const callingSdkChunk = /\/sdk\.bundle-[^/]+\.js$/;

/** Budget of a sign-in-only page, gzip bytes. */
const signInBudgetBytes = 100 * 1024;

interface PageLoad {
  label: string;
  path: string;
  scripts: Array<{ url: string; gzipBytes: number }>;
  gzipBytes: number;
  includesCallingSdk: boolean;
  signInMs?: number;
  readyMs?: number;
}

function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Signs the page in through the emulated Entra ID's popup account picker. Returns the time taken. */
async function signIn(page: Page, user: string): Promise<number> {
  const started = performance.now();
  const popup = page.waitForEvent('popup');
  await page.locator('teams-sign-in').getByRole('button', { name: 'Sign in' }).click();
  await (await popup).getByRole('button', { name: user }).click();
  await page.locator('teams-sign-in').getByRole('button', { name: 'Sign out' }).waitFor();
  return performance.now() - started;
}

interface MeasureOptions {
  /** Runs after sign-in; returns the time until the page is ready to use. Without it, no sign-in. */
  use?: (page: Page) => Promise<number>;
  /** `<teams-…>` attributes to remove from the page before it loads. */
  removeAttributes?: string[];
}

async function measurePage(browser: Browser, origin: string, label: string, path: string, options: MeasureOptions = {}): Promise<PageLoad> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });

  // Nothing may leave the machine: requests to any other origin are aborted in the browser.
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  const removed = options.removeAttributes ?? [];
  if (removed.length > 0) {
    await context.route(`${origin}${path}`, async (route) => {
      const response = await route.fetch();
      let html = await response.text();
      for (const attribute of removed) html = html.replace(new RegExp(`\\s${attribute}(="[^"]*")?(?=[\\s>])`, 'g'), '');
      await route.fulfill({ response, body: html });
    });
  }

  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = response.body();
    // A script that arrives after the sizes are summed has its body cut off by closing the
    // context; that rejection must not end the run.
    body.catch(() => undefined);
    bodies.set(response.url(), body);
  });

  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  const notCallIntent = options.use !== focusCallTarget;
  let signInMs: number | undefined;
  let readyMs: number | undefined;
  if (options.use) {
    signInMs = await signIn(page, 'Adele Vance');
    readyMs = await options.use(page);
    // After a call intent the SDK keeps retrying its (aborted) requests to Microsoft; do not wait.
    if (notCallIntent) await page.waitForLoadState('networkidle');
  }

  page.removeAllListeners('response');
  const scripts = await Promise.all(
    [...bodies].map(async ([url, body]) => ({ url: new URL(url).pathname, gzipBytes: gzipSize(await body) })),
  );
  await context.close();
  return {
    label,
    path,
    scripts,
    gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
    includesCallingSdk: scripts.some((script) => callingSdkChunk.test(script.url)),
    ...(signInMs === undefined ? {} : { signInMs }),
    ...(readyMs === undefined ? {} : { readyMs }),
  };
}

/** Opens the Adele–Diego chat and returns the time until its messages show. */
async function openChat(page: Page): Promise<number> {
  const started = performance.now();
  await page.locator('teams-chat').getByRole('button', { name: /Diego Siciliani/ }).first().click();
  await page.locator('teams-chat').locator('[part~="message"]').first().waitFor();
  return performance.now() - started;
}

/** Waits until the call form is ready, without any call intent. */
async function callReady(page: Page): Promise<number> {
  const started = performance.now();
  await page.locator('teams-call').getByLabel('Person to call').waitFor();
  return performance.now() - started;
}

/**
 * Focuses "Person to call", the first call intent, and returns the time until the calling SDK's
 * chunk has arrived. Requests the SDK then makes to Microsoft are aborted in the browser.
 */
async function focusCallTarget(page: Page): Promise<number> {
  const field = page.locator('teams-call').getByLabel('Person to call');
  await field.waitFor();
  const started = performance.now();
  const sdk = page.waitForResponse((response) => callingSdkChunk.test(new URL(response.url()).pathname));
  await field.focus();
  await (await sdk).finished();
  return performance.now() - started;
}

/** Times exchanges through the endpoint from Node: an Entra token in, a Communication Services token out. */
async function measureExchange(sandbox: Sandbox, count: number): Promise<number[]> {
  const minted = await fetch(`${sandbox.origin}/__sandbox/entra-token`, {
    method: 'POST',
    body: JSON.stringify({ user: 'adele.vance@contoso.com' }),
  });
  const { accessToken } = (await minted.json()) as { accessToken: string };
  const durations: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const response = await fetch(`${sandbox.origin}/api/token-exchange`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) throw new Error(`The exchange failed with ${response.status}.`);
    await response.json();
    durations.push(performance.now() - started);
  }
  return durations.sort((left, right) => left - right);
}

async function chunkSize(directory: string, pattern: RegExp): Promise<number | undefined> {
  const name = (await readdir(directory)).find((file) => pattern.test(`/${file}`));
  return name === undefined ? undefined : gzipSize(await readFile(`${directory}/${name}`));
}

/**
 * Sections of the report that other benchmark modules add: each runs against the same sandbox
 * and browser and returns Markdown. Add a module's section here.
 */
const sections: BenchSection[] = [callsSection, chatSection];

const sandbox = await startSandbox({ port: 0, log: createConsoleLog({ quiet: true }) });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const loads = [
    await measurePage(browser, sandbox.origin, 'Sign-in only (sign-in.html)', '/sign-in.html'),
    await measurePage(browser, sandbox.origin, 'Chat, signed in, one chat open (chat.html)', '/chat.html', { use: openChat }),
    // With the real calling SDK (no calling-module override) and no opt-in to incoming calls, so
    // nothing but a call intent would load the SDK.
    await measurePage(browser, sandbox.origin, 'Call, signed in, real SDK configured, before the first call intent (call.html)', '/call.html', {
      use: callReady,
      removeAttributes: ['calling-module', 'incoming-calls'],
    }),
    await measurePage(browser, sandbox.origin, 'Call, signed in, real SDK configured, after the first call intent (call.html)', '/call.html', {
      use: focusCallTarget,
      removeAttributes: ['calling-module', 'incoming-calls'],
    }),
    // The demo opts in to incoming calls, which loads the (sandbox) calling module after sign-in.
    await measurePage(browser, sandbox.origin, 'All four elements, signed in, incoming calls on, sandbox calling module (index.html)', '/index.html', { use: callReady }),
  ];
  const exchange = await measureExchange(sandbox, 40);
  const sdkBytes = await chunkSize('dist/chunks', callingSdkChunk);
  const sandboxCallingBytes = gzipSize(await readFile('build/sandbox/calling.js'));

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${platform()} ${release()}, Node ${process.version}, Chromium ${browser.version()}`;
  const date = new Date().toISOString().slice(0, 10);
  const rows = loads.map((load) =>
    `| ${load.label} | ${kilobytes(load.gzipBytes)} | ${load.scripts.length} | ${load.includesCallingSdk ? 'yes' : 'no'} | ${load.signInMs === undefined ? '–' : `${Math.round(load.signInMs)} ms`} | ${load.readyMs === undefined ? '–' : `${Math.round(load.readyMs)} ms`} |`,
  );
  const median = exchange[Math.floor(exchange.length / 2)]!;
  const p95 = exchange[Math.floor(exchange.length * 0.95)]!;
  const signInOnly = loads[0]!;

  const environment: BenchEnvironment = { sandbox, browser, origin: sandbox.origin };
  const extraSections: string[] = [];
  for (const section of sections) extraSections.push(await section(environment));

  const report = `# Benchmarks

Written by \`npm run bench\` (\`bench/run.ts\`) on ${date}, on ${machine}. Sizes are the gzip
(level 9) bytes of every script the page loaded in Chromium against the sandbox; timings are one
run each and vary with machine load.

## JavaScript a page loads

| Page | JavaScript (gzip) | Files | Calling SDK loaded | Sign-in (popup) | Ready after sign-in |
|---|---|---|---|---|---|
${rows.join('\n')}

Budget of a sign-in-only page: ${kilobytes(signInBudgetBytes)}; measured ${kilobytes(signInOnly.gzipBytes)} (${signInOnly.gzipBytes <= signInBudgetBytes ? 'within budget' : 'OVER BUDGET'}).
For comparison, the Microsoft Graph Toolkit's sign-in button costs about 311 KB gzip.

"Ready after sign-in" is, for chat, the time from clicking a chat to its first message on screen;
for the call pages, the time until the call form shows; after a call intent, the time from focusing
"Person to call" until the calling SDK's chunk has arrived over loopback.

## Loaded on the first call intent

| Module | gzip |
|---|---|
| \`@azure/communication-calling\` chunk (real tenants) | ${sdkBytes === undefined ? 'not built' : kilobytes(sdkBytes)} |
| Sandbox calling module (\`/sandbox/calling.js\`) | ${kilobytes(sandboxCallingBytes)} |

## Exchange endpoint

${exchange.length} sequential exchanges through \`/api/token-exchange\` (handler, real
\`@azure/communication-identity\` client, emulated identity API, all on loopback): median
${median.toFixed(1)} ms, 95th percentile ${p95.toFixed(1)} ms.
${extraSections.map((section) => `\n${section.trim()}\n`).join('')}`;

  console.log(report);
  for (const load of loads) {
    console.log(`${load.label}:`);
    for (const script of load.scripts) console.log(`  ${kilobytes(script.gzipBytes).padStart(10)}  ${script.url}`);
  }
  await writeFile('docs/benchmarks.md', report);
  const intentLabel = 'after the first call intent';
  if (loads.some((load) => load.includesCallingSdk && !load.label.includes(intentLabel))) {
    console.error('The calling SDK was loaded before any call intent.');
    process.exitCode = 1;
  }
  if (!loads.some((load) => load.includesCallingSdk && load.label.includes(intentLabel))) {
    console.error('The calling SDK did not load on the first call intent.');
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await sandbox.close();
}
