/**
 * Two sessions in one page call each other through the elements, over the sandbox's calling
 * module: WebRTC between the two call agents, signalling through the in-process sandbox.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/call/define.js';
import '../../../src/components/screen-share/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import type { TeamsScreenShare } from '../../../src/components/screen-share/teams-screen-share.js';
import type { TeamsError } from '../../../src/services/errors.js';
import type { Session } from '../../../src/services/session/session.js';
import { sandboxOrigin } from '../support/sandbox.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { alertsOf, getByRole, queryAllByRole, statusOf } from './element-queries.js';

/**
 * The sandbox's calling module as the test server serves it. The loader resolves this path
 * against `document.baseURI` and imports it, as a page with `callingModule` set would.
 */
const callingModulePath = '/sandbox/calling/index.ts';

const diegoObjectId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const alexObjectId = '0a1b2c3d-0002-4000-8000-00000000c0a2';

/** Signs a named session in and points it at the sandbox's calling module. */
async function signInWithSandboxCalling(user: string, name: string): Promise<Session> {
  const session = await signInTestSession(user, name);
  session.configure({ ...session.options!, callingModule: callingModulePath });
  await session.whenReady();
  return session;
}

/** Waits until the host shows exactly one element with the role and name, and returns it. */
async function waitForRole(host: Element, role: string, name: string): Promise<HTMLElement> {
  await waitUntil(() => queryAllByRole(host, role, name).length === 1, `<${host.localName}> never showed the ${role} "${name}".`, { timeout: 10_000 });
  return getByRole(host, role, name);
}

/** Waits until a `<video>` inside `container` decodes frames. */
async function waitForFrames(container: HTMLElement, message: string): Promise<HTMLVideoElement> {
  await waitUntil(() => container.querySelector('video') !== null, `${message}: no video element.`, { timeout: 10_000 });
  const video = container.querySelector('video')!;
  await waitUntil(() => video.videoWidth > 0 && video.readyState >= 2, `${message}: no decoded frames.`, { timeout: 10_000 });
  return video;
}

