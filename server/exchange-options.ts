import type { CommunicationIdentityClientOptions } from '@azure/communication-identity';

import type { OriginPolicy } from './cors.js';
import { createIdentityClient, type TeamsTokenExchanger } from './identity-exchange.js';
import type { ExchangeLogger } from './logging.js';
import { FixedWindowRateLimiter, type RateLimitWindow } from './rate-limit.js';
import type { SigningKeySource } from './signature.js';
import type { TokenPolicy } from './token-policy.js';

/** Connection details a runtime provides with a request. */
export interface ConnectionInfo {
  /** The peer's IP address from the socket, which is the proxy's address behind a proxy. */
  remoteAddress?: string;
}

/** Options of `createExchangeHandler`. */
export interface ExchangeHandlerOptions {
  /** The Communication Services connection string (`endpoint=...;accesskey=...`). Required unless `identityClient` is given. */
  connectionString?: string;
  /** An identity client to use instead of one created from `connectionString`, for tests or custom credentials. */
  identityClient?: TeamsTokenExchanger;
  /** Options for the `CommunicationIdentityClient` created from `connectionString`, such as extra pipeline policies. Retries are always off. */
  identityClientOptions?: CommunicationIdentityClientOptions;
  /** Entra tenant ids (`tid`) whose users may exchange tokens, or `'*'` for any tenant. */
  allowedTenantIds: readonly string[] | '*';
  /** Client ids of the Entra apps (`appid`/`azp`) whose tokens are accepted. */
  allowedClientIds: readonly string[];
  /**
   * Scopes the token must all carry, without the resource prefix. Default `['Teams.ManageCalls']`,
   * which calling needs. Add `'Teams.ManageChats'` only if the clients use Communication Services
   * chat, because this kit's chat goes through Microsoft Graph instead.
   */
  requiredScopes?: readonly string[];
  /**
   * Browser origins allowed to call the endpoint (CORS), as exact origins or a predicate. Requests
   * without `Origin` (servers, tools) and from the endpoint's own origin are always allowed.
   */
  allowedOrigins?: OriginPolicy;
  /** Largest accepted body, in bytes. Default 4096. */
  maxBodyBytes?: number;
  /** Request budgets; no limit when absent. */
  rateLimit?: RateLimitOptions;
  /** Receives one line per rejection and failure. Default: log nothing. Lines never contain a token. */
  logger?: ExchangeLogger;
  /** Time limit of the call to Communication Services, in milliseconds. Default 10000. */
  identityTimeoutMs?: number;
  /**
   * Verifies the token's signature locally before spending a call. Off by default, because
   * Communication Services verifies the signature itself. `createOpenIdKeySource()` loads Entra
   * ID's published keys.
   */
  verifySignature?: { keys: SigningKeySource };
  /** Clock in milliseconds since the epoch, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Budgets of the in-memory rate limiter. */
export interface RateLimitOptions {
  /**
   * Budget per user (`tid` and `oid`), counted only for tokens that passed every local check.
   * NOTE: without `verifySignature`, a forged token can name another user and use up that user's
   * budget, so pair this with `perClientAddress`.
   */
  perUser?: RateLimitWindow;
  /** Budget per client address, counted for every POST before the token is read. */
  perClientAddress?: RateLimitWindow;
  /**
   * Finds the client's address. Default: the socket's peer address. Behind a reverse proxy, read
   * the proxy's forwarding header here, and only from a proxy you trust.
   */
  clientAddress?: (request: Request, connection: ConnectionInfo) => string | undefined;
}

/** Options with defaults applied and collaborators created. */
export interface ResolvedExchangeOptions {
  identityClient: TeamsTokenExchanger;
  policy: TokenPolicy;
  allowedOrigins: OriginPolicy | undefined;
  maxBodyBytes: number;
  identityTimeoutMs: number;
  keySource: SigningKeySource | undefined;
  userLimiter: FixedWindowRateLimiter | undefined;
  addressLimiter: FixedWindowRateLimiter | undefined;
  clientAddress: (request: Request, connection: ConnectionInfo) => string | undefined;
  now: () => number;
}

/**
 * Checks the options and applies defaults. Throws a `TypeError` naming the option when one is
 * missing or invalid, so a misconfigured endpoint fails at start-up rather than per request.
 */
export function resolveExchangeOptions(options: ExchangeHandlerOptions): ResolvedExchangeOptions {
  const { allowedTenantIds, allowedClientIds } = options;

  if (allowedTenantIds !== '*' && (!Array.isArray(allowedTenantIds) || allowedTenantIds.length === 0)) {
    throw new TypeError('allowedTenantIds must be a non-empty array of tenant ids, or "*" to allow any tenant.');
  }
  if (!Array.isArray(allowedClientIds) || allowedClientIds.length === 0) {
    throw new TypeError('allowedClientIds must be a non-empty array with the client id of your Entra app registration.');
  }

  const maxBodyBytes = options.maxBodyBytes ?? 4096;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new TypeError(`maxBodyBytes ${maxBodyBytes} is invalid; use a whole number of bytes.`);
  }
  const identityTimeoutMs = options.identityTimeoutMs ?? 10_000;
  if (!Number.isFinite(identityTimeoutMs) || identityTimeoutMs <= 0) {
    throw new TypeError(`identityTimeoutMs ${identityTimeoutMs} is invalid; use a positive number of milliseconds.`);
  }

  return {
    identityClient: resolveIdentityClient(options),
    policy: {
      allowedTenantIds,
      allowedClientIds,
      requiredScopes: options.requiredScopes ?? ['Teams.ManageCalls'],
    },
    allowedOrigins: options.allowedOrigins,
    maxBodyBytes,
    identityTimeoutMs,
    keySource: options.verifySignature?.keys,
    userLimiter: options.rateLimit?.perUser && new FixedWindowRateLimiter(options.rateLimit.perUser),
    addressLimiter: options.rateLimit?.perClientAddress && new FixedWindowRateLimiter(options.rateLimit.perClientAddress),
    clientAddress: options.rateLimit?.clientAddress ?? ((_request, connection) => connection.remoteAddress),
    now: options.now ?? Date.now,
  };
}

function resolveIdentityClient(options: ExchangeHandlerOptions): TeamsTokenExchanger {
  if (options.identityClient !== undefined) return options.identityClient;
  if (typeof options.connectionString !== 'string' || options.connectionString === '') {
    throw new TypeError(
      'connectionString is missing. Pass the Communication Services connection string (endpoint=...;accesskey=...) or an identityClient.',
    );
  }
  return createIdentityClient(options.connectionString, options.identityClientOptions);
}
