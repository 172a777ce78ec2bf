import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import { closeCodes, reconnectGraceMs, signallingPath, teamsUserRawId } from '../../calling/protocol.js';
import type { SandboxContext } from '../context.js';
import { findUser } from '../directory.js';
import { jsonResponse, preflight } from '../http.js';
import { authenticateToken, isTokenRejection } from './authentication.js';
import { isInvalidMessage, parseClientMessage } from './message-validation.js';
import { closeSocket, SignallingSession } from './session.js';
import { Switchboard } from './switchboard.js';

/** Options of the calling signalling socket. */
export interface CallingOptions {
  /** How long an invitation rings before it ends with no answer, in milliseconds. Default 45 s. */
  ringTimeoutMs?: number;
  /** How long a new socket may take to send its token, in milliseconds. Default 10 s. */
  authenticationTimeoutMs?: number;
  /** How long someone waits in a meeting's lobby before the wait ends, in milliseconds. Default 15 min. */
  lobbyTimeoutMs?: number;
  /** How long a call keeps a party whose socket dropped, in milliseconds. Default `reconnectGraceMs` (20 s). */
  reconnectGraceMs?: number;
}

// NOTE: 45 s is a round figure for a ringing Teams call, not a measured one.
const defaultRingTimeoutMs = 45_000;
const defaultAuthenticationTimeoutMs = 10_000;
// NOTE: 15 minutes is a round figure for how long Teams keeps someone in a lobby, not a measured one.
const defaultLobbyTimeoutMs = 15 * 60_000;

/**
 * Serves the calling signalling WebSocket at `/calling/signal`. A client first sends
 * `{ type: "authenticate", token }` with its Communication Services token; the server then
 * relays call control and WebRTC negotiation between the parties of each call.
 */
export function registerCalling(context: SandboxContext, options: CallingOptions = {}): void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const switchboard = new Switchboard(context.log, {
    ringTimeoutMs: options.ringTimeoutMs ?? defaultRingTimeoutMs,
    lobbyTimeoutMs: options.lobbyTimeoutMs ?? defaultLobbyTimeoutMs,
    reconnectGraceMs: options.reconnectGraceMs ?? reconnectGraceMs,
  });
  const authenticationTimeoutMs = options.authenticationTimeoutMs ?? defaultAuthenticationTimeoutMs;

  context.onUpgrade(signallingPath, (request, socket, head) => {
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      acceptSocket(context, switchboard, webSocket, authenticationTimeoutMs);
    });
  });

  // Test control: drops a user's signalling connections, for tests of a lost network.
  // Body: { user: upn or object id }.
  context.router.add('OPTIONS', '/__sandbox/calling/drop-connections', preflight);
  context.router.add('POST', '/__sandbox/calling/drop-connections', async (request) => {
    const body = (await request.json()) as { user?: string };
    const user = findUser(body.user ?? '');
    if (user === undefined) {
      return jsonResponse(request, { error: { code: 'UserNotFound', message: `No sandbox user ${body.user}.` } }, 404);
    }
    return jsonResponse(request, { dropped: switchboard.dropConnections(teamsUserRawId(user.id)) });
  });

  context.onClose(() => {
    switchboard.close();
    for (const client of sockets.clients) closeSocket(client, closeCodes.serverClosing, 'The sandbox is shutting down.');
    return new Promise<void>((resolve) => sockets.close(() => resolve()));
  });
}

/** Waits for a socket's token, then hands its messages to the switchboard. */
function acceptSocket(
  context: SandboxContext,
  switchboard: Switchboard,
  socket: WebSocket,
  authenticationTimeoutMs: number,
): void {
  let session: SignallingSession | undefined;

  const reject = (closeCode: number, reason: string): void => {
    // The log line is built from the path and the reason only: the token is never in either.
    context.log.rejected(new Request(`${context.origin}${signallingPath}`), 401, reason);
    closeSocket(socket, closeCode, reason);
  };

  const timer = setTimeout(
    () => reject(closeCodes.authenticationTimeout, `No authenticate message within ${authenticationTimeoutMs} ms.`),
    authenticationTimeoutMs,
  );

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      closeSocket(socket, closeCodes.invalidMessage, 'Binary frames are not part of the protocol; send JSON text.');
      return;
    }
    const message = parseClientMessage(rawDataToString(data));

    if (session === undefined) {
      clearTimeout(timer);
      if (isInvalidMessage(message) || message.type !== 'authenticate') {
        reject(closeCodes.invalidToken, 'Missing token: send { type: "authenticate", token } first.');
        return;
      }
      const result = authenticateToken(context.signingKey, message.token);
      if (isTokenRejection(result)) {
        reject(result.closeCode, result.reason);
        return;
      }
      session = new SignallingSession(result, socket);
      switchboard.connect(session);
      session.send({ type: 'authenticated', self: { rawId: result.rawId, displayName: result.displayName } });
      return;
    }

    if (isInvalidMessage(message)) {
      context.log.info(`calling: invalid message from ${session.user.rawId}: ${message.invalid}`);
      session.send({ type: 'error', code: 'InvalidMessage', message: message.invalid });
      return;
    }
    switchboard.handle(session, message);
  });

  // NOTE: there is no ping/pong heartbeat. On loopback a closed tab or browser closes the TCP
  // connection, so the server notices at once and keeps its calls for the reconnection grace
  // period. A half-open connection would stay in its calls.
  socket.on('close', () => {
    clearTimeout(timer);
    if (session !== undefined) switchboard.disconnect(session);
  });

  socket.on('error', (error) => {
    context.log.error(`calling: socket of ${session?.user.rawId ?? 'an unauthenticated client'} failed`, error);
  });

}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
