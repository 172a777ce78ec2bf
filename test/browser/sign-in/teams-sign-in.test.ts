import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/sign-in/define.js';
import type { TeamsSignIn } from '../../../src/components/sign-in/teams-sign-in.js';
import { TeamsError } from '../../../src/services/errors.js';
import { configureSession, getSession, resetSessions } from '../../../src/services/session/registry.js';
import { adele, deferred, FakeAuthService, installFakeAuth, testClientId } from './fakes.js';

/** Returns a button's visible text, which is its accessible name because the buttons have no ARIA labels. */
function nameOf(button: Element): string {
  expect(button.hasAttribute('aria-label'), 'a button with aria-label').to.equal(false);
  expect(button.hasAttribute('aria-labelledby'), 'a button with aria-labelledby').to.equal(false);
  return button.textContent!.trim();
}

function buttons(element: TeamsSignIn): HTMLButtonElement[] {
  return [...element.shadowRoot!.querySelectorAll('button')];
}

function buttonNames(element: TeamsSignIn): string[] {
  return buttons(element).map(nameOf);
}

function button(element: TeamsSignIn, name: string): HTMLButtonElement {
  const found = buttons(element).find((candidate) => nameOf(candidate) === name);
  if (found === undefined) throw new Error(`No button named "${name}"; the buttons are ${JSON.stringify(buttonNames(element))}.`);
  return found;
}

