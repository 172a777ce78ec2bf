export { systemClock, type Clock, type TimerHandle } from './clock.js';
export { TokenServiceCredential } from './credential.js';
export { ExchangeClient, defaultExchangeTimeoutMs, type ExchangeClientOptions, type ExchangeContext } from './exchange-client.js';
export { ExchangeError, type ExchangeErrorCode } from './exchange-error.js';
export { browserPageLifecycle, type PageEventTargets, type PageLifecycle, type ResumeReason } from './page-lifecycle.js';
export { defaultRefreshPolicy, type RefreshPolicy } from './refresh-schedule.js';
export type { RefreshFailedDetail, RefreshReason, TokenRefreshedDetail, TokenServiceEventMap } from './token-events.js';
export {
  CommunicationTokenService,
  communicationServicesScopes,
  type CommunicationTokenServiceOptions,
  type GetTokenOptions,
  type TokenServiceLogger,
} from './token-service.js';
