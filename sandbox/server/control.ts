import type { SandboxContext } from './context.js';
import { findUser } from './directory.js';
import { communicationAudience, graphAudience, issueEntraAccessToken } from './entra/access-token.js';
import type { Fault } from './faults.js';
import { issueTeamsUserToken } from './identity/index.js';
import { bearerToken, corsHeaders, jsonResponse, preflight } from './http.js';

/**
 * Test-control routes under `/__sandbox/`: arm faults and mint Entra tokens without a sign-in.
 * They exist only in the sandbox, which listens on loopback.
 */
export function registerControl(context: SandboxContext): void {
  const { router, faults } = context;

  router.add('OPTIONS', '/__sandbox/faults/{name}', preflight);
  router.add('POST', '/__sandbox/faults/{name}', async (request, params) => {
    faults.arm(params['name']!, (await request.json()) as Fault);
    return new Response(null, { status: 204, headers: corsHeaders(request) });
  });
  router.add('OPTIONS', '/__sandbox/faults', preflight);
  router.add('DELETE', '/__sandbox/faults', (request) => {
    faults.clear();
    return new Response(null, { status: 204, headers: corsHeaders(request) });
  });

  // Body: { user: upn or object id, resource?: 'communication' | 'graph', scopes?, lifetimeSeconds?, clientId? }
  router.add('OPTIONS', '/__sandbox/entra-token', preflight);
  router.add('POST', '/__sandbox/entra-token', async (request) => {
    const body = (await request.json()) as {
      user?: string;
      resource?: 'communication' | 'graph';
      scopes?: string[];
      lifetimeSeconds?: number;
      clientId?: string;
    };
    const user = findUser(body.user ?? '');
    if (user === undefined) {
      return jsonResponse(request, { error: { code: 'UserNotFound', message: `No sandbox user ${body.user}.` } }, 404);
    }
    const communication = (body.resource ?? 'communication') === 'communication';
    const accessToken = issueEntraAccessToken(context, {
      user,
      clientId: body.clientId ?? context.app.clientId,
      audience: communication ? communicationAudience : graphAudience,
      scopes: body.scopes ?? (communication ? ['Teams.ManageCalls', 'Teams.ManageChats'] : ['Chat.ReadWrite', 'User.Read', 'User.ReadBasic.All']),
      ...(body.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: body.lifetimeSeconds }),
    });
    return jsonResponse(request, { accessToken, user });
  });

  // Body: { user: upn or object id, lifetimeSeconds? }. The token the identity emulator issues,
  // without an Entra token; for tests of the calling module alone.
  router.add('OPTIONS', '/__sandbox/communication-token', preflight);
  router.add('POST', '/__sandbox/communication-token', async (request) => {
    const body = (await request.json()) as { user?: string; lifetimeSeconds?: number };
    const user = findUser(body.user ?? '');
    if (user === undefined) {
      return jsonResponse(request, { error: { code: 'UserNotFound', message: `No sandbox user ${body.user}.` } }, 404);
    }
    const { token, expiresOn } = issueTeamsUserToken(context, {
      objectId: user.id,
      tenantId: user.tenantId,
      entraExpiresAt: Math.floor(Date.now() / 1000) + (body.lifetimeSeconds ?? 3600),
      scopes: ['voip', 'chat'],
    });
    return jsonResponse(request, { token, expiresOn: expiresOn.toISOString(), user });
  });

  // Echoes whether a request carried a bearer token, without returning it, for client tests.
  router.add('OPTIONS', '/__sandbox/whoami', preflight);
  router.add('GET', '/__sandbox/whoami', (request) =>
    jsonResponse(request, { hasBearerToken: bearerToken(request) !== undefined }),
  );
}
