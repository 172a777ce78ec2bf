import type { WebSocket } from 'ws';

import type { ServerMessage } from '../../calling/protocol.js';
import type { AuthenticatedUser } from './authentication.js';

/** Maximum length of a WebSocket close reason, in bytes (RFC 6455, section 5.5). */
const maxCloseReasonBytes = 123;

/** One authenticated signalling socket: a call agent of one user. */
export class SignallingSession {
  readonly user: AuthenticatedUser;
  readonly #socket: WebSocket;

  constructor(user: AuthenticatedUser, socket: WebSocket) {
    this.user = user;
    this.#socket = socket;
  }

  get isOpen(): boolean {
    return this.#socket.readyState === this.#socket.OPEN;
  }

  /** Sends a message; a message for a socket that is already closing is dropped. */
  send(message: ServerMessage): void {
    if (this.isOpen) this.#socket.send(JSON.stringify(message));
  }

  close(code: number, reason: string): void {
    closeSocket(this.#socket, code, reason);
  }

  /** Drops the connection without a close frame, as a lost network does. */
  terminate(): void {
    this.#socket.terminate();
  }
}

/** Closes a socket with a reason cut to what a close frame can carry. */
export function closeSocket(socket: WebSocket, code: number, reason: string): void {
  let bytes = Buffer.from(reason);
  if (bytes.length > maxCloseReasonBytes) bytes = bytes.subarray(0, maxCloseReasonBytes);
  socket.close(code, bytes.toString('utf8').replace(/\uFFFD$/, ''));
}
