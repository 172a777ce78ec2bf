import { expect } from '@open-wc/testing';

import { type CallSnapshot, CallStore } from '../../../src/services/calling/call-store.js';
import { FakeCall, FakeLocalVideoStream } from './port-double.js';

function newCall(): FakeCall {
  return new FakeCall('call-1', 'Outgoing', { identifier: undefined }, { startVideo: [], startScreenSharing: [] }, 'Connecting');
}

describe('CallStore', () => {
  it('starts from the call as it is', () => {
    const store = new CallStore(newCall());
    expect(store.snapshot.state).to.equal('Connecting');
    expect(store.snapshot.remoteParticipants).to.deep.equal([]);
    expect(store.snapshot.isMuted).to.equal(false);
  });

  it('follows the call state', () => {
    const call = newCall();
    const store = new CallStore(call);
    call.setState('Ringing');
    expect(store.snapshot.state).to.equal('Ringing');
  });

  it('notifies subscribers with the new snapshot', () => {
    const call = newCall();
    const store = new CallStore(call);
    const seen: CallSnapshot[] = [];
    store.subscribe((snapshot) => seen.push(snapshot));
    call.setState('Ringing');
    call.setState('Connected');
    expect(seen.map((snapshot) => snapshot.state)).to.deep.equal(['Ringing', 'Connected']);
  });

  it('replaces the snapshot instead of mutating it', () => {
    const call = newCall();
    const store = new CallStore(call);
    const before = store.snapshot;
    call.setState('Connected');
    expect(before.state).to.equal('Connecting');
    expect(store.snapshot).not.to.equal(before);
  });

  it('tracks remote participants and their state', () => {
    const call = newCall();
    const store = new CallStore(call);
    const participant = call.connect('b0000000-0000-4000-8000-000000000009', 'Lee Gu');
    participant.setMuted(true);
    participant.setSpeaking(true);

    const [snapshot] = store.snapshot.remoteParticipants;
    expect(snapshot?.displayName).to.equal('Lee Gu');
    expect(snapshot?.isMuted).to.equal(true);
    expect(snapshot?.isSpeaking).to.equal(true);
    expect(snapshot?.key).to.equal('8:orgid:b0000000-0000-4000-8000-000000000009');
  });

  it('follows a display name that arrives later', () => {
    const call = newCall();
    const store = new CallStore(call);
    const participant = call.connect('b0000000-0000-4000-8000-000000000009', undefined);
    participant.setDisplayName('Lee Gu');
    expect(store.snapshot.remoteParticipants[0]?.displayName).to.equal('Lee Gu');
  });

  it('tracks camera and screen share streams', () => {
    const call = newCall();
    const store = new CallStore(call);
    const participant = call.connect();
    participant.addVideoStream('Video');
    const share = participant.addVideoStream('ScreenSharing', false);

    const streams = store.snapshot.remoteParticipants[0]!.videoStreams;
    expect(streams.map((stream) => stream.mediaStreamType)).to.deep.equal(['Video', 'ScreenSharing']);
    expect(streams[1]!.isAvailable).to.equal(false);

    share.setAvailable(true);
    expect(store.snapshot.remoteParticipants[0]!.videoStreams[1]!.isAvailable).to.equal(true);
  });

  it('drops a removed stream', () => {
    const call = newCall();
    const store = new CallStore(call);
    const participant = call.connect();
    const stream = participant.addVideoStream('Video');
    participant.removeVideoStream(stream);
    expect(store.snapshot.remoteParticipants[0]!.videoStreams).to.deep.equal([]);
  });

  it('stops listening to a removed stream', () => {
    const call = newCall();
    new CallStore(call);
    const participant = call.connect();
    const stream = participant.addVideoStream('Video');
    participant.removeVideoStream(stream);
    expect(stream.listenerCount()).to.equal(0);
  });

  it('stops listening to a removed participant and its streams', () => {
    const call = newCall();
    new CallStore(call);
    const participant = call.connect();
    const stream = participant.addVideoStream('Video');

    // The SDK may empty `videoStreams` before it reports the participant as removed.
    participant.videoStreams = [];
    call.removeParticipant(participant);
    expect(participant.listenerCount()).to.equal(0);
    expect(stream.listenerCount()).to.equal(0);
  });

  it('tracks local mute, camera and screen share', async () => {
    const call = newCall();
    const store = new CallStore(call);
    await call.mute();
    await call.startVideo(new FakeLocalVideoStream({ id: 'camera-1', name: 'Camera', deviceType: 'UsbCamera' }));
    await call.startScreenSharing();
    expect(store.snapshot.isMuted).to.equal(true);
    expect(store.snapshot.isLocalVideoStarted).to.equal(true);
    expect(store.snapshot.localVideoStreams.length).to.equal(1);
    expect(store.snapshot.isScreenSharingOn).to.equal(true);
  });

  it('keeps the end reason of the final snapshot', () => {
    const call = newCall();
    const store = new CallStore(call);
    call.connect();
    call.end(486, 4508);
    expect(store.snapshot.state).to.equal('Disconnected');
    expect(store.snapshot.callEndReason).to.deep.equal({ code: 486, subCode: 4508 });
  });

  it('unsubscribes from everything when the call ends', () => {
    const call = newCall();
    const store = new CallStore(call);
    const participant = call.connect();
    const stream = participant.addVideoStream('Video');
    expect(store.subscriptionCount).to.be.greaterThan(0);

    call.end(0, 5010);
    expect(store.disposed).to.equal(true);
    expect(store.subscriptionCount).to.equal(0);
    expect(call.listenerCount()).to.equal(0);
    expect(participant.listenerCount()).to.equal(0);
    expect(stream.listenerCount()).to.equal(0);
  });

  it('ignores events after dispose', () => {
    const call = newCall();
    const store = new CallStore(call);
    store.dispose();
    call.setState('Connected');
    expect(store.snapshot.state).to.equal('Connecting');
  });

  it('watches participants already in the call', () => {
    const call = newCall();
    const participant = call.connect();
    const store = new CallStore(call);
    participant.setMuted(true);
    expect(store.snapshot.remoteParticipants[0]!.isMuted).to.equal(true);
  });

  it('keeps notifying others when a listener throws', () => {
    const call = newCall();
    const store = new CallStore(call);
    const states: string[] = [];
    const originalReportError = window.reportError;
    const reported: unknown[] = [];
    window.reportError = (error: unknown) => reported.push(error);
    try {
      store.subscribe(() => {
        throw new Error('A host page handler failed.');
      });
      store.subscribe((snapshot) => states.push(snapshot.state));
      call.setState('Ringing');
    } finally {
      window.reportError = originalReportError;
    }
    expect(states).to.deep.equal(['Ringing']);
    expect(reported.length).to.equal(1);
  });
});
