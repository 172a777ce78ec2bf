// The kit's first complete path on the sandbox: two people of different tenants sign in with the
// real MSAL, chat through the real Graph client, and call with video and a shared screen.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

const diegoObjectId = '0a1b2c3d-0004-4000-8000-00000000fab4';

/** Opens the demo in a context of its own and signs in through the account picker popup. */
async function openSignedIn(browser: Browser, displayName: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  await page.goto('/');

  const popup = page.waitForEvent('popup');
  await page.locator('teams-sign-in').getByRole('button', { name: 'Sign in' }).click();
  await (await popup).getByRole('button', { name: displayName }).click();

  await expect(page.locator('teams-sign-in').getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.locator('teams-sign-in')).toContainText(displayName);
  return page;
}

/** Waits until the `<video>` inside a view container presents a new decoded frame. Returns its size. */
async function nextFrameSize(view: Locator): Promise<{ width: number; height: number }> {
  const video = view.locator('video');
  await expect(video).toHaveCount(1);
  return video.evaluate(
    (element: HTMLVideoElement) =>
      new Promise<{ width: number; height: number }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('No video frame within 10 s.')), 10_000);
        element.requestVideoFrameCallback(() => {
          clearTimeout(timer);
          resolve({ width: element.videoWidth, height: element.videoHeight });
        });
      }),
  );
}

/** Records the `teams-call-ended` events of a page. */
async function recordCallEnds(page: Page): Promise<void> {
  await page.evaluate(() => {
    const ends: unknown[] = [];
    (window as unknown as { callEnds: unknown[] }).callEnds = ends;
    document.addEventListener('teams-call-ended', (event) => ends.push((event as CustomEvent).detail));
  });
}

async function callEnds(page: Page): Promise<Array<{ code: number; subCode: number; message: string }>> {
  return page.evaluate(() => (window as unknown as { callEnds: Array<{ code: number; subCode: number; message: string }> }).callEnds);
}

test('two tenants sign in, chat, call with video and share a screen', async ({ browser }) => {
  test.setTimeout(180_000);

  // Adele signs in to Contoso, Diego to Fabrikam, each in a browser context of their own.
  const adele = await openSignedIn(browser, 'Adele Vance');
  const diego = await openSignedIn(browser, 'Diego Siciliani');

  // Diego opens his chat with Adele first, so her message reaches him by polling.
  const diegoChat = diego.locator('teams-chat');
  await diegoChat.getByRole('button', { name: /Adele Vance/ }).first().click();
  await expect(diegoChat.getByRole('textbox', { name: 'Type a message' })).toBeVisible();

  const text = `Hello Diego, end-to-end check ${Date.now()}`;
  const adeleChat = adele.locator('teams-chat');
  await adeleChat.getByRole('button', { name: /Diego Siciliani/ }).first().click();
  await adeleChat.getByRole('textbox', { name: 'Type a message' }).fill(text);
  await adeleChat.getByRole('button', { name: 'Send' }).click();
  await expect(adeleChat.getByText('Sent', { exact: true })).toBeVisible();
  await expect(diegoChat.locator("[part~='messages']").getByText(text, { exact: true })).toBeVisible({ timeout: 30_000 });

  // Adele calls Diego by object id (Graph does not look up users of another tenant by name).
  await recordCallEnds(adele);
  await recordCallEnds(diego);
  const adeleCall = adele.locator('teams-call');
  const diegoCall = diego.locator('teams-call');
  await adeleCall.getByLabel('Person to call').fill(diegoObjectId);
  await adeleCall.getByRole('button', { name: 'Call', exact: true }).click();

  const ringing = diegoCall.getByRole('region', { name: 'Incoming call' });
  await expect(ringing).toContainText('Adele Vance');
  await expect(ringing.getByRole('button', { name: 'Decline' })).toBeVisible();
  await ringing.getByRole('button', { name: 'Accept with video' }).click();
  await adeleCall.getByRole('button', { name: 'Turn camera on' }).click();

  // Both sides receive remote video frames from the fake 640x480 camera.
  const diegoOnAdele = await nextFrameSize(adeleCall.getByRole('img', { name: 'Video of Diego Siciliani' }));
  const adeleOnDiego = await nextFrameSize(diegoCall.getByRole('img', { name: 'Video of Adele Vance' }));
  expect(diegoOnAdele.width).toBeGreaterThan(0);
  expect(adeleOnDiego.width).toBeGreaterThan(0);

  // Adele shares her screen; Diego receives it as its own view, 16:9 unlike the 4:3 camera.
  await adele.locator('teams-screen-share').getByRole('button', { name: 'Share screen' }).click();
  await expect(adele.locator('teams-screen-share').getByRole('button', { name: 'Stop sharing' })).toBeVisible();
  const share = await nextFrameSize(diego.locator('teams-screen-share').getByRole('img', { name: 'Screen shared by Adele Vance' }));
  expect(share.width / share.height).toBeCloseTo(16 / 9, 1);

  // Adele hangs up; both calls end normally.
  await adeleCall.getByRole('button', { name: 'Hang up' }).click();
  await expect.poll(async () => (await callEnds(adele)).length).toBe(1);
  await expect.poll(async () => (await callEnds(diego)).length).toBe(1);
  expect((await callEnds(adele))[0]!.code).toBe(0);
  expect((await callEnds(diego))[0]!.code).toBe(0);
  await expect(diegoCall.getByRole('button', { name: 'Hang up' })).toHaveCount(0);
  await expect(adeleCall.getByLabel('Person to call')).toBeVisible();

  await adele.screenshot({ path: test.info().outputPath('adele-after-call.png'), fullPage: true });
});
