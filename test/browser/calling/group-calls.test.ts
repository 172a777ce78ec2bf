/**
 * Group calls and meetings through the calling service. Group calls find or create their chat in
 * the sandbox's Graph emulator through a signed-in session; the calling side is the port double.
 */
import { expect } from '@open-wc/testing';

import { CallingService } from '../../../src/services/calling/calling-service.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { isTeamsError } from '../../../src/services/errors.js';
import type { Session } from '../../../src/services/session/session.js';
import { rejectionOf } from '../support/rejection.js';
import { sandboxOrigin } from '../support/sandbox.js';
import { mintEntraToken, resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { adele, FakeSession } from './fake-session.js';
import { PortDouble } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const leeId = '0a1b2c3d-0005-4000-8000-00000000fab5';

// Each group call test uses people no other test file puts in a group chat together, since the
// in-process sandbox keeps its chats for the whole run.
const alex = { upn: 'alex.wilber@contoso.com', id: '0a1b2c3d-0002-4000-8000-00000000c0a2' };
const megan = { upn: 'megan.bowen@contoso.com', id: '0a1b2c3d-0003-4000-8000-00000000c0a3' };
const nestor = { upn: 'nestor.wilke@fabrikam.com', id: '0a1b2c3d-0006-4000-8000-00000000fab6' };

/** Sends a Graph request to the emulator as a sandbox user. */
async function graphAs(user: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const { accessToken } = await mintEntraToken(user, 'graph');
  return fetch(`${sandboxOrigin}/graph/v1.0${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** Ids of the user's group chats whose members are exactly `memberIds`, from every page of `/me/chats`. */
async function groupChatsOf(user: string, memberIds: string[]): Promise<string[]> {
  const expected = [...memberIds].sort().join(',');
  const found: string[] = [];
  let path: string | undefined = '/me/chats?$expand=members&$top=50';
  while (path !== undefined) {
    const response = await graphAs(user, path);
    expect(response.status).to.equal(200);
    const page = (await response.json()) as { value: Array<{ id: string; chatType: string; members: Array<{ userId: string }> }>; '@odata.nextLink'?: string };
    for (const chat of page.value) {
      if (chat.chatType === 'group' && chat.members.map((member) => member.userId).sort().join(',') === expected) found.push(chat.id);
    }
    const next = page['@odata.nextLink'];
    path = next === undefined ? undefined : next.slice(next.indexOf('/graph/v1.0') + '/graph/v1.0'.length);
  }
  return found;
}

async function armFault(name: string, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/faults/${name}`, { method: 'POST', body: JSON.stringify(fault) });
  expect(response.status).to.equal(204);
}

describe('CallingService group calls against the Graph emulator', () => {
  let double: PortDouble;
  let session: Session;
  let service: CallingService;

  beforeEach(async () => {
    double = new PortDouble();
    setCallingModuleLoader(async () => double.module);
    session = await signInTestSession(adele.username);
    service = new CallingService(session, { logger: null });
  });

  afterEach(async () => {
    await service.reset();
    setCallingModuleLoader(undefined);
    resetTestSessions();
    await fetch(`${sandboxOrigin}/__sandbox/faults`, { method: 'DELETE' });
  });

  it('reuses the group chat that exists', async () => {
    // Alex creates the chat, so Adele finds it only through her own chat list.
    const created = await graphAs(alex.upn, '/chats', {
      method: 'POST',
      body: {
        chatType: 'group',
        members: [alex.id, adele.objectId, nestor.id].map((id) => ({
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          roles: ['owner'],
          'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')`,
        })),
      },
    });
    expect(created.status).to.equal(201);
    const chatId = ((await created.json()) as { id: string }).id;

    // Alex is of Adele's tenant, so Graph looks him up by address; Nestor is of another tenant.
    await service.call(`${alex.upn}, ${nestor.id}`);

    expect(double.agent.startCallTargets).to.deep.equal([{ microsoftTeamsUserId: alex.id }, { microsoftTeamsUserId: nestor.id }]);
    expect(double.agent.startCallOptions[0]?.threadId).to.equal(chatId);
    expect(service.snapshot.callKind).to.equal('group');
    expect(await groupChatsOf(adele.username, [adele.objectId, alex.id, nestor.id])).to.deep.equal([chatId]);
  });

  it('creates the missing chat once', async () => {
    const members = [adele.objectId, megan.id, nestor.id];
    expect(await groupChatsOf(adele.username, members), 'no other test may create this chat').to.deep.equal([]);

    await service.call([megan.upn, nestor.id]);
    const threadId = double.agent.startCallOptions[0]?.threadId;
    expect(threadId).to.match(/^19:[0-9a-f]+@thread\.v2$/);
    expect(await groupChatsOf(adele.username, members)).to.deep.equal([threadId]);
    // The others see the new chat too.
    expect(await groupChatsOf(nestor.upn, members)).to.deep.equal([threadId]);

    double.lastCall.end(0, 0);
    await service.call(`${nestor.id}; ${megan.upn}`);

    expect(double.agent.startCallOptions[1]?.threadId).to.equal(threadId);
    expect(await groupChatsOf(adele.username, members)).to.deep.equal([threadId]);
  });

  it('reports a refused chat creation', async () => {
    await armFault('graph.create-chat', { status: 403 });

    const error = await rejectionOf(service.call([alex.id, leeId]));

    expect(isTeamsError(error, 'group-chat-forbidden')).to.equal(true);
    expect((error as Error).message).to.contain('Creating the group chat for the call was refused by Microsoft Graph (HTTP 403)');
    expect(service.snapshot.callError?.code).to.equal('group-chat-forbidden');
    expect(service.snapshot.outgoing).to.equal(undefined);
    expect(double.agent.startCallTargets).to.deep.equal([]);
    expect(await groupChatsOf(adele.username, [adele.objectId, alex.id, leeId])).to.deep.equal([]);
  });

  it('reports a failed creation as retryable', async () => {
    await armFault('graph.create-chat', { status: 500 });

    const error = await rejectionOf(service.call([alex.id, leeId]));

    expect(isTeamsError(error, 'group-chat-failed')).to.equal(true);
    expect((error as Error).message).to.contain('Creating the group chat for the call failed with HTTP 500');
    expect(service.snapshot.callError?.retryable).to.equal(true);
    expect(double.agent.startCallTargets).to.deep.equal([]);

    // The fault applied once: calling again creates the chat and starts the call.
    await service.call([alex.id, leeId]);
    const threadId = double.agent.startCallOptions[0]?.threadId;
    expect(await groupChatsOf(adele.username, [adele.objectId, alex.id, leeId])).to.deep.equal([threadId]);
  });

  it('rejects one person named twice', async () => {
    const error = await rejectionOf(service.call(`${diegoId}; 8:orgid:${diegoId}`));
    expect(isTeamsError(error, 'call-target-duplicate')).to.equal(true);
  });

  it('rejects a list that names the user', async () => {
    const error = await rejectionOf(service.call(`${diegoId}, ${adele.username}`));
    expect(isTeamsError(error, 'call-target-self')).to.equal(true);
    expect(double.agents).to.have.length(0);
  });
});

describe('CallingService meetings and calls in progress', () => {
  let double: PortDouble;
  let session: FakeSession;

  beforeEach(() => {
    double = new PortDouble();
    setCallingModuleLoader(async () => double.module);
    session = new FakeSession().signInAs(adele);
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
  });

  describe('meetings', () => {
    let service: CallingService;

    beforeEach(() => {
      service = new CallingService(session, { logger: null });
    });

    it('joins by link', async () => {
      const link = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d';
      await service.join(link);
      expect(double.agent.joinLocators).to.deep.equal([{ meetingLink: link }]);
      expect(service.snapshot.callKind).to.equal('meeting');
    });

    it('joins by id and passcode', async () => {
      await service.join('123 456 789 012', ' Ab3dE9 ');
      expect(double.agent.joinLocators).to.deep.equal([{ meetingId: '123456789012', passcode: 'Ab3dE9' }]);
    });

    it('rejects a link that is not a meeting', async () => {
      const error = await rejectionOf(service.join('https://contoso.sharepoint.com/sites/sales'));
      expect(isTeamsError(error, 'meeting-link-invalid')).to.equal(true);
      expect(service.snapshot.callError?.code).to.equal('meeting-link-invalid');
      expect(double.agents).to.have.length(0);
    });

    it('rejects a malformed meeting id', async () => {
      const error = await rejectionOf(service.join('12 34'));
      expect(isTeamsError(error, 'meeting-id-invalid')).to.equal(true);
    });

    it('rejects a passcode with symbols', async () => {
      const error = await rejectionOf(service.join('123456789012', 'pass code!'));
      expect(isTeamsError(error, 'meeting-passcode-invalid')).to.equal(true);
    });

    it('shows the lobby wait and its end', async () => {
      await service.join('123456789012');
      double.lastCall.setState('InLobby');
      expect(service.snapshot.call?.state).to.equal('InLobby');

      double.lastCall.end(0, 5854);
      expect(service.snapshot.call).to.equal(undefined);
      expect(service.snapshot.lastEndedCall?.reason.kind).to.equal('removed-from-lobby');
      expect(service.snapshot.lastEndedCall?.kind).to.equal('meeting');
    });

    it('lists lobby participants and admits one', async () => {
      await service.join('123456789012');
      const call = double.lastCall;
      call.setRole('Organizer');
      call.setState('Connected');
      const waiting = call.lobby.addWaiting(diegoId, 'Diego Siciliani');

      const listed = service.snapshot.call?.lobbyParticipants ?? [];
      expect(listed.map((participant) => participant.displayName)).to.deep.equal(['Diego Siciliani']);
      expect(service.snapshot.call?.role).to.equal('Organizer');

      await service.admit(listed[0]!.key);
      expect(call.lobby.admitted).to.deep.equal([waiting.identifier]);

      call.lobby.removeWaiting(waiting);
      expect(service.snapshot.call?.lobbyParticipants).to.deep.equal([]);
    });

    it('removes a lobby participant and admits all', async () => {
      await service.join('123456789012');
      const call = double.lastCall;
      call.setState('Connected');
      const waiting = call.lobby.addWaiting(leeId, 'Lee Gu');

      await service.removeFromLobby(service.snapshot.call!.lobbyParticipants[0]!.key);
      await service.admitAll();

      expect(call.lobby.rejected).to.deep.equal([waiting.identifier]);
      expect(call.lobby.admitAllCount).to.equal(1);
    });

    it('reports an unknown lobby participant', async () => {
      await service.join('123456789012');
      const error = await rejectionOf(service.admit('8:orgid:nobody'));
      expect(isTeamsError(error, 'lobby-participant-not-found')).to.equal(true);
    });

    it('ends a meeting for everyone', async () => {
      await service.join('123456789012');
      double.lastCall.setState('Connected');
      await service.hangUp({ forEveryone: true });
      expect(double.lastCall.hangUpOptions).to.deep.equal([{ forEveryone: true }]);
    });
  });

  describe('during a call', () => {
    let service: CallingService;

    beforeEach(async () => {
      service = new CallingService(session, { logger: null });
      await service.call(diegoId);
      double.lastCall.connect(diegoId, 'Diego Siciliani');
    });

    it('holds and resumes', async () => {
      await service.hold();
      expect(service.snapshot.call?.state).to.equal('LocalHold');
      await service.resume();
      expect(service.snapshot.call?.state).to.equal('Connected');
      expect(double.lastCall.holdCount).to.equal(1);
      expect(double.lastCall.resumeCount).to.equal(1);
    });

    it('refuses a second call and says why', async () => {
      const error = await rejectionOf(service.call(leeId));
      expect(isTeamsError(error, 'call-in-progress')).to.equal(true);
      expect(service.snapshot.callError?.code).to.equal('call-in-progress');
      expect(service.snapshot.call?.state).to.equal('Connected');
      expect(double.agent.calls).to.have.length(1);
    });

    it('refuses a meeting join during a call', async () => {
      const error = await rejectionOf(service.join('123456789012'));
      expect(isTeamsError(error, 'call-in-progress')).to.equal(true);
      expect(double.agent.joinLocators).to.deep.equal([]);
    });

    it('keeps the call when an incoming call is declined', async () => {
      const active = double.lastCall;
      const incoming = double.agent.ringIncoming({ objectId: leeId, displayName: 'Lee Gu' });
      expect(service.snapshot.incomingCalls).to.have.length(1);

      await service.decline(incoming.id);

      expect(incoming.rejectCount).to.equal(1);
      expect(service.snapshot.incomingCalls).to.deep.equal([]);
      expect(service.snapshot.call?.id).to.equal(active.id);
      expect(service.snapshot.call?.state).to.equal('Connected');

      // The first call's end is still detected after the decline.
      active.end(0, 5010);
      expect(service.snapshot.call).to.equal(undefined);
      expect(service.snapshot.lastEndedCall?.id).to.equal(active.id);
      expect(service.snapshot.lastEndedCall?.reason.kind).to.equal('ended');
    });

    it('ends the call to accept an incoming one', async () => {
      const active = double.lastCall;
      const incoming = double.agent.ringIncoming({ objectId: leeId, displayName: 'Lee Gu' });

      await service.accept(incoming.id);

      expect(active.hangUpCount).to.equal(1);
      expect(active.state).to.equal('Disconnected');
      expect(service.snapshot.call?.id).to.equal(incoming.id);
      expect(service.snapshot.remoteName).to.equal('Lee Gu');
    });
  });

  describe('devices', () => {
    let service: CallingService;
    const secondCamera = { id: 'camera-2', name: 'Second camera', deviceType: 'UsbCamera' as const };
    const secondMicrophone = { id: 'microphone-2', name: 'Headset', deviceType: 'Microphone' as const, isSystemDefault: false };

    beforeEach(async () => {
      double.cameras = [...double.cameras, secondCamera];
      double.microphones = [...double.microphones, secondMicrophone];
      service = new CallingService(session, { logger: null });
      await service.call(diegoId);
      double.lastCall.connect(diegoId, 'Diego Siciliani');
      await service.refreshDevices();
    });

    it('lists devices for the pickers', () => {
      expect(service.snapshot.devices.cameras.map((camera) => camera.id)).to.deep.equal(['camera-1', 'camera-2']);
      expect(service.snapshot.devices.microphones.map((microphone) => microphone.id)).to.deep.equal(['microphone-1', 'microphone-2']);
      expect(service.snapshot.devices.speakers.map((speaker) => speaker.id)).to.deep.equal(['speaker-1']);
    });

    it('falls back when the selected microphone is unplugged', async () => {
      await service.selectMicrophone('microphone-2');
      expect(double.deviceManager.selectedMicrophone?.id).to.equal('microphone-2');

      double.microphones = double.microphones.filter((microphone) => microphone.id !== 'microphone-2');
      double.deviceManager.announceAudioDevices([], [secondMicrophone]);
      await waitForCondition(() => double.deviceManager.selectedMicrophone?.id === 'microphone-1');

      expect(service.snapshot.devices.selectedMicrophoneId).to.equal('microphone-1');
      expect(service.snapshot.call?.state).to.equal('Connected');
    });

    it('moves the video when its camera is unplugged', async () => {
      await service.selectCamera('camera-2');
      await service.startVideo();
      const stream = double.lastCall.localVideoStreams[0] as unknown as { source: { id: string }; switchedTo: Array<{ id: string }> };
      expect(stream.source.id).to.equal('camera-2');

      double.cameras = double.cameras.filter((camera) => camera.id !== 'camera-2');
      double.deviceManager.announceVideoDevices([], [secondCamera]);
      await waitForCondition(() => stream.switchedTo.length === 1);

      expect(stream.switchedTo[0]?.id).to.equal('camera-1');
      expect(service.snapshot.devices.selectedCameraId).to.equal('camera-1');
      expect(service.snapshot.call?.isLocalVideoStarted).to.equal(true);
    });

    it('stops the video when the last camera is unplugged', async () => {
      await service.startVideo();
      const removed = double.cameras;
      double.cameras = [];
      double.deviceManager.announceVideoDevices([], removed);
      await waitForCondition(() => service.snapshot.call?.isLocalVideoStarted === false);

      expect(service.snapshot.deviceProblems.map((problem) => `${problem.device}:${problem.kind}`)).to.deep.equal(['camera:not-found']);
      expect(service.snapshot.call?.state).to.equal('Connected');
    });

    it('rejects an unknown device id', async () => {
      const error = await rejectionOf(service.selectMicrophone('no-such-device'));
      expect(isTeamsError(error, 'device-not-found')).to.equal(true);
    });
  });
});

async function waitForCondition(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('The condition did not become true within 2 s.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
