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

/** The media part of the SDK's start, join and accept options. */
export interface CallMediaOptions {
  videoOptions?: VideoOptionsPort;
  audioOptions?: { muted: boolean };
}

function withVideo(stream: LocalVideoStreamPort | undefined): { videoOptions?: VideoOptionsPort } {
  return stream === undefined ? {} : videoOptionsFor(stream);
}

/** Returns the SDK's media options, or `undefined` for the SDK's defaults (audio only, unmuted). */
export function mediaOptionsFor(stream: LocalVideoStreamPort | undefined, muted: boolean | undefined): CallMediaOptions | undefined {
  const options: CallMediaOptions = { ...withVideo(stream), ...(muted === true ? { audioOptions: { muted: true } } : {}) };
  return Object.keys(options).length === 0 ? undefined : options;
}
