/**
 * Generated sequences of camera, local share and remote share changes against the port double:
 * after every step, the calling service's state must match what the call did, and the video
 * views must match what is on screen.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';

import '../../../src/components/call/define.js';
import '../../../src/components/screen-share/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import type { TeamsScreenShare } from '../../../src/components/screen-share/teams-screen-share.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { type FakeRemoteParticipant, type FakeRemoteVideoStream, PortDouble, mediaError } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';

type Step =
  | 'camera-on'
  | 'camera-off'
  | 'share-start'
  | 'share-cancelled'
  | 'share-stop'
  | 'share-ended-by-browser'
  | 'remote-share-start'
  | 'remote-share-stop'
  | 'remote-share-readded';

const steps: Step[] = [
  'camera-on',
  'camera-off',
  'share-start',
  'share-cancelled',
  'share-stop',
  'share-ended-by-browser',
  'remote-share-start',
  'remote-share-stop',
  'remote-share-readded',
];

describe('camera and share sequences', function () {
  this.timeout(60_000);

  afterEach(() => {
    setCallingModuleLoader(undefined);
    resetTestSessions();
  });

  it('keeps state and views consistent', async () => {
    // One double and one signed-in session for all runs; each run is a new call.
    const double = new PortDouble();
    setCallingModuleLoader(async () => double.module);
    await signInTestSession('adele.vance@contoso.com');

    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...steps), { minLength: 1, maxLength: 12 }), async (sequence) => {
        double.failures = { startVideo: [], startScreenSharing: [] };
        const firstRenderer = double.renderers.length;
        const renderersOfRun = (): typeof double.renderers => double.renderers.slice(firstRenderer);
        const page = await fixture(html`<div><teams-call></teams-call><teams-screen-share></teams-screen-share></div>`);
        const call = page.querySelector<TeamsCall>('teams-call')!;
        const share = page.querySelector<TeamsScreenShare>('teams-screen-share')!;

        await call.call(diegoId);
        const diego: FakeRemoteParticipant = double.lastCall.connect(diegoId, 'Diego Siciliani');
        let remoteShare: FakeRemoteVideoStream | undefined;
        let removedShare: FakeRemoteVideoStream | undefined;
        const expected = { camera: false, sharing: false, remoteShare: false };

        for (const step of sequence) {
          switch (step) {
            case 'camera-on':
              await call.startVideo();
              expected.camera = true;
              break;
            case 'camera-off':
              await call.stopVideo();
              expected.camera = false;
              break;
            case 'share-start':
              await share.start();
              expected.sharing = true;
              break;
            case 'share-cancelled':
              // The picker is closed: the state stays as it was and no error is recorded.
              double.failures.startScreenSharing.push(mediaError('NotAllowedError'));
              if (!expected.sharing) await share.start();
              else double.failures.startScreenSharing.length = 0;
              break;
            case 'share-stop':
              await share.stop();
              expected.sharing = false;
              break;
            case 'share-ended-by-browser':
              // The browser's own "Stop sharing" ends the capture; the SDK reports it as stopped.
              if (double.lastCall.isScreenSharingOn) await double.lastCall.stopScreenSharing();
              expected.sharing = false;
              break;
            case 'remote-share-start':
              if (remoteShare === undefined) remoteShare = diego.addVideoStream('ScreenSharing');
              else remoteShare.setAvailable(true);
              expected.remoteShare = true;
              break;
            case 'remote-share-stop':
              if (remoteShare !== undefined) {
                diego.removeVideoStream(remoteShare);
                removedShare = remoteShare;
                remoteShare = undefined;
              }
              expected.remoteShare = false;
              break;
            case 'remote-share-readded':
              if (removedShare !== undefined && remoteShare === undefined) {
                diego.readdVideoStream(removedShare);
                remoteShare = removedShare;
                removedShare = undefined;
                expected.remoteShare = remoteShare.isAvailable;
              }
              break;
          }
          await call.updateComplete;
          await share.updateComplete;
          await share.updateComplete;

          const state = double.lastCall;
          expect(state.isLocalVideoStarted, `camera after ${sequence.join(', ')}`).to.equal(expected.camera);
          expect(share.sharing, `sharing after ${sequence.join(', ')}`).to.equal(expected.sharing);
          expect(state.isScreenSharingOn, `SDK sharing after ${sequence.join(', ')}`).to.equal(expected.sharing);

          const remoteViews = share.shadowRoot!.querySelectorAll('[part="view"]');
          expect(remoteViews.length, `remote share views after ${sequence.join(', ')}`).to.equal(expected.remoteShare ? 1 : 0);

          // Every tile contains at most one <video>, and no view outlives its stream.
          for (const container of [...call.shadowRoot!.querySelectorAll('[data-view]'), ...share.shadowRoot!.querySelectorAll('[data-view]')]) {
            expect(container.querySelectorAll('video').length, `videos in one tile after ${sequence.join(', ')}`).to.be.at.most(1);
          }
          const liveViews = renderersOfRun().filter((renderer) => renderer.disposeCount === 0).length;
          const expectedViews = (expected.camera ? 1 : 0) + (expected.remoteShare ? 1 : 0);
          expect(liveViews, `live renderers after ${sequence.join(', ')}`).to.equal(expectedViews);
        }

        const problems = (call as unknown as { shadowRoot: ShadowRoot }).shadowRoot.querySelectorAll('[role="alert"]');
        expect(problems.length, `alerts after ${sequence.join(', ')}`).to.equal(0);

        await call.hangUp();
        await call.updateComplete;
        await share.updateComplete;
        const undisposed = renderersOfRun().filter((renderer) => renderer.disposeCount !== 1).length;
        expect(undisposed, `renderers not disposed exactly once after ${sequence.join(', ')}`).to.equal(0);
        page.remove();
      }),
      { numRuns: 40, verbose: true },
    );
  });
});
