import type { CommunicationIdentityClientOptions } from '@azure/communication-identity';

import { createExchangeHandler, type ExchangeHandler, type ExchangeHandlerOptions } from '../../server/index.js';
import type { SandboxContext } from './context.js';
import { contoso, fabrikam } from './directory.js';
import { isLoopbackOrigin } from './loopback.js';
import type { RouteHandler } from './router.js';
import type { TenantConfig } from './tenant-config.js';

type PipelinePolicy = NonNullable<CommunicationIdentityClientOptions['additionalPolicies']>[number]['policy'];

/** Path of the sandbox's exchange endpoint. */
export const exchangePath = '/api/token-exchange';

/**
 * Creates the reference exchange handler configured for the sandbox: the emulated resource's
 * connection string, Contoso's and Fabrikam's users, the sandbox app, and loopback origins.
 * Tests pass `overrides` to shorten the timeout or add a logger or rate limits.
 */
export function createSandboxExchangeHandler(context: SandboxContext, overrides: Partial<ExchangeHandlerOptions> = {}): ExchangeHandler {
  return createExchangeHandler({
    connectionString: context.resource.connectionString,
    identityClientOptions: { additionalPolicies: [{ policy: trustSandboxCertificate(context), position: 'perCall' }] },
    allowedTenantIds: [contoso.id, fabrikam.id],
    allowedClientIds: [context.app.clientId],
    // Loopback pages on any port, where browser tests and the demo's dev servers run.
    allowedOrigins: (origin) => origin === context.origin || isLoopbackOrigin(origin),
    ...overrides,
  });
}

/**
 * Mounts the exchange endpoint at `/api/token-exchange`: against the emulated resource, or against
 * a real one when `tenant` is given. Other methods than POST and OPTIONS reach the handler too, so
 * that they get its own `MethodNotAllowed` error. Rejections go to the sandbox log with their
 * code; tokens never do.
 */
export function registerExchange(context: SandboxContext, tenant?: TenantConfig): void {
  const handler =
    tenant === undefined
      ? createSandboxExchangeHandler(context)
      : createExchangeHandler({
          connectionString: tenant.connectionString,
          allowedTenantIds: tenant.allowedTenantIds,
          allowedClientIds: [tenant.clientId],
        });

  const route: RouteHandler = async (request) => {
    const response = await handler(request);
    if (response.status >= 400) {
      const body = (await response.clone().json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
      context.log.rejected(request, response.status, `${body?.error?.code ?? 'unknown'}: ${body?.error?.message ?? ''}`);
    }
    return response;
  };

  for (const method of ['POST', 'OPTIONS', 'GET', 'PUT', 'PATCH', 'DELETE']) {
    context.router.add(method, exchangePath, route);
  }
}

/**
 * Makes the identity client trust the sandbox's self-signed certificate, so the exchange works
 * without `NODE_EXTRA_CA_CERTS`. One settings object for every request, because the SDK caches its
 * HTTPS agent per settings object.
 */
function trustSandboxCertificate(context: SandboxContext): PipelinePolicy {
  const tlsSettings = { ca: context.certificate.cert };
  return {
    name: 'trustSandboxCertificate',
    sendRequest(request, next) {
      request.tlsSettings = tlsSettings;
      return next(request);
    },
  };
}
