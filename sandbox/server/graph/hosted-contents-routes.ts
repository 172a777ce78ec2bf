import type { SandboxContext } from '../context.js';
import { requireScope } from './auth.js';
import { addGraphRoute, graphBasePath } from './graph-route.js';
import { findMemberChat } from './membership.js';
import { readMessageScopes } from './permissions.js';
import { graphError, graphJson } from './responses.js';
import { corsHeaders } from '../http.js';
import type { ChatStore } from './store.js';

/**
 * A message's hosted contents (inline images): `GET /chats/{chatId}/messages/{messageId}/hostedContents`
 * lists them, and `.../hostedContents/{hostedContentId}/$value` returns the bytes. Both need the
 * bearer token like every Graph request, which is why a plain `<img src>` cannot show them.
 */
export function registerHostedContentRoutes(context: SandboxContext, store: ChatStore): void {
  const base = '/chats/{chatId}/messages/{messageId}/hostedContents';

  addGraphRoute(context, 'GET', base, 'list-hosted-contents', (request, params, caller) => {
    const denied = requireScope(context, request, caller, readMessageScopes);
    if (denied) return denied;
    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const url = new URL(request.url);
    const ids = store.hostedContentIds(chat.id, params['messageId']!);
    return graphJson(request, {
      '@odata.context': `${url.origin}${graphBasePath}/$metadata#chats('${encodeURIComponent(chat.id)}')/messages('${params['messageId']}')/hostedContents`,
      '@odata.count': ids.length,
      value: ids.map((id) => ({ id, contentBytes: null, contentType: null })),
    });
  });

  addGraphRoute(context, 'GET', `${base}/{hostedContentId}/$value`, 'get-hosted-content', (request, params, caller) => {
    const denied = requireScope(context, request, caller, readMessageScopes);
    if (denied) return denied;
    const chat = findMemberChat(context, store, request, caller, params['chatId']!);
    if (chat instanceof Response) return chat;

    const content = store.findHostedContent(chat.id, params['messageId']!, params['hostedContentId']!);
    if (content === undefined) {
      const message = `The message ${params['messageId']} of chat ${chat.id} has no hosted content "${params['hostedContentId']}".`;
      context.log.rejected(request, 404, message);
      return graphError(request, 404, 'NotFound', message);
    }
    return new Response(new Uint8Array(Buffer.from(content.bytes, 'base64')), {
      status: 200,
      headers: { ...corsHeaders(request), 'content-type': content.contentType, 'cache-control': 'private, max-age=3600' },
    });
  });
}
