import type { VideoDeviceInfo } from '@azure/communication-calling';

import { TeamsError, isTeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import type { CallingLogger } from './calling-options.js';
import type { AgentStatus } from './calling-state.js';
import { describeError } from './describe-error.js';
import { DeviceSelection } from './device-selection.js';
import { loadCallingModule } from './loader.js';
import type { CallClientPort, CallingModule, DeviceManagerPort, TeamsCallAgentPort, TeamsIncomingCallPort } from './port.js';
import type { CallingStateAccess, Unsubscribe } from './service-state.js';
import { WatchedCredential } from './watched-credential.js';

/** The call agent and what came with it; present while `agentStatus` is `ready`. */
export interface AgentParts {
  module: CallingModule;
  client: CallClientPort;
  agent: TeamsCallAgentPort;
  deviceManager: DeviceManagerPort;
  devices: DeviceSelection;
  subscriptions: Unsubscribe[];
}

export interface AgentConnectionOptions {
  session: SessionApi;
  logger: CallingLogger | null;
  state: CallingStateAccess;
  /** Called for each call that starts ringing. */
  onIncomingCall(incomingCall: TeamsIncomingCallPort): void;
  /** Called when the selected camera was unplugged, with its replacement or `undefined`. */
  onCameraReplaced(camera: VideoDeviceInfo | undefined): void;
}

/**
 * The lifecycle of a session's call agent: loads the calling module, creates the `CallClient`,
 * the Teams call agent and the device manager once, follows the agent's events, and forgets all
 * of it on `detach` (sign-out or another account).
 */
export class AgentConnection {
  readonly #session: SessionApi;
  readonly #logger: CallingLogger | null;
  readonly #state: CallingStateAccess;
  readonly #options: AgentConnectionOptions;

  #parts: AgentParts | undefined;
  #preparing: Promise<AgentParts> | undefined;
  /** Bumped by `detach`, so work started before a sign-out cannot touch the state after it. */
  #generation = 0;
  /** Object id of the account the agent was created for. */
  #accountId: string | undefined;

  constructor(options: AgentConnectionOptions) {
    this.#session = options.session;
    this.#logger = options.logger;
    this.#state = options.state;
    this.#options = options;
  }

  /** The agent and what came with it, once `prepare()` has finished. */
  get parts(): AgentParts | undefined {
    return this.#parts;
  }

  /** Object id of the account the agent is (being) created for; `undefined` before and after. */
  get accountId(): string | undefined {
    return this.#accountId;
  }

  /** Creates the agent once; later calls return the same parts, and a failed attempt is retried. */
  prepare(): Promise<AgentParts> {
    if (this.#parts !== undefined) return Promise.resolve(this.#parts);
    this.#preparing ??= this.#createAgent();
    return this.#preparing;
  }

  /**
   * Forgets the agent at once (work still running for it is dropped) and returns its parts, for
   * `dispose` after the call is hung up.
   */
  detach(): AgentParts | undefined {
    this.#generation++;
    this.#accountId = undefined;
    this.#preparing = undefined;

    const parts = this.#parts;
    this.#parts = undefined;
    for (const unsubscribe of parts?.subscriptions ?? []) unsubscribe();
    parts?.devices.dispose();
    return parts;
  }

  /** Disposes a detached agent and its call client; failures are logged. */
  async dispose(parts: AgentParts | undefined): Promise<void> {
    await parts?.agent.dispose().catch((error: unknown) => this.#logger?.warn(`Disposing the Teams call agent failed: ${describeError(error)}`));
    await parts?.client.dispose().catch((error: unknown) => this.#logger?.warn(`Disposing the call client failed: ${describeError(error)}`));
  }

  async #createAgent(): Promise<AgentParts> {
    const generation = this.#generation;
    const account = this.#session.account;
    if (this.#session.status !== 'signed-in' || account === undefined) {
      this.#preparing = undefined;
      throw new TeamsError('signed-out', `Session "${this.#session.name}" is not signed in, so calling cannot start. Sign in first.`);
    }
    this.#accountId = account.objectId;

    let client: CallClientPort | undefined;
    let credential: WatchedCredential | undefined;
    try {
      this.#setAgentStatus('loading-module');
      const module = await loadCallingModule(this.#session);
      this.#throwIfStale(generation);

      this.#setAgentStatus('creating-agent');
      client = new module.CallClient();
      credential = new WatchedCredential(this.#session.getCommunicationCredential());
      const agent = await client.createTeamsCallAgent(credential);
      const deviceManager = await client.getDeviceManager();

      if (generation !== this.#generation) {
        // Signed out while the agent was connecting: it belongs to the old account.
        await agent.dispose();
        await client.dispose();
        this.#throwIfStale(generation);
      }

      const devices = this.#followDevices(deviceManager);
      const parts: AgentParts = { module, client, agent, deviceManager, devices, subscriptions: this.#watchAgent(agent) };
      this.#parts = parts;
      this.#preparing = undefined;
      this.#state.update({ agentStatus: 'ready', agentError: undefined, connectionState: agent.connectionState });
      void devices.refresh().catch((error: unknown) => this.#logger?.warn(`Listing cameras, microphones and speakers failed: ${describeError(error)}`));
      return parts;
    } catch (error) {
      if (generation !== this.#generation) throw error;

      this.#preparing = undefined;
      await client?.dispose().catch(() => undefined);
      // A token that could not be had explains the failure better than the SDK's wrapper of it.
      const tokenError = credential?.lastError ?? teamsErrorCause(error);
      const agentError = isTeamsError(error)
        ? error
        : tokenError !== undefined
          ? tokenError
          : new TeamsError('call-agent-failed', `Creating the Teams call agent for ${account.username} failed: ${describeError(error)}. Try again; if it keeps failing, check that the account has a Teams license.`, {
              retryable: true,
              cause: error,
            });
      this.#logger?.warn(agentError.message);
      this.#state.update({ agentStatus: 'failed', agentError });
      throw agentError;
    }
  }

  #followDevices(deviceManager: DeviceManagerPort): DeviceSelection {
    return new DeviceSelection(deviceManager, {
      onChange: (devices) => this.#state.update({ devices }),
      onCameraReplaced: (camera) => this.#options.onCameraReplaced(camera),
      onError: (message) => this.#logger?.warn(message),
    });
  }

  #throwIfStale(generation: number): void {
    if (generation !== this.#generation) {
      throw new TeamsError('signed-out', `Session "${this.#session.name}" signed out while calling was being prepared.`);
    }
  }

  #setAgentStatus(agentStatus: AgentStatus): void {
    this.#state.update({ agentStatus, agentError: undefined });
  }

  #watchAgent(agent: TeamsCallAgentPort): Unsubscribe[] {
    const onIncomingCall = ({ incomingCall }: { incomingCall: TeamsIncomingCallPort }): void => this.#options.onIncomingCall(incomingCall);
    const onConnectionStateChanged = ({ newValue }: { newValue: 'Connected' | 'Disconnected' }): void => {
      this.#state.update({ connectionState: newValue });
    };

    agent.on('incomingCall', onIncomingCall);
    agent.on('connectionStateChanged', onConnectionStateChanged);
    return [() => agent.off('incomingCall', onIncomingCall), () => agent.off('connectionStateChanged', onConnectionStateChanged)];
  }
}

/** Returns the first `TeamsError` in an error's chain of causes, such as a token failure that an SDK error wraps. */
function teamsErrorCause(error: unknown): TeamsError | undefined {
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; depth < 5 && cause !== undefined; depth++) {
    if (cause instanceof TeamsError) return cause;
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return undefined;
}
