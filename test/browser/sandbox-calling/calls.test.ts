import { expect } from '@open-wc/testing';

import type { TeamsCall } from '../../../sandbox/calling/call.js';
import { endReasons, Features, LocalVideoStream, VideoStreamRenderer } from '../../../sandbox/calling/index.js';
import type {
  CallClientPort,
  RaiseHandFeaturePort,
  ReactionFeaturePort,
  ReactionListenerPort,
  RemoteParticipantPort,
  RemoteVideoStreamPort,
  TeamsCallAgentPort,
  TeamsCallPort,
  TeamsIncomingCallPort,
} from '../../../src/services/calling/port.js';
import {
  adele,
  alex,
  connectCall,
  createAgent,
  diego,
  disposeAll,
  dropConnections,
  lee,
  megan,
  mintCommunicationToken,
  nestor,
  nextIncomingCall,
  openCamera,
  renderUntilFrames,
  staticCredential,
  waitFor,
  withVideo,
} from './support.js';

function streamOf(participant: RemoteParticipantPort, type: 'Video' | 'ScreenSharing'): RemoteVideoStreamPort | undefined {
  return participant.videoStreams.find((stream) => stream.mediaStreamType === type);
}

describe('sandbox 1:1 call', () => {
  let adeleClient: CallClientPort;
  let adeleAgent: TeamsCallAgentPort;
  let diegoClient: CallClientPort;
  let diegoAgent: TeamsCallAgentPort;
  let adeleCall: TeamsCallPort;
  let diegoCall: TeamsCallPort;
  let incomingCall: TeamsIncomingCallPort;
  const adeleStates: string[] = [];

  before(async () => {
    ({ client: adeleClient, agent: adeleAgent } = await createAgent(adele.upn));
    ({ client: diegoClient, agent: diegoAgent } = await createAgent(diego.upn));
  });

  after(() => disposeAll());

  it('rings the callee with caller info', async () => {
    const ringing = nextIncomingCall(diegoAgent);

    adeleCall = adeleAgent.startCall({ microsoftTeamsUserId: diego.objectId });
    adeleStates.push(adeleCall.state);
    adeleCall.on('stateChanged', () => adeleStates.push(adeleCall.state));
    incomingCall = await ringing;
    await waitFor(() => adeleCall.state === 'Ringing', 'the caller sees Ringing');

    expect(adeleStates[0]).to.equal('Connecting');
    expect(adeleAgent.calls).to.include(adeleCall);
    expect(incomingCall.id).to.equal(adeleCall.id);
    expect(incomingCall.callerInfo.displayName).to.equal(adele.displayName);
    expect(incomingCall.callerInfo.identifier).to.include({ kind: 'microsoftTeamsUser', microsoftTeamsUserId: adele.objectId });
  });

  it('connects both sides when accepted with video', async () => {
    const camera = await openCamera(diegoClient);

    diegoCall = await incomingCall.accept(withVideo(camera));
    await waitFor(() => adeleCall.state === 'Connected', 'the caller sees Connected');
    await waitFor(() => diegoCall.state === 'Connected', 'the callee sees Connected');

    expect(adeleStates).to.deep.equal(['Connecting', 'Ringing', 'Connected']);
    expect(diegoCall.direction).to.equal('Incoming');
    expect(diegoCall.isLocalVideoStarted).to.equal(true);
    expect(adeleCall.remoteParticipants.map((participant) => participant.displayName)).to.deep.equal([diego.displayName]);
    expect(diegoCall.remoteParticipants.map((participant) => participant.displayName)).to.deep.equal([adele.displayName]);
  });

  it('sends camera video both ways', async () => {
    await adeleCall.startVideo(await openCamera(adeleClient));
    const [diegoSeenByAdele] = adeleCall.remoteParticipants;
    const [adeleSeenByDiego] = diegoCall.remoteParticipants;
    await waitFor(() => streamOf(diegoSeenByAdele!, 'Video')?.isAvailable === true, "Diego's camera is available to Adele");
    await waitFor(() => streamOf(adeleSeenByDiego!, 'Video')?.isAvailable === true, "Adele's camera is available to Diego");

    const videoAtAdele = await renderUntilFrames(streamOf(diegoSeenByAdele!, 'Video')!);
    const videoAtDiego = await renderUntilFrames(streamOf(adeleSeenByDiego!, 'Video')!);

    expect(adeleCall.isLocalVideoStarted).to.equal(true);
    expect(videoAtAdele.videoWidth).to.be.greaterThan(0);
    expect(videoAtDiego.videoWidth).to.be.greaterThan(0);
    // Chromium's fake camera is 4:3 and its fake screen 16:9, so the aspect ratio shows which one arrived.
    expect(videoAtDiego.videoWidth / videoAtDiego.videoHeight).to.be.closeTo(4 / 3, 0.05);
  });

  it('carries audio that shows as speaking', async () => {
    const [adeleSeenByDiego] = diegoCall.remoteParticipants;

    // Chromium's fake microphone beeps, which raises the received audio level now and then.
    await waitFor(() => adeleSeenByDiego!.isSpeaking, 'Diego hears Adele speaking');

    expect(adeleSeenByDiego!.isSpeaking).to.equal(true);
  });

  it('shows mute to the other side', async () => {
    const [adeleSeenByDiego] = diegoCall.remoteParticipants;

    await adeleCall.mute();
    await waitFor(() => adeleSeenByDiego!.isMuted, 'Diego sees Adele muted');
    const mutedAtDiego = adeleSeenByDiego!.isMuted;
    await adeleCall.unmute();
    await waitFor(() => !adeleSeenByDiego!.isMuted, 'Diego sees Adele unmuted');

    expect(mutedAtDiego).to.equal(true);
    expect(adeleCall.isMuted).to.equal(false);
  });

  it('delivers a screen share as a ScreenSharing stream', async () => {
    const [adeleSeenByDiego] = diegoCall.remoteParticipants;

    await adeleCall.startScreenSharing();
    await waitFor(() => streamOf(adeleSeenByDiego!, 'ScreenSharing')?.isAvailable === true, "Adele's share is available to Diego");
    const shareAtDiego = await renderUntilFrames(streamOf(adeleSeenByDiego!, 'ScreenSharing')!);

    expect(adeleCall.isScreenSharingOn).to.equal(true);
    expect(adeleCall.localVideoStreams.map((stream) => stream.mediaStreamType)).to.deep.equal(['Video', 'ScreenSharing']);
    expect(shareAtDiego.videoWidth).to.be.greaterThan(0);
    expect(shareAtDiego.videoWidth / shareAtDiego.videoHeight).to.be.closeTo(16 / 9, 0.05);
    expect(streamOf(adeleSeenByDiego!, 'Video')?.isAvailable).to.equal(true);
  });

  it('makes the share unavailable when stopped', async () => {
    const [adeleSeenByDiego] = diegoCall.remoteParticipants;

    await adeleCall.stopScreenSharing();
    await waitFor(() => streamOf(adeleSeenByDiego!, 'ScreenSharing')?.isAvailable === false, "Adele's share is unavailable to Diego");

    expect(adeleCall.isScreenSharingOn).to.equal(false);
    expect(adeleCall.localVideoStreams.map((stream) => stream.mediaStreamType)).to.deep.equal(['Video']);
  });

  it('stops sharing when the browser ends the capture', async () => {
    const [adeleSeenByDiego] = diegoCall.remoteParticipants;
    await adeleCall.startScreenSharing();
    await waitFor(() => streamOf(adeleSeenByDiego!, 'ScreenSharing')?.isAvailable === true, "Adele's share is available to Diego");
    const share = adeleCall.localVideoStreams.find((stream) => stream.mediaStreamType === 'ScreenSharing')!;
    const [track] = (await share.getMediaStream()).getVideoTracks();

    // The browser's "Stop sharing" button ends the track; a test can only dispatch the event.
    track!.stop();
    track!.dispatchEvent(new Event('ended'));
    await waitFor(() => streamOf(adeleSeenByDiego!, 'ScreenSharing')?.isAvailable === false, "Adele's share is unavailable to Diego");

    expect(adeleCall.isScreenSharingOn).to.equal(false);
  });

  it('keeps the call usable after a cancelled share picker', async () => {
    const original = navigator.mediaDevices.getDisplayMedia;
    navigator.mediaDevices.getDisplayMedia = () => Promise.reject(new DOMException('The user cancelled the picker.', 'NotAllowedError'));
    let error: unknown;
    try {
      await adeleCall.startScreenSharing();
    } catch (caught) {
      error = caught;
    } finally {
      navigator.mediaDevices.getDisplayMedia = original;
    }
    const camera = adeleCall.localVideoStreams[0]!;
    await adeleCall.stopVideo(camera);
    await adeleCall.startVideo(camera);

    expect((error as DOMException).name).to.equal('NotAllowedError');
    expect(adeleCall.isScreenSharingOn).to.equal(false);
    expect(adeleCall.isLocalVideoStarted).to.equal(true);
    expect(adeleCall.state).to.equal('Connected');
  });

  it('holds and resumes', async () => {
    const [adeleSeenByDiego] = diegoCall.remoteParticipants;

    await adeleCall.hold();
    await waitFor(() => adeleSeenByDiego!.state === 'Hold', 'Diego sees Adele holding');
    const heldStates = { adele: adeleCall.state, diego: diegoCall.state };
    await adeleCall.resume();
    await waitFor(() => adeleSeenByDiego!.state === 'Connected', 'Diego sees Adele back');

    expect(heldStates).to.deep.equal({ adele: 'LocalHold', diego: 'RemoteHold' });
    expect(adeleCall.state).to.equal('Connected');
    expect(diegoCall.state).to.equal('Connected');
  });

  it('ends both sides on hang-up with end reasons', async () => {
    await adeleCall.hangUp();
    await waitFor(() => diegoCall.state === 'Disconnected', 'Diego sees Disconnected');

    expect(adeleCall.state).to.equal('Disconnected');
    expect(adeleCall.callEndReason).to.deep.equal(endReasons.hungUpLocally);
    expect(diegoCall.callEndReason).to.deep.equal(endReasons.onlyOneParticipantLeft);
    expect(adeleAgent.calls).to.have.length(0);
    expect(diegoAgent.calls).to.have.length(0);
  });
});

