import { InteractionRequiredAuthError, type Configuration } from '@azure/msal-browser';
import { expect, waitUntil } from '@open-wc/testing';

import { createMsalAuthService } from '../../../src/services/auth/index.js';
import { interactionStatusKey } from '../../../src/services/auth/interaction-status.js';
import { MsalAuthService, type MsalAuthServiceSettings } from '../../../src/services/auth/msal-auth-service.js';
import { announcePopupResponse } from '../../../src/services/auth/popup-response-signal.js';
import type { PopupWatchEnvironment } from '../../../src/services/auth/popup-watcher.js';
import { TeamsError } from '../../../src/services/errors.js';
import { communicationScopes, defaultGraphScopes } from '../../../src/services/session/defaults.js';
import type { SessionOptions } from '../../../src/services/session/types.js';
import { sandboxOrigin } from '../support/sandbox.js';
import { adele, deferred, FakeMsalClient, memoryStorage, msalAccount, msalResult, testClientId } from './fakes.js';
import { rejectionOf } from '../support/rejection.js';

const options: SessionOptions = {
  clientId: testClientId,
  authority: 'https://localhost:8443/organizations/v2.0',
  exchange: 'https://localhost:8443/api/token-exchange',
};

const ownInteraction = JSON.stringify({ clientId: testClientId, type: 'signin' });
const otherInteraction = JSON.stringify({ clientId: '11111111-2222-4333-8444-555555555555', type: 'signin' });

/** Creates a popup window stand-in whose `closed` the test sets. */
function fakePopup(): { closed: boolean } {
  return { closed: false };
}

/** Fast checks for the popup watcher; `focused` stands for `document.hasFocus()`. */
function fastWatch(focused: () => boolean = () => true): PopupWatchEnvironment {
  return { hasPageFocus: focused, window, intervalMs: 10, closeGraceMs: 30 };
}

/** True when `promise` is still pending after `ms` milliseconds. */
async function stillPending(promise: Promise<unknown>, ms = 50): Promise<boolean> {
  const pending = Symbol('pending');
  const winner = await Promise.race([promise.catch(() => undefined), new Promise((resolve) => setTimeout(() => resolve(pending), ms))]);
  return winner === pending;
}

