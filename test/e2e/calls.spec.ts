// Calls beyond the first path, with up to three browser contexts on the sandbox: a meeting with a
// lobby, an incoming call during a call, a cancelled share picker, a browser that blocks the
// camera, the pre-join screen, and raised hands and reactions seen by another participant.
import { chromium, expect, test, type Browser, type Locator, type Page } from '@playwright/test';

import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const diegoObjectId = '0a1b2c3d-0004-4000-8000-00000000fab4';

/** Opens the demo in a context of its own and signs in through the account picker popup. */
async function openSignedIn(browser: Browser, displayName: string, grantMedia = true): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, ...(grantMedia ? { permissions: ['camera', 'microphone'] } : {}) });
  const page = await context.newPage();
  await page.goto('/');

  const popup = page.waitForEvent('popup');
  await page.locator('teams-sign-in').getByRole('button', { name: 'Sign in' }).click();
  await (await popup).getByRole('button', { name: displayName }).click();

  await expect(page.locator('teams-sign-in')).toContainText(displayName);
  // The demo opts in to incoming calls, so the call agent connects on its own.
  await expect(page.locator('teams-call').getByRole('status')).toHaveText('Ready to receive calls.', { timeout: 30_000 });
  return page;
}

function callOf(page: Page): Locator {
  return page.locator('teams-call');
}

async function callPerson(page: Page, objectId: string): Promise<void> {
  await callOf(page).getByLabel('Person to call').fill(objectId);
  await callOf(page).getByRole('button', { name: 'Call', exact: true }).click();
}

async function joinMeeting(page: Page, link: string): Promise<void> {
  await callOf(page).getByLabel('Meeting link or ID').fill(link);
  await callOf(page).getByRole('button', { name: 'Join', exact: true }).click();
}

