import { GraphError } from '@microsoft/microsoft-graph-client';

import { TeamsError } from '../errors.js';

/**
 * Codes of the errors the chat service throws, for elements to explain and hosts to branch on:
 *
 * - `chat-unauthorized`: Graph rejected the access token (401). Signing in again helps.
 * - `chat-forbidden`: the user is not a member of the chat, or the token lacks a chat scope (403).
 * - `chat-not-found`: no chat or message with that id (404).
 * - `chat-message-too-large`: the message exceeds Teams' size limit (413).
 * - `chat-request-invalid`: Graph rejected the request as malformed (400).
 * - `chat-throttled`: too many requests (429); retryable, see `retryAfterMs`.
 * - `chat-unavailable`: Graph failed or is unavailable (5xx); retryable.
 * - `chat-network-error`: Graph could not be reached; retryable.
 * - `chat-request-failed`: any other failure.
 *
 * Errors of the session (`signed-out`, `interaction-required`, ...) pass through unchanged.
 */
export type ChatErrorCode =
  | 'chat-unauthorized'
  | 'chat-forbidden'
  | 'chat-not-found'
  | 'chat-message-too-large'
  | 'chat-request-invalid'
  | 'chat-throttled'
  | 'chat-unavailable'
  | 'chat-network-error'
  | 'chat-request-failed';

/** A failed Graph request of the chat service. */
export class ChatError extends TeamsError {
  declare readonly code: ChatErrorCode;

  /** How long Graph asked the client to wait (`Retry-After`), in milliseconds, when it did. */
  readonly retryAfterMs: number | undefined;

  /** Graph's `request-id`, for support cases. */
  readonly requestId: string | undefined;

  constructor(
    code: ChatErrorCode,
    message: string,
    options: { status?: number; retryable?: boolean; retryAfterMs?: number; requestId?: string; cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.retryAfterMs = options.retryAfterMs;
    this.requestId = options.requestId;
  }
}

/**
 * Converts what a Graph request threw into a `TeamsError`. `action` names what failed, such as
 * `Sending a message to chat 19:...`. `tokenError` is the session's error when the token could
 * not be acquired, because the Graph client wraps that error without its code.
 */
export function toChatError(error: unknown, action: string, tokenError?: unknown): TeamsError {
  if (tokenError instanceof TeamsError) return tokenError;
  if (error instanceof TeamsError) return error;
  if (!(error instanceof GraphError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new ChatError('chat-request-failed', `${action} failed: ${reason}`, { cause: error });
  }

  const status = error.statusCode;
  const detail = `${error.code ?? 'no code'}: ${error.message || 'no message'}`;
  const options = {
    status,
    cause: error,
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...retryAfter(error),
  };

  if (status === -1) {
    return new ChatError('chat-network-error', `${action} failed: Microsoft Graph could not be reached (${detail}). Check the network connection and the Graph base URL.`, { ...options, retryable: true });
  }
  if (status === 401) {
    return new ChatError('chat-unauthorized', `${action} failed: Microsoft Graph rejected the access token (${detail}). Sign in again.`, options);
  }
  if (status === 403) {
    return new ChatError('chat-forbidden', `${action} failed: access denied (${detail}). The user must be a member of the chat, and the app needs the Chat.ReadWrite delegated permission.`, options);
  }
  if (status === 404) {
    return new ChatError('chat-not-found', `${action} failed: not found (${detail}). Check the chat id.`, options);
  }
  if (status === 413) {
    return new ChatError('chat-message-too-large', `${action} failed: the message is too large (${detail}). Shorten it.`, options);
  }
  if (status === 429) {
    return new ChatError('chat-throttled', `${action} failed: Microsoft Graph is throttling requests (${detail}). Try again later.`, { ...options, retryable: true });
  }
  if (status >= 500) {
    return new ChatError('chat-unavailable', `${action} failed: Microsoft Graph responded with HTTP ${status} (${detail}). Try again.`, { ...options, retryable: true });
  }
  if (status === 400) {
    return new ChatError('chat-request-invalid', `${action} failed: Microsoft Graph rejected the request (${detail}).`, options);
  }
  return new ChatError('chat-request-failed', `${action} failed with HTTP ${status} (${detail}).`, options);
}

/** Reads `Retry-After` (seconds or an HTTP date) from a Graph error's response headers. */
function retryAfter(error: GraphError): { retryAfterMs?: number } {
  const value = error.headers?.get('retry-after');
  if (value === null || value === undefined) return {};

  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: seconds * 1000 };
  const date = Date.parse(value);
  return Number.isNaN(date) ? {} : { retryAfterMs: Math.max(0, date - Date.now()) };
}
