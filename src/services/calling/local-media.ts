import type { VideoDeviceInfo } from '@azure/communication-calling';

import type { CallingModule, LocalVideoStreamPort, VideoOptionsPort } from './port.js';

/** Video options for `startCall` and `accept` that send `stream` from the start. */
export function videoOptionsFor(stream: LocalVideoStreamPort): { videoOptions: VideoOptionsPort } {
  return { videoOptions: { localVideoStreams: [stream] } };
}

/**
 * Creates a local video stream on `camera`. Rejects with a `NotFoundError` `DOMException` when
 * there is no camera, so callers classify it like a browser error.
 */
export async function createCameraStream(module: CallingModule, camera: VideoDeviceInfo | undefined): Promise<LocalVideoStreamPort> {
  if (camera === undefined) throw new DOMException('No camera is connected.', 'NotFoundError');
  return new module.LocalVideoStream(camera);
}
