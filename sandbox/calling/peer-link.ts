import { EventEmitter } from './event-emitter.js';
import type { IceCandidate, MediaState, SessionDescription } from './protocol.js';

/** The media this endpoint sends to every other party of a call. */
export interface LocalMedia {
  microphone: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  screenShare: MediaStreamTrack | null;
  isMuted: boolean;
  isOnHold: boolean;
}

/** A message for the remote party, which the call wraps with the call id and the recipient. */
export type LinkSignal =
  | { type: 'sessionDescription'; description: SessionDescription }
  | { type: 'iceCandidate'; candidate: IceCandidate | null }
  | { type: 'mediaState'; state: MediaState };

export interface PeerLinkOptions {
  remoteId: string;
  /** True for the party already in the call: it creates the transceivers and sends the first offer. */
  initiator: boolean;
  send(signal: LinkSignal): void;
  local: LocalMedia;
  /** Speaker for the remote party's audio, or `undefined` for the default output. */
  speakerId: string | undefined;
}

/** RMS audio level (0..1) over one poll above which the remote party counts as speaking. */
const speakingLevel = 0.01;
/** How long a party still counts as speaking after the level drops, in milliseconds. */
const speakingHoldMs = 600;
const speakingPollMs = 200;

/**
 * The media path to one remote party: an RTCPeerConnection with three transceivers in a fixed
 * order (microphone audio, camera video, screen-share video), negotiated with the "perfect
 * negotiation" pattern. The initiator is the impolite peer: on an offer collision it keeps its
 * own offer, and the polite peer rolls back and answers it.
 *
 * Camera and screen share switch on and off by setting the transceiver's direction (which
 * renegotiates) and its sender's track. Which transceiver carries what is told to the other side
 * by `mediaState` messages that name transceivers by `mid`.
 *
 * Events: `remoteMediaChanged` when the remote media state or the tracks it names change,
 * `remoteSpeakingChanged` with a boolean, and `failed` when ICE fails.
 */
export class PeerLink extends EventEmitter {
  readonly remoteId: string;
  readonly connection = new RTCPeerConnection({ iceServers: [] });
  readonly #polite: boolean;
  readonly #send: (signal: LinkSignal) => void;
  readonly #audioElement = new Audio();
  #local: LocalMedia;
  #audio: RTCRtpTransceiver | undefined;
  #camera: RTCRtpTransceiver | undefined;
  #screenShare: RTCRtpTransceiver | undefined;
  #remoteState: MediaState | undefined;
  #lastSentState = '';
  #ignoreOffer = false;
  #queue: Promise<void> = Promise.resolve();
  #speakingUntil = 0;
  #isRemoteSpeaking = false;
  #speakingTimer: ReturnType<typeof setInterval> | undefined;
  #closed = false;

