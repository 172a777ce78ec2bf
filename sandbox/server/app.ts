import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

import { toNodeListener } from '../../server/node-adapter.js';
import { type CallingOptions, registerCalling } from './calling/index.js';
import { loadOrCreateCertificate } from './certificate.js';
import type { CommunicationResource, SandboxContext, UpgradeHandler } from './context.js';
import { registerControl } from './control.js';
import { app, communicationResourceId } from './directory.js';
import { registerEntra } from './entra/index.js';
import { registerExchange } from './exchange.js';
import { FaultRegistry } from './faults.js';
import { registerGraph } from './graph/index.js';
import { registerIdentity } from './identity/index.js';
import { createConsoleLog, type SandboxLog } from './log.js';
import { Router } from './router.js';
import { SigningKey } from './signing.js';
import { SandboxState } from './state.js';
import { registerStaticFiles } from './static-files.js';
import type { TenantConfig } from './tenant-config.js';

/** Options of `startSandbox`. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 8443. */
  port?: number;
  /** Folder for the generated certificate. Default `.sandbox` in the working directory. */
  dataDirectory?: string;
  /** JSON file that keeps chats and messages across restarts. Default: memory only. */
  stateFile?: string;
  /** Serve the demo pages and built bundles. Default true; emulator tests turn it off. */
  serveFiles?: boolean;
  log?: SandboxLog;
  /**
   * A real Entra tenant and Communication Services resource. With it, the emulators are off: the
   * exchange endpoint calls the real resource and the demo pages sign in to the real tenant.
   */
  tenant?: TenantConfig;
  /** Timeouts of the calling signalling server, for tests that need them short. */
  calling?: CallingOptions;
}

/** A running sandbox. */
export interface Sandbox {
  /** `https://localhost:<port>` */
  origin: string;
  context: SandboxContext;
  close(): Promise<void>;
}

/**
 * Starts the sandbox: one HTTPS origin on loopback serving the emulated Entra ID, Communication
 * Services identity API, Microsoft Graph, the calling signalling socket, the exchange endpoint
 * and the demo pages.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log = options.log ?? createConsoleLog();
  const certificate = await loadOrCreateCertificate(options.dataDirectory ?? '.sandbox');
  const state = await SandboxState.open(options.stateFile);
  const router = new Router();
  const upgrades = new Map<string, UpgradeHandler>();
  const closeTasks: Array<() => Promise<void> | void> = [];

  const server = createServer({ cert: certificate.cert, key: certificate.key }, toNodeListener(async (request) => {
    const url = new URL(request.url);
    const route = router.match(request.method, url.pathname);
    if (route) return route.handler(request, route.params);
    log.rejected(request, 404, 'no such path');
    return Response.json({ error: { code: 'NotFound', message: `Nothing is served at ${url.pathname}.` } }, { status: 404 });
  }, (error) => log.error('A request handler failed.', error)));

  server.on('upgrade', (request, socket, head) => {
    const pathname = new URL(request.url ?? '/', 'https://localhost').pathname;
    const handler = upgrades.get(pathname);
    if (handler) {
      handler(request, socket, head);
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
  });

  const port = await listen(server, options.port ?? 8443);
  const origin = `https://localhost:${port}`;
  const accessKey = randomBytes(32).toString('base64');
  const resource: CommunicationResource = {
    id: communicationResourceId,
    endpoint: `${origin}/`,
    accessKey,
    connectionString: `endpoint=${origin}/;accesskey=${accessKey}`,
  };

  const context: SandboxContext = {
    origin,
    router,
    signingKey: new SigningKey(),
    resource,
    app,
    faults: new FaultRegistry(),
    certificate,
    state,
    log,
    onUpgrade: (pathname, handler) => upgrades.set(pathname, handler),
    onClose: (task) => closeTasks.push(task),
  };

  if (options.tenant === undefined) {
    registerControl(context);
    registerEntra(context);
    registerIdentity(context);
    registerGraph(context);
    registerCalling(context, options.calling);
  }
  registerExchange(context, options.tenant);
  if (options.serveFiles ?? true) registerStaticFiles(context, options.tenant);

  return {
    origin,
    context,
    async close() {
      for (const task of closeTasks) await task();
      await state.save();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} is in use. Stop the other process or set PORT to a free port.`));
      } else {
        reject(error);
      }
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
