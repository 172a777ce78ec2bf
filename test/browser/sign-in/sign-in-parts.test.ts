import { InteractionRequiredAuthError } from '@azure/msal-browser';
import { expect, waitUntil } from '@open-wc/testing';

import { sessionOptionsFromAttributes, type SignInAttributes } from '../../../src/components/sign-in/sign-in-options.js';
import { isMicrosoftAuthorityHost, resolveAuthority, resolveRedirectUri } from '../../../src/services/auth/authority.js';
import { clearInteractionStatus, interactionStatusKey, readInteractionStatus } from '../../../src/services/auth/interaction-status.js';
import { toTeamsError } from '../../../src/services/auth/msal-errors.js';
import { announcePopupResponse, attemptState, listenForPopupResponse } from '../../../src/services/auth/popup-response-signal.js';
import { watchForClosedPopup, type PopupWatchEnvironment } from '../../../src/services/auth/popup-watcher.js';
import { assertOneResource, resourceOfScope } from '../../../src/services/auth/resource-scopes.js';
import { TeamsError } from '../../../src/services/errors.js';
import { memoryStorage, testClientId } from './fakes.js';

const settings = {
  authority: 'https://localhost:8443/organizations/v2.0',
  clientId: testClientId,
  redirectUri: 'https://localhost:8443/redirect.html',
};

/** Creates an MSAL-shaped error with `errorCode` and `errorMessage`. */
function msalError(errorCode: string, errorMessage = 'details', name = 'AuthError'): Error {
  return Object.assign(new Error(errorMessage), { name, errorCode, errorMessage });
}

describe('MSAL error mapping', () => {
  const cases: Array<[string, Error, string]> = [
    ['popup_window_error', msalError('popup_window_error'), 'popup-blocked'],
    ['empty_window_error', msalError('empty_window_error'), 'popup-blocked'],
    ['user_cancelled', msalError('user_cancelled'), 'user-cancelled'],
    ['access_denied AADSTS65004', msalError('access_denied', 'AADSTS65004: The user declined.'), 'user-cancelled'],
    ['access_denied AADSTS90094', msalError('access_denied', 'AADSTS90094: Admin approval.'), 'sign-in-failed'],
    ['interaction_in_progress', msalError('interaction_in_progress'), 'interaction-in-progress'],
    ['InteractionRequiredAuthError', new InteractionRequiredAuthError('login_required', 'AADSTS50058'), 'interaction-required'],
    ['invalid_grant', msalError('invalid_grant', 'AADSTS700084: expired', 'ServerError'), 'interaction-required'],
    ['no_network_connectivity', msalError('no_network_connectivity'), 'network-error'],
    ['temporarily_unavailable', msalError('temporarily_unavailable', 'AADSTS90033', 'ServerError'), 'network-error'],
    ['endpoints_resolution_error', msalError('endpoints_resolution_error'), 'configuration-invalid'],
    ['untrusted_authority', msalError('untrusted_authority'), 'configuration-invalid'],
    ['unauthorized_client', msalError('unauthorized_client', 'AADSTS700016: not found', 'ServerError'), 'configuration-invalid'],
    ['AADSTS50011', msalError('invalid_request', 'AADSTS50011: redirect URI mismatch', 'ServerError'), 'configuration-invalid'],
    ['timed_out', msalError('timed_out'), 'sign-in-failed'],
    ['unknown', msalError('something_else'), 'sign-in-failed'],
  ];

  for (const [name, error, code] of cases) {
    it(`${name} is ${code}`, () => {
      const mapped = toTeamsError(error, settings);
      expect(mapped.code).to.equal(code);
      expect(mapped.cause).to.equal(error);
    });
  }

  it('network errors are retryable', () => {
    expect(toTeamsError(msalError('no_network_connectivity'), settings).retryable).to.equal(true);
  });

  it('authority message names the attribute', () => {
    const message = toTeamsError(msalError('endpoints_resolution_error'), settings).message;
    expect(message).to.contain('"https://localhost:8443/organizations/v2.0"');
    expect(message).to.contain('Set authority on <teams-sign-in>');
  });

  it('client message names client-id', () => {
    const message = toTeamsError(msalError('unauthorized_client', 'AADSTS700016', 'ServerError'), settings).message;
    expect(message).to.contain(`"${testClientId}"`);
    expect(message).to.contain('Set client-id on <teams-sign-in>');
  });

  it('timeout message names redirect-uri', () => {
    const message = toTeamsError(msalError('timed_out'), settings).message;
    expect(message).to.contain('redirect-uri ("https://localhost:8443/redirect.html")');
  });

  it('keeps a TeamsError', () => {
    const error = new TeamsError('popup-blocked', 'Blocked.');
    expect(toTeamsError(error, settings)).to.equal(error);
  });
});