describe('sandbox call setup', () => {
  let adeleAgent: TeamsCallAgentPort;
  let diegoAgent: TeamsCallAgentPort;

  before(async () => {
    ({ agent: adeleAgent } = await createAgent(adele.upn));
    ({ agent: diegoAgent } = await createAgent(diego.upn));
  });

  after(() => disposeAll());

  it('ends a declined call on both sides', async () => {
    const ringing = nextIncomingCall(diegoAgent);
    const call = adeleAgent.startCall({ microsoftTeamsUserId: diego.objectId });
    const incomingCall = await ringing;

    await incomingCall.reject();
    await waitFor(() => call.state === 'Disconnected', 'the caller sees Disconnected');

    expect(incomingCall.callEndReason).to.deep.equal(endReasons.declinedLocally);
    expect(call.callEndReason).to.deep.equal(endReasons.declinedByCallee);
  });

  it('ends a ringing call the caller cancels', async () => {
    const ringing = nextIncomingCall(diegoAgent);
    const call = adeleAgent.startCall({ microsoftTeamsUserId: diego.objectId });
    const incomingCall = await ringing;
    const ended = new Promise<unknown>((resolve) => incomingCall.on('callEnded', ({ callEndReason }) => resolve(callEndReason)));

    await call.hangUp();
    const reason = await ended;

    expect(call.callEndReason).to.deep.equal(endReasons.hungUpLocally);
    expect(reason).to.deep.equal(endReasons.cancelledByCaller);
    expect(incomingCall.callEndReason).to.deep.equal(endReasons.cancelledByCaller);
  });

  it('ends a call to an offline user with no answer', async () => {
    const call = adeleAgent.startCall({ microsoftTeamsUserId: megan.objectId });

    await waitFor(() => call.state === 'Disconnected', 'the call to an offline user ends');

    expect(call.callEndReason).to.deep.equal(endReasons.noAnswer);
  });

  it('ends the call when the other agent is disposed', async () => {
    const { agent: lateDiego } = await createAgent(diego.upn);
    await diegoAgent.dispose();
    const ringing = nextIncomingCall(lateDiego);
    const call = adeleAgent.startCall({ microsoftTeamsUserId: diego.objectId });
    const accepted = await (await ringing).accept();
    await waitFor(() => call.state === 'Connected', 'the caller sees Connected');

    await lateDiego.dispose();
    await waitFor(() => call.state === 'Disconnected', 'the caller sees Disconnected');

    expect(accepted.callEndReason).to.deep.equal(endReasons.hungUpLocally);
    expect(call.callEndReason).to.deep.equal(endReasons.onlyOneParticipantLeft);
  });

  it('rejects an agent whose token expired', async () => {
    const { CallClient } = await import('../../../sandbox/calling/index.js');
    const token = await mintCommunicationToken(adele.upn, -60);

    let error: unknown;
    try {
      await new CallClient().createTeamsCallAgent(staticCredential(token));
    } catch (caught) {
      error = caught;
    }

    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.match(/rejected the Communication Services token: Expired token/);
    expect((error as Error).message).not.to.include(token);
  });

  it('disposes a renderer view twice harmlessly', async () => {
    const stream = new LocalVideoStream((await navigator.mediaDevices.getUserMedia({ video: true })));
    const renderer = new VideoStreamRenderer(stream);
    const view = await renderer.createView({ isMirrored: true });
    document.body.append(view.target);

    view.dispose();
    view.dispose();
    renderer.dispose();
    renderer.dispose();

    expect(view.target.querySelector('video')).to.equal(null);
    expect(view.isMirrored).to.equal(true);
    for (const track of (await stream.getMediaStream()).getTracks()) track.stop();
    view.target.remove();
  });
});

