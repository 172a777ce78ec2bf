// End-to-end sign-in: the demo page's <teams-sign-in> with the real MSAL browser 5 against the
// sandbox's emulated Entra ID. Build first: ENTRIES=sign-in,redirect-bridge npx rollup -c
import { build } from 'esbuild';
import { expect, test, type Page } from '@playwright/test';

const clientId = '3c7d9e21-8a4b-4f0c-9d6e-5b2a1c0e7a11';
const signInPage = '/sign-in.html';

/** Decodes a JWT's claims; the test only compares them. */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function signInButton(page: Page) {
  return page.getByRole('button', { name: 'Sign in', exact: true });
}

function signOutButton(page: Page) {
  return page.getByRole('button', { name: 'Sign out', exact: true });
}

/** Locates a part of the element. Playwright's CSS selectors reach into its shadow root. */
function part(page: Page, name: string) {
  return page.locator(`teams-sign-in [part="${name}"]`);
}

/** Opens the demo page and waits until the element has finished restoring and offers Sign in. */
async function openSignedOut(page: Page): Promise<void> {
  await page.goto(signInPage);
  await expect(signInButton(page)).toBeVisible();
}

/** Clicks `button`, picks `userName` on the emulated Entra ID's account picker and waits for the popup to close. */
async function signInWithPopup(page: Page, userName: string, button = signInButton(page)): Promise<void> {
  const popupOpened = page.waitForEvent('popup');
  await button.click();
  const popup = await popupOpened;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: userName, exact: true }).click();
  await closed;
}

