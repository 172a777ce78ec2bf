/**
 * A three-party group call on the sandbox calling module: three call agents in this page, a mesh
 * of peer connections between them, and one party leaving while the other two talk on.
 */
import { expect } from '@open-wc/testing';

import { endReasons } from '../../../sandbox/calling/index.js';
import type { RemoteParticipantPort, RemoteVideoStreamPort, TeamsCallPort } from '../../../src/services/calling/port.js';
import { alex, createAgent, disposeAll, lee, nestor, nextIncomingCall, openCamera, renderUntilFrames, waitFor, withVideo } from './support.js';

type Person = typeof alex;

const people = [alex, lee, nestor];

function participantOf(call: TeamsCallPort, person: Person): RemoteParticipantPort | undefined {
  return call.remoteParticipants.find((participant) => participant.identifier.kind === 'microsoftTeamsUser' && participant.identifier.microsoftTeamsUserId === person.objectId);
}

function cameraOf(participant: RemoteParticipantPort | undefined): RemoteVideoStreamPort | undefined {
  return participant?.videoStreams.find((stream) => stream.mediaStreamType === 'Video');
}

function everyoneConnected(call: TeamsCallPort): boolean {
  return call.state === 'Connected' && call.remoteParticipants.length === 2 && call.remoteParticipants.every((participant) => participant.state === 'Connected');
}

describe('sandbox three-party group call', () => {
  /** Each person's own call, by name. */
  const calls = new Map<Person, TeamsCallPort>();

  before(async () => {
    const [alexSide, leeSide, nestorSide] = await Promise.all(people.map((person) => createAgent(person.upn)));
    const leeRinging = nextIncomingCall(leeSide!.agent);
    const nestorRinging = nextIncomingCall(nestorSide!.agent);

    // Everyone sends a camera, so each party receives two videos.
    const alexCall = alexSide!.agent.startCall([{ microsoftTeamsUserId: lee.objectId }, { microsoftTeamsUserId: nestor.objectId }], {
      threadId: '19:sandbox-three-party@thread.v2',
      ...withVideo(await openCamera(alexSide!.client)),
    });
    const [leeIncoming, nestorIncoming] = await Promise.all([leeRinging, nestorRinging]);
    const leeCall = await leeIncoming.accept(withVideo(await openCamera(leeSide!.client)));
    const nestorCall = await nestorIncoming.accept(withVideo(await openCamera(nestorSide!.client)));

    calls.set(alex, alexCall).set(lee, leeCall).set(nestor, nestorCall);
  });

  after(() => disposeAll());

  it('connects everyone with everyone', async () => {
    await waitFor(() => [...calls.values()].every(everyoneConnected), 'every party sees two connected participants');

    for (const [person, call] of calls) {
      const others = people.filter((other) => other !== person);
      const names = call.remoteParticipants.map((participant) => participant.displayName).sort();
      expect(names, `${person.displayName} sees`).to.deep.equal(others.map((other) => other.displayName).sort());
      expect(others.every((other) => participantOf(call, other) !== undefined), `${person.displayName} identifies everyone`).to.equal(true);
    }
  });

  it('lists streams per participant', async () => {
    await waitFor(() => [...calls.values()].every(everyoneConnected), 'every party sees two connected participants');

    for (const [person, call] of calls) {
      const [first, second] = call.remoteParticipants;
      // A camera and a screen share stream per participant, never shared between two of them.
      expect(first!.videoStreams.map((stream) => stream.mediaStreamType).sort()).to.deep.equal(['ScreenSharing', 'Video']);
      expect(second!.videoStreams.map((stream) => stream.mediaStreamType).sort()).to.deep.equal(['ScreenSharing', 'Video']);
      expect(first!.videoStreams.some((stream) => second!.videoStreams.includes(stream)), `${person.displayName}'s participants share a stream`).to.equal(false);

      for (const participant of [first!, second!]) {
        await waitFor(() => cameraOf(participant)?.isAvailable === true, `${participant.displayName}'s camera is available to ${person.displayName}`);
        const video = await renderUntilFrames(cameraOf(participant)!);
        expect(video.videoWidth, `video of ${participant.displayName} at ${person.displayName}`).to.be.greaterThan(0);
      }
      // The screen shares stay unavailable: nobody shares.
      expect(call.remoteParticipants.map((participant) => participant.videoStreams.find((stream) => stream.mediaStreamType === 'ScreenSharing')?.isAvailable)).to.deep.equal([
        false,
        false,
      ]);
    }
  });

  it('keeps the call after one leaves', async () => {
    const [alexCall, leeCall, nestorCall] = people.map((person) => calls.get(person)!);
    const nestorAtAlex = participantOf(alexCall, nestor)!;
    const removedAtLee: string[] = [];
    leeCall.on('remoteParticipantsUpdated', ({ removed }) => removedAtLee.push(...removed.map((participant) => participant.displayName ?? '?')));

    await nestorCall.hangUp();
    await waitFor(() => alexCall.remoteParticipants.length === 1 && leeCall.remoteParticipants.length === 1, 'Alex and Lee see Nestor leave');

    expect(nestorCall.state).to.equal('Disconnected');
    expect(nestorCall.callEndReason).to.deep.equal(endReasons.hungUpLocally);
    expect(nestorAtAlex.state).to.equal('Disconnected');
    expect(removedAtLee).to.deep.equal([nestor.displayName]);
    expect({ alex: alexCall.state, lee: leeCall.state }).to.deep.equal({ alex: 'Connected', lee: 'Connected' });
    expect(participantOf(alexCall, lee)?.state).to.equal('Connected');
    expect(participantOf(leeCall, alex)?.state).to.equal('Connected');

    // Media between the two who stay still flows after the third peer connection closed.
    const leeAtAlex = await renderUntilFrames(cameraOf(participantOf(alexCall, lee))!);
    const alexAtLee = await renderUntilFrames(cameraOf(participantOf(leeCall, alex))!);
    expect(leeAtAlex.videoWidth).to.be.greaterThan(0);
    expect(alexAtLee.videoWidth).to.be.greaterThan(0);

    // The call ends only when a second party leaves.
    await alexCall.hangUp();
    await waitFor(() => leeCall.state === 'Disconnected', 'Lee sees the call end');
    expect(leeCall.callEndReason).to.deep.equal(endReasons.onlyOneParticipantLeft);
  });
});
