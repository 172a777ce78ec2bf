/**
 * Error codes of the exchange endpoint. Every rejection is `{ error: { code, message } }` with the
 * HTTP status listed here, so a client can branch on the code and a person can read the message.
 * This table is the contract between the server and the browser's exchange client.
 *
 * Codes are listed in the order the endpoint checks a request, and it stops at the first failure.
 * Every code above `TokenRejected` is decided locally, before any call to Communication Services,
 * except `TooManyRequests`, which also passes on Communication Services throttling.
 */
export const exchangeErrors = {
  /** Not `POST` (or `OPTIONS` for CORS). */
  MethodNotAllowed: 405,
  /** The request's `Origin` is not in the allowed origins. */
  OriginNotAllowed: 403,
  /**
   * This endpoint's own rate limit (per client address or per user), or Communication Services
   * throttling. `Retry-After` gives the seconds to wait.
   */
  TooManyRequests: 429,
  /** No `Authorization` header. */
  MissingAuthorization: 401,
  /** An `Authorization` header that is not `Bearer <token>`. */
  InvalidAuthorizationScheme: 401,
  /** The bearer token is not a JWT with readable claims, or lacks `oid`, `tid`, `appid`/`azp`, `aud` or `exp`. */
  MalformedToken: 401,
  /** The token's `exp` has passed. */
  TokenExpired: 401,
  /** The token is not for the Communication Services resource (`aud`). */
  WrongAudience: 401,
  /** The token's `scp` lacks a required scope (by default `Teams.ManageCalls`). */
  MissingScope: 403,
  /** The token's tenant (`tid`) is not in the allowed tenants. */
  TenantNotAllowed: 403,
  /** The token's app (`appid` or `azp`) is not in the allowed client ids. */
  ClientNotAllowed: 403,
  /** The token's signature does not verify against the issuer's keys (only when verification is on). */
  InvalidSignature: 401,
  /** The body exceeds the size limit. */
  PayloadTooLarge: 413,
  /** The body is not empty and not a JSON object, or could not be read. */
  InvalidBody: 400,
  /** Communication Services found the Teams token invalid (signature, issuer or expiry). */
  TokenRejected: 401,
  /** Communication Services refused the exchange (app id or user mismatch, consent, policy). */
  ExchangeRejected: 403,
  /** Communication Services rejected the endpoint's own credentials (connection string). */
  IdentityServiceUnauthorized: 502,
  /** Communication Services failed (5xx) or returned an invalid token or expiry. */
  IdentityServiceError: 502,
  /** Communication Services did not respond in time or could not be reached. */
  IdentityServiceUnavailable: 504,
} as const;

/** One of the exchange endpoint's error codes. */
export type ExchangeErrorCode = keyof typeof exchangeErrors;

/** The JSON body of every error response of the exchange endpoint. */
export interface ExchangeErrorBody {
  error: { code: ExchangeErrorCode; message: string };
}

/** The JSON body of a successful exchange. */
export interface ExchangeSuccessBody {
  /** The Communication Services access token. */
  token: string;
  /** ISO 8601 expiry of `token`. */
  expiresOn: string;
}
