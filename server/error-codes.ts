/**
 * Error codes of the exchange endpoint. Every rejection is `{ error: { code, message } }` with the
 * HTTP status listed here, so a client can branch on the code and a person can read the message.
 * This table is the contract between the server and the browser's exchange client.
 */
export const exchangeErrors = {
  /** No `Authorization` header. */
  MissingAuthorization: 401,
  /** An `Authorization` header that is not `Bearer <token>`. */
  InvalidAuthorizationScheme: 401,
  /** The bearer token is not a JWT with readable claims. */
  MalformedToken: 401,
  /** The token's `exp` has passed. */
  TokenExpired: 401,
  /** The token's signature does not verify against the tenant's keys (only when verification is on). */
  InvalidSignature: 401,
  /** The token is not for the Communication Services resource (`aud`). */
  WrongAudience: 401,
  /** The token lacks `Teams.ManageCalls` or `Teams.ManageChats` in `scp`. */
  MissingScope: 403,
  /** The token's tenant (`tid`) is not in the allowed tenants. */
  TenantNotAllowed: 403,
  /** The token's app (`appid` or `azp`) is not in the allowed client ids. */
  ClientNotAllowed: 403,
  /** The request's `Origin` is not in the allowed origins. */
  OriginNotAllowed: 403,
  /** Communication Services rejected the Teams token (app id or user mismatch, policy). */
  ExchangeRejected: 403,
  /** Not `POST` (or `OPTIONS` for CORS). */
  MethodNotAllowed: 405,
  /** The body exceeds the size limit. */
  PayloadTooLarge: 413,
  /** The body is not empty and not a JSON object. */
  InvalidBody: 400,
  /** This endpoint's own rate limit, or Communication Services throttling; see `Retry-After`. */
  TooManyRequests: 429,
  /** Communication Services rejected the endpoint's own credentials (connection string). */
  IdentityServiceUnauthorized: 502,
  /** Communication Services failed (5xx) or returned an invalid answer. */
  IdentityServiceError: 502,
  /** Communication Services did not answer in time or could not be reached. */
  IdentityServiceUnavailable: 504,
} as const;

/** One of the exchange endpoint's error codes. */
export type ExchangeErrorCode = keyof typeof exchangeErrors;
