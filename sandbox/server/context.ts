import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import type { TlsCertificate } from './certificate.js';
import type { SandboxApp } from './directory.js';
import type { FaultRegistry } from './faults.js';
import type { SandboxLog } from './log.js';
import type { Router } from './router.js';
import type { SigningKey } from './signing.js';
import type { SandboxState } from './state.js';

/** Handles an HTTP upgrade (WebSocket) request on one path. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** The Communication Services resource the sandbox emulates. */
export interface CommunicationResource {
  /** Resource id, as in the `resourceId` claim of its tokens. */
  id: string;
  /** Endpoint URL, the sandbox origin with a trailing slash. */
  endpoint: string;
  /** Base64 access key, created at run time. */
  accessKey: string;
  /** `endpoint=...;accesskey=...`, as the Azure portal shows it. */
  connectionString: string;
}

/** What every emulator module receives when it registers its routes. */
export interface SandboxContext {
  /** `https://localhost:<port>`, without a trailing slash. */
  origin: string;
  router: Router;
  /** Signs every token the sandbox issues (Entra and Communication Services). */
  signingKey: SigningKey;
  resource: CommunicationResource;
  /** The Entra app registration of the Teams endpoint. */
  app: SandboxApp;
  /** Faults armed by tests; emulators consult it before answering. */
  faults: FaultRegistry;
  certificate: TlsCertificate;
  state: SandboxState;
  log: SandboxLog;
  /** Serves WebSocket upgrades on a path. */
  onUpgrade(pathname: string, handler: UpgradeHandler): void;
  /** Runs when the sandbox closes, before the server stops. */
  onClose(task: () => Promise<void> | void): void;
}
