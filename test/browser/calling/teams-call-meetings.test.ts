import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/call/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { alertsOf, getByRole, queryAllByRole, statusOf } from './element-queries.js';
import { PortDouble } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const leeId = '0a1b2c3d-0005-4000-8000-00000000fab5';

describe('<teams-call> meetings and calls during calls', () => {
  let double: PortDouble;

  beforeEach(() => {
    double = new PortDouble();
    setCallingModuleLoader(async () => double.module);
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
    resetTestSessions();
  });

  async function signedInCall(): Promise<TeamsCall> {
    await signInTestSession('adele.vance@contoso.com');
    const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
    await element.prepare();
    await element.updateComplete;
    return element;
  }

  async function settle(element: TeamsCall): Promise<void> {
    await element.updateComplete;
    await element.updateComplete;
  }

  describe('meeting form', () => {
    it('has labelled meeting fields and Join', async () => {
      const element = await signedInCall();
      expect(getByRole(element, 'textbox', 'Meeting link or ID')).to.exist;
      expect(getByRole(element, 'textbox', 'Passcode')).to.exist;
      expect(getByRole(element, 'button', 'Join')).to.exist;
      await expect(element).to.be.accessible();
    });

    it('explains a malformed meeting link', async () => {
      const element = await signedInCall();
      await element.join('https://example.invalid/not-a-meeting').catch(() => undefined);
      await settle(element);

      expect(alertsOf(element)).to.deep.equal(['This is not a Teams meeting link. Copy the whole “Join the meeting” link from the invitation.']);
      expect(getByRole(element, 'textbox', 'Meeting link or ID').getAttribute('aria-invalid')).to.equal('true');
      expect(getByRole(element, 'textbox', 'Person to call').getAttribute('aria-invalid')).to.equal('false');
      expect(getByRole(element, 'button', 'Join')).to.exist;
    });

    it('explains a malformed meeting id', async () => {
      const element = await signedInCall();
      await element.join('12-34').catch(() => undefined);
      await settle(element);
      expect(alertsOf(element)).to.deep.equal(['"12-34" is not a meeting link or ID. A meeting ID has 10 to 15 digits.']);
    });

    it('joins from the form', async () => {
      const element = await signedInCall();
      const field = getByRole(element, 'textbox', 'Meeting link or ID') as HTMLInputElement;
      field.value = '123 456 789 012';
      field.dispatchEvent(new InputEvent('input'));
      const passcode = getByRole(element, 'textbox', 'Passcode') as HTMLInputElement;
      passcode.value = 'Xy12';
      passcode.dispatchEvent(new InputEvent('input'));
      getByRole(element, 'button', 'Join').click();

      await waitUntil(() => double.agents.at(-1)?.joinLocators.length === 1, 'The element never joined.');
      expect(double.agent.joinLocators[0]).to.deep.equal({ meetingId: '123456789012', passcode: 'Xy12' });
    });
  });

  describe('lobby', () => {
    it('shows the wait with a Leave button', async () => {
      const element = await signedInCall();
      await element.join('123456789012');
      double.lastCall.setState('InLobby');
      await settle(element);

      expect(statusOf(element)).to.equal('Waiting in the lobby until someone lets you in…');
      getByRole(element, 'button', 'Leave').click();
      await settle(element);

      expect(double.lastCall.hangUpCount).to.equal(1);
      expect(statusOf(element)).to.equal('You left the meeting.');
      await expect(element).to.be.accessible();
    });

    it('says when the user is admitted', async () => {
      const element = await signedInCall();
      await element.join('123456789012');
      double.lastCall.setState('InLobby');
      await settle(element);

      double.lastCall.addParticipant(diegoId, 'Diego Siciliani');
      double.lastCall.setState('Connected');
      await settle(element);

      expect(statusOf(element)).to.equal('In the meeting with 1 other person');
      expect(getByRole(element, 'region', 'Participants').textContent).to.contain('Diego Siciliani');
    });

    it('says when the user is removed from the lobby', async () => {
      const element = await signedInCall();
      await element.join('123456789012');
      double.lastCall.setState('InLobby');
      double.lastCall.end(0, 5854);
      await settle(element);

      expect(statusOf(element)).to.equal('You were removed from the meeting lobby.');
      expect(getByRole(element, 'button', 'Join')).to.exist;
    });

    it('lets the organizer admit a waiting person', async () => {
      const element = await signedInCall();
      await element.join('123456789012');
      const call = double.lastCall;
      call.setRole('Organizer');
      call.setState('Connected');
      const waiting = call.lobby.addWaiting(diegoId, 'Diego Siciliani');
      await settle(element);

      const lobby = getByRole(element, 'region', 'Waiting in the lobby');
      expect(lobby.textContent).to.contain('1 person is waiting in the lobby.');
      await expect(element).to.be.accessible();

      getByRole(element, 'button', 'Admit Diego Siciliani').click();
      await waitUntil(() => call.lobby.admitted.length === 1, 'Admit never reached the lobby.');
      expect(call.lobby.admitted[0]).to.equal(waiting.identifier);
    });

    it('hides the lobby from attendees', async () => {
      const element = await signedInCall();
      await element.join('123456789012');
      double.lastCall.setRole('Attendee');
      double.lastCall.setState('Connected');
      double.lastCall.lobby.addWaiting(diegoId, 'Diego Siciliani');
      await settle(element);

      expect(queryAllByRole(element, 'region', 'Waiting in the lobby')).to.deep.equal([]);
    });

    it('offers End for everyone to the organizer only', async () => {
      const element = await signedInCall();
      await element.join('123456789012');
      double.lastCall.setState('Connected');
      await settle(element);
      expect(queryAllByRole(element, 'button', 'End for everyone')).to.deep.equal([]);

      double.lastCall.setRole('Organizer');
      await settle(element);
      getByRole(element, 'button', 'End for everyone').click();
      await waitUntil(() => double.lastCall.hangUpCount === 1, 'End for everyone never hung up.');
      expect(double.lastCall.hangUpOptions[0]).to.deep.equal({ forEveryone: true });
    });
  });

  describe('in a call', () => {
    async function connected(): Promise<TeamsCall> {
      const element = await signedInCall();
      await element.call(diegoId);
      double.lastCall.connect(diegoId, 'Diego Siciliani');
      await settle(element);
      return element;
    }

    it('shows reconnecting while the agent is offline', async () => {
      const element = await connected();
      double.agent.setConnectionState('Disconnected');
      await settle(element);
      expect(statusOf(element)).to.equal('Reconnecting… The call goes on once the connection is back.');
      expect(getByRole(element, 'button', 'Hang up')).to.exist;

      double.agent.setConnectionState('Connected');
      await settle(element);
      expect(statusOf(element)).to.equal('In a call with Diego Siciliani');
    });

    it('holds and resumes from the button', async () => {
      const element = await connected();
      getByRole(element, 'button', 'Hold').click();
      await waitUntil(() => queryAllByRole(element, 'button', 'Resume').length === 1, 'Hold never took effect.');
      expect(statusOf(element)).to.equal('The call is on hold.');
      expect(getByRole(element, 'button', 'Resume').getAttribute('aria-pressed')).to.equal('true');

      getByRole(element, 'button', 'Resume').click();
      await waitUntil(() => queryAllByRole(element, 'button', 'Hold').length === 1, 'Resume never took effect.');
      expect(statusOf(element)).to.equal('In a call with Diego Siciliani');
    });

    it('lists participants with mute and speaking', async () => {
      const element = await connected();
      const diego = double.lastCall.remoteParticipants[0]!;
      diego.setMuted(true);
      diego.setSpeaking(true);
      await settle(element);

      const items = getByRole(element, 'region', 'Participants').querySelectorAll('li');
      expect(items).to.have.length(2);
      expect(items[0]!.textContent).to.contain('Adele Vance (you)');
      expect(items[1]!.textContent).to.contain('Diego Siciliani');
      expect(items[1]!.textContent).to.contain('Muted');
      expect(items[1]!.textContent).to.contain('Speaking');
    });

    it('has labelled device pickers', async () => {
      const element = await connected();
      const microphone = element.shadowRoot!.querySelector<HTMLSelectElement>('[part="microphone-select"]')!;
      expect(element.shadowRoot!.querySelector(`label[for="${microphone.id}"]`)?.textContent).to.equal('Microphone');
      expect([...microphone.options].map((option) => option.textContent)).to.deep.equal(['Fake microphone']);
      await expect(element).to.be.accessible();
    });

    it('shows a second call attempt as an error', async () => {
      const element = await connected();
      await element.call(leeId).catch(() => undefined);
      await settle(element);

      expect(alertsOf(element)).to.deep.equal(['A call is already in progress. Hang up first.']);
      expect(getByRole(element, 'button', 'Hang up')).to.exist;
      getByRole(element, 'button', 'Dismiss').click();
      await settle(element);
      expect(alertsOf(element)).to.deep.equal([]);
    });

    it('offers to end the call for an incoming one', async () => {
      const element = await connected();
      double.agent.ringIncoming({ objectId: leeId, displayName: 'Lee Gu' });
      await settle(element);

      const ringing = getByRole(element, 'region', 'Incoming call');
      expect(ringing.textContent).to.contain('Lee Gu is calling. Accepting ends your current call.');
      expect(getByRole(element, 'button', 'End call and accept')).to.exist;
      expect(getByRole(element, 'button', 'Decline')).to.exist;
      expect(getByRole(element, 'button', 'Hang up')).to.exist;
      await expect(element).to.be.accessible();
    });

    it('keeps the call after declining the incoming one', async () => {
      const element = await connected();
      const active = double.lastCall;
      const incoming = double.agent.ringIncoming({ objectId: leeId, displayName: 'Lee Gu' });
      await settle(element);

      getByRole(element, 'button', 'Decline').click();
      await waitUntil(() => incoming.rejectCount === 1, 'Decline never reached the incoming call.');
      await settle(element);

      expect(queryAllByRole(element, 'region', 'Incoming call')).to.deep.equal([]);
      expect(statusOf(element)).to.equal('In a call with Diego Siciliani');

      active.end(0, 5010);
      await settle(element);
      expect(statusOf(element)).to.equal('The call ended.');
    });

    it('ends the call and accepts the incoming one', async () => {
      const element = await connected();
      const active = double.lastCall;
      double.agent.ringIncoming({ objectId: leeId, displayName: 'Lee Gu' });
      await settle(element);

      getByRole(element, 'button', 'End call and accept').click();
      await waitUntil(() => statusOf(element) === 'In a call with Lee Gu', `The status was "${statusOf(element)}".`);
      expect(active.state).to.equal('Disconnected');
    });
  });
});
