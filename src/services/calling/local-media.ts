import type { CallingModule, DeviceManagerPort, LocalVideoStreamPort, VideoOptionsPort } from './port.js';

/** Video options for `startCall` and `accept` that send `stream` from the start. */
export function videoOptionsFor(stream: LocalVideoStreamPort): { videoOptions: VideoOptionsPort } {
  return { videoOptions: { localVideoStreams: [stream] } };
}

/**
 * Creates a local video stream on the first camera the device manager lists. Rejects with a
 * `NotFoundError` `DOMException` when there is none, so callers classify it like a browser error.
 */
export async function createCameraStream(module: CallingModule, deviceManager: DeviceManagerPort): Promise<LocalVideoStreamPort> {
  const cameras = await deviceManager.getCameras();
  const camera = cameras[0];
  if (camera === undefined) throw new DOMException('No camera is connected.', 'NotFoundError');
  return new module.LocalVideoStream(camera);
}
