/**
 * The token exchange endpoint of teams-elements: server code a company deploys so that signed-in
 * Teams users can trade their Entra ID token for a Communication Services access token.
 */
export { createExchangeHandler, type ExchangeHandler } from './exchange-handler.js';
export type { ConnectionInfo, ExchangeHandlerOptions, RateLimitOptions } from './exchange-options.js';
export { exchangeErrors, type ExchangeErrorBody, type ExchangeErrorCode, type ExchangeSuccessBody } from './error-codes.js';
export type { OriginPolicy } from './cors.js';
export type { ExchangeLogger } from './logging.js';
export type { RateLimitWindow } from './rate-limit.js';
export type { TeamsTokenExchanger } from './identity-exchange.js';
export { communicationAudiences } from './token-claims.js';
export { createOpenIdKeySource, entraDiscoveryUrl, type OpenIdKeySourceOptions } from './openid-keys.js';
export type { JsonWebKeySet, PublicJsonWebKey, SigningKeyRequest, SigningKeySource } from './signature.js';
export { toNodeListener, toWebRequest, sendWebResponse, type FetchHandler } from './node-adapter.js';
export { toAzureFunctionsHandler, type AzureFunctionsHttpRequest, type AzureFunctionsHttpResponse } from './azure-functions-adapter.js';