describe('authority', () => {
  it('resolves a relative authority', () => {
    const resolved = resolveAuthority({ authority: '/organizations/v2.0' }, 'https://localhost:8601/sign-in.html');
    expect(resolved.authority).to.equal('https://localhost:8601/organizations/v2.0');
    expect(resolved.knownAuthorities).to.deep.equal(['localhost:8601']);
  });

  it('prefers authority over tenant-id', () => {
    const resolved = resolveAuthority({ authority: 'https://localhost:1/a', tenantId: 'contoso.com' }, 'https://localhost/');
    expect(resolved.authority).to.equal('https://localhost:1/a');
  });

  it('Microsoft hosts need no knownAuthorities', () => {
    const resolved = resolveAuthority({ tenantId: 'contoso.com' }, 'https://localhost/');
    expect(resolved.authority).to.equal('https://login.microsoftonline.com/contoso.com');
    expect(resolved.knownAuthorities).to.deep.equal([]);
  });

  it('knows Microsoft cloud hosts', () => {
    expect(isMicrosoftAuthorityHost('login.microsoftonline.us')).to.equal(true);
    expect(isMicrosoftAuthorityHost('contoso.ciamlogin.com')).to.equal(true);
    expect(isMicrosoftAuthorityHost('localhost')).to.equal(false);
    expect(isMicrosoftAuthorityHost('login.microsoftonline.com.example')).to.equal(false);
  });

  it('redirect URI resolves against the page', () => {
    expect(resolveRedirectUri({}, 'https://localhost/app/page.html')).to.equal('https://localhost/app/redirect.html');
    expect(resolveRedirectUri({ redirectUri: '/auth/done.html' }, 'https://localhost/app/page.html')).to.equal('https://localhost/auth/done.html');
  });
});

describe('resource scopes', () => {
  it('short names are Graph', () => {
    expect(resourceOfScope('User.Read')).to.equal('https://graph.microsoft.com');
    expect(resourceOfScope('https://graph.microsoft.com/Chat.ReadWrite')).to.equal('https://graph.microsoft.com');
  });

  it('OpenID scopes have no resource', () => {
    expect(resourceOfScope('offline_access')).to.equal(undefined);
  });

  it('accepts one resource with OpenID scopes', () => {
    expect(() => assertOneResource(['User.Read', 'https://graph.microsoft.com/Chat.ReadWrite', 'openid'])).not.to.throw();
  });

  it('rejects two resources', () => {
    expect(() => assertOneResource(['User.Read', 'https://auth.msft.communication.azure.com/Teams.ManageCalls'])).to.throw(TeamsError, /2 resources/);
  });
});

describe('interaction status', () => {
  it('reads the entry', () => {
    const storage = memoryStorage({ [interactionStatusKey]: JSON.stringify({ clientId: testClientId, type: 'signin' }) });
    expect(readInteractionStatus(storage)).to.deep.equal({ clientId: testClientId, type: 'signin' });
  });

  it('clears only its own entry', () => {
    const storage = memoryStorage({ [interactionStatusKey]: JSON.stringify({ clientId: 'other', type: 'signin' }) });
    expect(clearInteractionStatus(testClientId, storage)).to.equal(false);
    expect(storage.getItem(interactionStatusKey)).not.to.equal(null);

    storage.setItem(interactionStatusKey, JSON.stringify({ clientId: testClientId.toUpperCase(), type: 'signin' }));
    expect(clearInteractionStatus(testClientId, storage)).to.equal(true);
    expect(storage.getItem(interactionStatusKey)).to.equal(null);
  });

  it('unparsable entry belongs to nobody', () => {
    const storage = memoryStorage({ [interactionStatusKey]: '{not json' });
    expect(readInteractionStatus(storage)).to.deep.equal({ clientId: '', type: '' });
    expect(clearInteractionStatus(testClientId, storage)).to.equal(false);
  });
});

