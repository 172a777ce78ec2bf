import type { AdmitAllOperationResult } from '@azure/communication-calling';
import type { CommunicationIdentifier } from '@azure/communication-common';

import type { CollectionUpdatedListener } from '../../src/services/calling/port.js';
import { EventEmitter } from './event-emitter.js';
import { rawIdOfTarget } from './identifiers.js';
import type { ClientMessage, ParticipantInfo } from './protocol.js';
import { RemoteParticipant } from './remote-participant.js';

/**
 * The people waiting in a meeting's lobby, like the SDK's `Lobby`. Anyone in the meeting can
 * admit or remove them, and the server sends the new list to everyone in the meeting.
 */
export class Lobby {
  readonly #events = new EventEmitter();
  readonly #send: (message: ClientMessage) => void;
  readonly #callId: string;
  #participants: RemoteParticipant[] = [];

  constructor(callId: string, send: (message: ClientMessage) => void) {
    this.#callId = callId;
    this.#send = send;
  }

  get participants(): ReadonlyArray<RemoteParticipant> {
    return this.#participants;
  }

  async admit(participant: CommunicationIdentifier): Promise<void> {
    this.#send({ type: 'admit', callId: this.#callId, participants: [rawIdOf(participant)] });
  }

  async reject(participant: CommunicationIdentifier): Promise<void> {
    this.#send({ type: 'rejectFromLobby', callId: this.#callId, participants: [rawIdOf(participant)] });
  }

  /** Admits everyone waiting now. The result counts the admissions sent, because the server confirms none of them. */
  async admitAll(): Promise<AdmitAllOperationResult> {
    const participants = this.#participants.map((participant) => participant.rawId);
    if (participants.length > 0) this.#send({ type: 'admit', callId: this.#callId, participants });
    return { successCount: participants.length, failureCount: 0 };
  }

  on(event: 'lobbyParticipantsUpdated', listener: CollectionUpdatedListener<RemoteParticipant>): void {
    this.#events.on(event, listener);
  }

  off(event: 'lobbyParticipantsUpdated', listener: CollectionUpdatedListener<RemoteParticipant>): void {
    this.#events.off(event, listener);
  }

  /** @internal Replaces the list with the server's. */
  update(waiting: ParticipantInfo[]): void {
    const waitingIds = new Set(waiting.map((info) => info.rawId));
    const kept = this.#participants.filter((participant) => waitingIds.has(participant.rawId));
    const removed = this.#participants.filter((participant) => !waitingIds.has(participant.rawId));
    const keptIds = new Set(kept.map((participant) => participant.rawId));
    const added = waiting.filter((info) => !keptIds.has(info.rawId)).map((info) => new RemoteParticipant(info, 'InLobby'));

    this.#participants = [...kept, ...added];
    if (added.length > 0 || removed.length > 0) this.#events.emit('lobbyParticipantsUpdated', { added, removed });
  }
}

function rawIdOf(identifier: CommunicationIdentifier): string {
  if ('rawId' in identifier && identifier.rawId !== undefined && identifier.rawId !== '') return identifier.rawId;
  if ('microsoftTeamsUserId' in identifier) return rawIdOfTarget(identifier);
  throw new TypeError(`Only Teams users wait in a sandbox meeting's lobby, not ${JSON.stringify(identifier)}.`);
}
