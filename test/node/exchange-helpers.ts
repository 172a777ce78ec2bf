import assert from 'node:assert/strict';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import type { SandboxContext } from '../../sandbox/server/context.js';
import { findUser } from '../../sandbox/server/directory.js';
import { communicationAudience, issueEntraAccessToken } from '../../sandbox/server/entra/access-token.js';
import { exchangePath } from '../../sandbox/server/exchange.js';
import { createMemoryLog } from '../../sandbox/server/log.js';
import type { ExchangeErrorCode, ExchangeLogger } from '../../server/index.js';

/** Starts a sandbox for one test file, with a memory log. */
export async function startTestSandbox(): Promise<{ sandbox: Sandbox; log: ReturnType<typeof createMemoryLog> }> {
  const log = createMemoryLog();
  const sandbox = await startSandbox({ port: 0, serveFiles: false, log });
  return { sandbox, log };
}

/** Options of `entraToken`; defaults give a valid token of Adele Vance (Contoso) for the sandbox app. */
export interface EntraTokenOptions {
  user?: string;
  clientId?: string;
  audience?: string;
  scopes?: string[];
  lifetimeSeconds?: number;
}

/** Issues an Entra access token from the sandbox's emulated Entra ID. */
export function entraToken(context: SandboxContext, options: EntraTokenOptions = {}): string {
  const user = findUser(options.user ?? 'adele.vance@contoso.com');
  assert.ok(user, `no sandbox user ${options.user}`);
  return issueEntraAccessToken(context, {
    user,
    clientId: options.clientId ?? context.app.clientId,
    audience: options.audience ?? communicationAudience,
    scopes: options.scopes ?? ['Teams.ManageCalls', 'Teams.ManageChats'],
    ...(options.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: options.lifetimeSeconds }),
  });
}

/** Builds a request to the sandbox's exchange endpoint, with `token` as `Authorization: Bearer`. */
export function exchangeRequest(
  sandbox: Sandbox,
  init: { token?: string; method?: string; headers?: Record<string, string>; body?: BodyInit } = {},
): Request {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`);
  return new Request(`${sandbox.origin}${exchangePath}`, {
    method: init.method ?? 'POST',
    headers,
    ...(init.body === undefined ? {} : { body: init.body, duplex: 'half' }),
  } as RequestInit);
}

/** Reads an error response's `{ error: { code, message } }`. */
export async function readError(response: Response): Promise<{ code: ExchangeErrorCode; message: string }> {
  const body = (await response.json()) as { error?: { code: ExchangeErrorCode; message: string } };
  assert.ok(body.error, `expected an error body, got status ${response.status}`);
  return body.error;
}

/** Creates a logger that keeps every line with its level. */
export function createRecordingLogger(): ExchangeLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

/** Decodes a JWT's claims without verifying it. */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  assert.ok(payload, 'not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
