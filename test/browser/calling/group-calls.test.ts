import { expect } from '@open-wc/testing';

import { CallingService } from '../../../src/services/calling/calling-service.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { isTeamsError } from '../../../src/services/errors.js';
import { rejectionOf } from '../support/rejection.js';
import { adele, FakeSession } from './fake-session.js';
import { PortDouble } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const leeId = '0a1b2c3d-0005-4000-8000-00000000fab5';
const existingThread = '19:existing@thread.v2';
const createdThread = '19:created@thread.v2';

interface GraphRequest {
  method: string;
  url: string;
  body: unknown;
}

/** A Graph stub with a list of chats. `POST /chats` returns `createdThread`, or fails with `createStatus`. */
function graphStub(chats: Array<{ id: string; chatType: string; memberIds: string[] }>, createStatus = 201): { fetch: typeof fetch; requests: GraphRequest[] } {
  const requests: GraphRequest[] = [];
  const stub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    requests.push({ method, url, body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) });

    if (method === 'GET' && url.includes('/me/chats')) {
      return Response.json({ value: chats.map((chat) => ({ id: chat.id, chatType: chat.chatType, members: chat.memberIds.map((userId) => ({ userId })) })) });
    }
    if (method === 'POST' && url.endsWith('/v1.0/chats')) {
      return createStatus === 201 ? Response.json({ id: createdThread }, { status: 201 }) : new Response('{}', { status: createStatus });
    }
    return new Response('{}', { status: 404 });
  };
  return { fetch: stub as typeof fetch, requests };
}

describe('CallingService group calls and meetings', () => {
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

  describe('group calls', () => {
    it('uses the existing group chat as thread', async () => {
      const graph = graphStub([
        { id: '19:other@thread.v2', chatType: 'group', memberIds: [adele.objectId, diegoId] },
        { id: existingThread, chatType: 'group', memberIds: [adele.objectId, diegoId, leeId] },
      ]);
      const service = new CallingService(session, { logger: null, fetch: graph.fetch });

      await service.call(`${diegoId}, ${leeId}`);

      expect(double.agent.startCallTargets).to.deep.equal([{ microsoftTeamsUserId: diegoId }, { microsoftTeamsUserId: leeId }]);
      expect(double.agent.startCallOptions[0]?.threadId).to.equal(existingThread);
      expect(graph.requests.filter((request) => request.method === 'POST')).to.have.length(0);
      expect(service.snapshot.callKind).to.equal('group');
    });

    it('creates the group chat when none exists', async () => {
      const graph = graphStub([{ id: '19:one@unq.gbl.spaces', chatType: 'oneOnOne', memberIds: [adele.objectId, diegoId] }]);
      const service = new CallingService(session, { logger: null, fetch: graph.fetch });

      await service.call([diegoId, leeId]);

      const post = graph.requests.find((request) => request.method === 'POST');
      expect(post?.url).to.equal('https://localhost/graph/v1.0/chats');
      const body = post?.body as { chatType: string; members: Array<Record<string, unknown>> };
      expect(body.chatType).to.equal('group');
      expect(body.members.map((member) => member['user@odata.bind'])).to.have.members([
        `https://localhost/graph/v1.0/users('${adele.objectId}')`,
        `https://localhost/graph/v1.0/users('${diegoId}')`,
        `https://localhost/graph/v1.0/users('${leeId}')`,
      ]);
      expect(body.members.every((member) => member['@odata.type'] === '#microsoft.graph.aadUserConversationMember')).to.equal(true);
      expect(double.agent.startCallOptions[0]?.threadId).to.equal(createdThread);
    });

    it('reports a refused chat creation', async () => {
      const graph = graphStub([], 403);
      const service = new CallingService(session, { logger: null, fetch: graph.fetch });

      const error = await rejectionOf(service.call([diegoId, leeId]));

      expect(isTeamsError(error, 'group-chat-forbidden')).to.equal(true);
      expect(service.snapshot.callError?.code).to.equal('group-chat-forbidden');
      expect(service.snapshot.outgoing).to.equal(undefined);
      expect(double.agent.startCallTargets).to.deep.equal([]);
    });

    it('rejects one person named twice', async () => {
      const service = new CallingService(session, { logger: null, fetch: graphStub([]).fetch });
      const error = await rejectionOf(service.call(`${diegoId}; 8:orgid:${diegoId}`));
      expect(isTeamsError(error, 'call-target-duplicate')).to.equal(true);
    });

    it('rejects a list that names the user', async () => {
      const service = new CallingService(session, { logger: null, fetch: graphStub([]).fetch });
      const error = await rejectionOf(service.call(`${diegoId}, ${adele.username}`));
      expect(isTeamsError(error, 'call-target-self')).to.equal(true);
      expect(double.agents).to.have.length(0);
    });
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
