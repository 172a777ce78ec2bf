import { expect } from '@open-wc/testing';

import { classifyDeviceError } from '../../../src/services/calling/device-errors.js';
import { mediaError } from './port-double.js';

describe('classifyDeviceError', () => {
  it('reads NotAllowedError on the camera as permission denied', () => {
    expect(classifyDeviceError('camera', mediaError('NotAllowedError')).kind).to.equal('permission-denied');
  });

  it('reads NotReadableError as in use, not permission denied', () => {
    expect(classifyDeviceError('camera', mediaError('NotReadableError')).kind).to.equal('in-use');
  });

  it('reads NotFoundError as no device', () => {
    expect(classifyDeviceError('microphone', mediaError('NotFoundError')).kind).to.equal('not-found');
  });

  it('reads OverconstrainedError as no device', () => {
    expect(classifyDeviceError('camera', mediaError('OverconstrainedError')).kind).to.equal('not-found');
  });

  it('reads NotAllowedError from the screen picker as cancelled', () => {
    expect(classifyDeviceError('screen', mediaError('NotAllowedError')).kind).to.equal('cancelled');
  });

  it('finds a DOMException name inside a wrapped message', () => {
    const wrapped = new Error('Failed to start video, NotReadableError: Could not start video source');
    expect(classifyDeviceError('camera', wrapped).kind).to.equal('in-use');
  });

  it('reads anything else as failed', () => {
    const problem = classifyDeviceError('camera', new Error('Something else'));
    expect(problem.kind).to.equal('failed');
    expect(problem.detail).to.equal('Something else');
  });

  it('accepts a thrown string', () => {
    expect(classifyDeviceError('camera', 'plain text').kind).to.equal('failed');
  });

  it('records the device', () => {
    expect(classifyDeviceError('microphone', mediaError('NotFoundError')).device).to.equal('microphone');
  });
});