describe('sandbox renegotiation', () => {
  after(() => disposeAll());

  it('survives both sides starting video at once', async () => {
    const { client: alexClient, agent: alexAgent } = await createAgent(alex.upn);
    const { client: leeClient, agent: leeAgent } = await createAgent(lee.upn);
    const { callerCall, calleeCall } = await connectCall(alexAgent, leeAgent, lee.objectId);
    const [alexCamera, leeCamera] = await Promise.all([openCamera(alexClient), openCamera(leeClient)]);

    // Both offers cross on the wire; the polite side must roll back and answer the other.
    await Promise.all([callerCall.startVideo(alexCamera), calleeCall.startVideo(leeCamera)]);
    const [leeSeenByAlex] = callerCall.remoteParticipants;
    const [alexSeenByLee] = calleeCall.remoteParticipants;
    await waitFor(() => streamOf(leeSeenByAlex!, 'Video')?.isAvailable === true, "Lee's camera is available to Alex");
    await waitFor(() => streamOf(alexSeenByLee!, 'Video')?.isAvailable === true, "Alex's camera is available to Lee");
    const videoAtAlex = await renderUntilFrames(streamOf(leeSeenByAlex!, 'Video')!);
    const videoAtLee = await renderUntilFrames(streamOf(alexSeenByLee!, 'Video')!);

    expect(videoAtAlex.videoWidth).to.be.greaterThan(0);
    expect(videoAtLee.videoWidth).to.be.greaterThan(0);
    await callerCall.hangUp();
  });
});

