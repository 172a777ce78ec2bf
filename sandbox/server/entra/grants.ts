import { randomBytes } from 'node:crypto';

import type { SandboxUser } from '../directory.js';
import type { AuthorizeRequest } from './authorize-request.js';

/** Lifetime of an authorization code; Entra's codes are short-lived, about 10 minutes. */
export const authorizationCodeLifetimeMs = 10 * 60 * 1000;

/** Lifetime of a refresh token issued to a single-page app: Entra fixes it at 24 hours. */
export const refreshTokenLifetimeMs = 24 * 60 * 60 * 1000;

/** Lifetime of an account-picker page, from showing it to the user's choice. */
export const pickerLifetimeMs = 10 * 60 * 1000;

/** An authorization code and what it was issued for. */
export interface CodeGrant {
  user: SandboxUser;
  request: AuthorizeRequest;
  expiresAt: number;
  redeemed: boolean;
}

/** A refresh token: Entra's are multi-resource, so it records the user and app, not a resource. */
export interface RefreshGrant {
  user: SandboxUser;
  clientId: string;
  expiresAt: number;
}

/**
 * The emulated Entra ID's memory: authorization codes, refresh tokens, pending account pickers and
 * browser sessions (the cookie that lets `prompt=none` sign in without a page). Nothing is saved,
 * so a restarted sandbox loses every grant, which is harmless because its new signing key
 * invalidates every token anyway.
 */
export class EntraGrants {
  readonly #codes = new Map<string, CodeGrant>();
  readonly #refreshTokens = new Map<string, RefreshGrant>();
  readonly #pickers = new Map<string, { request: AuthorizeRequest; expiresAt: number }>();
  readonly #sessions = new Map<string, SandboxUser>();

  /** Milliseconds since the epoch; tests replace it to reach expiry without waiting. */
  now: () => number = Date.now;

  issueCode(user: SandboxUser, request: AuthorizeRequest): string {
    const code = opaqueValue();
    this.#codes.set(code, { user, request, expiresAt: this.now() + authorizationCodeLifetimeMs, redeemed: false });
    return code;
  }

  /** Returns the grant of a code, redeemed or not, so the caller can tell reuse from forgery. */
  findCode(code: string): CodeGrant | undefined {
    return this.#codes.get(code);
  }

  issueRefreshToken(user: SandboxUser, clientId: string): string {
    const token = opaqueValue();
    this.#refreshTokens.set(token, { user, clientId, expiresAt: this.now() + refreshTokenLifetimeMs });
    return token;
  }

  findRefreshToken(token: string): RefreshGrant | undefined {
    return this.#refreshTokens.get(token);
  }

  /** Stores a validated authorization request while the account picker is shown. */
  openPicker(request: AuthorizeRequest): string {
    const id = opaqueValue();
    this.#pickers.set(id, { request, expiresAt: this.now() + pickerLifetimeMs });
    return id;
  }

  /** Returns and removes a pending picker, so each picker is used once. */
  takePicker(id: string): AuthorizeRequest | undefined {
    const picker = this.#pickers.get(id);
    this.#pickers.delete(id);
    if (picker === undefined || picker.expiresAt < this.now()) return undefined;
    return picker.request;
  }

  startSession(user: SandboxUser): string {
    const id = opaqueValue();
    this.#sessions.set(id, user);
    return id;
  }

  findSession(id: string | undefined): SandboxUser | undefined {
    return id === undefined ? undefined : this.#sessions.get(id);
  }

  endSession(id: string | undefined): void {
    if (id !== undefined) this.#sessions.delete(id);
  }
}

/** Creates a random URL-safe value of 256 bits for codes, refresh tokens and ids. */
function opaqueValue(): string {
  return randomBytes(32).toString('base64url');
}
