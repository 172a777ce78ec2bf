import type { SandboxContext } from '../context.js';
import { applyFaultDelay, type Fault } from '../faults.js';
import { corsHeaders, preflight } from '../http.js';
import type { RouteParams } from '../router.js';
import { authenticate, type GraphCaller } from './auth.js';
import { defaultErrorCode, graphError } from './responses.js';

/** Base path of the emulated Microsoft Graph v1.0 on the sandbox origin. */
export const graphBasePath = '/graph/v1.0';

/**
 * Names of the emulated operations. A test arms a fault for every Graph request with the fault
 * name `graph`, or for one operation with `graph.<operation>`, such as `graph.send-message`. The
 * second form keeps polling requests running at the same time from using up a fault meant for a
 * send.
 */
export type GraphOperation =
  | 'get-me'
  | 'get-user'
  | 'search-users'
  | 'get-user-photo'
  | 'list-chats'
  | 'get-chat'
  | 'create-chat'
  | 'rename-chat'
  | 'mark-chat-read'
  | 'mark-chat-unread'
  | 'list-messages'
  | 'get-message'
  | 'send-message'
  | 'edit-message'
  | 'delete-message'
  | 'undo-delete-message'
  | 'set-reaction'
  | 'unset-reaction'
  | 'list-hosted-contents'
  | 'get-hosted-content';

/** Handles an authenticated Graph request. */
export type GraphHandler = (request: Request, params: RouteParams, caller: GraphCaller) => Promise<Response> | Response;

/**
 * Adds a Graph route under `/graph/v1.0`. It responds to CORS preflight requests, applies an armed
 * fault, authenticates the bearer token, then runs `handler`.
 */
export function addGraphRoute(
  context: SandboxContext,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  operation: GraphOperation,
  handler: GraphHandler,
): void {
  const pattern = `${graphBasePath}${path}`;
  context.router.add('OPTIONS', pattern, preflight);
  context.router.add(method, pattern, async (request, params) => {
    const fault = context.faults.take(`graph.${operation}`) ?? context.faults.take('graph');
    if (fault !== undefined) {
      const faulted = await answerWithFault(context, request, fault);
      if (faulted !== undefined) return faulted;
    }

    const caller = authenticate(context, request);
    if (caller instanceof Response) return caller;
    return handler(request, params, caller);
  });
}

/**
 * Waits for the fault's delay (or until the client gives up on a hanging request), then returns
 * the fault's error response, or `undefined` when the fault only delays the normal response.
 */
async function answerWithFault(context: SandboxContext, request: Request, fault: Fault): Promise<Response | undefined> {
  await applyFaultDelay(fault, request.signal);
  if (fault.hang) {
    // The client disconnected, so this response is never read.
    return new Response(null, { status: 499 });
  }
  if (fault.status === undefined) return undefined;

  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  context.log.rejected(request, fault.status, 'armed test fault');

  if (fault.body !== undefined) {
    return Response.json(fault.body, { status: fault.status, headers: { ...corsHeaders(request), ...headers } });
  }
  return graphError(request, fault.status, defaultErrorCode(fault.status), `The sandbox returned an armed test fault (HTTP ${fault.status}).`, headers);
}
