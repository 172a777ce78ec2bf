import assert from 'node:assert/strict';

import { Client, GraphError } from '@microsoft/microsoft-graph-client';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { findUser, type SandboxUser } from '../../sandbox/server/directory.js';
import { graphAudience, issueEntraAccessToken } from '../../sandbox/server/entra/access-token.js';
import { createMemoryLog } from '../../sandbox/server/log.js';

/** Shared set-up of the Graph emulator tests: a sandbox on a free loopback port and real Graph clients for it. */
export interface GraphTestbed {
  sandbox: Sandbox;
  log: ReturnType<typeof createMemoryLog>;
  /** Issues a Graph access token for a sandbox user, with `Chat.ReadWrite` and the user scopes by default. */
  token(upn: string, options?: { scopes?: string[]; lifetimeSeconds?: number; audience?: string }): string;
  /** The real Graph client pointed at the sandbox, built as the kit builds it. */
  client(upnOrToken: string): Client;
  /** Sends a request without the Graph client, for status codes and headers. */
  raw(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
}

export function requireUser(upn: string): SandboxUser {
  const user = findUser(upn);
  assert.ok(user, `the sandbox directory has ${upn}`);
  return user;
}

export const adele = requireUser('adele.vance@contoso.com');
export const alex = requireUser('alex.wilber@contoso.com');
export const megan = requireUser('megan.bowen@contoso.com');
export const diego = requireUser('diego.siciliani@fabrikam.com');
export const lee = requireUser('lee.gu@fabrikam.com');
export const nestor = requireUser('nestor.wilke@fabrikam.com');

export const adeleDiegoChatId = `19:${[adele.id, diego.id].sort().join('_')}@unq.gbl.spaces`;
export const adeleAlexChatId = `19:${[adele.id, alex.id].sort().join('_')}@unq.gbl.spaces`;

/** Starts a sandbox (with `options` passed through) and returns helpers bound to it. */
export async function startGraphTestbed(options: Parameters<typeof startSandbox>[0] = {}): Promise<GraphTestbed> {
  const log = createMemoryLog();
  const sandbox = await startSandbox({ port: 0, serveFiles: false, log, ...options });

  const token: GraphTestbed['token'] = (upn, tokenOptions = {}) =>
    issueEntraAccessToken(sandbox.context, {
      user: requireUser(upn),
      clientId: sandbox.context.app.clientId,
      audience: tokenOptions.audience ?? graphAudience,
      scopes: tokenOptions.scopes ?? ['User.Read', 'User.ReadBasic.All', 'Chat.ReadWrite'],
      ...(tokenOptions.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: tokenOptions.lifetimeSeconds }),
    });

  const client = (upnOrToken: string): Client => {
    const accessToken = upnOrToken.includes('@') ? token(upnOrToken) : upnOrToken;
    return Client.initWithMiddleware({
      authProvider: { getAccessToken: async () => accessToken },
      baseUrl: `${sandbox.origin}/graph/`,
      customHosts: new Set(['localhost']),
    });
  };

  const raw: GraphTestbed['raw'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`);
    return fetch(`${sandbox.origin}/graph/v1.0${path}`, { ...init, headers });
  };

  return { sandbox, log, token, client, raw };
}

/** Awaits a Graph request that must fail, and returns its `GraphError`. */
export async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GraphError, `expected a GraphError, got ${String(error)}`);
    return error;
  }
  assert.fail('the request succeeded but was expected to fail');
}

/** Builds a create-chat member that binds a user by id, as Graph's documentation shows. */
export function chatMember(user: SandboxUser, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: ['owner'],
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${user.id}')`,
    ...extra,
  };
}