function part(element: TeamsSignIn, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[part="${name}"]`);
}

function liveRegion(element: TeamsSignIn): HTMLElement {
  return element.shadowRoot!.querySelector('[role="status"]')!;
}

/** Waits until the session has finished its work and the element has rendered the result. */
async function settled(element: TeamsSignIn): Promise<void> {
  await getSession(element.session).whenReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

async function signInElement(attributes = html`<teams-sign-in client-id=${testClientId} exchange-url="/api/token-exchange"></teams-sign-in>`): Promise<TeamsSignIn> {
  const element = await fixture<TeamsSignIn>(attributes);
  await settled(element);
  return element;
}

describe('<teams-sign-in>', () => {
  let auth: FakeAuthService;
  let configured: ReturnType<typeof installFakeAuth>;

  beforeEach(() => {
    resetSessions();
    auth = new FakeAuthService();
    configured = installFakeAuth(auth);
  });

  afterEach(() => {
    resetSessions();
  });

  describe('rendering', () => {
    it('shows progress while restoring', async () => {
      const restore = deferred<undefined>();
      auth.initializeAnswer = () => restore.promise;
      const element = await fixture<TeamsSignIn>(html`<teams-sign-in client-id=${testClientId} exchange-url="/api/token-exchange"></teams-sign-in>`);

      expect(element.status).to.equal('signing-in');
      expect(part(element, 'progress')!.textContent!.trim()).to.equal('Signing in…');
      expect(buttonNames(element)).to.deep.equal([]);
      await expect(element).to.be.accessible();

      restore.resolve(undefined);
      await settled(element);
      expect(buttonNames(element)).to.deep.equal(['Sign in']);
    });

    it('shows Sign in when signed out', async () => {
      const element = await signInElement();
      expect(element.status).to.equal('signed-out');
      expect(buttonNames(element)).to.deep.equal(['Sign in']);
      expect(part(element, 'sign-in-button')).to.equal(button(element, 'Sign in'));
      await expect(element).to.be.accessible();
    });

    it('shows the account when signed in', async () => {
      auth.initializeAnswer = () => Promise.resolve(adele);
      const element = await signInElement();
      expect(element.status).to.equal('signed-in');
      expect(element.account).to.deep.equal(adele);
      expect(part(element, 'account-name')!.textContent).to.equal('Adele Vance');
      expect(part(element, 'account-username')!.textContent).to.equal('adele.vance@contoso.com');
      expect(buttonNames(element)).to.deep.equal(['Sign out']);
      await expect(element).to.be.accessible();
    });

    it('shows the signed-out slot', async () => {
      const element = await signInElement(
        html`<teams-sign-in client-id=${testClientId} exchange-url="/api/token-exchange"><span slot="signed-out-text">Sign in to call.</span></teams-sign-in>`,
      );
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out-text"]')!;
      expect(slot.assignedElements()[0]!.textContent).to.equal('Sign in to call.');
    });
  });

  describe('sign-in', () => {
    it('click signs in with a popup', async () => {
      const element = await signInElement();
      const changed = oneEvent(element, 'teams-sign-in-change');
      button(element, 'Sign in').click();

      const event = await changed;
      expect(event.detail.status).to.equal('signing-in');
      await settled(element);
      expect(auth.callsOf('signIn')).to.have.length(1);
      expect(auth.callsOf('signIn')[0]!.mode).to.equal('popup');
      expect(part(element, 'account-name')!.textContent).to.equal('Adele Vance');
    });

    it('fires a change with the account', async () => {
      const element = await signInElement();
      const changes: Array<{ status: string; name: string | undefined }> = [];
      element.addEventListener('teams-sign-in-change', (event) => {
        changes.push({ status: event.detail.status, name: event.detail.account?.name });
      });
      button(element, 'Sign in').click();
      await waitUntil(() => changes.length === 2, 'two changes: signing-in, then signed-in');
      expect(changes).to.deep.equal([
        { status: 'signing-in', name: undefined },
        { status: 'signed-in', name: 'Adele Vance' },
      ]);
    });

    it('change events bubble out of the page', async () => {
      const element = await signInElement();
      const event = oneEvent(document, 'teams-sign-in-change');
      button(element, 'Sign in').click();
      const received = await event;
      expect(received.bubbles).to.equal(true);
      expect(received.composed).to.equal(true);
    });

    it('announces the signed-in account', async () => {
      const element = await signInElement();
      button(element, 'Sign in').click();
      await waitUntil(() => element.status === 'signed-in');
      await element.updateComplete;
      expect(liveRegion(element).getAttribute('aria-live')).to.equal('polite');
      expect(liveRegion(element).textContent).to.equal('Signed in as Adele Vance');
    });

    it('Enter on Sign in signs in', async () => {
      const element = await signInElement();
      button(element, 'Sign in').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.status === 'signed-in');
      expect(auth.callsOf('signIn')).to.have.length(1);
    });

    it('Space on Sign in signs in', async () => {
      const element = await signInElement();
      button(element, 'Sign in').focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => element.status === 'signed-in');
      expect(auth.callsOf('signIn')).to.have.length(1);
    });

    it('focus moves to Sign out after sign-in', async () => {
      const element = await signInElement();
      button(element, 'Sign in').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.status === 'signed-in');
      await element.updateComplete;
      expect(element.shadowRoot!.activeElement).to.equal(button(element, 'Sign out'));
    });

    it('honours login-mode redirect', async () => {
      const element = await signInElement(html`<teams-sign-in client-id=${testClientId} exchange-url="/x" login-mode="redirect"></teams-sign-in>`);
      button(element, 'Sign in').click();
      await waitUntil(() => auth.callsOf('signIn').length === 1);
      expect(auth.callsOf('signIn')[0]!.mode).to.equal('redirect');
    });

    it('closing the popup returns to Sign in quietly', async () => {
      auth.signInAnswer = () => Promise.reject(new TeamsError('user-cancelled', 'The user closed the sign-in popup.'));
      const element = await signInElement();
      let errors = 0;
      element.addEventListener('teams-error', () => errors++);

      button(element, 'Sign in').click();
      await waitUntil(() => auth.callsOf('signIn').length === 1);
      await settled(element);
      expect(element.status).to.equal('signed-out');
      expect(buttonNames(element)).to.deep.equal(['Sign in']);
      expect(errors).to.equal(0);
    });

    it('public signIn rejects on failure', async () => {
      auth.signInAnswer = () => Promise.reject(new TeamsError('network-error', 'Entra ID could not be reached.'));
      const element = await signInElement();
      let failure: unknown;
      await element.signIn().catch((error: unknown) => {
        failure = error;
      });
      expect((failure as TeamsError).code).to.equal('network-error');
    });
  });

  describe('sign-out', () => {
    it('Sign out returns to Sign in', async () => {
      auth.initializeAnswer = () => Promise.resolve(adele);
      const element = await signInElement();
      button(element, 'Sign out').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.status === 'signed-out');
      await element.updateComplete;

      expect(auth.callsOf('signOut')).to.have.length(1);
      expect(buttonNames(element)).to.deep.equal(['Sign in']);
      expect(element.shadowRoot!.activeElement).to.equal(button(element, 'Sign in'));
      expect(liveRegion(element).textContent).to.equal('Signed out');
    });

    it('fires a change to signed-out', async () => {
      auth.initializeAnswer = () => Promise.resolve(adele);
      const element = await signInElement();
      const changed = oneEvent(element, 'teams-sign-in-change');
      button(element, 'Sign out').click();
      const event = await changed;
      expect(event.detail.status).to.equal('signed-out');
      expect(event.detail.account).to.equal(undefined);
    });
  });

  describe('failures', () => {
    it('blocked popup offers retry and redirect', async () => {
      auth.signInAnswer = () => Promise.reject(new TeamsError('popup-blocked', 'The browser blocked the sign-in popup.'));
      const element = await signInElement();
      const failed = oneEvent(element, 'teams-error');
      button(element, 'Sign in').click();

      const event = await failed;
      expect(event.detail).to.deep.equal({ code: 'popup-blocked', message: 'The browser blocked the sign-in popup.' });
      await settled(element);
      expect(part(element, 'message')!.textContent).to.equal('Your browser blocked the sign-in window. Try again, or sign in on this page instead.');
      expect(buttonNames(element)).to.deep.equal(['Try again', 'Sign in on this page']);
      expect(part(element, 'retry-button')).to.equal(button(element, 'Try again'));
      expect(part(element, 'redirect-button')).to.equal(button(element, 'Sign in on this page'));
      expect(element.shadowRoot!.activeElement).to.equal(button(element, 'Try again'));
      await expect(element).to.be.accessible();
    });

    it('retry opens the popup inside the key press', async () => {
      let attempts = 0;
      auth.signInAnswer = () => (++attempts === 1 ? Promise.reject(new TeamsError('popup-blocked', 'Blocked.')) : Promise.resolve(adele));
      const element = await signInElement();
      button(element, 'Sign in').click();
      await waitUntil(() => element.status === 'error');
      await element.updateComplete;

      button(element, 'Try again').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.status === 'signed-in');
      const retry = auth.callsOf('signIn')[1]!;
      expect(retry.mode).to.equal('popup');
      expect(retry.userActivation).to.equal(true);
    });

    it('redirect fallback signs in on the page', async () => {
      auth.signInAnswer = (mode) => (mode === 'popup' ? Promise.reject(new TeamsError('popup-blocked', 'Blocked.')) : new Promise(() => undefined));
      const element = await signInElement();
      button(element, 'Sign in').click();
      await waitUntil(() => element.status === 'error');
      await element.updateComplete;

      button(element, 'Sign in on this page').click();
      await waitUntil(() => auth.callsOf('signIn').length === 2);
      expect(auth.callsOf('signIn')[1]!.mode).to.equal('redirect');
      await element.updateComplete;
      expect(element.status).to.equal('signing-in');
    });

    it('network failure offers Try again', async () => {
      auth.signInAnswer = () => Promise.reject(new TeamsError('network-error', 'Entra ID could not be reached.', { retryable: true }));
      const element = await signInElement();
      button(element, 'Sign in').click();
      await waitUntil(() => element.status === 'error');
      await element.updateComplete;
      expect(part(element, 'message')!.textContent).to.equal('Sign-in could not reach Microsoft. Check your connection and try again.');
      expect(buttonNames(element)).to.deep.equal(['Try again']);
      expect(liveRegion(element).textContent).to.equal('Sign-in could not reach Microsoft. Check your connection and try again.');
      await expect(element).to.be.accessible();
    });

    it('sign-in in progress elsewhere is explained', async () => {
      auth.signInAnswer = () => Promise.reject(new TeamsError('interaction-in-progress', 'Another sign-in is still in progress.'));
      const element = await signInElement();
      button(element, 'Sign in').click();
      await waitUntil(() => element.status === 'error');
      await element.updateComplete;
      expect(part(element, 'message')!.textContent).to.equal('A sign-in is already in progress in another window. Finish it there, or try again.');
      expect(buttonNames(element)).to.deep.equal(['Try again']);
    });

    it('expired sign-in offers Sign in', async () => {
      auth.initializeAnswer = () => Promise.resolve(adele);
      auth.tokenAnswer = () => Promise.reject(new TeamsError('interaction-required', 'The user must sign in again.'));
      const element = await signInElement();
      await getSession().getGraphToken().catch(() => undefined);
      await element.updateComplete;

      expect(element.status).to.equal('error');
      expect(part(element, 'message')!.textContent).to.equal('Your sign-in has expired. Sign in again to continue.');
      expect(buttonNames(element)).to.deep.equal(['Sign in']);
      await expect(element).to.be.accessible();
    });

    it('restore failure is shown', async () => {
      auth.initializeAnswer = () => Promise.reject(new TeamsError('configuration-invalid', 'The authority "https://x/" is not usable. Set authority on <teams-sign-in>.'));
      const element = await fixture<TeamsSignIn>(html`<teams-sign-in client-id=${testClientId} exchange-url="/x"></teams-sign-in>`);
      await waitUntil(() => element.status === 'error');
      await element.updateComplete;
      expect(part(element, 'message')!.textContent).to.equal('Sign-in is not set up correctly on this page.');
      expect(part(element, 'detail')!.textContent).to.contain('Set authority on <teams-sign-in>');
      expect(buttonNames(element)).to.deep.equal([]);
    });
  });

  describe('configuration', () => {
    it('resolves relative URLs against the page', async () => {
      await signInElement(
        html`<teams-sign-in
          client-id=${testClientId}
          authority="https://localhost:8443/organizations/v2.0"
          exchange-url="api/token-exchange"
          graph-base-url="/graph/"
          redirect-uri="/redirect.html"
          calling-module="/sandbox/calling.js"
        ></teams-sign-in>`,
      );
      const options = configured[0]!;
      expect(options.clientId).to.equal(testClientId);
      expect(options.authority).to.equal('https://localhost:8443/organizations/v2.0');
      expect(options.exchange).to.equal(new URL('api/token-exchange', document.baseURI).href);
      expect(options.graphBaseUrl).to.equal(new URL('/graph/', document.baseURI).href);
      expect(options.redirectUri).to.equal(new URL('/redirect.html', document.baseURI).href);
      expect(options.callingModule).to.equal(new URL('/sandbox/calling.js', document.baseURI).href);
    });

    it('resolves a relative authority', async () => {
      // The test page is served over http, so the resolved authority fails the https check, and
      // the message shows the resolved URL.
      const element = await fixture<TeamsSignIn>(html`<teams-sign-in client-id=${testClientId} authority="/organizations/v2.0" exchange-url="/x"></teams-sign-in>`);
      await element.updateComplete;
      const resolved = new URL('/organizations/v2.0', document.baseURI).href;
      expect(part(element, 'detail')!.textContent).to.contain(`The authority "${resolved}" must use https:`);
    });

    it('passes tenant-id and login-mode', async () => {
      await signInElement(html`<teams-sign-in client-id=${testClientId} tenant-id="contoso.com" login-mode="redirect" exchange-url="/x"></teams-sign-in>`);
      expect(configured[0]!.tenantId).to.equal('contoso.com');
      expect(configured[0]!.loginMode).to.equal('redirect');
      expect(configured[0]!.authority).to.equal(undefined);
    });

    it('attribute change configures again', async () => {
      const element = await signInElement(html`<teams-sign-in client-id=${testClientId} tenant-id="contoso.com" exchange-url="/x"></teams-sign-in>`);
      element.setAttribute('tenant-id', 'fabrikam.com');
      await element.updateComplete;
      await settled(element);
      expect(configured.map((options) => options.tenantId)).to.deep.equal(['contoso.com', 'fabrikam.com']);
    });

    it('missing exchange-url is explained', async () => {
      const element = await fixture<TeamsSignIn>(html`<teams-sign-in client-id=${testClientId}></teams-sign-in>`);
      await element.updateComplete;
      expect(part(element, 'message')!.textContent).to.equal('Sign-in is not set up correctly on this page.');
      expect(part(element, 'detail')!.textContent).to.contain('Set exchange-url on <teams-sign-in>');
      expect(configured).to.have.length(0);
      await expect(element).to.be.accessible();
    });

    it('invalid client-id fires teams-error', async () => {
      const element = document.createElement('teams-sign-in');
      element.setAttribute('client-id', 'my-app');
      element.setAttribute('exchange-url', '/x');
      const failed = oneEvent(element, 'teams-error');
      document.body.append(element);
      try {
        const event = await failed;
        expect(event.detail.code).to.equal('configuration-invalid');
        expect(event.detail.message).to.contain('"my-app" is not a GUID');
        await element.updateComplete;
        expect(part(element, 'detail')!.textContent).to.contain('is not a GUID');
      } finally {
        element.remove();
      }
    });

    it('fixing the attribute clears the error', async () => {
      const element = await fixture<TeamsSignIn>(html`<teams-sign-in client-id=${testClientId}></teams-sign-in>`);
      await element.updateComplete;
      element.exchangeUrl = '/api/token-exchange';
      await element.updateComplete;
      await settled(element);
      expect(part(element, 'detail')).to.equal(null);
      expect(buttonNames(element)).to.deep.equal(['Sign in']);
    });

    it('http authority is rejected with a message', async () => {
      const element = await fixture<TeamsSignIn>(html`<teams-sign-in client-id=${testClientId} authority="http://localhost:1/organizations" exchange-url="/x"></teams-sign-in>`);
      await element.updateComplete;
      expect(part(element, 'detail')!.textContent).to.contain('must use https:');
    });
  });

  describe('without client-id', () => {
    it('drives the configured session', async () => {
      auth.initializeAnswer = () => Promise.resolve(undefined);
      configureSession({ clientId: testClientId, exchange: '/x' });
      await getSession().whenReady();
      const element = await signInElement(html`<teams-sign-in></teams-sign-in>`);
      expect(buttonNames(element)).to.deep.equal(['Sign in']);

      button(element, 'Sign in').click();
      await waitUntil(() => element.status === 'signed-in');
      expect(configured).to.have.length(1);
      expect(auth.callsOf('signIn')).to.have.length(1);
    });

    it('two elements share one session', async () => {
      const container = await fixture<HTMLDivElement>(html`<div>
        <teams-sign-in client-id=${testClientId} exchange-url="/x"></teams-sign-in>
        <teams-sign-in></teams-sign-in>
      </div>`);
      const [configuring, second] = [...container.querySelectorAll('teams-sign-in')] as [TeamsSignIn, TeamsSignIn];
      await settled(configuring);
      button(second, 'Sign in').click();
      await waitUntil(() => configuring.status === 'signed-in');
      await configuring.updateComplete;
      await second.updateComplete;
      expect(part(configuring, 'account-name')!.textContent).to.equal('Adele Vance');
      expect(part(second, 'account-name')!.textContent).to.equal('Adele Vance');
    });

    it('named session is kept apart', async () => {
      const container = await fixture<HTMLDivElement>(html`<div>
        <teams-sign-in client-id=${testClientId} exchange-url="/x" session="second"></teams-sign-in>
        <teams-sign-in></teams-sign-in>
      </div>`);
      const [named, unnamed] = [...container.querySelectorAll('teams-sign-in')] as [TeamsSignIn, TeamsSignIn];
      await settled(named);
      button(named, 'Sign in').click();
      await waitUntil(() => named.status === 'signed-in');
      expect(unnamed.status).to.equal('signed-out');
      expect(getSession('second').account?.name).to.equal('Adele Vance');
    });

    it('unconfigured session is explained on click', async () => {
      const element = await signInElement(html`<teams-sign-in></teams-sign-in>`);
      const failed = oneEvent(element, 'teams-error');
      button(element, 'Sign in').click();
      const event = await failed;
      expect(event.detail.code).to.equal('configuration-missing');
      await element.updateComplete;
      expect(part(element, 'message')!.textContent).to.equal('Sign-in is not set up on this page.');
      expect(part(element, 'detail')!.textContent).to.contain('Add <teams-sign-in> with client-id and exchange-url');
    });
  });
});
