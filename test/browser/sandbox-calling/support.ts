/**
 * Helpers for tests of the sandbox calling module: call agents for sandbox users, waiting for a
 * condition, and rendering a stream until frames decode.
 */
import type { AcceptCallOptions } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';

import * as sandboxCalling from '../../../sandbox/calling/index.js';
import {
  createRenderer,
  type CallClientPort,
  type LocalVideoStreamPort,
  type RemoteVideoStreamPort,
  type TeamsCallAgentPort,
  type TeamsCallPort,
  type TeamsIncomingCallPort,
  type VideoStreamRendererPort,
  type WithPortVideo,
} from '../../../src/services/calling/port.js';
import { sandboxOrigin } from '../support/sandbox.js';

sandboxCalling.setSignallingUrl(`${sandboxOrigin.replace('https:', 'wss:')}/calling/signal`);

export const adele = { upn: 'adele.vance@contoso.com', objectId: '0a1b2c3d-0001-4000-8000-00000000c0a1', displayName: 'Adele Vance' };
export const diego = { upn: 'diego.siciliani@fabrikam.com', objectId: '0a1b2c3d-0004-4000-8000-00000000fab4', displayName: 'Diego Siciliani' };
export const megan = { upn: 'megan.bowen@contoso.com', objectId: '0a1b2c3d-0003-4000-8000-00000000c0a3', displayName: 'Megan Bowen' };
// Tests of other files may call Adele and Diego at the same time, so the tests that need no
// particular user use these three.
export const alex = { upn: 'alex.wilber@contoso.com', objectId: '0a1b2c3d-0002-4000-8000-00000000c0a2', displayName: 'Alex Wilber' };
export const lee = { upn: 'lee.gu@fabrikam.com', objectId: '0a1b2c3d-0005-4000-8000-00000000fab5', displayName: 'Lee Gu' };
export const nestor = { upn: 'nestor.wilke@fabrikam.com', objectId: '0a1b2c3d-0006-4000-8000-00000000fab6', displayName: 'Nestor Wilke' };

const clients: CallClientPort[] = [];
const renderers: VideoStreamRendererPort[] = [];

/** Mints a Communication Services token for a sandbox user; a negative lifetime gives an expired one. */
export async function mintCommunicationToken(user: string, lifetimeSeconds?: number): Promise<string> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/communication-token`, {
    method: 'POST',
    body: JSON.stringify({ user, lifetimeSeconds }),
  });
  if (!response.ok) throw new Error(`Minting a Communication Services token for ${user} failed with ${response.status}.`);
  return ((await response.json()) as { token: string }).token;
}

/** A credential that returns one fixed token. */
export function staticCredential(token: string): CommunicationTokenCredential {
  return {
    getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3600_000 }),
    dispose: () => undefined,
  };
}

/**
 * Creates a call agent for a sandbox user on a new call client. It uses a fixed token unless a
 * credential is given, and `disposeAll` disposes it.
 */
export async function createAgent(
  user: string,
  credential?: CommunicationTokenCredential,
): Promise<{ client: CallClientPort; agent: TeamsCallAgentPort }> {
  const client = new sandboxCalling.CallClient();
  clients.push(client);
  const agent = await client.createTeamsCallAgent(credential ?? staticCredential(await mintCommunicationToken(user)));
  return { client, agent };
}

/** Drops a user's signalling connections on the server, as a lost network would. */
export async function dropConnections(user: string): Promise<void> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/calling/drop-connections`, {
    method: 'POST',
    body: JSON.stringify({ user }),
  });
  if (!response.ok) throw new Error(`Dropping the connections of ${user} failed with ${response.status}.`);
}

/** Calls `callee` from `caller` and accepts; resolves once both sides are connected. */
export async function connectCall(
  caller: TeamsCallAgentPort,
  callee: TeamsCallAgentPort,
  calleeObjectId: string,
): Promise<{ callerCall: TeamsCallPort; calleeCall: TeamsCallPort }> {
  const ringing = nextIncomingCall(callee);
  const callerCall = caller.startCall({ microsoftTeamsUserId: calleeObjectId });
  const calleeCall = await (await ringing).accept();
  await waitFor(() => callerCall.state === 'Connected', 'the caller sees Connected');
  return { callerCall, calleeCall };
}

/** Resolves with the next incoming call of an agent. */
export function nextIncomingCall(agent: TeamsCallAgentPort): Promise<TeamsIncomingCallPort> {
  return new Promise((resolve) => {
    const listener = ({ incomingCall }: { incomingCall: TeamsIncomingCallPort }): void => {
      agent.off('incomingCall', listener);
      resolve(incomingCall);
    };
    agent.on('incomingCall', listener);
  });
}

/** Polls a condition every 50 ms; rejects with `description` when it is still false after the timeout. */
export async function waitFor(condition: () => boolean, description: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${description}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the first camera as a local video stream of the sandbox module. */
export async function openCamera(client: CallClientPort): Promise<LocalVideoStreamPort> {
  const deviceManager = await client.getDeviceManager();
  await deviceManager.askDevicePermission({ audio: true, video: true });
  const [camera] = await deviceManager.getCameras();
  if (camera === undefined) throw new Error('No camera found; Chromium needs --use-fake-device-for-media-stream.');
  return new sandboxCalling.LocalVideoStream(camera);
}

/** Returns accept options that send a camera stream. */
export function withVideo(stream: LocalVideoStreamPort): WithPortVideo<AcceptCallOptions> {
  return { videoOptions: { localVideoStreams: [stream] } };
}

/** Renders a stream into the page and resolves with its `<video>` once a frame has decoded. */
export async function renderUntilFrames(stream: LocalVideoStreamPort | RemoteVideoStreamPort): Promise<HTMLVideoElement> {
  const renderer = createRenderer(sandboxCalling, stream);
  renderers.push(renderer);
  const view = await renderer.createView({ scalingMode: 'Fit' });
  document.body.append(view.target);
  const video = view.target.querySelector('video')!;

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${'mediaStreamType' in stream ? stream.mediaStreamType : ''} video frame decoded within 8 s.`)), 8000);
    video.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  return video;
}

/** Disposes every renderer and call client the helpers created. */
export async function disposeAll(): Promise<void> {
  for (const renderer of renderers.splice(0)) renderer.dispose();
  for (const client of clients.splice(0)) await client.dispose();
}
