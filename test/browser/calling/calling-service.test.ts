import { expect, waitUntil } from '@open-wc/testing';

import { CallingService } from '../../../src/services/calling/calling-service.js';
import type { AgentStatus } from '../../../src/services/calling/calling-state.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { TeamsError, isTeamsError } from '../../../src/services/errors.js';
import { adele, diego, FakeSession } from './fake-session.js';
import { type FakeLocalVideoStream, PortDouble, mediaError } from './port-double.js';
import { rejectionOf } from '../support/rejection.js';

const diegoId = diego.objectId;

function graphAnswering(user: { id: string; displayName: string }): typeof fetch {
  return (async () => Response.json(user)) as typeof fetch;
}

describe('CallingService', () => {
  let double: PortDouble;
  let loads: number;
  let session: FakeSession;
  let service: CallingService;

  beforeEach(() => {
    double = new PortDouble();
    loads = 0;
    setCallingModuleLoader(async () => {
      loads++;
      return double.module;
    });
    session = new FakeSession().signInAs(adele);
    service = new CallingService(session, { logger: null, fetch: graphAnswering({ id: diegoId, displayName: 'Diego Siciliani' }) });
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
  });

  describe('call agent', () => {
    it('loads nothing until the first call intent', () => {
      expect(loads).to.equal(0);
      expect(service.snapshot.agentStatus).to.equal('idle');
    });

    it('creates one agent with the session credential', async () => {
      await service.prepare();
      await service.prepare();
      expect(loads).to.equal(1);
      expect(double.agents.length).to.equal(1);
      expect((await double.agent.credential.getToken()).token).to.equal('communication-token-for-tests');
      expect(service.snapshot.agentStatus).to.equal('ready');
    });

    it('shares one preparation between concurrent callers', async () => {
      await Promise.all([service.prepare(), service.prepare(), service.prepare()]);
      expect(double.agents.length).to.equal(1);
      expect(double.clients.length).to.equal(1);
    });

    it('reports loading, then creating, then ready', async () => {
      const statuses: AgentStatus[] = [];
      service.subscribe((state) => {
        if (statuses.at(-1) !== state.agentStatus) statuses.push(state.agentStatus);
      });
      await service.prepare();
      expect(statuses).to.deep.equal(['loading-module', 'creating-agent', 'ready']);
    });

    it('rejects while signed out', async () => {
      session.signOut();
      const error = await rejectionOf(service.prepare());
      expect(isTeamsError(error, 'signed-out')).to.equal(true);
      expect(loads).to.equal(0);
    });

    it('reports a failed agent and retries on the next call', async () => {
      double.createAgentError = Object.assign(new Error('Error Fetching Teams user policy'), { code: 500, subCode: 41901 });
      const error = await rejectionOf(service.prepare());
      expect(isTeamsError(error, 'call-agent-failed')).to.equal(true);
      expect((error as Error).message).to.contain('subcode 41901');
      expect(service.snapshot.agentStatus).to.equal('failed');
      expect(double.clients[0]!.disposeCount).to.equal(1);

      await service.prepare();
      expect(service.snapshot.agentStatus).to.equal('ready');
      expect(service.snapshot.agentError).to.equal(undefined);
    });

    it('reports a module that fails to load', async () => {
      setCallingModuleLoader(async () => {
        throw new TeamsError('calling-module-failed', 'Loading failed.');
      });
      const error = await rejectionOf(service.prepare());
      expect(isTeamsError(error, 'calling-module-failed')).to.equal(true);
      expect(service.snapshot.agentStatus).to.equal('failed');
    });

    it('follows the agent connection state', async () => {
      await service.prepare();
      expect(service.snapshot.connectionState).to.equal('Connected');
      double.agent.setConnectionState('Disconnected');
      expect(service.snapshot.connectionState).to.equal('Disconnected');
    });
  });

  describe('outgoing calls', () => {
    it('calls an object id directly', async () => {
      const fetchCalls: string[] = [];
      service = new CallingService(session, {
        logger: null,
        fetch: (async (url: string) => {
          fetchCalls.push(url);
          return Response.json({});
        }) as typeof fetch,
      });
      await service.call(diegoId);
      expect(double.agent.startCallTargets).to.deep.equal([{ microsoftTeamsUserId: diegoId }]);
      // Only the name is looked up, after the call started.
      await waitUntil(() => fetchCalls.length === 1, 'The name was not looked up.');
      expect(fetchCalls).to.deep.equal([`https://localhost/graph/v1.0/users/${diegoId}?$select=id,displayName`]);
      expect(service.snapshot.call?.state).to.equal('Connecting');
      expect(service.snapshot.call?.direction).to.equal('Outgoing');
    });

    it('names an object id\'s call once Graph finds the person', async () => {
      let answer: (response: Response) => void = () => undefined;
      service = new CallingService(session, {
        logger: null,
        fetch: (() => new Promise<Response>((resolve) => (answer = resolve))) as typeof fetch,
      });
      await service.call(diegoId);
      expect(service.snapshot.remoteName).to.equal('0a1b2c3d…fab4');

      answer(Response.json({ id: diegoId, displayName: 'Diego Siciliani' }));
      await waitUntil(() => service.snapshot.remoteName === 'Diego Siciliani', `The name stayed "${service.snapshot.remoteName}".`);
    });

    it('keeps the shortened id when Graph does not find the person', async () => {
      service = new CallingService(session, {
        logger: null,
        fetch: (async () => Response.json({ error: { code: 'Request_ResourceNotFound' } }, { status: 404 })) as typeof fetch,
      });
      await service.call(diegoId);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(service.snapshot.remoteName).to.equal('0a1b2c3d…fab4');
    });

    it('calls a user principal name through the lookup', async () => {
      await service.call('diego.siciliani@fabrikam.com');
      expect(double.agent.startCallTargets).to.deep.equal([{ microsoftTeamsUserId: diegoId }]);
      expect(service.snapshot.remoteName).to.equal('Diego Siciliani');
    });

    it('starts audio only by default', async () => {
      await service.call(diegoId);
      expect(double.agent.startCallOptions).to.deep.equal([undefined]);
      expect(double.deviceManager.permissionRequests).to.deep.equal([{ audio: true, video: false }]);
    });

    it('sends the camera from the start with video', async () => {
      await service.call(diegoId, { video: true });
      const streams = double.agent.startCallOptions[0]?.videoOptions?.localVideoStreams ?? [];
      expect(streams.length).to.equal(1);
      expect((streams[0] as unknown as FakeLocalVideoStream).disposeCount).to.equal(0);
    });

    it('rejects malformed input without loading the SDK', async () => {
      const error = await rejectionOf(service.call('Diego'));
      expect(isTeamsError(error, 'call-target-invalid')).to.equal(true);
      expect(service.snapshot.callError).to.equal(error);
      expect(loads).to.equal(0);
    });

    it('rejects calling yourself without loading the SDK', async () => {
      const error = await rejectionOf(service.call(adele.username));
      expect(isTeamsError(error, 'call-target-self')).to.equal(true);
      expect(loads).to.equal(0);
    });

    it('reports an unknown person', async () => {
      service = new CallingService(session, { logger: null, fetch: (async () => new Response(null, { status: 404 })) as typeof fetch });
      const error = await rejectionOf(service.call('nobody@contoso.com'));
      expect(isTeamsError(error, 'call-target-not-found')).to.equal(true);
      expect(service.snapshot.outgoing).to.equal(undefined);
      expect(double.agents[0]?.startCallTargets ?? []).to.deep.equal([]);
    });

    it('rejects a second call while one is active', async () => {
      await service.call(diegoId);
      const error = await rejectionOf(service.call('0a1b2c3d-0005-4000-8000-00000000fab5'));
      expect(isTeamsError(error, 'call-in-progress')).to.equal(true);
      expect(service.snapshot.call).not.to.equal(undefined);
    });

    it('wraps a startCall failure', async () => {
      await service.prepare();
      double.startCallError = new Error('Invalid participant');
      const error = await rejectionOf(service.call(diegoId));
      expect(isTeamsError(error, 'call-start-failed')).to.equal(true);
      expect(service.snapshot.call).to.equal(undefined);
    });

    it('cancels quietly during the lookup', async () => {
      let answer: (response: Response) => void = () => undefined;
      service = new CallingService(session, {
        logger: null,
        fetch: (() => new Promise<Response>((resolve) => (answer = resolve))) as typeof fetch,
      });
      const calling = service.call('diego.siciliani@fabrikam.com');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(service.snapshot.outgoing?.phase).to.equal('resolving');

      await service.hangUp();
      answer(Response.json({ id: diegoId }));
      await calling;
      expect(service.snapshot.outgoing).to.equal(undefined);
      expect(service.snapshot.callError).to.equal(undefined);
      expect(double.agents[0]?.startCallTargets ?? []).to.deep.equal([]);
    });

    it('follows the call to connected with a participant', async () => {
      await service.call(diegoId);
      double.lastCall.setState('Ringing');
      expect(service.snapshot.call?.state).to.equal('Ringing');
      double.lastCall.connect(diegoId, 'Diego Siciliani');
      expect(service.snapshot.call?.state).to.equal('Connected');
      expect(service.snapshot.call?.remoteParticipants.length).to.equal(1);
    });

    it('keeps the end reason after the call', async () => {
      await service.call('diego.siciliani@fabrikam.com');
      double.lastCall.end(486, 4508);
      expect(service.snapshot.call).to.equal(undefined);
      expect(service.snapshot.lastEndedCall?.reason.kind).to.equal('declined');
      expect(service.snapshot.lastEndedCall?.remoteName).to.equal('Diego Siciliani');
      expect(service.snapshot.lastEndedCall?.missed).to.equal(false);
    });

    it('hangs up the call', async () => {
      await service.call(diegoId);
      double.lastCall.connect();
      await service.hangUp();
      expect(double.lastCall.hangUpCount).to.equal(1);
      expect(service.snapshot.call).to.equal(undefined);
      expect(service.snapshot.lastEndedCall?.reason.kind).to.equal('ended');
    });

    it('stops listening to an ended call', async () => {
      await service.call(diegoId);
      const participant = double.lastCall.connect();
      participant.addVideoStream('Video');
      double.lastCall.end(0, 5010);
      expect(double.lastCall.listenerCount()).to.equal(0);
      expect(participant.listenerCount()).to.equal(0);
    });
  });

  describe('incoming calls', () => {
    beforeEach(async () => {
      await service.prepare();
    });

    it('lists a ringing call with the caller', () => {
      double.agent.ringIncoming({ objectId: diegoId, displayName: 'Diego Siciliani' });
      const [ringing] = service.snapshot.incomingCalls;
      expect(ringing?.callerName).to.equal('Diego Siciliani');
      expect(ringing?.callerObjectId).to.equal(diegoId);
    });

    it('accepts audio only', async () => {
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await service.accept();
      expect(incoming.acceptOptions).to.equal(undefined);
      expect(service.snapshot.incomingCalls).to.deep.equal([]);
      expect(service.snapshot.call?.direction).to.equal('Incoming');
      expect(service.snapshot.remoteName).to.equal('Diego Siciliani');
    });

    it('accepts with video', async () => {
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await service.accept(incoming.id, { video: true });
      const streams = incoming.acceptOptions?.videoOptions?.localVideoStreams ?? [];
      expect(streams.length).to.equal(1);
      expect((streams[0] as unknown as FakeLocalVideoStream).disposeCount).to.equal(0);

      double.lastCall.end(0, 0);
      expect((streams[0] as unknown as FakeLocalVideoStream).disposeCount).to.equal(1);
    });

    it('declines', async () => {
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await service.decline();
      expect(incoming.rejectCount).to.equal(1);
      expect(service.snapshot.incomingCalls).to.deep.equal([]);
      expect(service.snapshot.lastEndedCall).to.equal(undefined);
    });

    it('keeps the active call when declining another', async () => {
      double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await service.accept();
      const active = double.lastCall;

      const second = double.agent.ringIncoming({ objectId: '0a1b2c3d-0005-4000-8000-00000000fab5', displayName: 'Lee Gu' });
      await service.decline(second.id);
      expect(second.rejectCount).to.equal(1);
      expect(service.snapshot.call?.id).to.equal(active.id);

      active.setState('LocalHold');
      expect(service.snapshot.call?.state).to.equal('LocalHold');
    });

    it('hangs up the active call before accepting another', async () => {
      double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      await service.accept();
      const first = double.lastCall;

      const second = double.agent.ringIncoming({ displayName: 'Lee Gu' });
      await service.accept(second.id);
      expect(first.hangUpCount).to.equal(1);
      expect(service.snapshot.call?.id).to.equal(second.id);
    });

    it('reports a call that stopped ringing as missed', () => {
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      incoming.cancelByCaller();
      expect(service.snapshot.incomingCalls).to.deep.equal([]);
      expect(service.snapshot.lastEndedCall?.missed).to.equal(true);
      expect(service.snapshot.lastEndedCall?.reason.kind).to.equal('cancelled');
      expect(incoming.listenerCount()).to.equal(0);
    });

    it('rejects accepting when nothing rings', async () => {
      const error = await rejectionOf(service.accept());
      expect(isTeamsError(error, 'incoming-call-not-found')).to.equal(true);
    });
  });

  describe('devices', () => {
    beforeEach(async () => {
      await service.call(diegoId);
      double.lastCall.connect();
    });

    it('turns the camera on and off', async () => {
      await service.startVideo();
      expect(service.snapshot.call?.isLocalVideoStarted).to.equal(true);
      await service.stopVideo();
      expect(service.snapshot.call?.isLocalVideoStarted).to.equal(false);
    });

    it('reports a camera in use, not a permission problem', async () => {
      double.failures.startVideo.push(mediaError('NotReadableError'));
      await service.startVideo();
      expect(service.snapshot.deviceProblems).to.have.length(1);
      expect(service.snapshot.deviceProblems[0]!.kind).to.equal('in-use');
      expect(service.snapshot.call?.isLocalVideoStarted).to.equal(false);
    });

    it('reports a blocked camera as permission denied', async () => {
      double.failures.startVideo.push(mediaError('NotAllowedError'));
      await service.startVideo();
      expect(service.snapshot.deviceProblems[0]!.kind).to.equal('permission-denied');
    });

    it('reports a missing camera', async () => {
      double.cameras = [];
      await service.startVideo();
      expect(service.snapshot.deviceProblems[0]).to.include({ device: 'camera', kind: 'not-found' });
    });

    it('clears the camera problem once the camera starts', async () => {
      double.failures.startVideo.push(mediaError('NotReadableError'));
      await service.startVideo();
      await service.startVideo();
      expect(service.snapshot.deviceProblems).to.deep.equal([]);
      expect(service.snapshot.call?.isLocalVideoStarted).to.equal(true);
    });

    it('treats a cancelled screen picker as no error', async () => {
      double.failures.startScreenSharing.push(mediaError('NotAllowedError', 'Permission denied by user'));
      await service.startScreenSharing();
      expect(service.snapshot.deviceProblems).to.deep.equal([]);
      expect(service.snapshot.call?.isScreenSharingOn).to.equal(false);
    });

    it('keeps the camera working after a cancelled picker', async () => {
      double.failures.startScreenSharing.push(mediaError('NotAllowedError'));
      await service.startScreenSharing();
      await service.startVideo();
      expect(service.snapshot.call?.isLocalVideoStarted).to.equal(true);
      await service.startScreenSharing();
      expect(service.snapshot.call?.isScreenSharingOn).to.equal(true);
    });

    it('reports another screen sharing failure', async () => {
      double.failures.startScreenSharing.push(new Error('Screen capture failed'));
      await service.startScreenSharing();
      expect(service.snapshot.deviceProblems[0]).to.include({ device: 'screen', kind: 'failed' });
    });

    it('mutes and unmutes', async () => {
      await service.mute();
      expect(service.snapshot.call?.isMuted).to.equal(true);
      await service.unmute();
      expect(service.snapshot.call?.isMuted).to.equal(false);
    });

    it('rejects device actions without a call', async () => {
      await service.hangUp();
      const error = await rejectionOf(service.startVideo());
      expect(isTeamsError(error, 'no-active-call')).to.equal(true);
    });

    it('disposes the camera stream when the call ends', async () => {
      await service.startVideo();
      const [stream] = double.lastCall.localVideoStreams as FakeLocalVideoStream[];
      double.lastCall.end(0, 5010);
      expect(stream!.disposeCount).to.equal(1);
    });

    it('clears device problems when the call ends', async () => {
      double.failures.startVideo.push(mediaError('NotReadableError'));
      await service.startVideo();
      double.lastCall.end(0, 5010);
      expect(service.snapshot.deviceProblems).to.deep.equal([]);
    });
  });

  it('reports a blocked microphone when a call starts', async () => {
    double.permission = { audio: false, video: true };
    await service.call(diegoId);
    expect(service.snapshot.deviceProblems[0]).to.include({ device: 'microphone', kind: 'permission-denied' });
    expect(service.snapshot.call).not.to.equal(undefined);
  });

  describe('session changes', () => {
    it('disposes the agent once on sign-out', async () => {
      await service.call(diegoId);
      const call = double.lastCall;
      call.connect();
      session.signOut();
      await new Promise((resolve) => setTimeout(resolve, 0));

      expect(call.hangUpCount).to.equal(1);
      expect(double.agent.disposeCount).to.equal(1);
      expect(double.clients[0]!.disposeCount).to.equal(1);
      expect(service.snapshot.agentStatus).to.equal('idle');
      expect(service.snapshot.call).to.equal(undefined);
      expect(double.agent.listenerCount()).to.equal(0);
    });

    it('creates a new agent for another account', async () => {
      await service.prepare();
      session.signInAs(diego);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(double.agents[0]!.disposeCount).to.equal(1);

      await service.prepare();
      expect(double.agents.length).to.equal(2);
    });

    it('keeps the agent when the same account signs in again', async () => {
      await service.prepare();
      session.signInAs(adele);
      expect(double.agent.disposeCount).to.equal(0);
      expect(service.snapshot.agentStatus).to.equal('ready');
    });

    it('disposes an agent that finished connecting after sign-out', async () => {
      let open: () => void = () => undefined;
      double.createAgentGate = new Promise((resolve) => (open = resolve));
      const preparing = service.prepare();
      await new Promise((resolve) => setTimeout(resolve, 0));

      session.signOut();
      double.createAgentGate = undefined;
      open();
      const error = await rejectionOf(preparing);
      expect(isTeamsError(error, 'signed-out')).to.equal(true);
      expect(double.agent.disposeCount).to.equal(1);
      expect(service.snapshot.agentStatus).to.equal('idle');
    });

    it('stops listening to ringing calls on sign-out', async () => {
      await service.prepare();
      const incoming = double.agent.ringIncoming({ displayName: 'Diego Siciliani' });
      session.signOut();
      expect(incoming.listenerCount()).to.equal(0);
      expect(service.snapshot.incomingCalls).to.deep.equal([]);
    });
  });

  it('counts screen share views', () => {
    const removeFirst = service.addScreenShareView();
    const removeSecond = service.addScreenShareView();
    expect(service.snapshot.screenShareViews).to.equal(2);
    removeFirst();
    removeFirst();
    expect(service.snapshot.screenShareViews).to.equal(1);
    removeSecond();
    expect(service.snapshot.screenShareViews).to.equal(0);
  });
});