describe('calls through the sandbox calling module', function () {
  this.timeout(60_000);

  before(async () => {
    // The test server serves the module, so the signalling socket is not on the module's own
    // origin. The module gets the socket's URL before any call agent exists.
    const module = (await import(/* @vite-ignore */ new URL(callingModulePath, document.baseURI).href)) as {
      setSignallingUrl(url: string): void;
    };
    module.setSignallingUrl(`${sandboxOrigin}/calling/signal`);
  });

  afterEach(() => {
    resetTestSessions();
  });

  it('rings, connects with video, shares and hangs up', async () => {
    await signInWithSandboxCalling('adele.vance@contoso.com', 'a');
    await signInWithSandboxCalling('diego.siciliani@fabrikam.com', 'b');

    const page = await fixture(html`
      <div>
        <teams-call session="a"></teams-call>
        <teams-screen-share session="a"></teams-screen-share>
        <teams-call session="b" incoming-calls></teams-call>
        <teams-screen-share session="b"></teams-screen-share>
      </div>
    `);
    const [adeleCall, diegoCall] = [...page.querySelectorAll<TeamsCall>('teams-call')] as [TeamsCall, TeamsCall];
    const [adeleShare, diegoShare] = [...page.querySelectorAll<TeamsScreenShare>('teams-screen-share')] as [TeamsScreenShare, TeamsScreenShare];

    // Diego's element opted in to incoming calls, so his call agent connects on its own.
    await waitUntil(() => statusOf(diegoCall) === 'Ready to receive calls.', `Diego's status was "${statusOf(diegoCall)}".`, { timeout: 20_000 });

    // Adele types Diego's object id (Graph does not find users of another tenant) and calls.
    const field = getByRole(adeleCall, 'textbox', 'Person to call') as HTMLInputElement;
    field.focus();
    field.value = diegoObjectId;
    field.dispatchEvent(new InputEvent('input'));
    getByRole(adeleCall, 'button', 'Call').click();

    await waitUntil(() => queryAllByRole(diegoCall, 'region', 'Incoming call').length === 1, 'Diego did not ring.', { timeout: 20_000 });
    expect(getByRole(diegoCall, 'region', 'Incoming call').textContent).to.contain('Adele Vance is calling');
    expect(getByRole(adeleCall, 'button', 'Cancel')).to.exist;

    getByRole(diegoCall, 'button', 'Accept with video').click();
    await waitUntil(() => statusOf(adeleCall) === 'In a call with Diego Siciliani', `Adele's status was "${statusOf(adeleCall)}".`, { timeout: 20_000 });
    await waitUntil(() => statusOf(diegoCall) === 'In a call with Adele Vance', `Diego's status was "${statusOf(diegoCall)}".`, { timeout: 20_000 });

    // Diego's camera went on with the call; Adele turns hers on.
    await waitForFrames(await waitForRole(adeleCall, 'img', 'Video of Diego Siciliani'), 'Adele sees Diego');
    getByRole(adeleCall, 'button', 'Turn camera on').click();
    await waitUntil(() => queryAllByRole(adeleCall, 'button', 'Turn camera off').length === 1, 'Adele\'s camera did not start.', { timeout: 10_000 });
    await waitForFrames(await waitForRole(diegoCall, 'img', 'Video of Adele Vance'), 'Diego sees Adele');
    await waitForFrames(await waitForRole(adeleCall, 'img', 'Your video'), 'Adele sees her preview');

    // Adele shares her screen; Diego's screen share element shows it with her name.
    getByRole(adeleShare, 'button', 'Share screen').click();
    await waitUntil(() => queryAllByRole(adeleShare, 'button', 'Stop sharing').length === 1, 'Adele\'s sharing did not start.', { timeout: 10_000 });
    const share = await waitForFrames(await waitForRole(diegoShare, 'img', 'Screen shared by Adele Vance'), 'Diego sees the share');
    expect(share.videoWidth).to.be.greaterThan(0);
    expect(queryAllByRole(diegoCall, 'img', 'Screen shared by Adele Vance')).to.deep.equal([]);

    getByRole(adeleShare, 'button', 'Stop sharing').click();
    await waitUntil(() => queryAllByRole(diegoShare, 'img').length === 0, 'The share stayed after it stopped.', { timeout: 10_000 });

    // Adele hangs up; both elements return to the form and explain why the call ended.
    getByRole(adeleCall, 'button', 'Hang up').click();
    await waitUntil(() => queryAllByRole(adeleCall, 'button', 'Call').length === 1, 'Adele\'s form did not come back.', { timeout: 10_000 });
    await waitUntil(() => queryAllByRole(diegoCall, 'button', 'Call').length === 1, 'Diego\'s form did not come back.', { timeout: 10_000 });
    expect(statusOf(adeleCall)).to.equal('The call ended.');
    expect(statusOf(diegoCall)).to.equal('The call ended.');
    expect(diegoCall.shadowRoot!.querySelectorAll('video').length).to.equal(0);
  });

  it('tells the caller that the call was declined', async () => {
    await signInWithSandboxCalling('adele.vance@contoso.com', 'a');
    await signInWithSandboxCalling('diego.siciliani@fabrikam.com', 'b');

    const page = await fixture(html`
      <div>
        <teams-call session="a"></teams-call>
        <teams-call session="b" incoming-calls></teams-call>
      </div>
    `);
    const [adeleCall, diegoCall] = [...page.querySelectorAll<TeamsCall>('teams-call')] as [TeamsCall, TeamsCall];
    await waitUntil(() => statusOf(diegoCall) === 'Ready to receive calls.', `Diego's status was "${statusOf(diegoCall)}".`, { timeout: 20_000 });

    const ended = new Promise<CustomEvent>((resolve) => adeleCall.addEventListener('teams-call-ended', resolve, { once: true }));
    await adeleCall.call(diegoObjectId);
    await waitUntil(() => queryAllByRole(diegoCall, 'button', 'Decline').length === 1, 'Diego did not ring.', { timeout: 20_000 });
    getByRole(diegoCall, 'button', 'Decline').click();

    const { detail } = await ended;
    await adeleCall.updateComplete;
    expect(detail.reason).to.equal('declined');
    // Adele typed the object id of someone in another tenant, whom Graph does not find, and Diego
    // never connected, so his name was never known to her: the id shows, shortened.
    expect(statusOf(adeleCall)).to.equal('0a1b2c3d…fab4 declined the call.');
  });

  it('tells the callee about a cancelled call', async () => {
    await signInWithSandboxCalling('adele.vance@contoso.com', 'a');
    await signInWithSandboxCalling('diego.siciliani@fabrikam.com', 'b');

    const page = await fixture(html`
      <div>
        <teams-call session="a"></teams-call>
        <teams-call session="b" incoming-calls></teams-call>
      </div>
    `);
    const [adeleCall, diegoCall] = [...page.querySelectorAll<TeamsCall>('teams-call')] as [TeamsCall, TeamsCall];
    await waitUntil(() => statusOf(diegoCall) === 'Ready to receive calls.', `Diego's status was "${statusOf(diegoCall)}".`, { timeout: 20_000 });

    await adeleCall.call(diegoObjectId);
    await waitForRole(diegoCall, 'button', 'Decline');
    getByRole(adeleCall, 'button', 'Cancel').click();

    await waitUntil(() => queryAllByRole(diegoCall, 'region', 'Incoming call').length === 0, 'Diego kept ringing.', { timeout: 10_000 });
    await diegoCall.updateComplete;
    expect(statusOf(diegoCall)).to.equal('You missed a call from Adele Vance.');
    await waitUntil(() => queryAllByRole(adeleCall, 'button', 'Call').length === 1, 'Adele\'s form did not come back.', { timeout: 10_000 });
  });

  it('calls a colleague by address through Graph', async () => {
    await signInWithSandboxCalling('adele.vance@contoso.com', 'a');
    await signInWithSandboxCalling('alex.wilber@contoso.com', 'b');

    const page = await fixture(html`
      <div>
        <teams-call session="a"></teams-call>
        <teams-call session="b" incoming-calls></teams-call>
      </div>
    `);
    const [adeleCall, alexCall] = [...page.querySelectorAll<TeamsCall>('teams-call')] as [TeamsCall, TeamsCall];
    await waitUntil(() => statusOf(alexCall) === 'Ready to receive calls.', `Alex's status was "${statusOf(alexCall)}".`, { timeout: 20_000 });

    await adeleCall.call('alex.wilber@contoso.com');
    await waitForRole(alexCall, 'region', 'Incoming call');
    expect(getByRole(alexCall, 'region', 'Incoming call').textContent).to.contain('Adele Vance is calling');
    await waitUntil(() => statusOf(adeleCall).startsWith('Ringing Alex Wilber'), `Adele's status was "${statusOf(adeleCall)}".`, { timeout: 10_000 });

    getByRole(alexCall, 'button', 'Decline').click();
    await waitUntil(() => statusOf(adeleCall) === 'Alex Wilber declined the call.', `Adele's status was "${statusOf(adeleCall)}".`, { timeout: 10_000 });
  });

  it('calls a colleague by object id with the name from Graph', async () => {
    await signInWithSandboxCalling('megan.bowen@contoso.com', 'a');
    await signInWithSandboxCalling('alex.wilber@contoso.com', 'b');

    const page = await fixture(html`
      <div>
        <teams-call session="a"></teams-call>
        <teams-call session="b" incoming-calls></teams-call>
      </div>
    `);
    const [meganCall, alexCall] = [...page.querySelectorAll<TeamsCall>('teams-call')] as [TeamsCall, TeamsCall];
    await waitUntil(() => statusOf(alexCall) === 'Ready to receive calls.', `Alex's status was "${statusOf(alexCall)}".`, { timeout: 20_000 });

    await meganCall.call(alexObjectId);
    await waitForRole(alexCall, 'region', 'Incoming call');
    await waitUntil(() => statusOf(meganCall) === 'Ringing Alex Wilber…', `Megan's status was "${statusOf(meganCall)}".`, { timeout: 10_000 });

    getByRole(alexCall, 'button', 'Decline').click();
    await waitUntil(() => statusOf(meganCall) === 'Alex Wilber declined the call.', `Megan's status was "${statusOf(meganCall)}".`, { timeout: 10_000 });
  });

  it('says that a made-up object id is no one, not that they did not answer', async () => {
    await signInWithSandboxCalling('megan.bowen@contoso.com', 'a');
    const meganCall = await fixture<TeamsCall>(html`<teams-call session="a"></teams-call>`);

    await meganCall.call('0a1b2c3d-9999-4000-8000-000000000000');

    await waitUntil(() => queryAllByRole(meganCall, 'button', 'Call').length === 1, 'The call did not end.', { timeout: 10_000 });
    await meganCall.updateComplete;
    expect(statusOf(meganCall)).to.equal('This person could not be found. Check the address or object id.');
  });

  it('explains a wrong exchange URL instead of asking to try again', async () => {
    // A path of this page's server that is no exchange endpoint: it answers a POST with an error.
    const wrongExchange = new URL('/api/does-not-exist', document.baseURI).href;
    await signInTestSession('megan.bowen@contoso.com', 'a', { exchange: wrongExchange, callingModule: callingModulePath });
    const meganCall = await fixture<TeamsCall>(html`<teams-call session="a"></teams-call>`);

    const error = (await meganCall.prepare().catch((caught: unknown) => caught)) as TeamsError;
    await meganCall.updateComplete;

    expect(error.code).to.equal('exchange-failed');
    expect(error.message).not.to.contain('..');
    expect(error.message).to.contain(wrongExchange);
    const [alert] = alertsOf(meganCall);
    expect(alert).to.match(/^The token exchange endpoint refused the request \(HTTP 40\d\)\. Check the exchange-url setting\.$/);
    expect(alert).to.contain(`HTTP ${error.status}`);
  });
});