test.describe('<teams-sign-in> with MSAL and the emulated Entra ID', () => {
  test('popup sign-in shows Adele', async ({ page }, testInfo) => {
    await openSignedOut(page);
    const element = page.locator('teams-sign-in');
    await element.screenshot({ path: testInfo.outputPath('1-signed-out.png') });

    const popupOpened = page.waitForEvent('popup');
    await signInButton(page).click();
    const popup = await popupOpened;
    await expect(popup.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
    await expect(part(page, 'progress')).toHaveText('Signing in…');
    await element.screenshot({ path: testInfo.outputPath('2-signing-in.png') });
    await popup.screenshot({ path: testInfo.outputPath('2-account-picker.png') });

    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Adele Vance', exact: true }).click();
    await closed;

    await expect(part(page, 'account-name')).toHaveText('Adele Vance');
    await expect(part(page, 'account-username')).toHaveText('adele.vance@contoso.com');
    await expect(signOutButton(page)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Signed in as Adele Vance');
    await element.screenshot({ path: testInfo.outputPath('3-signed-in.png') });
  });

  test('second context signs in as Diego', async ({ page, browser, baseURL }) => {
    await openSignedOut(page);
    await signInWithPopup(page, 'Adele Vance');
    await expect(part(page, 'account-name')).toHaveText('Adele Vance');

    const second = await browser.newContext({ ignoreHTTPSErrors: true, ...(baseURL ? { baseURL } : {}) });
    try {
      const other = await second.newPage();
      await openSignedOut(other);
      await signInWithPopup(other, 'Diego Siciliani');
      await expect(part(other, 'account-name')).toHaveText('Diego Siciliani');
      await expect(part(other, 'account-username')).toHaveText('diego.siciliani@fabrikam.com');
      await expect(part(page, 'account-name')).toHaveText('Adele Vance');
    } finally {
      await second.close();
    }
  });

  test('reload restores without a popup', async ({ page, context }) => {
    await openSignedOut(page);
    await signInWithPopup(page, 'Adele Vance');
    await expect(signOutButton(page)).toBeVisible();

    let pagesOpened = 0;
    context.on('page', () => pagesOpened++);
    await page.reload();
    await expect(part(page, 'account-name')).toHaveText('Adele Vance');
    await expect(signOutButton(page)).toBeVisible();
    expect(pagesOpened).toBe(0);
  });

  test('sign out returns to Sign in', async ({ page }) => {
    await openSignedOut(page);
    await signInWithPopup(page, 'Adele Vance');
    await signOutButton(page).click();

    await expect(signInButton(page)).toBeVisible();
    await expect(signInButton(page)).toBeFocused();
    await expect(part(page, 'account')).toHaveCount(0);

    await page.reload();
    await expect(signInButton(page)).toBeVisible();
    await expect(part(page, 'account')).toHaveCount(0);
  });

  test('redirect mode signs in on the page', async ({ page }) => {
    await openSignedOut(page);
    await page.locator('teams-sign-in').evaluate((element) => element.setAttribute('login-mode', 'redirect'));
    await expect(signInButton(page)).toBeVisible();

    await signInButton(page).click();
    await page.waitForURL(/\/oauth2\/v2\.0\/authorize/);
    await page.getByRole('button', { name: 'Megan Bowen', exact: true }).click();

    await page.waitForURL((url) => url.pathname === signInPage);
    await expect(part(page, 'account-name')).toHaveText('Megan Bowen');
    await expect(signOutButton(page)).toBeVisible();
  });

  test('blocked popup offers a retry', async ({ page }, testInfo) => {
    // A pop-up blocker that stops the first window.open of the page, as a browser does for a
    // popup without a user gesture.
    await page.addInitScript(() => {
      const open = window.open.bind(window);
      let blocked = false;
      window.open = (...args: Parameters<typeof window.open>) => {
        if (!blocked) {
          blocked = true;
          return null;
        }
        return open(...args);
      };
    });
    await openSignedOut(page);
    await signInButton(page).click();

    await expect(part(page, 'message')).toHaveText('Your browser blocked the sign-in window. Try again, or sign in on this page instead.');
    const retry = page.getByRole('button', { name: 'Try again', exact: true });
    await expect(retry).toBeFocused();
    await expect(page.getByRole('button', { name: 'Sign in on this page', exact: true })).toBeVisible();
    await page.locator('teams-sign-in').screenshot({ path: testInfo.outputPath('popup-blocked.png') });

    await signInWithPopup(page, 'Alex Wilber', retry);
    await expect(part(page, 'account-name')).toHaveText('Alex Wilber');
  });

  test('blocked popup falls back to redirect', async ({ page }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await openSignedOut(page);
    await signInButton(page).click();

    await page.getByRole('button', { name: 'Sign in on this page', exact: true }).click();
    await page.waitForURL(/\/oauth2\/v2\.0\/authorize/);
    await page.getByRole('button', { name: 'Lee Gu', exact: true }).click();

    await page.waitForURL((url) => url.pathname === signInPage);
    await expect(part(page, 'account-name')).toHaveText('Lee Gu');
  });

  test('closing the popup returns to Sign in', async ({ page }) => {
    await openSignedOut(page);
    const popupOpened = page.waitForEvent('popup');
    await signInButton(page).click();
    const popup = await popupOpened;
    await expect(popup.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
    await expect(part(page, 'progress')).toHaveText('Signing in…');

    const closedAt = Date.now();
    await popup.close();
    await expect(signInButton(page)).toBeVisible({ timeout: 1000 });
    expect(Date.now() - closedAt).toBeLessThan(1000);

    // MSAL still waits for the closed popup; signing in again must not be locked by it.
    await signInWithPopup(page, 'Adele Vance');
    await expect(part(page, 'account-name')).toHaveText('Adele Vance');
  });

  test('stale interaction entry is cleared on load', async ({ page }) => {
    await page.goto(signInPage);
    await page.evaluate((id) => sessionStorage.setItem('msal.interaction.status', JSON.stringify({ clientId: id, type: 'signin' })), clientId);
    await page.reload();
    await expect(signInButton(page)).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('msal.interaction.status'))).toBeNull();

    await signInWithPopup(page, 'Adele Vance');
    await expect(part(page, 'account-name')).toHaveText('Adele Vance');
  });

  test('stale interaction entry does not lock sign-in', async ({ page }) => {
    await openSignedOut(page);
    // Left by another page of this tab after the element loaded, such as a popup that never finished.
    await page.evaluate((id) => sessionStorage.setItem('msal.interaction.status', JSON.stringify({ clientId: id, type: 'signin' })), clientId);

    await signInWithPopup(page, 'Adele Vance');
    await expect(part(page, 'account-name')).toHaveText('Adele Vance');
  });

  test('tokens of both resources differ in audience', async ({ page }) => {
    await openSignedOut(page);
    await signInWithPopup(page, 'Adele Vance');
    await expect(signOutButton(page)).toBeVisible();

    // A page of the same origin in the same tab: it shares the sessionStorage token cache and
    // calls the sign-in service directly, built from the sources.
    const probe = await build({
      stdin: {
        contents: `
          import { createMsalAuthService } from './src/services/auth/index.ts';
          import { communicationScopes, defaultGraphScopes } from './src/services/session/defaults.ts';
          window.acquireBoth = async (options) => {
            const auth = createMsalAuthService(options);
            const account = await auth.initialize();
            const graph = await auth.acquireToken({ scopes: defaultGraphScopes });
            const communication = await auth.acquireToken({ scopes: communicationScopes });
            return { account, graph: graph.accessToken, communication: communication.accessToken };
          };`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['browser'],
    });
    await page.route('**/e2e-probe/acquire.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: probe.outputFiles[0]!.text }),
    );
    await page.route('**/e2e-probe/index.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="acquire.js"></script>' }),
    );
    await page.goto('/e2e-probe/index.html');
    await page.waitForFunction(() => 'acquireBoth' in window);

    const origin = new URL(page.url()).origin;
    const result = await page.evaluate(
      (options) => (window as unknown as { acquireBoth(o: unknown): Promise<{ account: { name: string }; graph: string; communication: string }> }).acquireBoth(options),
      { clientId, authority: `${origin}/organizations/v2.0`, redirectUri: `${origin}/redirect.html`, exchange: `${origin}/api/token-exchange` },
    );

    expect(result.account.name).toBe('Adele Vance');
    const graph = claimsOf(result.graph);
    const communication = claimsOf(result.communication);
    expect(graph['aud']).toBe('https://graph.microsoft.com');
    expect(communication['aud']).toBe('https://auth.msft.communication.azure.com');
    expect(communication['scp']).toBe('Teams.ManageCalls Teams.ManageChats');
    expect(communication['oid']).toBe(graph['oid']);
  });
});