describe('popup watcher', () => {
  function environment(focused: { value: boolean }): PopupWatchEnvironment {
    return { hasPageFocus: () => focused.value, window, intervalMs: 10, closeGraceMs: 20 };
  }

  it('reports a closed popup once the page has focus', async () => {
    const focused = { value: true };
    const popup = { closed: false };
    let closed = 0;
    watchForClosedPopup(popup, () => closed++, environment(focused));

    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(closed).to.equal(0);
    popup.closed = true;
    await waitUntil(() => closed === 1, 'the close is reported');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(closed).to.equal(1);
  });

  it('waits for focus', async () => {
    const focused = { value: false };
    const popup = { closed: true };
    let closed = 0;
    watchForClosedPopup(popup, () => closed++, environment(focused));

    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(closed).to.equal(0);
    focused.value = true;
    await waitUntil(() => closed === 1, 'the close is reported after focus returns');
  });

  it('stop ends the watch', async () => {
    const popup = { closed: true };
    let closed = 0;
    const stop = watchForClosedPopup(popup, () => closed++, environment({ value: true }));
    stop();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(closed).to.equal(0);
  });

  it('stop during the grace period wins', async () => {
    const popup = { closed: true };
    let closed = 0;
    const stop = watchForClosedPopup(popup, () => closed++, { ...environment({ value: true }), closeGraceMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    stop();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(closed).to.equal(0);
  });
});

describe('popup response signal', () => {
  it('announces the attempt in the state', async () => {
    let heard = 0;
    const stop = listenForPopupResponse('attempt-1', () => heard++);
    try {
      announcePopupResponse({ hash: `#code=x&state=${encodeURIComponent(`library|${attemptState('attempt-1')}`)}`, search: '' });
      await waitUntil(() => heard === 1, 'the listener hears its attempt');
    } finally {
      stop();
    }
  });

  it('reads the state from the query', async () => {
    let heard = 0;
    const stop = listenForPopupResponse('attempt-2', () => heard++);
    try {
      announcePopupResponse({ hash: '', search: `?code=x&state=${encodeURIComponent(`library|${attemptState('attempt-2')}`)}` });
      await waitUntil(() => heard === 1, 'the listener hears its attempt');
    } finally {
      stop();
    }
  });

  it('ignores other attempts and states', async () => {
    let heard = 0;
    const stop = listenForPopupResponse('attempt-3', () => heard++);
    try {
      announcePopupResponse({ hash: `#state=${encodeURIComponent(`library|${attemptState('attempt-4')}`)}`, search: '' });
      announcePopupResponse({ hash: '#state=library-only', search: '' });
      announcePopupResponse({ hash: '#code=no-state', search: '' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).to.equal(0);
    } finally {
      stop();
    }
  });
});

describe('sign-in attributes', () => {
  const attributes: SignInAttributes = {
    clientId: testClientId,
    tenantId: undefined,
    authority: '/organizations/v2.0',
    exchangeUrl: ' /api/token-exchange ',
    graphBaseUrl: undefined,
    redirectUri: '',
    loginMode: undefined,
    callingModule: undefined,
  };

  it('resolves relative URLs', () => {
    const options = sessionOptionsFromAttributes(attributes, 'https://localhost:8601/demo/sign-in.html');
    expect(options.authority).to.equal('https://localhost:8601/organizations/v2.0');
    expect(options.exchange).to.equal('https://localhost:8601/api/token-exchange');
  });

  it('leaves out empty attributes', () => {
    const options = sessionOptionsFromAttributes(attributes, 'https://localhost:8601/');
    expect(Object.keys(options).sort()).to.deep.equal(['authority', 'clientId', 'exchange']);
  });

  it('missing exchange-url becomes empty', () => {
    const options = sessionOptionsFromAttributes({ ...attributes, exchangeUrl: undefined }, 'https://localhost/');
    expect(options.exchange).to.equal('');
  });
});
