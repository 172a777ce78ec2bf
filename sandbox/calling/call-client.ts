import type { CallClientOptions } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';

import type { CallClientPort } from '../../src/services/calling/port.js';
import { TeamsCallAgent } from './call-agent.js';
import { CallingError } from './calling-error.js';
import { DeviceManager } from './device-manager.js';
import { SignallingClient } from './signalling-client.js';
import { signallingUrl } from './signalling-url.js';

/**
 * The entry point, like the SDK's `CallClient`: it creates the Teams call agent and the device
 * manager. As in the SDK, one client has at most one call agent at a time.
 */
export class CallClient implements CallClientPort {
  #deviceManager: DeviceManager | undefined;
  #agent: TeamsCallAgent | undefined;
  #creatingAgent = false;

  /** The options are accepted for compatibility; the sandbox has no logger or network settings. */
  constructor(_options?: CallClientOptions) {}

  /**
   * Connects to the sandbox's signalling socket with a token from `credential`. Rejects when
   * the credential fails or the server rejects the token, with the server's reason in the message.
   */
  async createTeamsCallAgent(credential: CommunicationTokenCredential): Promise<TeamsCallAgent> {
    if (this.#agent !== undefined || this.#creatingAgent) {
      throw new CallingError('This CallClient already has a call agent; dispose it before creating another.', { code: 409, subCode: 0 });
    }

    this.#creatingAgent = true;
    try {
      const signalling = new SignallingClient(signallingUrl(), credential);
      const self = await signalling.connect();
      this.#agent = new TeamsCallAgent(signalling, self, await this.getDeviceManager(), () => (this.#agent = undefined));
      return this.#agent;
    } finally {
      this.#creatingAgent = false;
    }
  }

  async getDeviceManager(): Promise<DeviceManager> {
    this.#deviceManager ??= new DeviceManager();
    return this.#deviceManager;
  }

  /** Disposes the call agent (ending its calls) and the device manager. */
  async dispose(): Promise<void> {
    await this.#agent?.dispose();
    this.#deviceManager?.dispose();
    this.#deviceManager = undefined;
  }
}

