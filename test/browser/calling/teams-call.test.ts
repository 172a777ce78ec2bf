import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/call/define.js';
import '../../../src/components/screen-share/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { TeamsError } from '../../../src/services/errors.js';
import { registerTranslation } from '../../../src/localization/localize.js';
import { configureSession, getSession, setSessionServices } from '../../../src/services/session/registry.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { alertsOf, getByRole, queryAllByRole, statusOf } from './element-queries.js';
import { PortDouble, mediaError } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const meganId = '0a1b2c3d-0003-4000-8000-00000000c0a3';
/** An object id of no sandbox user. */
const unknownId = '0a1b2c3d-9999-4000-8000-000000000000';

describe('<teams-call>', () => {
  let double: PortDouble;
  let loads: number;

  beforeEach(() => {
    double = new PortDouble();
    loads = 0;
    setCallingModuleLoader(async () => {
      loads++;
      return double.module;
    });
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
    resetTestSessions();
  });

  /** Returns a signed-in element whose call agent is ready. */
  async function signedInCall(): Promise<TeamsCall> {
    await signInTestSession('adele.vance@contoso.com');
    const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
    await element.prepare();
    await element.updateComplete;
    return element;
  }

  /** Starts a call from the element and lets the remote side answer. */
  async function connectedCall(): Promise<TeamsCall> {
    const element = await signedInCall();
    await element.call(diegoId);
    double.lastCall.connect(diegoId, 'Diego Siciliani');
    await element.updateComplete;
    return element;
  }

  describe('signed out', () => {
    it('shows a sign-in prompt', async () => {
      const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
      expect(element.shadowRoot!.querySelector('[part="sign-in-prompt"]')?.textContent).to.equal('Sign in to make and receive calls.');
      expect(queryAllByRole(element, 'textbox')).to.deep.equal([]);
    });

    it('is accessible', async () => {
      const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
      await expect(element).to.be.accessible();
    });

    it('loads nothing with incoming-calls', async () => {
      await fixture<TeamsCall>(html`<teams-call incoming-calls></teams-call>`);
      expect(loads).to.equal(0);
    });
  });

  describe('ready to call', () => {
    it('loads nothing until a call intent', async () => {
      await signInTestSession('adele.vance@contoso.com');
      const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
      await element.updateComplete;
      expect(loads).to.equal(0);
    });

    it('has a labelled field and a Call button', async () => {
      await signInTestSession('adele.vance@contoso.com');
      const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
      expect(getByRole(element, 'textbox', 'Person to call')).to.exist;
      expect(getByRole(element, 'button', 'Call')).to.exist;
    });

    it('loads calling when the field gets focus', async () => {
      await signInTestSession('adele.vance@contoso.com');
      const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
      getByRole(element, 'textbox', 'Person to call').focus();
      await waitUntil(() => double.agents.length === 1, 'The call agent was not created after focus.');
      expect(loads).to.equal(1);
    });

    it('shows progress while calling loads', async () => {
      await signInTestSession('adele.vance@contoso.com');
      let open: () => void = () => undefined;
      double.createAgentGate = new Promise((resolve) => (open = resolve));
      const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
      getByRole(element, 'textbox', 'Person to call').focus();
      await waitUntil(() => statusOf(element) === 'Connecting to Teams…', `Status was "${statusOf(element)}".`);
      expect(element.shadowRoot!.querySelector('[part="status"] .spinner')).to.exist;
      open();
      await waitUntil(() => statusOf(element) === '', 'The status did not clear once ready.');
    });

    it('is accessible', async () => {
      const element = await signedInCall();
      await expect(element).to.be.accessible();
    });

    it('calls from the keyboard', async () => {
      const element = await signedInCall();
      getByRole(element, 'textbox', 'Person to call').focus();
      await sendKeys({ type: diegoId });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => double.agent.calls.length === 1, 'Enter did not start a call.');
      expect(double.agent.startCallTargets).to.deep.equal([{ microsoftTeamsUserId: diegoId }]);
    });

    it('shows a malformed address next to the field', async () => {
      const element = await signedInCall();
      element.target = 'Diego';
      await element.updateComplete;
      getByRole(element, 'button', 'Call').click();
      await waitUntil(() => alertsOf(element).length === 1, 'No error was shown.');
      expect(alertsOf(element)[0]).to.equal('"Diego" is not an e-mail address or an object id. Enter an address such as adele@contoso.com.');
      expect(getByRole(element, 'textbox', 'Person to call').getAttribute('aria-invalid')).to.equal('true');
    });

    it('rejects calling yourself', async () => {
      const element = await signedInCall();
      const error = await element.call('adele.vance@contoso.com').catch((caught: unknown) => caught);
      await element.updateComplete;
      expect((error as { code: string }).code).to.equal('call-target-self');
      expect(alertsOf(element)).to.deep.equal(['You cannot call yourself. Enter someone else’s address.']);
    });

    it('offers Try again after the agent fails', async () => {
      await signInTestSession('adele.vance@contoso.com');
      double.createAgentError = new Error('Error Fetching Teams user policy');
      const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
      await element.prepare().catch(() => undefined);
      await element.updateComplete;
      expect(alertsOf(element)).to.deep.equal(['Could not connect to Teams calling. Try again.']);

      getByRole(element, 'button', 'Try again').click();
      await waitUntil(() => double.agents.length === 1, 'Try again did not create the agent.');
      await element.updateComplete;
      expect(alertsOf(element)).to.deep.equal([]);
    });
  });

  describe('outgoing call', () => {
    it('rings with the name Graph gives an object id of the same tenant', async () => {
      const element = await signedInCall();
      await element.call(meganId);
      double.lastCall.setState('Ringing');
      await waitUntil(() => statusOf(element) === 'Ringing Megan Bowen…', `Status was "${statusOf(element)}".`);
    });

    it('rings with a shortened id when Graph does not know the person', async () => {
      const element = await signedInCall();
      // Diego is in another tenant, so Graph finds no one by his object id.
      await element.call(diegoId);
      double.lastCall.setState('Ringing');
      await element.updateComplete;
      expect(statusOf(element)).to.equal('Ringing 0a1b2c3d…fab4…');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(statusOf(element)).to.equal('Ringing 0a1b2c3d…fab4…');
    });

    it('shows Cancel while ringing and moves focus to it', async () => {
      const element = await signedInCall();
      getByRole(element, 'button', 'Call').focus();
      await element.call(diegoId);
      double.lastCall.setState('Ringing');
      await element.updateComplete;
      expect(getByRole(element, 'button', 'Cancel')).to.equal(element.shadowRoot!.activeElement);
      expect(statusOf(element)).to.equal('Ringing 0a1b2c3d…fab4…');
    });

    it('cancels a ringing call', async () => {
      const element = await signedInCall();
      await element.call(diegoId);
      await element.updateComplete;
      getByRole(element, 'button', 'Cancel').click();
      await waitUntil(() => double.lastCall.hangUpCount === 1, 'Cancel did not hang up.');
      await element.updateComplete;
      expect(getByRole(element, 'button', 'Call')).to.exist;
    });

    it('fires state changes through the call', async () => {
      const element = await signedInCall();
      const states: string[] = [];
      element.addEventListener('teams-call-state-change', (event) => states.push(`${event.detail.previousState}>${event.detail.state}`));
      await element.call(diegoId);
      double.lastCall.setState('Ringing');
      double.lastCall.connect();
      double.lastCall.end(0, 5010);
      expect(states).to.deep.equal(['None>Connecting', 'Connecting>Ringing', 'Ringing>Connected', 'Connected>Disconnected']);
    });
  });

  describe('in a call', () => {
    it('has Mute, Turn camera on and Hang up', async () => {
      const element = await connectedCall();
      expect(getByRole(element, 'button', 'Mute')).to.exist;
      expect(getByRole(element, 'button', 'Turn camera on')).to.exist;
      expect(getByRole(element, 'button', 'Hang up')).to.exist;
      expect(statusOf(element)).to.equal('In a call with Diego Siciliani');
    });

    it('is accessible', async () => {
      const element = await connectedCall();
      await expect(element).to.be.accessible();
    });

    it('toggles mute from the keyboard', async () => {
      const element = await connectedCall();
      getByRole(element, 'button', 'Mute').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => queryAllByRole(element, 'button', 'Unmute').length === 1, 'The button did not turn into Unmute.');
      expect(double.lastCall.isMuted).to.equal(true);

      await sendKeys({ press: 'Space' });
      await waitUntil(() => queryAllByRole(element, 'button', 'Mute').length === 1, 'The button did not turn back into Mute.');
      expect(double.lastCall.isMuted).to.equal(false);
    });

    it('turns the camera on with a local preview', async () => {
      const element = await connectedCall();
      getByRole(element, 'button', 'Turn camera on').click();
      await waitUntil(() => queryAllByRole(element, 'button', 'Turn camera off').length === 1, 'The camera did not start.');
      await waitUntil(() => queryAllByRole(element, 'img', 'Your video').length === 1, 'No local preview.');
      const preview = getByRole(element, 'img', 'Your video');
      await waitUntil(() => preview.querySelectorAll('video').length === 1, 'The preview has no video.');
      expect(double.views.at(-1)!.isMirrored).to.equal(true);
    });

    it('shows the remote video with the participant name', async () => {
      const element = await connectedCall();
      double.lastCall.remoteParticipants[0]!.addVideoStream('Video');
      await element.updateComplete;
      const video = getByRole(element, 'img', 'Video of Diego Siciliani');
      await waitUntil(() => video.querySelectorAll('video').length === 1, 'The remote video was not rendered.');
      expect(element.shadowRoot!.querySelector('figcaption')?.textContent?.trim()).to.equal('Diego Siciliani');
    });

    it('keeps one video per tile when a stream returns', async () => {
      const element = await connectedCall();
      const participant = double.lastCall.remoteParticipants[0]!;
      let stream = participant.addVideoStream('Video');
      for (let cycle = 0; cycle < 3; cycle++) {
        await element.updateComplete;
        await waitUntil(() => element.shadowRoot!.querySelectorAll('video').length === 1, `Cycle ${cycle} rendered no video.`);
        participant.removeVideoStream(stream);
        stream = participant.addVideoStream('Video');
      }
      await element.updateComplete;
      await waitUntil(() => element.shadowRoot!.querySelectorAll('video').length === 1, 'The last stream rendered no video.');
      expect(double.views.length).to.equal(4);
      expect(double.views.slice(0, 3).map((view) => view.disposeCount)).to.deep.equal([1, 1, 1]);
      expect(double.views[3]!.disposeCount).to.equal(0);
    });

    it('disposes its views when removed from the page', async () => {
      const element = await connectedCall();
      double.lastCall.remoteParticipants[0]!.addVideoStream('Video');
      await element.updateComplete;
      await waitUntil(() => double.views.length === 1, 'No view was created.');
      element.remove();
      expect(double.views[0]!.disposeCount).to.equal(1);
      expect(double.renderers[0]!.disposeCount).to.equal(1);
    });

    it('shows a placeholder when the video cannot be shown', async () => {
      double.createViewMode = 'reject';
      const element = await connectedCall();
      double.lastCall.remoteParticipants[0]!.addVideoStream('Video');
      await waitUntil(() => element.shadowRoot!.querySelector('.placeholder')?.textContent?.trim() === 'Video could not be shown.', 'No placeholder.');
    });

    it('marks a muted participant', async () => {
      const element = await connectedCall();
      double.lastCall.remoteParticipants[0]!.setMuted(true);
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Diego SicilianiMuted');
    });

    it('names a muted participant\'s tile with the name and the state apart', async () => {
      const element = await connectedCall();
      expect(getByRole(element, 'figure', 'Diego Siciliani')).to.exist;

      double.lastCall.remoteParticipants[0]!.setMuted(true);
      await element.updateComplete;
      expect(getByRole(element, 'figure', 'Diego Siciliani, muted')).to.exist;

      double.lastCall.remoteParticipants[0]!.setSpeaking(true);
      await element.updateComplete;
      expect(getByRole(element, 'figure', 'Diego Siciliani, muted, speaking')).to.exist;
    });

    it('names a muted participant\'s tile in German', async () => {
      const { de } = await import('../../../src/locales/de.js');
      registerTranslation(de);
      const element = await connectedCall();
      element.lang = 'de';
      double.lastCall.remoteParticipants[0]!.setMuted(true);
      await element.updateComplete;
      try {
        expect(getByRole(element, 'figure', 'Diego Siciliani, stummgeschaltet')).to.exist;
      } finally {
        element.lang = '';
      }
    });

    it('explains a camera in use and clears it once the camera starts', async () => {
      const element = await connectedCall();
      double.failures.startVideo.push(mediaError('NotReadableError'));
      const errorEvent = oneEvent(element, 'teams-device-error');
      getByRole(element, 'button', 'Turn camera on').click();
      const { detail } = await errorEvent;
      await element.updateComplete;
      expect(detail.kind).to.equal('in-use');
      expect(alertsOf(element)).to.deep.equal(['Another app is using the camera. Close that app, then turn the camera on again.']);

      getByRole(element, 'button', 'Turn camera on').click();
      await waitUntil(() => alertsOf(element).length === 0, 'The camera error stayed after the camera started.');
    });

    it('explains a blocked camera with what to do', async () => {
      const element = await connectedCall();
      double.failures.startVideo.push(mediaError('NotAllowedError'));
      getByRole(element, 'button', 'Turn camera on').click();
      await waitUntil(() => alertsOf(element).length === 1, 'No camera error was shown.');
      expect(alertsOf(element)[0]).to.contain('Allow camera access for this site');
    });

    it('shows a remote screen share without a screen share element', async () => {
      const element = await connectedCall();
      double.lastCall.remoteParticipants[0]!.addVideoStream('ScreenSharing');
      await element.updateComplete;
      expect(queryAllByRole(element, 'img', 'Screen shared by Diego Siciliani').length).to.equal(1);
    });

    it('leaves the remote screen share to a screen share element', async () => {
      const element = await connectedCall();
      const container = await fixture(html`<div><teams-screen-share></teams-screen-share></div>`);
      double.lastCall.remoteParticipants[0]!.addVideoStream('ScreenSharing');
      await element.updateComplete;
      expect(queryAllByRole(element, 'img', 'Screen shared by Diego Siciliani').length).to.equal(0);

      container.remove();
      await element.updateComplete;
      expect(queryAllByRole(element, 'img', 'Screen shared by Diego Siciliani').length).to.equal(1);
    });
  });

  describe('after a call', () => {
    it('says why the call ended', async () => {
      const element = await connectedCall();
      const ended = oneEvent(element, 'teams-call-ended');
      double.lastCall.end(486, 4508);
      const { detail } = await ended;
      await element.updateComplete;
      expect(detail).to.include({ code: 486, subCode: 4508, reason: 'declined', missed: false });
      expect(detail.message).to.equal('Diego Siciliani declined the call.');
      expect(statusOf(element)).to.equal('Diego Siciliani declined the call.');
    });

    it('says when the person called does not exist', async () => {
      const element = await signedInCall();
      await element.call(unknownId);
      double.lastCall.setState('Ringing');
      const ended = oneEvent(element, 'teams-call-ended');
      double.lastCall.end(404, 4500);
      const { detail } = await ended;
      await element.updateComplete;
      expect(detail).to.include({ code: 404, subCode: 4500, reason: 'person-not-found' });
      expect(statusOf(element)).to.equal('This person could not be found. Check the address or object id.');
    });

    it('keeps "call not found" for a call that was answered', async () => {
      const element = await connectedCall();
      double.lastCall.end(404, 4500);
      await element.updateComplete;
      expect(statusOf(element)).to.equal('The call could not be found. It may have already ended.');
    });

    it('shows the numbers of an unknown end reason', async () => {
      const element = await connectedCall();
      double.lastCall.end(500, 4101);
      await element.updateComplete;
      expect(statusOf(element)).to.equal('The call ended (code 500, subcode 4101).');
    });

    it('returns focus to the field after hanging up', async () => {
      const element = await connectedCall();
      getByRole(element, 'button', 'Hang up').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => queryAllByRole(element, 'textbox', 'Person to call').length === 1, 'The form did not come back.');
      await element.updateComplete;
      expect(element.shadowRoot!.activeElement).to.equal(getByRole(element, 'textbox', 'Person to call'));
    });
  });

  describe('incoming calls', () => {
    async function listeningCall(): Promise<TeamsCall> {
      await signInTestSession('adele.vance@contoso.com');
      const element = await fixture<TeamsCall>(html`<teams-call incoming-calls></teams-call>`);
      await waitUntil(() => double.agents.length === 1, 'incoming-calls did not create the agent.');
      await element.updateComplete;
      return element;
    }

    it('creates the agent after sign-in with incoming-calls', async () => {
      await listeningCall();
      expect(loads).to.equal(1);
    });

    it('creates the agent when the session signs in later', async () => {
      const session = await signInTestSession('adele.vance@contoso.com');
      await session.signOut();
      const element = await fixture<TeamsCall>(html`<teams-call incoming-calls></teams-call>`);
      expect(loads).to.equal(0);
      await session.signIn();
      await waitUntil(() => double.agents.length === 1, 'Signing in did not create the agent.');
      await element.updateComplete;
      expect(statusOf(element)).to.equal('Ready to receive calls.');
    });

    it('rings with the caller name and three buttons', async () => {
      const element = await listeningCall();
      const ringing = oneEvent(element, 'teams-incoming-call');
      double.agent.ringIncoming({ objectId: diegoId, displayName: 'Diego Siciliani' });
      const { detail } = await ringing;
      await element.updateComplete;
      expect(detail).to.include({ callerName: 'Diego Siciliani', callerObjectId: diegoId });
      expect(getByRole(element, 'region', 'Incoming call').textContent).to.contain('Diego Siciliani is calling');
      expect(getByRole(element, 'button', 'Accept')).to.exist;
      expect(getByRole(element, 'button', 'Accept with video')).to.exist;
      expect(getByRole(element, 'button', 'Decline')).to.exist;
      expect(statusOf(element)).to.equal('Diego Siciliani is calling');
    });

    it('is accessible while ringing', async () => {
      const element = await listeningCall();
      double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('accepts from the keyboard', async () => {
      const element = await listeningCall();
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await element.updateComplete;
      getByRole(element, 'button', 'Accept').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => queryAllByRole(element, 'button', 'Hang up').length === 1, 'Accept did not connect.');
      expect(incoming.acceptOptions).to.equal(undefined);
    });

    it('accepts with video', async () => {
      const element = await listeningCall();
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await element.updateComplete;
      getByRole(element, 'button', 'Accept with video').click();
      await waitUntil(() => incoming.acceptOptions !== undefined, 'Accept with video did not accept.');
      expect(incoming.acceptOptions?.videoOptions?.localVideoStreams?.length).to.equal(1);
    });

    it('declines', async () => {
      const element = await listeningCall();
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await element.updateComplete;
      getByRole(element, 'button', 'Decline').click();
      await waitUntil(() => incoming.rejectCount === 1, 'Decline did not reject.');
      await element.updateComplete;
      expect(queryAllByRole(element, 'region', 'Incoming call')).to.deep.equal([]);
      expect(getByRole(element, 'button', 'Call')).to.exist;
    });

    it('says when a call was missed', async () => {
      const element = await listeningCall();
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      const ended = oneEvent(element, 'teams-call-ended');
      incoming.cancelByCaller();
      const { detail } = await ended;
      await element.updateComplete;
      expect(detail.missed).to.equal(true);
      expect(statusOf(element)).to.equal('You missed a call from Diego Siciliani.');
    });
  });

  it('disposes the agent when the session signs out', async () => {
    const element = await connectedCall();
    await getSession().signOut();
    await waitUntil(() => double.agent.disposeCount === 1, 'Signing out did not dispose the agent.');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="sign-in-prompt"]')).to.exist;
  });

  it('keeps the call on screen when the sign-in expires', async () => {
    const account = { name: 'Adele Vance', username: 'adele.vance@contoso.com', objectId: '0a1b2c3d-0001-4000-8000-00000000c0a1', tenantId: 't' };
    let expired = false;
    const token = { token: 'communication-token-for-tests', expiresOnTimestamp: Date.now() + 3_600_000 };
    setSessionServices({
      createAuthService: () => ({
        account,
        initialize: async () => account,
        signIn: async () => account,
        signOut: async () => undefined,
        acquireToken: async () => {
          if (expired) throw new TeamsError('interaction-required', 'The sign-in expired.');
          return { accessToken: 'entra-token-for-tests', expiresOnTimestamp: Date.now() + 3_600_000 };
        },
      }),
      createTokenSource: () =>
        Object.assign(new EventTarget(), { getToken: async () => token, credential: { getToken: async () => token, dispose: () => undefined }, dispose: () => undefined }),
    });
    const session = configureSession({ clientId: '3c7d9e21-8a4b-4f0c-9d6e-5b2a1c0e7a11', exchange: 'https://localhost/unused' });
    await session.whenReady();
    const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
    await element.call(diegoId);
    double.lastCall.connect(diegoId, 'Diego Siciliani');

    expired = true;
    await session.getGraphToken().catch(() => undefined);
    await element.updateComplete;
    expect(session.status).to.equal('error');
    expect(getByRole(element, 'button', 'Hang up')).to.exist;

    double.lastCall.end(0, 0);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="sign-in-prompt"]')).to.exist;
  });
});
