// Calls beyond the first path, with up to three browser contexts on the sandbox: a meeting with a
// lobby, a group call in its Graph group chat, an incoming call during a call, a cancelled share
// picker, a browser that blocks the camera, the pre-join screen, and raised hands and reactions
// seen by another participant.
import { chromium, expect, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';

import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const adeleObjectId = '0a1b2c3d-0001-4000-8000-00000000c0a1';
const diegoObjectId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const leeObjectId = '0a1b2c3d-0005-4000-8000-00000000fab5';

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

/** Resolves once the `<video>` of `name`'s tile has decoded frames (a size and a growing frame count). */
async function expectFramesFrom(page: Page, name: string): Promise<void> {
  const video = callOf(page).getByRole('img', { name: `Video of ${name}` }).locator('video');
  await expect(video).toHaveCount(1);
  const framesDecoded = (): Promise<number> =>
    video.evaluate((element) => {
      const player = element as HTMLVideoElement;
      return player.videoWidth > 0 ? player.getVideoPlaybackQuality().totalVideoFrames : 0;
    });
  await expect.poll(framesDecoded, { timeout: 15_000 }).toBeGreaterThan(0);
  const first = await framesDecoded();
  // A frame count that still grows shows the video is live, not one stale frame.
  await expect.poll(framesDecoded, { timeout: 10_000 }).toBeGreaterThan(first);
}

/** The ids of Adele's group chats whose members are exactly `memberIds`, read from the Graph emulator. */
async function groupChatsWith(request: APIRequestContext, memberIds: string[]): Promise<string[]> {
  const minted = await request.post('/__sandbox/entra-token', { data: { user: 'adele.vance@contoso.com', resource: 'graph' } });
  const { accessToken } = (await minted.json()) as { accessToken: string };
  const expected = [...memberIds].sort().join(',');
  const ids: string[] = [];
  let url: string | undefined = '/graph/v1.0/me/chats?$expand=members&$top=50';
  while (url !== undefined) {
    const response = await request.get(url, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(response.status()).toBe(200);
    const page = (await response.json()) as { value: Array<{ id: string; chatType: string; members: Array<{ userId: string }> }>; '@odata.nextLink'?: string };
    for (const chat of page.value) {
      if (chat.chatType === 'group' && chat.members.map((member) => member.userId).sort().join(',') === expected) ids.push(chat.id);
    }
    url = page['@odata.nextLink'];
  }
  return ids;
}

test('three people call in their group chat, and one leaves', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const [adele, diego, lee] = await Promise.all([
    openSignedIn(browser, 'Adele Vance'),
    openSignedIn(browser, 'Diego Siciliani'),
    openSignedIn(browser, 'Lee Gu'),
  ]);
  const chatsBefore = await groupChatsWith(request, [adeleObjectId, diegoObjectId, leeObjectId]);

  // Diego and Lee are of another tenant, which Graph cannot look up by address: their object ids.
  await callPerson(adele, `${diegoObjectId}, ${leeObjectId}`);
  const diegoRinging = callOf(diego).getByRole('region', { name: 'Incoming call' });
  const leeRinging = callOf(lee).getByRole('region', { name: 'Incoming call' });
  await expect(diegoRinging).toContainText('Adele Vance is calling');
  await expect(leeRinging).toContainText('Adele Vance is calling');
  // Adele is of another tenant, whose photos Graph does not give Diego: her initials show.
  await expect(diegoRinging.locator('[part="caller-photo"]')).toHaveText('AV');
  await diego.screenshot({ path: test.info().outputPath('group-call-ringing.png'), fullPage: true });
  await diegoRinging.getByRole('button', { name: 'Accept with video' }).click();
  await leeRinging.getByRole('button', { name: 'Accept with video' }).click();

  await expect(callOf(adele).getByRole('status')).toHaveText('In a call with Diego Siciliani, Lee Gu');
  await expect(callOf(diego).getByRole('status')).toHaveText(/In a call with (Adele Vance, Lee Gu|Lee Gu, Adele Vance)\s*$/);
  await expect(callOf(lee).getByRole('status')).toHaveText(/In a call with (Adele Vance, Diego Siciliani|Diego Siciliani, Adele Vance)\s*$/);
  await callOf(adele).getByRole('button', { name: 'Turn camera on' }).click();

  // Every page shows the two others' video, live.
  await expectFramesFrom(adele, 'Diego Siciliani');
  await expectFramesFrom(adele, 'Lee Gu');
  await expectFramesFrom(diego, 'Adele Vance');
  await expectFramesFrom(diego, 'Lee Gu');
  await expectFramesFrom(lee, 'Adele Vance');
  await expectFramesFrom(lee, 'Diego Siciliani');
  await adele.screenshot({ path: test.info().outputPath('group-call-gallery.png'), fullPage: true });

  // The call took place in the group chat of the three: the one there was, or a new one.
  const chatsAfter = await groupChatsWith(request, [adeleObjectId, diegoObjectId, leeObjectId]);
  expect(chatsAfter).toHaveLength(Math.max(chatsBefore.length, 1));

  // Lee leaves; Adele and Diego stay in the call with each other.
  await callOf(lee).getByRole('button', { name: 'Hang up' }).click();
  await expect(callOf(lee).getByRole('status')).toHaveText('You left the call.');
  await expect(callOf(lee).getByLabel('Person to call')).toBeVisible();
  await expect(callOf(adele).getByRole('status')).toHaveText('In a call with Diego Siciliani');
  await expect(callOf(diego).getByRole('status')).toHaveText('In a call with Adele Vance');
  await expect(callOf(adele).getByRole('img', { name: 'Video of Lee Gu' })).toHaveCount(0);
  await expectFramesFrom(adele, 'Diego Siciliani');
  await expectFramesFrom(diego, 'Adele Vance');

  await callOf(adele).getByRole('button', { name: 'Hang up' }).click();
  await expect(callOf(diego).getByRole('status')).toHaveText('The call ended.');
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

  // Lee typed Diego's object id. Both are of Fabrikam, so Graph gives Lee's page Diego's name.
  await expect(callOf(lee).getByRole('status')).toHaveText('Diego Siciliani declined the call.');
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
    // Adele is of Alex's tenant and has a profile photo, so it rings with her photo.
    const ringing = alex.getByRole('region', { name: 'Incoming call' });
    await expect(ringing.locator('img[part="caller-photo"]')).toHaveJSProperty('naturalWidth', 96);
    await alexPage.screenshot({ path: test.info().outputPath('ringing-with-photo.png'), fullPage: true });
    await ringing.getByRole('button', { name: 'Accept with video' }).click();

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
