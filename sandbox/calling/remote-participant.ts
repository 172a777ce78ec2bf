import type {
  CallEndReason,
  ParticipantRole,
  PropertyChangedEvent,
  RemoteParticipantState,
} from '@azure/communication-calling';
import type { MicrosoftTeamsUserKind } from '@azure/communication-common';

import type { CollectionUpdatedListener, RemoteParticipantPort } from '../../src/services/calling/port.js';
import { EventEmitter } from './event-emitter.js';
import { teamsUserIdentifier } from './identifiers.js';
import type { ParticipantInfo } from './protocol.js';
import { RemoteVideoStream } from './remote-video-stream.js';

type ParticipantPropertyEvent = 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged' | 'roleChanged';

/**
 * Another party of a call, like the SDK's `RemoteParticipant`. Its camera video and screen share
 * streams are listed in `videoStreams` while it is connected, and `isAvailable` on each shows
 * whether that video is on.
 */
export class RemoteParticipant implements RemoteParticipantPort {
  readonly identifier: MicrosoftTeamsUserKind;
  readonly role: ParticipantRole = 'Unknown';
  readonly camera = new RemoteVideoStream('Video');
  readonly screenShare = new RemoteVideoStream('ScreenSharing');
  readonly #events = new EventEmitter();
  #state: RemoteParticipantState;
  #callEndReason: CallEndReason | undefined;
  #displayName: string | undefined;
  #isMuted = false;
  #isSpeaking = false;
  #videoStreams: RemoteVideoStream[] = [];

  /** Creates a participant. One described only by raw id (a callee at startCall) has no display name yet. */
  constructor(info: ParticipantInfo | { rawId: string; displayName?: undefined }, state: RemoteParticipantState) {
    this.identifier = teamsUserIdentifier(info.rawId);
    this.#displayName = info.displayName;
    this.#state = state;

    // Someone already in the call when this endpoint joins is connected from the start, and
    // `setState` lists streams only on a change of state.
    if (state === 'Connected' || state === 'Hold') this.#videoStreams = [this.camera, this.screenShare];
  }

  get rawId(): string {
    return this.identifier.rawId!;
  }

  get displayName(): string | undefined {
    return this.#displayName;
  }

  get state(): RemoteParticipantState {
    return this.#state;
  }

  get callEndReason(): CallEndReason | undefined {
    return this.#callEndReason;
  }

  get isMuted(): boolean {
    return this.#isMuted;
  }

  get isSpeaking(): boolean {
    return this.#isSpeaking;
  }

  get videoStreams(): ReadonlyArray<RemoteVideoStream> {
    return this.#videoStreams;
  }

  on(event: ParticipantPropertyEvent, listener: PropertyChangedEvent): void;
  on(event: 'videoStreamsUpdated', listener: CollectionUpdatedListener<RemoteVideoStream>): void;
  on(event: string, listener: (...args: never[]) => void): void {
    this.#events.on(event, listener);
  }

  off(event: ParticipantPropertyEvent, listener: PropertyChangedEvent): void;
  off(event: 'videoStreamsUpdated', listener: CollectionUpdatedListener<RemoteVideoStream>): void;
  off(event: string, listener: (...args: never[]) => void): void {
    this.#events.off(event, listener);
  }

  /** @internal */
  setState(state: RemoteParticipantState, callEndReason?: CallEndReason): void {
    if (state === this.#state) return;
    if (callEndReason !== undefined) this.#callEndReason = callEndReason;
    this.#state = state;
    this.#events.emit('stateChanged');

    // The streams are listed while the participant is connected, because only then can media flow.
    const connected = state === 'Connected' || state === 'Hold';
    if (connected && this.#videoStreams.length === 0) {
      this.#videoStreams = [this.camera, this.screenShare];
      this.#events.emit('videoStreamsUpdated', { added: [...this.#videoStreams], removed: [] });
    } else if (state === 'Disconnected' && this.#videoStreams.length > 0) {
      const removed = this.#videoStreams;
      this.camera.update(undefined, false);
      this.screenShare.update(undefined, false);
      this.#videoStreams = [];
      this.#events.emit('videoStreamsUpdated', { added: [], removed });
    }
  }

  /** @internal */
  setDisplayName(displayName: string): void {
    if (displayName === this.#displayName) return;
    this.#displayName = displayName;
    this.#events.emit('displayNameChanged');
  }

  /** @internal */
  setMuted(isMuted: boolean): void {
    if (isMuted === this.#isMuted) return;
    this.#isMuted = isMuted;
    this.#events.emit('isMutedChanged');
  }

  /** @internal */
  setSpeaking(isSpeaking: boolean): void {
    if (isSpeaking === this.#isSpeaking) return;
    this.#isSpeaking = isSpeaking;
    this.#events.emit('isSpeakingChanged');
  }
}
