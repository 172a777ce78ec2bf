import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/call/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { alertsOf, getByRole } from './element-queries.js';
import { PortDouble, mediaError } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const secondCamera = { id: 'camera-2', name: 'Second camera', deviceType: 'UsbCamera' } as const;
const secondSpeaker = { id: 'speaker-2', name: 'Second speaker', deviceType: 'Speaker', isSystemDefault: false } as const;

describe('<teams-call> device pickers', () => {
  let double: PortDouble;

  beforeEach(() => {
    double = new PortDouble();
    double.cameras = [...double.cameras, secondCamera];
    double.speakers = [...double.speakers, secondSpeaker];
    setCallingModuleLoader(async () => double.module);
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
    resetTestSessions();
  });

  async function connectedCall(): Promise<TeamsCall> {
    await signInTestSession('adele.vance@contoso.com');
    const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
    await element.call(diegoId);
    double.lastCall.connect(diegoId, 'Diego Siciliani');
    await element.updateComplete;
    return element;
  }

  function select(element: TeamsCall, device: string): HTMLSelectElement {
    return element.shadowRoot!.querySelector<HTMLSelectElement>(`[part="${device}-select"]`)!;
  }

  function pickerError(element: TeamsCall, device: string): string | undefined {
    const describedBy = select(element, device).getAttribute('aria-describedby');
    return describedBy === null ? undefined : element.shadowRoot!.getElementById(describedBy)?.textContent?.trim();
  }

  function choose(element: TeamsCall, device: string, deviceId: string): void {
    const picker = select(element, device);
    picker.value = deviceId;
    picker.dispatchEvent(new Event('change'));
  }

  it('shows a camera problem under its picker', async () => {
    const element = await connectedCall();
    double.failures.startVideo.push(mediaError('NotReadableError'));
    getByRole(element, 'button', 'Turn camera on').click();
    await waitUntil(() => pickerError(element, 'camera') !== undefined, 'No error under the camera picker.');
    expect(pickerError(element, 'camera')).to.equal('Another app is using the camera. Close that app, then turn the camera on again.');
    expect(select(element, 'camera').getAttribute('aria-invalid')).to.equal('true');
    expect(select(element, 'microphone').getAttribute('aria-invalid')).to.equal('false');
    expect(alertsOf(element)).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('clears a camera problem on another camera', async () => {
    const element = await connectedCall();
    double.failures.startVideo.push(mediaError('NotReadableError'));
    getByRole(element, 'button', 'Turn camera on').click();
    await waitUntil(() => pickerError(element, 'camera') !== undefined, 'No error under the camera picker.');

    choose(element, 'camera', secondCamera.id);
    await waitUntil(() => pickerError(element, 'camera') === undefined, 'The error stayed after another camera was chosen.');
    getByRole(element, 'button', 'Turn camera on').click();
    await waitUntil(() => double.lastCall.isLocalVideoStarted, 'The second camera did not start.');
    expect(double.cameraStreams.at(-1)!.source.id).to.equal(secondCamera.id);
    expect(pickerError(element, 'camera')).to.equal(undefined);
  });

  it('shows a speaker problem and clears it', async () => {
    const element = await connectedCall();
    double.selectSpeakerError = new Error('setSinkId failed');
    choose(element, 'speaker', secondSpeaker.id);
    await waitUntil(() => pickerError(element, 'speaker') !== undefined, 'No error under the speaker picker.');
    expect(pickerError(element, 'speaker')).to.equal('This speaker could not be selected. Choose another speaker.');

    choose(element, 'speaker', secondSpeaker.id);
    await waitUntil(() => pickerError(element, 'speaker') === undefined, 'The speaker error stayed after a working speaker was chosen.');
    expect(double.deviceManager.selectedSpeaker?.id).to.equal(secondSpeaker.id);
  });
});