  constructor(options: PeerLinkOptions) {
    super();
    this.remoteId = options.remoteId;
    this.#polite = !options.initiator;
    this.#send = options.send;
    this.#local = options.local;
    this.#audioElement.autoplay = true;
    void this.setSpeaker(options.speakerId);

    this.connection.addEventListener('negotiationneeded', () => this.#enqueue(() => this.#offer()));
    this.connection.addEventListener('icecandidate', ({ candidate }) => {
      if (candidate !== null) this.#send({ type: 'iceCandidate', candidate: candidate.toJSON() });
    });
    this.connection.addEventListener('signalingstatechange', () => {
      if (this.connection.signalingState !== 'stable') return;
      // Mids exist once a negotiation completes, so the media state may name new transceivers.
      this.#sendMediaState();
      this.emit('remoteMediaChanged');
    });
    this.connection.addEventListener('connectionstatechange', () => {
      if (this.connection.connectionState === 'failed') this.emit('failed');
    });

    if (options.initiator) {
      // Adding the transceivers fires `negotiationneeded`, which sends the first offer.
      this.#audio = this.connection.addTransceiver('audio', { direction: 'sendrecv' });
      this.#camera = this.connection.addTransceiver('video', { direction: 'recvonly' });
      this.#screenShare = this.connection.addTransceiver('video', { direction: 'recvonly' });
      this.#startRemoteAudio();
      this.#applyLocalMedia();
    }
  }

  /** The remote party's last media state, or `undefined` before it sent one. */
  get remoteState(): MediaState | undefined {
    return this.#remoteState;
  }

  /** Returns the track receiving the remote party's camera video or screen share, or `undefined` while it is off. */
  remoteVideoTrack(kind: 'camera' | 'screenShare'): MediaStreamTrack | undefined {
    const mid = this.#remoteState?.[kind]?.mid;
    if (mid === undefined) return undefined;
    return this.connection.getTransceivers().find((transceiver) => transceiver.mid === mid)?.receiver.track;
  }

  /** Updates what this endpoint sends; renegotiates when video starts or stops. */
  setLocalMedia(local: LocalMedia): void {
    this.#local = local;
    this.#applyLocalMedia();
  }

  /** Sends the media state again even when unchanged, after signalling messages may have been lost. */
  resendMediaState(): void {
    this.#lastSentState = '';
    this.#sendMediaState();
  }

  /** Plays the remote party's audio on a speaker (`undefined` for the default output). */
  async setSpeaker(speakerId: string | undefined): Promise<void> {
    const element = this.#audioElement as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (element.setSinkId === undefined) return;
    try {
      await element.setSinkId(speakerId ?? '');
    } catch (error) {
      console.warn(`[sandbox calling] Playing audio on speaker ${speakerId} failed; the default speaker stays in use.`, error);
    }
  }

  /** Handles a signalling message from the remote party, in arrival order. */
  receive(signal: LinkSignal): void {
    this.#enqueue(async () => {
      switch (signal.type) {
        case 'sessionDescription':
          await this.#receiveDescription(signal.description);
          return;
        case 'iceCandidate':
          await this.#receiveCandidate(signal.candidate);
          return;
        case 'mediaState':
          this.#remoteState = signal.state;
          this.emit('remoteMediaChanged');
          return;
      }
    });
  }

  /** Returns the decoded frame size of each receiving video transceiver, by `mid`. */
  async receivedFrameSizes(): Promise<Map<string, { width: number; height: number }>> {
    const sizes = new Map<string, { width: number; height: number }>();
    if (this.#closed) return sizes;
    const report = await this.connection.getStats();
    report.forEach((entry: { type: string; kind?: string; mid?: string; frameWidth?: number; frameHeight?: number }) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'video' && entry.mid !== undefined) {
        sizes.set(entry.mid, { width: entry.frameWidth ?? 0, height: entry.frameHeight ?? 0 });
      }
    });
    return sizes;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#speakingTimer);
    this.#audioElement.pause();
    this.#audioElement.srcObject = null;
    this.connection.close();
  }

  async #offer(): Promise<void> {
    // Chromium fires `negotiationneeded` again once the connection is back in `stable`.
    if (this.#closed || this.connection.signalingState !== 'stable') return;
    await this.connection.setLocalDescription();
    this.#send({ type: 'sessionDescription', description: toSessionDescription(this.connection.localDescription!) });
  }

  async #receiveDescription(description: SessionDescription): Promise<void> {
    // Messages are handled one at a time, so a local offer is in flight exactly when the
    // connection is not stable.
    const collision = description.type === 'offer' && this.connection.signalingState !== 'stable';
    this.#ignoreOffer = !this.#polite && collision;
    if (this.#ignoreOffer) return;

    // On a collision, the polite peer's setRemoteDescription rolls its own offer back first.
    await this.connection.setRemoteDescription(description as RTCSessionDescriptionInit);
    if (description.type !== 'offer') return;

    this.#adoptTransceivers();
    this.#applyLocalMedia();
    await this.connection.setLocalDescription();
    this.#send({ type: 'sessionDescription', description: toSessionDescription(this.connection.localDescription!) });
  }

  async #receiveCandidate(candidate: IceCandidate | null): Promise<void> {
    if (candidate === null) return;
    try {
      await this.connection.addIceCandidate(candidate as RTCIceCandidateInit);
    } catch (error) {
      // Candidates of an offer this peer ignored cannot be added, and need not be.
      if (!this.#ignoreOffer) throw error;
    }
  }

  /** Takes the transceivers the initiator's first offer created, in their fixed order. */
  #adoptTransceivers(): void {
    if (this.#audio !== undefined) return;
    const [audio, camera, screenShare] = this.connection.getTransceivers();
    if (audio?.receiver.track.kind !== 'audio' || camera?.receiver.track.kind !== 'video' || screenShare?.receiver.track.kind !== 'video') {
      throw new Error(`The first offer from ${this.remoteId} does not have the audio, video, video transceivers this module expects.`);
    }
    this.#audio = audio;
    this.#camera = camera;
    this.#screenShare = screenShare;
    this.#startRemoteAudio();
  }

  /** Points the transceivers at the local tracks; a direction change triggers renegotiation. */
  #applyLocalMedia(): void {
    if (this.#audio === undefined || this.#camera === undefined || this.#screenShare === undefined || this.#closed) return;
    const { microphone, camera, screenShare, isOnHold } = this.#local;

    this.#audio.direction = 'sendrecv';
    this.#camera.direction = camera !== null && !isOnHold ? 'sendrecv' : 'recvonly';
    this.#screenShare.direction = screenShare !== null && !isOnHold ? 'sendrecv' : 'recvonly';

    replaceTrack(this.#audio, isOnHold ? null : microphone);
    replaceTrack(this.#camera, isOnHold ? null : camera);
    replaceTrack(this.#screenShare, isOnHold ? null : screenShare);
    this.#audioElement.muted = isOnHold;
    this.#sendMediaState();
  }

  #sendMediaState(): void {
    if (this.#camera === undefined || this.#screenShare === undefined || this.#closed) return;
    const { camera, screenShare, isMuted, isOnHold } = this.#local;
    const state: MediaState = {
      isMuted,
      isOnHold,
      camera: camera !== null && !isOnHold && this.#camera.mid !== null ? { mid: this.#camera.mid } : null,
      screenShare: screenShare !== null && !isOnHold && this.#screenShare.mid !== null ? { mid: this.#screenShare.mid } : null,
    };
    const serialized = JSON.stringify(state);
    if (serialized === this.#lastSentState) return;
    this.#lastSentState = serialized;
    this.#send({ type: 'mediaState', state });
  }

  /** Plays the remote audio, as the SDK does without the page's help, and watches its level. */
  #startRemoteAudio(): void {
    const receiver = this.#audio!.receiver;
    this.#audioElement.srcObject = new MediaStream([receiver.track]);
    this.#audioElement.play().catch((error: unknown) => {
      // An AbortError only means the link closed before playback began.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // NOTE: a page without a user gesture may block autoplay; nothing retries play() then.
      console.warn('[sandbox calling] Playing remote audio was blocked by the browser.', error);
    });

    // The level comes from the cumulative energy the receiver reports, not the instantaneous
    // `audioLevel`, so a short sound between two polls still counts (Chromium's fake microphone
    // only beeps briefly, and polls run late on a busy machine).
    let previous: { energy: number; duration: number } | undefined;
    this.#speakingTimer = setInterval(() => {
      void receiver.getStats().then((report) => {
        const current = inboundAudioEnergy(report);
        if (current === undefined || this.#closed) return;
        const level = previous === undefined ? 0 : rmsLevel(previous, current);
        previous = current;
        this.#updateSpeaking(level);
      });
    }, speakingPollMs);
  }

  #updateSpeaking(level: number): void {
    const now = Date.now();
    if (level > speakingLevel && this.#remoteState?.isMuted !== true) this.#speakingUntil = now + speakingHoldMs;
    const speaking = now < this.#speakingUntil;
    if (speaking === this.#isRemoteSpeaking) return;
    this.#isRemoteSpeaking = speaking;
    this.emit('remoteSpeakingChanged', speaking);
  }

  #enqueue(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      if (!this.#closed) console.error(`[sandbox calling] Negotiation with ${this.remoteId} failed.`, error);
    });
  }
}

