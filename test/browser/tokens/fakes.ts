// Test doubles for the token service: a fake clock, an Entra token provider that behaves like
// MSAL's cache, an exchange function, page events and a recording logger.
import { TeamsError } from '../../../src/services/errors.js';
import type {
  EntraToken,
  EntraTokenProvider,
  ExchangeFunction,
  ExchangeResult,
  SessionAccount,
} from '../../../src/services/session/types.js';
import type { Clock, TimerHandle } from '../../../src/services/tokens/clock.js';
import type { PageLifecycle, ResumeReason } from '../../../src/services/tokens/page-lifecycle.js';
import {
  CommunicationTokenService,
  type CommunicationTokenServiceOptions,
  type TokenServiceLogger,
} from '../../../src/services/tokens/token-service.js';

export const minute = 60_000;
export const hour = 60 * minute;

export const testAccount: SessionAccount = {
  name: 'Adele Vance',
  username: 'adele.vance@contoso.com',
  objectId: '6e2a4f1c-0b7d-4c55-9a0e-2f1d3c4b5a69',
  tenantId: 'c0ffee00-1111-4222-8333-444455556666',
};

/** Waits for one real task, so every pending microtask (promise continuation) has run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

interface FakeTimer {
  dueAt: number;
  callback: () => void;
}

/** A clock whose time moves only when a test advances it; timers run in due order. */
export class FakeClock implements Clock {
  #now: number;
  readonly #timers = new Map<number, FakeTimer>();
  #nextHandle = 1;

  constructor(start = Date.parse('2025-03-01T09:00:00.000Z')) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const handle = this.#nextHandle++;
    this.#timers.set(handle, { dueAt: this.#now + Math.max(0, delayMs), callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle as number);
  }

  /** Due times of the pending timers, earliest first. */
  get pendingDueTimes(): number[] {
    return [...this.#timers.values()].map((timer) => timer.dueAt).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, running each timer that falls due and the work it starts. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    await settle();

    for (;;) {
      const next = this.#nextDueTimer(end);
      if (next === undefined) break;

      const [handle, timer] = next;
      this.#timers.delete(handle);
      this.#now = Math.max(this.#now, timer.dueAt);
      timer.callback();
      await settle();
    }

    this.#now = end;
    await settle();
  }

  /** Moves the wall clock forward without running timers, as during system sleep. */
  jump(ms: number): void {
    this.#now += ms;
  }

  #nextDueTimer(end: number): [number, FakeTimer] | undefined {
    let earliest: [number, FakeTimer] | undefined;
    for (const entry of this.#timers) {
      if (entry[1].dueAt > end) continue;
      if (earliest === undefined || entry[1].dueAt < earliest[1].dueAt) earliest = entry;
    }
    return earliest;
  }
}

/**
 * An Entra token provider that caches like MSAL: it returns the cached token until `renewBeforeMs`
 * before its expiry, and issues a new one then or when asked with `forceRefresh`.
 */
export class FakeEntraProvider implements EntraTokenProvider {
  readonly requests: Array<{ scopes: string[]; forceRefresh: boolean; at: number }> = [];
  /** Errors to reject the next requests with, in order. */
  readonly queuedErrors: unknown[] = [];
  lifetimeMs = hour;
  renewBeforeMs = 5 * minute;
  #cached: EntraToken | undefined;
  readonly #expiryByToken = new Map<string, number>();
  #issued = 0;

  constructor(private readonly clock: FakeClock) {}

