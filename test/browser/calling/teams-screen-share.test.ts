import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/call/define.js';
import '../../../src/components/screen-share/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import type { TeamsScreenShare } from '../../../src/components/screen-share/teams-screen-share.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { alertsOf, getByRole, queryAllByRole, statusOf } from './element-queries.js';
import { PortDouble, mediaError } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';

describe('<teams-screen-share>', () => {
  let double: PortDouble;

  beforeEach(() => {
    double = new PortDouble();
    setCallingModuleLoader(async () => double.module);
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
    resetTestSessions();
  });

  /** Renders both elements and connects a call. */
  async function inCall(): Promise<{ call: TeamsCall; share: TeamsScreenShare }> {
    await signInTestSession('adele.vance@contoso.com');
    const page = await fixture(html`<div><teams-call></teams-call><teams-screen-share></teams-screen-share></div>`);
    const call = page.querySelector('teams-call')!;
    const share = page.querySelector('teams-screen-share')!;
    await call.call(diegoId);
    double.lastCall.connect(diegoId, 'Diego Siciliani');
    await share.updateComplete;
    return { call, share };
  }

  it('asks to sign in while signed out', async () => {
    const share = await fixture<TeamsScreenShare>(html`<teams-screen-share></teams-screen-share>`);
    const button = getByRole(share, 'button', 'Share screen');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(share.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)?.textContent).to.equal('Sign in to share your screen.');
  });

  it('explains why sharing is unavailable without a call', async () => {
    await signInTestSession('adele.vance@contoso.com');
    const share = await fixture<TeamsScreenShare>(html`<teams-screen-share></teams-screen-share>`);
    const button = getByRole(share, 'button', 'Share screen');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(share.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)?.textContent).to.equal(
      'Start or join a call to share your screen.',
    );
  });

  it('keeps the inactive button focusable and inert', async () => {
    await signInTestSession('adele.vance@contoso.com');
    const share = await fixture<TeamsScreenShare>(html`<teams-screen-share></teams-screen-share>`);
    share.focus();
    expect(share.shadowRoot!.activeElement).to.equal(getByRole(share, 'button', 'Share screen'));
    await sendKeys({ press: 'Enter' });
    expect(double.agents.length).to.equal(0);
    expect(alertsOf(share)).to.deep.equal([]);
  });

  it('is accessible without a call', async () => {
    await signInTestSession('adele.vance@contoso.com');
    const share = await fixture<TeamsScreenShare>(html`<teams-screen-share></teams-screen-share>`);
    await expect(share).to.be.accessible();
  });

  it('shares and stops sharing from the keyboard', async () => {
    const { share } = await inCall();
    const button = getByRole(share, 'button', 'Share screen');
    expect(button.getAttribute('aria-disabled')).to.equal('false');

    const started = oneEvent(share, 'teams-screen-share-change');
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect((await started).detail.sharing).to.equal(true);
    await share.updateComplete;
    expect(statusOf(share)).to.equal('You are sharing your screen.');

    getByRole(share, 'button', 'Stop sharing').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => queryAllByRole(share, 'button', 'Share screen').length === 1, 'Sharing did not stop.');
    expect(double.lastCall.isScreenSharingOn).to.equal(false);
  });

  it('is accessible in a call', async () => {
    const { share } = await inCall();
    await expect(share).to.be.accessible();
  });

  it('shows nothing when the picker is cancelled and the camera still works', async () => {
    const { call, share } = await inCall();
    double.failures.startScreenSharing.push(mediaError('NotAllowedError', 'Permission denied by user'));
    getByRole(share, 'button', 'Share screen').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await share.updateComplete;
    expect(alertsOf(share)).to.deep.equal([]);
    expect(getByRole(share, 'button', 'Share screen')).to.exist;

    getByRole(call, 'button', 'Turn camera on').click();
    await waitUntil(() => queryAllByRole(call, 'button', 'Turn camera off').length === 1, 'The camera did not start after a cancelled picker.');
    expect(alertsOf(call)).to.deep.equal([]);
  });

  it('shows another sharing failure', async () => {
    const { share } = await inCall();
    double.failures.startScreenSharing.push(new Error('Screen capture failed'));
    getByRole(share, 'button', 'Share screen').click();
    await waitUntil(() => alertsOf(share).length === 1, 'No error was shown.');
    expect(alertsOf(share)[0]).to.equal('Screen sharing could not start. Try again.');
  });

  it('shows a remote share large with the sharer name', async () => {
    const { share } = await inCall();
    const changed = oneEvent(share, 'teams-screen-share-change');
    double.lastCall.remoteParticipants[0]!.addVideoStream('ScreenSharing');
    expect((await changed).detail.remoteSharer).to.equal('Diego Siciliani');
    await share.updateComplete;

    const view = getByRole(share, 'img', 'Screen shared by Diego Siciliani');
    await waitUntil(() => view.querySelectorAll('video').length === 1, 'The share was not rendered.');
    expect(statusOf(share)).to.equal('Diego Siciliani is sharing their screen');
    expect(double.views.at(-1)!.scalingMode).to.equal('Fit');
  });

  it('removes the remote share when it ends', async () => {
    const { share } = await inCall();
    const participant = double.lastCall.remoteParticipants[0]!;
    const stream = participant.addVideoStream('ScreenSharing');
    await share.updateComplete;
    await waitUntil(() => double.views.length === 1, 'No view was created.');

    stream.setAvailable(false);
    await share.updateComplete;
    expect(queryAllByRole(share, 'img')).to.deep.equal([]);
    expect(double.views[0]!.disposeCount).to.equal(1);
  });

  it('is inactive again after the call', async () => {
    const { share } = await inCall();
    double.lastCall.end(0, 5010);
    await share.updateComplete;
    expect(getByRole(share, 'button', 'Share screen').getAttribute('aria-disabled')).to.equal('true');
  });
});
