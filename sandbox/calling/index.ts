/**
 * The sandbox's calling module: the calling SDK's API (the part the kit's calling port uses) over
 * local WebRTC and the sandbox's signalling socket. The sandbox serves it at
 * `/sandbox/calling.js`; the kit loads it in place of `@azure/communication-calling`.
 */
import type { CallingModule, DeviceManagerPort, TeamsCallAgentPort, TeamsCallPort, TeamsIncomingCallPort } from '../../src/services/calling/port.js';
import type { TeamsCallAgent } from './call-agent.js';
import type { TeamsCall } from './call.js';
import { Features } from './call-features.js';
import { CallClient } from './call-client.js';
import type { DeviceManager } from './device-manager.js';
import type { TeamsIncomingCall } from './incoming-call.js';
import { LocalAudioStream } from './local-audio-stream.js';
import { LocalVideoStream } from './local-video-stream.js';
import { VideoStreamRenderer } from './video-stream-renderer.js';

export { CallClient, Features, LocalAudioStream, LocalVideoStream, VideoStreamRenderer };
export { CallingError } from './calling-error.js';
export { endReasons } from './protocol.js';
export { setSignallingUrl } from './signalling-url.js';

// Compile-time proof that this module satisfies the calling port, as `sdk-conformance.ts` proves
// it for the real SDK.
type Satisfies<Actual extends Expected, Expected> = Actual;
export type SandboxModuleSatisfiesPort = Satisfies<
  {
    CallClient: typeof CallClient;
    Features: typeof Features;
    LocalAudioStream: typeof LocalAudioStream;
    LocalVideoStream: typeof LocalVideoStream;
    VideoStreamRenderer: typeof VideoStreamRenderer;
  },
  Required<CallingModule>
>;
export type SandboxCallAgentSatisfiesPort = Satisfies<TeamsCallAgent, TeamsCallAgentPort>;
export type SandboxCallSatisfiesPort = Satisfies<TeamsCall, TeamsCallPort>;
export type SandboxIncomingCallSatisfiesPort = Satisfies<TeamsIncomingCall, TeamsIncomingCallPort>;
export type SandboxDeviceManagerSatisfiesPort = Satisfies<DeviceManager, DeviceManagerPort>;
