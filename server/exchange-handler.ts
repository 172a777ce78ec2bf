import type { ExchangeSuccessBody } from './error-codes.js';
import { corsHeaders, isOriginAllowed, preflightResponse } from './cors.js';
import {
  resolveExchangeOptions,
  type ConnectionInfo,
  type ExchangeHandlerOptions,
  type ResolvedExchangeOptions,
} from './exchange-options.js';
import { exchangeTeamsToken } from './identity-exchange.js';
import { decodeJwt } from './jwt.js';
import { createSafeLogger, type ExchangeLogger } from './logging.js';
import { reject, Rejection, rejectionResponse } from './rejection.js';
import { readRequestBody } from './request-body.js';
import { verifyTokenSignature } from './signature.js';
import { readTeamsTokenClaims, type TeamsTokenClaims } from './token-claims.js';
import { checkTokenClaims } from './token-policy.js';

/** The exchange endpoint as a web-standard handler. `connection` carries the peer address when the runtime provides it. */
export type ExchangeHandler = (request: Request, connection?: ConnectionInfo) => Promise<Response>;

/**
 * Creates the token exchange endpoint: it takes an Entra ID access token of a Teams user in
 * `Authorization: Bearer`, checks it locally, and returns a Communication Services access token
 * from `getTokenForTeamsUser` as `{ token, expiresOn }`. Every failure is a JSON error with a code
 * from `exchangeErrors`. The handler throws only if an option's own function (`now` or
 * `rateLimit.clientAddress`) throws.
 *
 * Checks run cheapest first, and all of them are decided without a call to Communication
 * Services. The order is: method, origin, client-address rate limit, Authorization header, JWT
 * shape and claims, expiry, audience, scopes, tenant, app, signature (when enabled), body and
 * per-user rate limit.
 */
export function createExchangeHandler(options: ExchangeHandlerOptions): ExchangeHandler {
  const resolved = resolveExchangeOptions(options);
  const log = createSafeLogger(options.logger);

  return async (request, connection = {}) => {
    const origin = request.headers.get('origin');
    const originAllowed = isOriginAllowed(origin, request.url, resolved.allowedOrigins);
    const cors = originAllowed ? corsHeaders(origin) : {};

    const trace: ExchangeTrace = {};
    const result = await handleExchange(request, connection, origin, originAllowed, resolved, trace);
    if (result instanceof Response) {
      if (result.status === 200 && trace.claims !== undefined) log.info(`token exchanged${describeClaims(trace.claims)}`);
      return result;
    }

    // A rejected client request is routine (an expired token, say), so it is logged as info.
    // A failure of Communication Services is logged at the level its mapping chose.
    const detail = trace.failure === undefined ? '' : ` Cause: ${trace.failure.detail}.`;
    log[trace.failure?.level ?? 'info'](`token exchange rejected: ${result.code}: ${result.message}${detail}${describeClaims(trace.claims)}`);
    return rejectionResponse(result, cors);
  };
}

/** Facts gathered while handling a request, for its one log line. */
interface ExchangeTrace {
  claims?: TeamsTokenClaims;
  failure?: { detail: string; level: keyof ExchangeLogger };
}

async function handleExchange(
  request: Request,
  connection: ConnectionInfo,
  origin: string | null,
  originAllowed: boolean,
  options: ResolvedExchangeOptions,
  trace: ExchangeTrace,
): Promise<Response | Rejection> {
  if (request.method !== 'POST' && request.method !== 'OPTIONS') {
    return reject('MethodNotAllowed', `${request.method} is not supported. Send POST with the Entra token in the Authorization header.`, {
      allow: 'POST, OPTIONS',
    });
  }
  if (!originAllowed) {
    return reject('OriginNotAllowed', `Origin ${origin} may not call this endpoint. Ask its operator to add the origin to allowedOrigins.`);
  }
  if (request.method === 'OPTIONS') return preflightResponse(origin);

  const addressLimit = checkAddressLimit(request, connection, options);
  if (addressLimit) return addressLimit;

  const bearer = readBearerToken(request);
  if (bearer instanceof Rejection) return bearer;

  const decoded = decodeJwt(bearer);
  if (decoded === undefined) {
    return reject('MalformedToken', 'The bearer token is not a JWT. Send the Entra ID access token that MSAL returned for Communication Services.');
  }
  const claims = readTeamsTokenClaims(decoded);
  if (claims instanceof Rejection) return claims;
  trace.claims = claims;

  const claimsProblem = checkTokenClaims(claims, options.policy, options.now());
  if (claimsProblem) return claimsProblem;

  if (options.keySource !== undefined) {
    const signatureProblem = await verifyTokenSignature(decoded, claims.issuer, claims.tenantId, options.keySource);
    if (signatureProblem) return signatureProblem;
  }

  const body = await readRequestBody(request, options.maxBodyBytes);
  if (body instanceof Rejection) return body;

  const userLimit = options.userLimiter?.take(`${claims.tenantId}/${claims.objectId}`, options.now());
  if (userLimit && !userLimit.allowed) {
    return reject('TooManyRequests', `Too many token requests for this user. Retry after ${userLimit.retryAfterSeconds} seconds.`, {
      'retry-after': String(userLimit.retryAfterSeconds),
    });
  }

  const outcome = await exchangeTeamsToken(
    options.identityClient,
    { teamsUserAadToken: bearer, clientId: claims.clientId, userObjectId: claims.objectId },
    options.identityTimeoutMs,
    request.signal,
  );
  if (!outcome.ok) {
    trace.failure = { detail: outcome.detail, level: outcome.level };
    return outcome.rejection;
  }

  const success: ExchangeSuccessBody = { token: outcome.token, expiresOn: outcome.expiresOn.toISOString() };
  return Response.json(success, { status: 200, headers: { ...corsHeaders(origin), 'cache-control': 'no-store' } });
}

function checkAddressLimit(request: Request, connection: ConnectionInfo, options: ResolvedExchangeOptions): Rejection | undefined {
  if (options.addressLimiter === undefined) return undefined;
  const address = options.clientAddress(request, connection);
  // NOTE: a runtime that reports no address is not limited per address; set clientAddress there.
  if (address === undefined) return undefined;

  const decision = options.addressLimiter.take(address, options.now());
  if (decision.allowed) return undefined;
  return reject('TooManyRequests', `Too many token requests from this address. Retry after ${decision.retryAfterSeconds} seconds.`, {
    'retry-after': String(decision.retryAfterSeconds),
  });
}

function readBearerToken(request: Request): string | Rejection {
  const header = request.headers.get('authorization');
  if (header === null || header.trim() === '') {
    return reject('MissingAuthorization', 'The Authorization header is missing. Send "Authorization: Bearer <Entra access token>".');
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (match === null) {
    return reject('InvalidAuthorizationScheme', 'The Authorization header is not "Bearer <token>". Send the Entra access token with the Bearer scheme.');
  }
  return match[1]!;
}

/** Ids for the log: tenant, user and app. They identify the caller but are not secrets. */
function describeClaims(claims: TeamsTokenClaims | undefined): string {
  if (claims === undefined) return '';
  return ` (tid ${claims.tenantId}, oid ${claims.objectId}, app ${claims.clientId})`;
}