function replaceTrack(transceiver: RTCRtpTransceiver, track: MediaStreamTrack | null): void {
  if (transceiver.sender.track === track) return;
  transceiver.sender.replaceTrack(track).catch((error: unknown) => {
    console.error(`[sandbox calling] Replacing the ${transceiver.receiver.track.kind} track of transceiver ${transceiver.mid} failed.`, error);
  });
}

function toSessionDescription(description: RTCSessionDescription): SessionDescription {
  return { type: description.type, sdp: description.sdp };
}

/** Reads the cumulative audio energy and duration of the received audio from a stats report. */
function inboundAudioEnergy(report: RTCStatsReport): { energy: number; duration: number } | undefined {
  for (const stats of report.values()) {
    const inbound = stats as { type: string; kind?: string; totalAudioEnergy?: number; totalSamplesDuration?: number };
    if (inbound.type === 'inbound-rtp' && inbound.kind === 'audio' && inbound.totalAudioEnergy !== undefined) {
      return { energy: inbound.totalAudioEnergy, duration: inbound.totalSamplesDuration ?? 0 };
    }
  }
  return undefined;
}

/** Root-mean-square level between two readings; `totalAudioEnergy` sums level² × seconds. */
function rmsLevel(before: { energy: number; duration: number }, after: { energy: number; duration: number }): number {
  const seconds = after.duration - before.duration;
  if (seconds <= 0) return 0;
  return Math.sqrt(Math.max(0, after.energy - before.energy) / seconds);
}