describe('sandbox device manager', () => {
  after(() => disposeAll());

  it('lists devices and selects a microphone', async () => {
    const { client } = await createAgent(alex.upn);
    const deviceManager = await client.getDeviceManager();
    let selectionEvents = 0;
    deviceManager.on('selectedMicrophoneChanged', () => (selectionEvents += 1));

    const access = await deviceManager.askDevicePermission({ audio: true, video: true });
    const cameras = await deviceManager.getCameras();
    const microphones = await deviceManager.getMicrophones();
    await deviceManager.selectMicrophone(microphones[0]!);

    expect(access).to.deep.equal({ audio: true, video: true });
    expect(cameras.length).to.be.greaterThan(0);
    expect(cameras[0]!.name).not.to.equal('');
    expect(microphones.every((microphone) => microphone.deviceType === 'Microphone')).to.equal(true);
    expect(deviceManager.selectedMicrophone).to.equal(microphones[0]);
    expect(selectionEvents).to.equal(1);
  });
});

describe('sandbox lost connection', () => {
  it('keeps the call through a short drop', async () => {
    let leeTokenRequests = 0;
    const leeCredential = {
      getToken: async () => {
        leeTokenRequests += 1;
        return { token: await mintCommunicationToken(lee.upn), expiresOnTimestamp: Date.now() + 3600_000 };
      },
      dispose: () => undefined,
    };
    const { agent: alexAgent } = await createAgent(alex.upn);
    const { agent: leeAgent } = await createAgent(lee.upn, leeCredential);
    const connectionStates: string[] = [];
    leeAgent.on('connectionStateChanged', ({ newValue, reason }) => connectionStates.push(`${newValue}${reason ? `:${reason}` : ''}`));
    const { callerCall, calleeCall } = await connectCall(alexAgent, leeAgent, lee.objectId);
    const [leeSeenByAlex] = callerCall.remoteParticipants;

    await dropConnections(lee.upn);
    await waitFor(() => leeAgent.connectionState === 'Connected' && connectionStates.length === 2, "Lee's agent reconnects");

    expect(connectionStates).to.deep.equal(['Disconnected:connectionIssue', 'Connected']);
    expect(leeTokenRequests).to.equal(2);
    expect(calleeCall.state).to.equal('Connected');
    expect(callerCall.state).to.equal('Connected');
    expect(leeSeenByAlex!.state).to.equal('Connected');

    // Signalling works again after the rejoin: Lee's mute reaches Alex.
    await calleeCall.mute();
    await waitFor(() => leeSeenByAlex!.isMuted, 'Alex sees Lee muted after the reconnection');

    await callerCall.hangUp();
    await waitFor(() => calleeCall.state === 'Disconnected', 'Lee sees the call end');
    expect(calleeCall.callEndReason).to.deep.equal(endReasons.onlyOneParticipantLeft);
  });

  it('ends a call the server no longer keeps after reconnecting', async () => {
    const { agent: alexAgent } = await createAgent(alex.upn);
    const { agent: leeAgent } = await createAgent(lee.upn);
    const { callerCall, calleeCall } = await connectCall(alexAgent, leeAgent, lee.objectId);

    // Alex hangs up while Lee's socket is down, so the call is gone when Lee rejoins.
    await dropConnections(lee.upn);
    await callerCall.hangUp();
    await waitFor(() => calleeCall.state === 'Disconnected', "Lee's call ends after the rejoin");

    expect(calleeCall.callEndReason).to.deep.equal(endReasons.networkError);
  });

  after(() => disposeAll());
});