test('a guest waits in the lobby and the organizer admits them', async ({ browser }) => {
  test.setTimeout(100_000);
  const [adele, diego, lee] = await Promise.all([
    openSignedIn(browser, 'Adele Vance'),
    openSignedIn(browser, 'Diego Siciliani'),
    openSignedIn(browser, 'Lee Gu'),
  ]);
  const link = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_e2e${Date.now()}%40thread.v2/0`;

  // Adele (Contoso) joins first and organizes; Diego and Lee (Fabrikam) wait in the lobby.
  await joinMeeting(adele, link);
  await expect(callOf(adele).getByRole('status')).toHaveText('In the meeting. No one else is here yet.');
  await joinMeeting(diego, link);
  await joinMeeting(lee, link);
  await expect(callOf(diego).getByRole('status')).toHaveText('Waiting in the lobby until someone lets you in…');
  await expect(callOf(lee).getByRole('status')).toHaveText('Waiting in the lobby until someone lets you in…');
  await expect(callOf(diego).getByRole('button', { name: 'Leave' })).toBeVisible();

  const lobby = callOf(adele).getByRole('region', { name: 'Waiting in the lobby' });
  await expect(lobby).toContainText('2 people are waiting in the lobby.');
  await adele.screenshot({ path: test.info().outputPath('lobby-organizer.png'), fullPage: true });
  await diego.screenshot({ path: test.info().outputPath('lobby-waiting.png'), fullPage: true });
  await lobby.getByRole('button', { name: 'Admit Diego Siciliani' }).click();
  await lobby.getByRole('button', { name: 'Remove Lee Gu from the lobby' }).click();

  await expect(callOf(diego).getByRole('status')).toHaveText('In the meeting with 1 other person');
  await expect(callOf(adele).getByRole('status')).toHaveText('In the meeting with 1 other person');
  await expect(callOf(lee).getByRole('status')).toHaveText('You were removed from the meeting lobby.');
  await expect(callOf(adele).getByRole('region', { name: 'Waiting in the lobby' })).toHaveCount(0);

  // Both turn their cameras on: each gallery shows the other's video beside the own preview.
  await callOf(adele).getByRole('button', { name: 'Turn camera on' }).click();
  await callOf(diego).getByRole('button', { name: 'Turn camera on' }).click();
  await expect(callOf(adele).getByRole('img', { name: 'Video of Diego Siciliani' }).locator('video')).toHaveCount(1);
  await expect(callOf(adele).getByRole('img', { name: 'Your video' }).locator('video')).toHaveCount(1);
  await adele.screenshot({ path: test.info().outputPath('meeting-gallery.png'), fullPage: true });

  await callOf(diego).getByRole('button', { name: 'Leave' }).click();
  await expect(callOf(diego).getByRole('status')).toHaveText('You left the meeting.');
  await callOf(adele).getByRole('button', { name: 'Leave' }).click();
  await expect(callOf(adele).getByRole('status')).toHaveText('You left the meeting.');
});

test('an incoming call during a call is declined, then the call ends normally', async ({ browser }) => {
  test.setTimeout(100_000);
  const [adele, diego, lee] = await Promise.all([
    openSignedIn(browser, 'Adele Vance'),
    openSignedIn(browser, 'Diego Siciliani'),
    openSignedIn(browser, 'Lee Gu'),
  ]);

  await callPerson(adele, diegoObjectId);
  await callOf(diego).getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(callOf(diego).getByRole('status')).toHaveText('In a call with Adele Vance');

  // Lee calls Diego during his call with Adele.
  await callPerson(lee, diegoObjectId);
  const ringing = callOf(diego).getByRole('region', { name: 'Incoming call' });
  await expect(ringing).toContainText('Lee Gu is calling. Accepting ends your current call.');
  await expect(ringing.getByRole('button', { name: 'End call and accept', exact: true })).toBeVisible();
  await diego.screenshot({ path: test.info().outputPath('incoming-during-call.png'), fullPage: true });
  await ringing.getByRole('button', { name: 'Decline' }).click();

  // Lee typed an object id of another tenant, which Graph cannot name, so the sentence uses the id.
  await expect(callOf(lee).getByRole('status')).toHaveText(`${diegoObjectId} declined the call.`);
  await expect(callOf(diego).getByRole('region', { name: 'Incoming call' })).toHaveCount(0);
  await expect(callOf(diego).getByRole('status')).toHaveText('In a call with Adele Vance');

  // The first call is still tracked: Adele's hang-up ends it on Diego's side too.
  await callOf(adele).getByRole('button', { name: 'Hang up' }).click();
  await expect(callOf(diego).getByRole('status')).toHaveText('The call ended.');
  await expect(callOf(diego).getByLabel('Person to call')).toBeVisible();
});

test('a cancelled share picker is no error and sharing works after it', async ({ browser }) => {
  test.setTimeout(100_000);
  const [adele, diego] = await Promise.all([openSignedIn(browser, 'Adele Vance'), openSignedIn(browser, 'Diego Siciliani')]);

  await callPerson(adele, diegoObjectId);
  await callOf(diego).getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(callOf(adele).getByRole('status')).toHaveText('In a call with Diego Siciliani');

  // The person closes the browser's picker: getDisplayMedia rejects with NotAllowedError once.
  await adele.evaluate(() => {
    const original = navigator.mediaDevices.getDisplayMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getDisplayMedia = async () => {
      navigator.mediaDevices.getDisplayMedia = original;
      throw new DOMException('Permission denied by user', 'NotAllowedError');
    };
  });
  const share = adele.locator('teams-screen-share');
  await share.getByRole('button', { name: 'Share screen' }).click();
  await expect(share.getByRole('button', { name: 'Share screen' })).toBeVisible();
  await expect(share.getByRole('alert')).toHaveCount(0);
  await expect(callOf(adele).getByRole('alert')).toHaveCount(0);

  await share.getByRole('button', { name: 'Share screen' }).click();
  await expect(share.getByRole('button', { name: 'Stop sharing' })).toBeVisible();
  const remote = diego.locator('teams-screen-share').getByRole('img', { name: 'Screen shared by Adele Vance' });
  await expect(remote.locator('video')).toHaveCount(1);

  // The camera still works after the cancelled picker.
  await callOf(adele).getByRole('button', { name: 'Turn camera on' }).click();
  await expect(callOf(diego).getByRole('img', { name: 'Video of Adele Vance' })).toBeVisible();

  await callOf(adele).getByRole('button', { name: 'Hang up' }).click();
  await expect(callOf(diego).getByRole('status')).toHaveText('The call ended.');
});

test('a browser that blocks the camera says what to do', async ({ browser }) => {
  test.setTimeout(100_000);
  // Without the fake media UI flag, Chromium refuses getUserMedia with NotAllowedError.
  const blocking = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs.filter((flag: string) => flag !== '--use-fake-ui-for-media-stream'),
  });
  try {
    const [adele, alexPage] = await Promise.all([openSignedIn(browser, 'Adele Vance'), openSignedIn(blocking, 'Alex Wilber', false)]);
    const alex = callOf(alexPage);

    await callPerson(adele, '0a1b2c3d-0002-4000-8000-00000000c0a2');
    await alex.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Accept with video' }).click();

    await expect(alex.getByRole('alert').filter({ hasText: 'camera' })).toHaveText(
      'The browser blocked the camera. Allow camera access for this site in the browser’s site settings, then turn the camera on again.',
    );
    await expect(alex.getByRole('status')).toHaveText('In a call with Adele Vance');
    await expect(alex.getByRole('button', { name: 'Turn camera on' })).toBeVisible();

    await callOf(adele).getByRole('button', { name: 'Hang up' }).click();
    await expect(alex.getByRole('status')).toHaveText('The call ended.');
  } finally {
    await blocking.close();
  }
});

test('the pre-join screen previews the camera and joins with the choices', async ({ browser }) => {
  test.setTimeout(100_000);
  const [adele, diego] = await Promise.all([openSignedIn(browser, 'Adele Vance'), openSignedIn(browser, 'Diego Siciliani')]);
  const link = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_prejoin${Date.now()}%40thread.v2/0`;

  await adele.evaluate(() => {
    (document.querySelector('teams-call') as HTMLElement & { prejoin: boolean }).prejoin = true;
  });
  await joinMeeting(adele, link);

  const prejoin = callOf(adele).getByRole('region', { name: 'Before you join' });
  await expect(prejoin).toContainText('Check your camera and microphone, then join the meeting.');
  await expect(prejoin.getByRole('img', { name: 'Your video' }).locator('video')).toHaveCount(1);
  // Chromium's fake microphone beeps about once a second, so the meter rises above zero between
  // readings; it is read often enough not to miss a beep.
  await expect
    .poll(() => prejoin.getByLabel('Microphone level').evaluate((meter) => (meter as HTMLMeterElement).value), { intervals: [100], timeout: 10_000 })
    .toBeGreaterThan(0);
  await expect(prejoin.getByLabel('Camera', { exact: true })).toBeEnabled();
  await adele.screenshot({ path: test.info().outputPath('prejoin.png'), fullPage: true });

  await prejoin.getByLabel('Start muted').check();
  await prejoin.getByRole('button', { name: 'Join now' }).click();
  await expect(callOf(adele).getByRole('status')).toHaveText('In the meeting. No one else is here yet.');
  await expect(callOf(adele).getByRole('button', { name: 'Unmute' })).toBeVisible();
  await expect(callOf(adele).getByRole('img', { name: 'Your video' }).locator('video')).toHaveCount(1);

  // Diego joins without the screen; Adele started muted, so he sees her muted with her camera on.
  await joinMeeting(diego, link);
  await expect(callOf(adele).getByRole('region', { name: 'Waiting in the lobby' })).toContainText('1 person is waiting in the lobby.');
  await callOf(adele).getByRole('button', { name: 'Admit Diego Siciliani' }).click();
  await expect(callOf(diego).getByRole('region', { name: 'Participants' })).toContainText('Muted');
  await expect(callOf(diego).getByRole('img', { name: 'Video of Adele Vance' }).locator('video')).toHaveCount(1);

  await callOf(diego).getByRole('button', { name: 'Leave' }).click();
  await callOf(adele).getByRole('button', { name: 'Leave' }).click();
  await expect(callOf(adele).getByRole('status')).toHaveText('You left the meeting.');
});