describe('MSAL sign-in service', () => {
  let client: FakeMsalClient;
  let storage: Storage;
  let configuration: Configuration | undefined;

  function createService(settings: MsalAuthServiceSettings = {}, sessionOptions: SessionOptions = options): MsalAuthService {
    return new MsalAuthService(sessionOptions, {
      createClient: (config) => {
        configuration = config;
        return client;
      },
      storage,
      popupWatchEnvironment: fastWatch(),
      ...settings,
    });
  }

  beforeEach(() => {
    client = new FakeMsalClient();
    storage = memoryStorage();
    configuration = undefined;
  });

  describe('configuration', () => {
    it('uses a local authority as known', () => {
      createService({ baseUri: 'https://localhost:8443/app/page.html' }, { ...options, authority: '/organizations/v2.0' });
      expect(configuration!.auth.authority).to.equal('https://localhost:8443/organizations/v2.0');
      expect(configuration!.auth.knownAuthorities).to.deep.equal(['localhost:8443']);
    });

    it('puts redirect.html beside the page', () => {
      createService({ baseUri: 'https://localhost:8443/app/page.html' });
      expect(configuration!.auth.redirectUri).to.equal('https://localhost:8443/app/redirect.html');
    });

    it('defaults to the organizations authority', () => {
      createService({}, { clientId: testClientId, exchange: '/x' });
      expect(configuration!.auth.authority).to.equal('https://login.microsoftonline.com/organizations');
      expect(configuration!.auth.knownAuthorities).to.deep.equal([]);
    });

    it('builds the authority from tenant-id', () => {
      createService({}, { clientId: testClientId, exchange: '/x', tenantId: 'contoso.com' });
      expect(configuration!.auth.authority).to.equal('https://login.microsoftonline.com/contoso.com');
    });

    it('keeps tokens in sessionStorage', () => {
      createService();
      expect(configuration!.cache!.cacheLocation).to.equal('sessionStorage');
    });

    it('uses localStorage only when asked', () => {
      createService({ cacheLocation: 'localStorage' });
      expect(configuration!.cache!.cacheLocation).to.equal('localStorage');
    });
  });

  describe('initialize', () => {
    it('restores a cached account', async () => {
      client.accounts = [msalAccount()];
      const service = createService();
      expect(await service.initialize()).to.deep.equal(adele);
      expect(service.account).to.deep.equal(adele);
      expect(client.silentRequests[0]!.scopes).to.deep.equal(defaultGraphScopes);
      expect(client.activeAccount?.username).to.equal('adele.vance@contoso.com');
    });

    it('is signed out without an account', async () => {
      const service = createService();
      expect(await service.initialize()).to.equal(undefined);
      expect(client.silentRequests).to.have.length(0);
    });

    it('forgets an account that needs interaction', async () => {
      client.accounts = [msalAccount()];
      client.silentAnswer = () => Promise.reject(new InteractionRequiredAuthError('login_required', 'AADSTS50058: no session'));
      const service = createService();
      expect(await service.initialize()).to.equal(undefined);
      expect(client.clearedAccounts.map((account) => account?.username)).to.deep.equal(['adele.vance@contoso.com']);
    });

    it('is signed out after a network failure', async () => {
      client.accounts = [msalAccount()];
      client.silentAnswer = () => Promise.reject(Object.assign(new Error('offline'), { errorCode: 'no_network_connectivity' }));
      const service = createService();
      expect(await service.initialize()).to.equal(undefined);
      expect(client.clearedAccounts).to.have.length(0);
    });

    it('completes a redirect sign-in', async () => {
      client.redirectAnswer = () => Promise.resolve(msalResult());
      const service = createService();
      expect(await service.initialize()).to.deep.equal(adele);
      expect(client.silentRequests).to.have.length(0);
    });

    it('survives MSAL clearing a stale popup', async () => {
      client.redirectAnswer = () => Promise.reject(Object.assign(new Error('no request'), { errorCode: 'no_token_request_cache_error' }));
      const service = createService();
      expect(await service.initialize()).to.equal(undefined);
    });

    it('treats a cancelled redirect as signed out', async () => {
      client.redirectAnswer = () => Promise.reject(Object.assign(new Error('AADSTS65004: declined'), { errorCode: 'access_denied', errorMessage: 'AADSTS65004: declined' }));
      const service = createService();
      expect(await service.initialize()).to.equal(undefined);
    });

    it('reports other redirect failures', async () => {
      client.redirectAnswer = () => Promise.reject(Object.assign(new Error('bad'), { errorCode: 'endpoints_resolution_error', errorMessage: 'bad' }));
      const service = createService();
      const error = await rejectionOf<TeamsError>(service.initialize());
      expect(error.code).to.equal('configuration-invalid');
      expect(error.message).to.contain('Set authority on <teams-sign-in>');
    });

    it('clears its own stale interaction entry', async () => {
      storage.setItem(interactionStatusKey, ownInteraction);
      await createService().initialize();
      expect(storage.getItem(interactionStatusKey)).to.equal(null);
    });

    it("keeps another app's interaction entry", async () => {
      storage.setItem(interactionStatusKey, otherInteraction);
      await createService().initialize();
      expect(storage.getItem(interactionStatusKey)).to.equal(otherInteraction);
    });
  });

  describe('popup sign-in', () => {
    it('asks for Graph scopes and Communication Services consent', async () => {
      const service = createService();
      await service.initialize();
      expect(await service.signIn('popup')).to.deep.equal(adele);

      const request = client.popupRequests[0]!;
      expect(request!.scopes).to.deep.equal(defaultGraphScopes);
      expect(request!.extraScopesToConsent).to.deep.equal(communicationScopes);
      expect(request!.prompt).to.equal('select_account');
      expect(request!.state).to.match(/^teams-elements\./);
      expect(request!.overrideInteractionInProgress).to.equal(false);
    });

    it('calls loginPopup before any await', () => {
      const service = createService();
      void service.signIn('popup');
      expect(client.popupRequests).to.have.length(1);
    });

    it('closed popup is user-cancelled', async () => {
      client.popupAnswer = () => new Promise(() => undefined);
      const service = createService();
      const signIn = service.signIn('popup');
      const popup = fakePopup();
      client.openPopup(popup);
      const closedAt = Date.now();
      popup.closed = true;

      const error = await rejectionOf<TeamsError>(signIn);
      expect(error.code).to.equal('user-cancelled');
      expect(Date.now() - closedAt).to.be.below(1000);
    });

    it('severed popup without focus keeps waiting', async () => {
      const login = deferred<ReturnType<typeof msalResult>>();
      client.popupAnswer = () => login.promise;
      const service = createService({ popupWatchEnvironment: fastWatch(() => false) });
      const signIn = service.signIn('popup');
      const popup = fakePopup();
      client.openPopup(popup);
      popup.closed = true;

      expect(await stillPending(signIn, 100)).to.equal(true);
      login.resolve(msalResult());
      expect(await signIn).to.deep.equal(adele);
    });

    it('announced response is not a cancel', async () => {
      const login = deferred<ReturnType<typeof msalResult>>();
      client.popupAnswer = () => login.promise;
      const service = createService();
      const signIn = service.signIn('popup');
      const popup = fakePopup();
      client.openPopup(popup);

      const state = `library-state|${client.popupRequests[0]!.state!}`;
      announcePopupResponse({ hash: `#code=c&state=${encodeURIComponent(state)}`, search: '' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      popup.closed = true;

      expect(await stillPending(signIn, 100)).to.equal(true);
      login.resolve(msalResult());
      expect(await signIn).to.deep.equal(adele);
    });

    it('late answer signs in next time', async () => {
      const login = deferred<ReturnType<typeof msalResult>>();
      client.popupAnswer = () => login.promise;
      const service = createService();
      const first = service.signIn('popup');
      const popup = fakePopup();
      client.openPopup(popup);
      popup.closed = true;
      expect((await rejectionOf<TeamsError>(first)).code).to.equal('user-cancelled');

      login.resolve(msalResult());
      await waitUntil(() => client.activeAccount !== null, 'the late account becomes active');
      expect(await service.signIn('popup')).to.deep.equal(adele);
      expect(client.popupRequests).to.have.length(1);
    });

    it('overrides the abandoned interaction', async () => {
      client.popupAnswer = () => new Promise(() => undefined);
      const service = createService();
      const first = service.signIn('popup');
      const popup = fakePopup();
      client.openPopup(popup);
      popup.closed = true;
      await rejectionOf<TeamsError>(first);

      client.popupAnswer = () => Promise.resolve(msalResult());
      await service.signIn('popup');
      expect(client.popupRequests[1]!.overrideInteractionInProgress).to.equal(true);
    });

    it('overrides its own leftover entry', async () => {
      const service = createService();
      storage.setItem(interactionStatusKey, ownInteraction);
      await service.signIn('popup');
      expect(client.popupRequests[0]!.overrideInteractionInProgress).to.equal(true);
    });

    it("does not override another app's entry", async () => {
      const service = createService();
      storage.setItem(interactionStatusKey, otherInteraction);
      await service.signIn('popup');
      expect(client.popupRequests[0]!.overrideInteractionInProgress).to.equal(false);
    });

    it('second popup while one is open is refused', async () => {
      client.popupAnswer = () => new Promise(() => undefined);
      const service = createService();
      void service.signIn('popup').catch(() => undefined);
      const error = await rejectionOf<TeamsError>(service.signIn('popup'));
      expect(error.code).to.equal('interaction-in-progress');
      expect(client.popupRequests).to.have.length(1);
    });

    it('blocked popup is popup-blocked', async () => {
      client.popupAnswer = () => Promise.reject(Object.assign(new Error('popup_window_error'), { errorCode: 'popup_window_error' }));
      const error = await rejectionOf<TeamsError>(createService().signIn('popup'));
      expect(error.code).to.equal('popup-blocked');
      expect(error.message).to.contain('login-mode="redirect"');
    });
  });

  describe('redirect sign-in', () => {
    it('navigates and never settles', async () => {
      const service = createService();
      const signIn = service.signIn('redirect');
      await waitUntil(() => client.redirectRequests.length === 1);
      expect(client.redirectRequests[0]).to.deep.include({ scopes: defaultGraphScopes, extraScopesToConsent: communicationScopes });
      expect(await stillPending(signIn)).to.equal(true);
    });

    it('clears its own leftover entry first', async () => {
      storage.setItem(interactionStatusKey, ownInteraction);
      void createService().signIn('redirect');
      await waitUntil(() => client.redirectRequests.length === 1);
      expect(storage.getItem(interactionStatusKey)).to.equal(null);
    });
  });

  describe('tokens', () => {
    it('returns the access token and expiry', async () => {
      client.redirectAnswer = () => Promise.resolve(msalResult());
      const expiresOn = new Date(Date.now() + 1_800_000);
      client.silentAnswer = () => Promise.resolve({ ...msalResult(), accessToken: 'graph-token', expiresOn });
      const service = createService();
      await service.initialize();

      const token = await service.acquireToken({ scopes: ['Chat.ReadWrite'], forceRefresh: true });
      expect(token).to.deep.equal({ accessToken: 'graph-token', expiresOnTimestamp: expiresOn.getTime() });
      expect(client.silentRequests[0]).to.deep.include({ scopes: ['Chat.ReadWrite'], forceRefresh: true });
    });

    it('refuses scopes of two resources', async () => {
      client.redirectAnswer = () => Promise.resolve(msalResult());
      const service = createService();
      await service.initialize();
      const error = await rejectionOf<TeamsError>(service.acquireToken({ scopes: ['User.Read', ...communicationScopes] }));
      expect(error.code).to.equal('configuration-invalid');
      expect(client.silentRequests).to.have.length(0);
    });

    it('needs interaction before sign-in', async () => {
      const error = await rejectionOf<TeamsError>(createService().acquireToken({ scopes: ['User.Read'] }));
      expect(error.code).to.equal('interaction-required');
    });

    it('maps interaction required', async () => {
      client.redirectAnswer = () => Promise.resolve(msalResult());
      client.silentAnswer = () => Promise.reject(new InteractionRequiredAuthError('invalid_grant', 'AADSTS700084: expired'));
      const service = createService();
      await service.initialize();
      const error = await rejectionOf<TeamsError>(service.acquireToken({ scopes: communicationScopes }));
      expect(error.code).to.equal('interaction-required');
    });
  });

  describe('sign-out', () => {
    it("clears the account's cache", async () => {
      client.redirectAnswer = () => Promise.resolve(msalResult());
      const service = createService();
      await service.initialize();
      await service.signOut();
      expect(client.clearedAccounts.map((account) => account?.username)).to.deep.equal(['adele.vance@contoso.com']);
      expect(client.activeAccount).to.equal(null);
      expect(service.account).to.equal(undefined);
    });
  });

  describe('with the real MSAL', () => {
    const realOptions = (): SessionOptions => ({
      clientId: testClientId,
      authority: `${sandboxOrigin}/organizations/v2.0`,
      exchange: `${sandboxOrigin}/api/token-exchange`,
    });

    afterEach(() => {
      sessionStorage.clear();
    });

    it('stale entry is cleared on initialize', async () => {
      sessionStorage.setItem(interactionStatusKey, ownInteraction);
      const service = createMsalAuthService(realOptions());
      expect(await service.initialize()).to.equal(undefined);
      expect(sessionStorage.getItem(interactionStatusKey)).to.equal(null);
    });

    it('is signed out with an empty cache', async () => {
      const service = createMsalAuthService(realOptions());
      expect(await service.initialize()).to.equal(undefined);
      expect(service.account).to.equal(undefined);
    });
  });
});
