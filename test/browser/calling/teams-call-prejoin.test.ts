import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/call/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { alertsOf, getByRole, queryAllByRole } from './element-queries.js';
import { type FakeRenderer, PortDouble, mediaError } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const secondCamera = { id: 'camera-2', name: 'Second camera', deviceType: 'UsbCamera' } as const;

describe('<teams-call prejoin>', () => {
  let double: PortDouble;

  beforeEach(() => {
    double = new PortDouble();
    setCallingModuleLoader(async () => double.module);
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
    resetTestSessions();
  });

  async function signedInElement(): Promise<TeamsCall> {
    await signInTestSession('adele.vance@contoso.com');
    const element = await fixture<TeamsCall>(html`<teams-call prejoin></teams-call>`);
    await element.prepare();
    await element.updateComplete;
    return element;
  }

  /** Types a person and presses "Call", which opens the pre-join screen. */
  async function openPrejoin(element: TeamsCall, target = diegoId): Promise<void> {
    element.target = target;
    await element.updateComplete;
    getByRole(element, 'button', 'Call').click();
    await waitUntil(() => queryAllByRole(element, 'region', 'Before you join').length === 1, 'The pre-join screen did not open.');
  }

  function previewRenderers(): FakeRenderer[] {
    return double.renderers.filter((renderer) => double.cameraStreams.includes(renderer.stream as never));
  }

  function part(element: TeamsCall, name: string): HTMLElement | null {
    return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  async function previewShown(element: TeamsCall): Promise<void> {
    await waitUntil(() => element.shadowRoot!.querySelector('[data-view="prejoin"] .fake-view') !== null, 'The camera preview did not show.');
  }

  it('opens instead of calling', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    expect(double.agent.calls).to.have.length(0);
    expect(getByRole(element, 'region', 'Before you join').textContent).to.contain(`Check your camera and microphone, then call ${diegoId}.`);
    expect(getByRole(element, 'button', 'Cancel')).to.exist;
  });

  it('shows the camera preview', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    await previewShown(element);
    expect(previewRenderers()).to.have.length(1);
    expect(getByRole(element, 'img', 'Your video')).to.exist;
    expect(previewRenderers()[0]!.views[0]!.isMirrored).to.equal(true);
  });

  it('shows the microphone level', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    const meter = part(element, 'microphone-level') as HTMLMeterElement;
    expect(element.shadowRoot!.querySelector(`label[for="${meter.id}"]`)?.textContent).to.equal('Microphone level');
    // The double's microphone plays a steady tone.
    await waitUntil(() => meter.value > 0, 'The level meter stayed at zero.');
  });

  it('has labelled pickers and choices', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    const region = getByRole(element, 'region', 'Before you join');
    expect(region.querySelector('[part="microphone-select"]')).to.exist;
    expect(region.querySelector('[part="camera-select"]')).to.exist;
    expect(region.querySelector('[part="speaker-select"]')).to.exist;
    expect(part(element, 'start-muted-toggle')?.closest('label')?.textContent?.trim()).to.equal('Start muted');
    expect(part(element, 'camera-on-toggle')?.closest('label')?.textContent?.trim()).to.equal('Camera on');
  });

  it('is accessible', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    await previewShown(element);
    await expect(element).to.be.accessible();
  });

  it('calls with the camera on by default', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    await previewShown(element);
    const start = part(element, 'join-now-button')!;
    expect(start.textContent?.trim()).to.equal('Call');
    start.click();
    await waitUntil(() => double.agent.calls.length === 1, 'Call on the pre-join screen started no call.');
    const options = double.agent.startCallOptions[0];
    expect(options?.videoOptions?.localVideoStreams).to.have.length(1);
    expect(options?.audioOptions).to.equal(undefined);
  });

  it('calls muted without the camera when chosen', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    await previewShown(element);
    part(element, 'start-muted-toggle')!.click();
    part(element, 'camera-on-toggle')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('[data-view="prejoin"]') === null, 'The preview stayed after the camera was turned off.');
    expect(element.shadowRoot!.querySelector('.prejoin-preview')?.textContent?.trim()).to.equal('Your camera is off.');

    part(element, 'join-now-button')!.click();
    await waitUntil(() => double.agent.calls.length === 1, 'No call started.');
    const options = double.agent.startCallOptions[0];
    expect(options?.audioOptions).to.deep.equal({ muted: true });
    expect(options?.videoOptions).to.equal(undefined);
  });

  it('disposes the preview once on start', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    await previewShown(element);
    const [renderer] = previewRenderers();
    const [cameraStream] = double.cameraStreams;
    const [microphoneStream] = double.microphoneStreams;

    part(element, 'join-now-button')!.click();
    await waitUntil(() => renderer!.disposeCount > 0, 'The preview renderer was not disposed.');
    await waitUntil(() => double.lastCall.state === 'Connecting', 'No call started.');
    await element.updateComplete;

    expect(renderer!.disposeCount).to.equal(1);
    expect(renderer!.views[0]!.disposeCount).to.equal(1);
    expect(cameraStream!.disposeCount).to.equal(1);
    expect(microphoneStream!.disposeCount).to.equal(1);
    expect(queryAllByRole(element, 'region', 'Before you join')).to.deep.equal([]);
  });

  it('goes back to the form on Cancel', async () => {
    const element = await signedInElement();
    await openPrejoin(element);
    await previewShown(element);
    const [renderer] = previewRenderers();

    getByRole(element, 'button', 'Cancel').click();
    await waitUntil(() => queryAllByRole(element, 'textbox', 'Person to call').length === 1, 'The form did not come back.');
    await waitUntil(() => double.cameraStreams[0]!.disposeCount === 1, 'The preview camera was not stopped.');
    expect(renderer!.disposeCount).to.equal(1);
    expect(double.agent.calls).to.have.length(0);
  });

  it('keeps a malformed address on the form', async () => {
    const element = await signedInElement();
    element.target = 'Diego';
    await element.updateComplete;
    getByRole(element, 'button', 'Call').click();
    await waitUntil(() => alertsOf(element).length === 1, 'No error was shown.');
    expect(alertsOf(element)[0]).to.contain('"Diego" is not an e-mail address or an object id.');
    expect(queryAllByRole(element, 'region', 'Before you join')).to.deep.equal([]);
  });

  it('opens for a meeting with Join now', async () => {
    const element = await signedInElement();
    element.meeting = '123 456 789 012';
    element.passcode = 'Xy12';
    await element.updateComplete;
    getByRole(element, 'button', 'Join').click();
    await waitUntil(() => queryAllByRole(element, 'button', 'Join now').length === 1, 'No Join now button.');
    expect(getByRole(element, 'region', 'Before you join').textContent).to.contain('Check your camera and microphone, then join the meeting.');

    await previewShown(element);
    getByRole(element, 'button', 'Join now').click();
    await waitUntil(() => double.agent.joinLocators.length === 1, 'Join now did not join.');
    expect(double.agent.joinLocators[0]).to.deep.equal({ meetingId: '123456789012', passcode: 'Xy12' });
    expect(double.agent.joinOptions[0]?.videoOptions?.localVideoStreams).to.have.length(1);
  });

  describe('device problems', () => {
    function pickerError(element: TeamsCall, device: string): string | undefined {
      const select = part(element, `${device}-select`) as HTMLSelectElement;
      const describedBy = select.getAttribute('aria-describedby');
      return describedBy === null ? undefined : element.shadowRoot!.getElementById(describedBy)?.textContent?.trim();
    }

    it('shows a camera in use under its picker', async () => {
      double.openFailures.camera.push(mediaError('NotReadableError'));
      const element = await signedInElement();
      await openPrejoin(element);
      await waitUntil(() => pickerError(element, 'camera') !== undefined, 'No camera error under the picker.');
      expect(pickerError(element, 'camera')).to.equal('Another app is using the camera. Close that app, then turn the camera on again.');
      expect(part(element, 'camera-select')!.getAttribute('aria-invalid')).to.equal('true');
      expect(element.shadowRoot!.querySelector('.prejoin-preview')?.textContent?.trim()).to.equal('The camera did not start.');
      // Shown once, under the picker, not also above the screen.
      expect(alertsOf(element)).to.have.length(1);
    });

    it('clears the camera error when another camera works', async () => {
      double.cameras = [...double.cameras, secondCamera];
      double.openFailures.camera.push(mediaError('NotReadableError'));
      const element = await signedInElement();
      await openPrejoin(element);
      await waitUntil(() => pickerError(element, 'camera') !== undefined, 'No camera error under the picker.');

      const select = part(element, 'camera-select') as HTMLSelectElement;
      select.value = secondCamera.id;
      select.dispatchEvent(new Event('change'));
      await previewShown(element);
      await waitUntil(() => pickerError(element, 'camera') === undefined, 'The camera error stayed after a working camera was chosen.');
      expect(select.getAttribute('aria-invalid')).to.equal('false');
      expect(double.cameraStreams.at(-1)!.source.id).to.equal(secondCamera.id);
    });

    it('explains a blocked camera with what to do', async () => {
      double.permission = { audio: true, video: false };
      const element = await signedInElement();
      await openPrejoin(element);
      await waitUntil(() => pickerError(element, 'camera') !== undefined, 'No camera error under the picker.');
      expect(pickerError(element, 'camera')).to.contain('Allow camera access for this site in the browser’s site settings');
      expect(double.cameraStreams).to.have.length(0);
    });

    it('says when no camera is connected', async () => {
      double.cameras = [];
      const element = await signedInElement();
      await openPrejoin(element);
      await waitUntil(() => pickerError(element, 'camera') !== undefined, 'No camera error under the picker.');
      expect(pickerError(element, 'camera')).to.equal('No camera was found. Connect a camera, then turn it on again.');
    });

    it('shows a blocked microphone under its picker', async () => {
      double.openFailures.microphone.push(mediaError('NotAllowedError'));
      const element = await signedInElement();
      await openPrejoin(element);
      await waitUntil(() => pickerError(element, 'microphone') !== undefined, 'No microphone error under the picker.');
      expect(pickerError(element, 'microphone')).to.contain('The browser blocked the microphone');
    });

    it('clears the microphone error when a microphone works', async () => {
      double.openFailures.microphone.push(mediaError('NotReadableError'));
      const element = await signedInElement();
      await openPrejoin(element);
      await waitUntil(() => pickerError(element, 'microphone') !== undefined, 'No microphone error under the picker.');

      const select = part(element, 'microphone-select') as HTMLSelectElement;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => pickerError(element, 'microphone') === undefined, 'The microphone error stayed after the microphone opened.');
      await waitUntil(() => (part(element, 'microphone-level') as HTMLMeterElement).value > 0, 'The level meter stayed at zero.');
    });
  });
});