test('a raised hand and a reaction reach another participant', async ({ browser }) => {
  test.setTimeout(100_000);
  const [adele, megan] = await Promise.all([openSignedIn(browser, 'Adele Vance'), openSignedIn(browser, 'Megan Bowen')]);
  const link = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_hands${Date.now()}%40thread.v2/0`;

  // Both are from Contoso, the organizer's tenant, so Megan skips the lobby.
  await joinMeeting(adele, link);
  await expect(callOf(adele).getByRole('status')).toHaveText('In the meeting. No one else is here yet.');
  await joinMeeting(megan, link);
  await expect(callOf(adele).getByRole('status')).toHaveText('In the meeting with 1 other person');

  await callOf(megan).getByRole('button', { name: 'Raise hand' }).click();
  await expect(callOf(megan).getByRole('button', { name: 'Lower hand' })).toBeVisible();
  const participants = callOf(adele).getByRole('region', { name: 'Participants' });
  await expect(participants.getByRole('listitem').first()).toContainText('Megan Bowen');
  await expect(participants.getByRole('listitem').first()).toContainText('Hand raised (1)');
  await expect(callOf(adele).locator('figure[data-participant]').filter({ hasText: 'Megan Bowen' })).toContainText('Hand raised');

  await callOf(megan).getByRole('button', { name: 'React' }).click();
  await callOf(megan).getByRole('button', { name: 'Applause' }).click();
  const reaction = callOf(adele).locator('figure[data-participant]').filter({ hasText: 'Megan Bowen' }).locator('[part="reaction"]');
  await expect(reaction).toHaveText('👏 Applause');
  await adele.screenshot({ path: test.info().outputPath('hand-and-reaction.png'), fullPage: true });
  // The reaction shows for a few seconds only.
  await expect(reaction).toHaveCount(0, { timeout: 10_000 });

  await callOf(megan).getByRole('button', { name: 'Lower hand' }).click();
  await expect(participants).not.toContainText('Hand raised');

  await callOf(megan).getByRole('button', { name: 'Leave' }).click();
  await callOf(adele).getByRole('button', { name: 'Leave' }).click();
  await expect(callOf(adele).getByRole('status')).toHaveText('You left the meeting.');
});