describe('sandbox group call', () => {
  after(() => disposeAll());

  it('connects three parties as a mesh', async () => {
    const { agent: alexAgent } = await createAgent(alex.upn);
    const { client: leeClient, agent: leeAgent } = await createAgent(lee.upn);
    const { agent: nestorAgent } = await createAgent(nestor.upn);
    const leeRinging = nextIncomingCall(leeAgent);
    const nestorRinging = nextIncomingCall(nestorAgent);

    const alexCall = alexAgent.startCall(
      [{ microsoftTeamsUserId: lee.objectId }, { microsoftTeamsUserId: nestor.objectId }],
      { threadId: '19:sandbox-group@thread.v2' },
    );
    const leeCall = await (await leeRinging).accept(withVideo(await openCamera(leeClient)));
    const nestorCall = await (await nestorRinging).accept();
    const everyoneConnected = (call: TeamsCallPort): boolean =>
      call.remoteParticipants.length === 2 && call.remoteParticipants.every((participant) => participant.state === 'Connected');
    await waitFor(() => [alexCall, leeCall, nestorCall].every(everyoneConnected), 'all three see two connected participants');
    const leeSeenByNestor = nestorCall.remoteParticipants.find((participant) => participant.displayName === lee.displayName)!;
    await waitFor(() => streamOf(leeSeenByNestor, 'Video')?.isAvailable === true, "Lee's camera is available to Nestor");
    const videoAtNestor = await renderUntilFrames(streamOf(leeSeenByNestor, 'Video')!);
    const widthAtNestor = videoAtNestor.videoWidth;

    await alexCall.hangUp();
    await waitFor(() => leeCall.remoteParticipants.length === 1, 'Lee sees Alex leave');
    const stillConnected = { lee: leeCall.state, nestor: nestorCall.state };
    await leeCall.hangUp();
    await waitFor(() => nestorCall.state === 'Disconnected', 'Nestor sees the call end');

    expect(widthAtNestor).to.be.greaterThan(0);
    expect(stillConnected).to.deep.equal({ lee: 'Connected', nestor: 'Connected' });
    expect(leeCall.callEndReason).to.deep.equal(endReasons.hungUpLocally);
    expect(nestorCall.callEndReason).to.deep.equal(endReasons.onlyOneParticipantLeft);
  });

  it('throws for a group call without a thread id', async () => {
    const { agent } = await createAgent(alex.upn);

    const start = (): unknown => agent.startCall([{ microsoftTeamsUserId: lee.objectId }, { microsoftTeamsUserId: nestor.objectId }]);

    expect(start).to.throw(TypeError, /threadId/);
  });
});

