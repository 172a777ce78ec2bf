import type { SandboxContext } from '../context.js';
import { applyFaultDelay } from '../faults.js';
import type { RouteHandler } from '../router.js';
import { faultResponse, identityError } from './errors.js';
import { verifyHmacRequest } from './hmac.js';
import { exchangeTeamsUserToken } from './teams-user-exchange.js';

export {
  issueTeamsUserToken,
  verifyCommunicationToken,
  type CommunicationTokenIdentity,
  type TeamsUserTokenRequest,
} from './communication-token.js';

const requestCounts = new WeakMap<SandboxContext, number>();

/** Returns how many requests reached the emulated identity API of this sandbox, for tests. */
export function identityRequestCount(context: SandboxContext): number {
  return requestCounts.get(context) ?? 0;
}

/**
 * Registers the emulated Communication Services identity API on the sandbox origin, which is the
 * resource's endpoint: `POST /teamsUser/:exchangeAccessToken` (the colon is part of the path).
 * Every request is counted, then the armed `identity` fault applies, then its HMAC signature is
 * checked against the resource's access key.
 */
export function registerIdentity(context: SandboxContext): void {
  context.router.add(
    'POST',
    '/teamsUser/:exchangeAccessToken',
    authenticated(context, (request, body) => exchangeTeamsUserToken(context, request, body)),
  );
}

/** Wraps an identity route with the request count, the fault registry, HMAC and JSON parsing. */
function authenticated(
  context: SandboxContext,
  handler: (request: Request, body: Record<string, unknown>) => Response,
): RouteHandler {
  return async (request) => {
    requestCounts.set(context, identityRequestCount(context) + 1);

    const fault = context.faults.take('identity');
    if (fault !== undefined) {
      await applyFaultDelay(fault, request.signal);
      // A hung request ends when the client disconnects, so this response is never read.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if (fault.status !== undefined) return faultResponse(context, request, { ...fault, status: fault.status });
    }

    const bytes = new Uint8Array(await request.arrayBuffer());
    const problem = verifyHmacRequest(request, bytes, context.resource.accessKey, Date.now());
    if (problem !== undefined) return identityError(context, request, 401, { code: 'Denied', message: problem });

    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      body = undefined;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return identityError(context, request, 400, { code: 'ValidationError', message: 'The request body is not a JSON object.' });
    }
    return handler(request, body as Record<string, unknown>);
  };
}
