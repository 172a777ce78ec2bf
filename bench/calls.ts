// The calls section of `npm run bench`: how long an accepted call takes to show the caller's video,
// and whether 50 meeting joins and leaves return views, `<video>` elements and the JS heap to where
// they started. Runs the demo page (`/index.html`, sandbox calling module) in Chromium.
import type { Browser, CDPSession, Page } from 'playwright-core';

import type { BenchEnvironment, BenchSection } from './environment.js';

const diegoObjectId = '0a1b2c3d-0004-4000-8000-00000000fab4';

/** Accepted calls timed; the median is reported. */
const acceptRuns = 5;

/** Meeting joins and leaves in the leak check. */
const joinLeaveCycles = 50;

/**
 * Heap growth over the cycles still counted as "back to the start", in bytes. V8's heap after a
 * forced collection still moves by some hundred kilobytes between two readings (compiled code,
 * inline caches), so a leak shows as growth well beyond this.
 */
const heapToleranceBytes = 2 * 1024 * 1024;

export async function openSignedIn(browser: Browser, origin: string, displayName: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, permissions: ['camera', 'microphone'] });
  // Nothing may leave the machine: requests to any other origin are aborted in the browser.
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);

  const popup = page.waitForEvent('popup');
  await page.locator('teams-sign-in').getByRole('button', { name: 'Sign in' }).click();
  await (await popup).getByRole('button', { name: displayName }).click();
  await page.locator('teams-call').getByRole('status').filter({ hasText: 'Ready to receive calls.' }).waitFor({ timeout: 30_000 });
  return page;
}

/** Diego accepts a call Adele starts with video; returns the ms from the Accept click to the first decoded frame of her video. */
async function timeAcceptToFirstFrame(adele: Page, diego: Page): Promise<number> {
  await adele.evaluate((objectId) => (document.querySelector('teams-call') as unknown as { call(target: string, options: object): Promise<void> }).call(objectId, { video: true }), diegoObjectId);
  await diego.locator('teams-call').getByRole('button', { name: 'Accept', exact: true }).waitFor();

  const elapsed = await diego.evaluate(async () => {
    const root = document.querySelector('teams-call')!.shadowRoot!;
    const accept = [...root.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Accept')!;
    const started = performance.now();
    accept.click();

    // Polls for the caller's tile, then waits for its first decoded frame.
    let video: HTMLVideoElement | null = null;
    while (video === null) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      video = root.querySelector<HTMLVideoElement>('[aria-label="Video of Adele Vance"] video');
      if (performance.now() - started > 20_000) throw new Error('No video of Adele within 20 s.');
    }
    await new Promise<void>((resolve) => video!.requestVideoFrameCallback(() => resolve()));
    return performance.now() - started;
  });

  await adele.locator('teams-call').getByRole('button', { name: 'Hang up' }).click();
  await diego.locator('teams-call').getByLabel('Person to call').waitFor();
  await adele.locator('teams-call').getByLabel('Person to call').waitFor();
  return elapsed;
}

interface PageResources {
  videos: number;
  viewContainers: number;
  heapBytes: number;
}

/** Counts `<video>` elements and filled view containers (inside shadow roots too) and the JS heap after a forced GC. */
async function measureResources(page: Page, cdp: CDPSession): Promise<PageResources> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counts = await page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    let videos = 0;
    let viewContainers = 0;
    while (roots.length > 0) {
      const root = roots.pop()!;
      videos += root.querySelectorAll('video').length;
      viewContainers += [...root.querySelectorAll('[data-view]')].filter((container) => container.childElementCount > 0).length;
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    return { videos, viewContainers };
  });
  return { ...counts, heapBytes: usedSize };
}

/** Megan joins Adele's meeting with her camera on and leaves again; resolves once she is out. */
export async function joinAndLeave(megan: Page, link: string): Promise<void> {
  const call = megan.locator('teams-call');
  await megan.evaluate((meeting) => (document.querySelector('teams-call') as unknown as { join(link: string, passcode: string, options: object): Promise<void> }).join(meeting, '', { video: true }), link);
  await call.getByRole('img', { name: 'Video of Adele Vance' }).locator('video').waitFor({ state: 'attached', timeout: 20_000 });
  await call.getByRole('button', { name: 'Leave' }).click();
  await call.getByRole('status').filter({ hasText: 'You left the meeting.' }).waitFor();
}

export const callsSection: BenchSection = async ({ browser, origin }: BenchEnvironment) => {
  const adele = await openSignedIn(browser, origin, 'Adele Vance');
  const diego = await openSignedIn(browser, origin, 'Diego Siciliani');
  const megan = await openSignedIn(browser, origin, 'Megan Bowen');

  try {
    const acceptTimes: number[] = [];
    for (let run = 0; run < acceptRuns; run++) acceptTimes.push(await timeAcceptToFirstFrame(adele, diego));
    acceptTimes.sort((left, right) => left - right);

    // Adele organizes the meeting and keeps her camera on, so every join renders a remote view.
    const link = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_bench${Date.now()}%40thread.v2/0`;
    await adele.evaluate((meeting) => (document.querySelector('teams-call') as unknown as { join(link: string, passcode: string, options: object): Promise<void> }).join(meeting, '', { video: true }), link);
    await adele.locator('teams-call').getByRole('button', { name: 'Leave' }).waitFor();

    const cdp = await megan.context().newCDPSession(megan);
    await joinAndLeave(megan, link);
    const before = await measureResources(megan, cdp);
    const cyclesStarted = performance.now();
    for (let cycle = 0; cycle < joinLeaveCycles; cycle++) await joinAndLeave(megan, link);
    const cyclesMs = performance.now() - cyclesStarted;
    const after = await measureResources(megan, cdp);

    const heapGrowth = after.heapBytes - before.heapBytes;
    const backToStart = after.videos === before.videos && after.viewContainers === before.viewContainers && heapGrowth <= heapToleranceBytes;
    if (!backToStart) {
      console.error(`Calls: ${joinLeaveCycles} joins and leaves did not return to the start (videos ${before.videos} -> ${after.videos}, views ${before.viewContainers} -> ${after.viewContainers}, heap +${heapGrowth} bytes).`);
      process.exitCode = 1;
    }
    await adele.locator('teams-call').getByRole('button', { name: 'Leave' }).click();

    const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    return `## Calls

Sandbox calling module, three browser contexts of one Chromium on this machine.

Accept to the caller's first video frame (Adele calls Diego with her camera on; from Diego's click
on "Accept" until his page decodes the first frame of her video), ${acceptRuns} calls: median
${Math.round(acceptTimes[Math.floor(acceptTimes.length / 2)]!)} ms, range ${Math.round(acceptTimes[0]!)}–${Math.round(acceptTimes.at(-1)!)} ms.

${joinLeaveCycles} joins and leaves of a meeting (Megan joins with her camera on while Adele, the
organizer, sends video; she leaves once Adele's video shows) took ${(cyclesMs / 1000).toFixed(1)} s.
Megan's page before and after, after one warm-up cycle and a forced garbage collection:

| | Before | After |
|---|---|---|
| \`<video>\` elements (all shadow roots) | ${before.videos} | ${after.videos} |
| Filled view containers | ${before.viewContainers} | ${after.viewContainers} |
| JS heap used | ${megabytes(before.heapBytes)} | ${megabytes(after.heapBytes)} |

${backToStart ? 'Back to the starting level' : 'NOT back to the starting level'} (heap growth allowed: ${megabytes(heapToleranceBytes)}).
`;
  } finally {
    await adele.context().close();
    await diego.context().close();
    await megan.context().close();
  }
};