describe('sandbox meeting', () => {
  after(() => disposeAll());

  it('admits a guest from the lobby', async () => {
    const { agent: alexAgent } = await createAgent(alex.upn);
    const { agent: leeAgent } = await createAgent(lee.upn);
    const meetingLink = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_admit${Date.now()}%40thread.v2/0`;

    // The lobby is not part of the calling port yet, so the test reads the sandbox's own class.
    const alexCall = alexAgent.join({ meetingLink }) as unknown as TeamsCall;
    await waitFor(() => alexCall.state === 'Connected', 'Alex is in the meeting');
    const leeCall = leeAgent.join({ meetingLink });
    await waitFor(() => leeCall.state === 'InLobby', 'Lee waits in the lobby');
    await waitFor(() => alexCall.lobby.participants.length === 1, 'Alex sees Lee in the lobby');
    const waiting = alexCall.lobby.participants[0]!;
    await alexCall.lobby.admit(waiting.identifier);
    await waitFor(() => leeCall.state === 'Connected', 'Lee is admitted');
    await waitFor(() => alexCall.remoteParticipants.length === 1, 'Alex sees Lee join');
    await leeCall.hangUp();
    await waitFor(() => alexCall.remoteParticipants.length === 0, 'Alex sees Lee leave');

    expect(alexCall.role).to.equal('Organizer');
    expect(waiting.displayName).to.equal(lee.displayName);
    expect(leeCall.role).to.equal('Presenter');
    expect(leeCall.remoteParticipants).to.have.length(0);
    expect(alexCall.lobby.participants).to.have.length(0);
    expect(alexCall.state).to.equal('Connected');
    await alexCall.hangUp();
  });

  it('ends the call of a guest removed from the lobby', async () => {
    const { agent: alexAgent } = await createAgent(alex.upn);
    const { agent: leeAgent } = await createAgent(lee.upn);
    const meeting = { meetingId: `${Date.now()}`, passcode: 'sandbox' };

    const alexCall = alexAgent.join(meeting) as unknown as TeamsCall;
    await waitFor(() => alexCall.state === 'Connected', 'Alex is in the meeting');
    const leeCall = leeAgent.join(meeting);
    await waitFor(() => alexCall.lobby.participants.length === 1, 'Alex sees Lee in the lobby');
    await alexCall.lobby.reject(alexCall.lobby.participants[0]!.identifier);
    await waitFor(() => leeCall.state === 'Disconnected', "Lee's call ends");

    expect(leeCall.callEndReason).to.deep.equal(endReasons.removedFromLobby);
    expect(alexCall.state).to.equal('Connected');
    await alexCall.hangUp();
  });
});

describe('sandbox raise hand and reactions', () => {
  after(() => disposeAll());

  /** A meeting of Alex, Megan and Nestor (Nestor admitted from the lobby), all connected. */
  async function threeInMeeting(): Promise<TeamsCallPort[]> {
    const { agent: alexAgent } = await createAgent(alex.upn);
    const { agent: meganAgent } = await createAgent(megan.upn);
    const { agent: nestorAgent } = await createAgent(nestor.upn);
    const meetingLink = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_hands${Date.now()}%40thread.v2/0`;

    const alexCall = alexAgent.join({ meetingLink });
    await waitFor(() => alexCall.state === 'Connected', 'Alex is in the meeting');
    const meganCall = meganAgent.join({ meetingLink });
    await waitFor(() => meganCall.state === 'Connected', 'Megan is in the meeting');
    const nestorCall = nestorAgent.join({ meetingLink });
    await waitFor(() => alexCall.lobby.participants.length === 1, 'Alex sees Nestor in the lobby');
    await alexCall.lobby.admit(alexCall.lobby.participants[0]!.identifier);
    await waitFor(() => [alexCall, meganCall, nestorCall].every((call) => call.remoteParticipants.length === 2), 'everyone sees two others');
    return [alexCall, meganCall, nestorCall];
  }

  function featuresOf(call: TeamsCallPort): { hands: RaiseHandFeaturePort; reactions: ReactionFeaturePort } {
    return { hands: call.feature(Features.RaiseHand), reactions: call.feature(Features.Reaction) };
  }

  function handOrder(call: TeamsCallPort): string[] {
    return call
      .feature(Features.RaiseHand)
      .getRaisedHands()
      .map((hand) => ('microsoftTeamsUserId' in hand.identifier ? hand.identifier.microsoftTeamsUserId : '?'));
  }

  it('shows raised hands to everyone in raising order', async () => {
    const [alexCall, meganCall, nestorCall] = await threeInMeeting();
    const raised: string[] = [];
    featuresOf(alexCall).hands.on('raisedHandEvent', ({ identifier }) => raised.push('microsoftTeamsUserId' in identifier ? identifier.microsoftTeamsUserId : '?'));

    await featuresOf(nestorCall).hands.raiseHand();
    await waitFor(() => handOrder(alexCall).length === 1, 'Alex sees one raised hand');
    await featuresOf(meganCall).hands.raiseHand();
    await waitFor(() => handOrder(alexCall).length === 2, 'Alex sees two raised hands');
    await waitFor(() => handOrder(nestorCall).length === 2, 'Nestor sees two raised hands');

    expect(handOrder(alexCall)).to.deep.equal([nestor.objectId, megan.objectId]);
    expect(handOrder(nestorCall)).to.deep.equal([nestor.objectId, megan.objectId]);
    expect(raised).to.deep.equal([nestor.objectId, megan.objectId]);

    await featuresOf(nestorCall).hands.lowerHand();
    await waitFor(() => handOrder(alexCall).length === 1, 'Alex sees Nestor lower his hand');
    expect(handOrder(meganCall)).to.deep.equal([megan.objectId]);

    // A participant who leaves takes the raised hand along.
    await meganCall.hangUp();
    await waitFor(() => handOrder(alexCall).length === 0, 'Megan’s hand goes when she leaves');
    expect(handOrder(nestorCall)).to.deep.equal([]);
    await Promise.all([alexCall.hangUp(), nestorCall.hangUp()]);
  });

  it('tells a newcomer which hands are up', async () => {
    const { agent: alexAgent } = await createAgent(alex.upn);
    const { agent: meganAgent } = await createAgent(megan.upn);
    const meeting = { meetingId: `${Date.now()}`, passcode: 'hands' };
    const alexCall = alexAgent.join(meeting);
    await waitFor(() => alexCall.state === 'Connected', 'Alex is in the meeting');
    await featuresOf(alexCall).hands.raiseHand();
    await waitFor(() => handOrder(alexCall).length === 1, 'Alex sees his own hand');

    const meganCall = meganAgent.join(meeting);
    await waitFor(() => meganCall.state === 'Connected', 'Megan is in the meeting');
    await waitFor(() => handOrder(meganCall).length === 1, 'Megan sees the raised hand');
    expect(handOrder(meganCall)).to.deep.equal([alex.objectId]);
    await Promise.all([alexCall.hangUp(), meganCall.hangUp()]);
  });

  it('relays a reaction to the others only', async () => {
    const [alexCall, meganCall, nestorCall] = await threeInMeeting();
    const seen: Record<string, string[]> = { alex: [], megan: [], nestor: [] };
    const record =
      (name: string): ReactionListenerPort =>
      ({ identifier, reactionMessage }) => {
        const sender = 'microsoftTeamsUserId' in identifier ? identifier.microsoftTeamsUserId : '?';
        seen[name]!.push(`${sender}:${reactionMessage.reactionType}`);
      };
    featuresOf(alexCall).reactions.on('reaction', record('alex'));
    featuresOf(meganCall).reactions.on('reaction', record('megan'));
    featuresOf(nestorCall).reactions.on('reaction', record('nestor'));

    await featuresOf(meganCall).reactions.sendReaction({ reactionType: 'applause' });
    await waitFor(() => seen['alex']!.length === 1 && seen['nestor']!.length === 1, 'Alex and Nestor see the reaction');

    expect(seen['alex']).to.deep.equal([`${megan.objectId}:applause`]);
    expect(seen['nestor']).to.deep.equal([`${megan.objectId}:applause`]);
    expect(seen['megan']).to.deep.equal([]);
    await Promise.all([alexCall.hangUp(), meganCall.hangUp(), nestorCall.hangUp()]);
  });

  it('rejects an unknown reaction', async () => {
    const [alexCall, meganCall, nestorCall] = await threeInMeeting();
    const error = await featuresOf(alexCall)
      .reactions.sendReaction({ reactionType: 'wave' as never })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).to.contain('"wave" is not one of like, heart, laugh, surprised, applause');
    await Promise.all([alexCall.hangUp(), meganCall.hangUp(), nestorCall.hangUp()]);
  });
});
