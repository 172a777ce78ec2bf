import type { CommunicationTokenCredential } from '@azure/communication-common';

import { CallingError } from './calling-error.js';
import { EventEmitter } from './event-emitter.js';
import { closeCodes, endReasons, type ClientMessage, type EndReason, type ParticipantInfo, type ServerMessage } from './protocol.js';

/** How long connecting and authenticating may take before the attempt fails, in milliseconds. */
const connectTimeoutMs = 10_000;

/** Delays between reconnection attempts, in milliseconds; the last one repeats. */
const reconnectDelaysMs = [500, 1000, 2000, 5000, 10_000];

/** Relayed messages kept while the socket is down, at most; see `send`. */
const maxQueuedMessages = 500;

/** Why the socket is down: the SDK's `ConnectionStateChangedReason`. */
export type DisconnectReason = 'invalidToken' | 'connectionIssue';

/**
 * The call agent's socket to the signalling server. Each connection sends a token fresh from the
 * credential, so a refreshed token is used on reconnection. Events: `message` (a server message),
 * `disconnected` (a `DisconnectReason`) and `reconnected`.
 */
export class SignallingClient extends EventEmitter {
  readonly #url: URL;
  readonly #credential: CommunicationTokenCredential;
  #socket: WebSocket | undefined;
  /** True from the server's `authenticated` until the socket closes. */
  #authenticated = false;
  #queued: ClientMessage[] = [];
  #disposed = false;
  #reconnectAttempt = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(url: URL, credential: CommunicationTokenCredential) {
    super();
    this.#url = url;
    this.#credential = credential;
  }

  /** True while the socket is open and the server accepted its token. */
  get isConnected(): boolean {
    return this.#authenticated && this.#socket?.readyState === WebSocket.OPEN;
  }

  /**
   * Connects and authenticates. Rejects with a `CallingError` when the token cannot be had, the
   * server rejects it or the socket cannot open.
   */
  async connect(): Promise<ParticipantInfo> {
    let token: string;
    try {
      token = (await this.#credential.getToken()).token;
    } catch (error) {
      throw new CallingError(
        // The credential's own message tells the user what to do, so no advice is added here.
        `Getting a Communication Services token from the credential failed: ${describe(error)}.`,
        endReasons.networkError,
        { cause: error },
      );
    }

    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    const self = await authenticate(socket, token, this.#url);
    if (this.#disposed) {
      socket.close(1000);
      throw new CallingError('The call agent was disposed while it connected.', endReasons.hungUpLocally);
    }

    socket.addEventListener('message', (event) => this.emit('message', JSON.parse(String(event.data)) as ServerMessage));
    socket.addEventListener('close', (event) => this.#handleClose(socket, event));
    this.#authenticated = true;
    return self;
  }

  /**
   * Sends a message. While the socket is down, messages for another party (SDP, ICE candidates,
   * media state) wait for `flushQueued`, so a negotiation under way survives a short drop. Other
   * messages are dropped, because the call state is caught up on rejoin instead.
   */
  send(message: ClientMessage): void {
    if (this.isConnected) {
      this.#socket!.send(JSON.stringify(message));
      return;
    }
    if ('to' in message && !this.#disposed && this.#queued.length < maxQueuedMessages) this.#queued.push(message);
  }

  /** Sends the messages queued while the socket was down; the call agent calls it after rejoining its calls. */
  flushQueued(): void {
    for (const message of this.#queued.splice(0)) this.send(message);
  }

  /** Closes the socket for good: no reconnection follows. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#reconnectTimer);
    this.#socket?.close(1000, 'The call agent was disposed.');
  }

  #handleClose(socket: WebSocket, event: CloseEvent): void {
    if (socket !== this.#socket || this.#disposed) return;
    this.#authenticated = false;
    const tokenRejected = event.code === closeCodes.invalidToken || event.code === closeCodes.expiredToken;
    this.emit('disconnected', (tokenRejected ? 'invalidToken' : 'connectionIssue') satisfies DisconnectReason);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const delay = reconnectDelaysMs[Math.min(this.#reconnectAttempt, reconnectDelaysMs.length - 1)]!;
    this.#reconnectAttempt += 1;
    this.#reconnectTimer = setTimeout(() => {
      this.connect().then(
        () => {
          this.#reconnectAttempt = 0;
          this.emit('reconnected');
        },
        (error: unknown) => {
          if (this.#disposed) return;
          console.warn(`[sandbox calling] Reconnecting to ${this.#url.href} failed; retrying.`, describe(error));
          this.#scheduleReconnect();
        },
      );
    }, delay);
  }
}

/** Opens the socket, sends the token and waits for the server to accept or reject it. */
function authenticate(socket: WebSocket, token: string, url: URL): Promise<ParticipantInfo> {
  return new Promise((resolve, reject) => {
    const fail = (message: string, reason: EndReason = endReasons.networkError): void => {
      cleanUp();
      socket.close();
      reject(new CallingError(message, reason));
    };
    const timer = setTimeout(() => fail(`The signalling server at ${url.href} did not answer within ${connectTimeoutMs} ms.`), connectTimeoutMs);

    const onOpen = (): void => socket.send(JSON.stringify({ type: 'authenticate', token } satisfies ClientMessage));
    const onMessage = (event: MessageEvent): void => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type !== 'authenticated') return;
      cleanUp();
      resolve(message.self);
    };
    const onClose = (event: CloseEvent): void => {
      if (event.code === closeCodes.invalidToken || event.code === closeCodes.expiredToken) {
        fail(`The signalling server rejected the Communication Services token: ${event.reason} (close code ${event.code}).`, endReasons.unauthenticated);
      } else {
        fail(`Connecting to the signalling server at ${url.href} failed (close code ${event.code}${event.reason ? `: ${event.reason}` : ''}). Check that the sandbox is running.`);
      }
    };
    const cleanUp = (): void => {
      clearTimeout(timer);
      socket.removeEventListener('open', onOpen);
      socket.removeEventListener('message', onMessage);
      socket.removeEventListener('close', onClose);
    };

    socket.addEventListener('open', onOpen);
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', onClose);
  });
}

/** An error's message without its final period, for a sentence that goes on after it. */
function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/[\s.]+$/, '');
}