  async acquireToken(request: { scopes: string[]; forceRefresh?: boolean }): Promise<EntraToken> {
    this.requests.push({ scopes: request.scopes, forceRefresh: request.forceRefresh === true, at: this.clock.now() });

    const error = this.queuedErrors.shift();
    if (error !== undefined) throw error;

    const now = this.clock.now();
    const cached = this.#cached;
    if (cached === undefined || request.forceRefresh === true || cached.expiresOnTimestamp - now <= this.renewBeforeMs) {
      this.#cached = this.issue(this.lifetimeMs);
    }
    return { ...this.#cached! };
  }

  /** Puts a token into the cache that expires `expiresInMs` from now, as if issued earlier. */
  issue(expiresInMs: number): EntraToken {
    this.#issued += 1;
    const token = { accessToken: `entra-token-${this.#issued}`, expiresOnTimestamp: this.clock.now() + expiresInMs };
    this.#expiryByToken.set(token.accessToken, token.expiresOnTimestamp);
    return token;
  }

  seedCache(expiresInMs: number): void {
    this.#cached = this.issue(expiresInMs);
  }

  expiryOf(accessToken: string): number | undefined {
    return this.#expiryByToken.get(accessToken);
  }

  get forcedRequestCount(): number {
    return this.requests.filter((request) => request.forceRefresh).length;
  }
}

/**
 * An exchange function like the real endpoint: the Communication Services token lasts
 * `lifetimeMs`, or less when the Entra token expires sooner.
 */
export class FakeExchange {
  readonly calls: Array<{ entraToken: string; account: SessionAccount; signal: AbortSignal; at: number }> = [];
  /** Errors to reject the next calls with, in order. */
  readonly queuedErrors: unknown[] = [];
  lifetimeMs = hour;
  #issued = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly entra: FakeEntraProvider,
  ) {}

  readonly exchange: ExchangeFunction = async (entraToken, context): Promise<ExchangeResult> => {
    this.calls.push({ entraToken, account: context.account, signal: context.signal, at: this.clock.now() });

    const error = this.queuedErrors.shift();
    if (error !== undefined) throw error;

    const now = this.clock.now();
    const entraExpiry = this.entra.expiryOf(entraToken) ?? Number.POSITIVE_INFINITY;
    this.#issued += 1;
    return {
      token: `communication-token-${this.#issued}`,
      expiresOn: new Date(Math.min(now + this.lifetimeMs, entraExpiry)).toISOString(),
    };
  };

  /** Times of the calls relative to `start`, in milliseconds. */
  callTimesSince(start: number): number[] {
    return this.calls.map((call) => call.at - start);
  }
}

/** Page events a test fires by hand. */
export class FakePageLifecycle implements PageLifecycle {
  readonly #listeners = new Set<(reason: ResumeReason) => void>();

  onResume(listener: (reason: ResumeReason) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  resume(reason: ResumeReason): void {
    for (const listener of this.#listeners) listener(reason);
  }
}

export class RecordingLogger implements TokenServiceLogger {
  readonly messages: string[] = [];

  debug(message: string): void {
    this.messages.push(`debug: ${message}`);
  }

  warn(message: string): void {
    this.messages.push(`warn: ${message}`);
  }
}

export function unavailableError(): TeamsError {
  return new TeamsError('exchange-unavailable', 'The exchange function is down.', { retryable: true });
}

export function interactionRequiredError(): TeamsError {
  return new TeamsError('interaction-required', 'The user must sign in again.');
}

/** Creates a service wired to fakes, and returns it with every fake a test inspects. */
export function createTestService(options: Partial<CommunicationTokenServiceOptions> = {}) {
  const clock = new FakeClock();
  const entra = new FakeEntraProvider(clock);
  const exchange = new FakeExchange(clock, entra);
  const pageLifecycle = new FakePageLifecycle();
  const logger = new RecordingLogger();
  const service = new CommunicationTokenService({
    entraTokenProvider: entra,
    exchange: exchange.exchange,
    account: testAccount,
    clock,
    random: () => 0.5,
    pageLifecycle,
    logger,
    ...options,
  });
  return { service, clock, entra, exchange, pageLifecycle, logger };
}

/** Collects the `detail` of every event of one type. */
export function recordEvents<T>(target: EventTarget, type: string): T[] {
  const details: T[] = [];
  target.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}
