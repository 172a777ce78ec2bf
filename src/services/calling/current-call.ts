import { TeamsError } from '../errors.js';
import { type CallSnapshot, CallStore, type CallStoreOptions } from './call-store.js';
import type { HandsAndReactions } from './hands-and-reactions.js';
import type { CallKind } from './calling-state.js';
import { describeEndReason } from './end-reasons.js';
import type { LocalDevices } from './local-devices.js';
import type { LocalVideoStreamPort, TeamsCallPort } from './port.js';
import type { CallingStateAccess, Unsubscribe } from './service-state.js';

/** What the service tracks about the current call beyond the SDK's call object. */
interface TrackedCall {
  store: CallStore;
  kind: CallKind;
  /** Name to show before the SDK names the remote participants: the lookup's, the caller's, or the link. */
  fallbackName: string | undefined;
  /** True once the call was connected (or in a meeting's lobby), so its end is not an unanswered ring. */
  answered: boolean;
  unsubscribe: Unsubscribe;
  /** Sends the latest snapshot to the state again, after the fallback name changed. */
  refresh(): void;
}

/** States that show the call was answered, or the meeting reached. */
const answeredStates: ReadonlySet<string> = new Set(['Connected', 'LocalHold', 'RemoteHold', 'InLobby', 'EarlyMedia']);

/**
 * The call the session is in: its store feeds `call` in the service's state until it is
 * `Disconnected`, when `lastEndedCall` records why it ended.
 */
export class CurrentCall {
  readonly #state: CallingStateAccess;
  readonly #devices: LocalDevices;
  readonly #storeOptions: () => CallStoreOptions;
  #tracked: TrackedCall | undefined;

  /** `storeOptions` gives each new call's store the module's features and the local user's key. */
  constructor(state: CallingStateAccess, devices: LocalDevices, storeOptions: () => CallStoreOptions) {
    this.#state = state;
    this.#devices = devices;
    this.#storeOptions = storeOptions;
  }

  /** The SDK's call object, while there is a current call. */
  get call(): TeamsCallPort | undefined {
    return this.#tracked?.store.call;
  }

  /** The current call's raised hands and reactions. */
  get hands(): HandsAndReactions | undefined {
    return this.#tracked?.store.hands;
  }

  /** Follows a new call. `cameraStream` is the stream it started with, disposed when it ends. */
  track(call: TeamsCallPort, kind: CallKind, fallbackName: string | undefined, cameraStream: LocalVideoStreamPort | undefined): void {
    this.stop();
    const store = new CallStore(call, this.#storeOptions());
    this.#devices.adoptCameraStream(cameraStream);

    const apply = (snapshot: CallSnapshot): void => {
      if (snapshot.state === 'Disconnected') {
        this.#finish(snapshot);
        return;
      }
      if (answeredStates.has(snapshot.state)) tracked.answered = true;
      const remoteName = snapshot.remoteParticipants.find((participant) => participant.displayName)?.displayName ?? tracked.fallbackName;
      this.#state.update({ call: snapshot, callKind: kind, remoteName, outgoing: undefined });
    };
    const tracked: TrackedCall = { store, kind, fallbackName, answered: false, unsubscribe: () => undefined, refresh: () => apply(store.snapshot) };
    this.#tracked = tracked;
    tracked.unsubscribe = store.subscribe(apply);
    apply(store.snapshot);
  }

  /**
   * Replaces the name shown for `call` until the SDK names its participants, for a name found
   * after the call started. Does nothing once another call is current.
   */
  rename(call: TeamsCallPort, fallbackName: string): void {
    const tracked = this.#tracked;
    if (tracked === undefined || tracked.store.call !== call) return;
    tracked.fallbackName = fallbackName;
    tracked.refresh();
  }

  /** Stops following the call without touching the state, and releases its camera stream. */
  stop(): void {
    this.#tracked?.unsubscribe();
    this.#tracked?.store.dispose();
    this.#tracked = undefined;
    this.#devices.release();
  }

  /** Returns the current call; throws `no-active-call` when there is none. */
  require(action: string): TeamsCallPort {
    const call = this.call;
    if (call === undefined) throw new TeamsError('no-active-call', `There is no call to ${action}. Start, join or accept a call first.`);
    return call;
  }

  #finish(snapshot: CallSnapshot): void {
    const tracked = this.#tracked;
    this.stop();

    // A call without an end reason ended without a failure the SDK could name.
    const reason = describeEndReason(snapshot.callEndReason ?? { code: 0, subCode: 0 }, {
      unansweredOutgoingOneToOne: snapshot.direction === 'Outgoing' && tracked?.kind === 'one-to-one' && tracked.answered === false,
    });
    this.#state.update({
      call: undefined,
      callKind: undefined,
      remoteName: undefined,
      outgoing: undefined,
      deviceProblems: [],
      lastEndedCall: {
        id: snapshot.id,
        direction: snapshot.direction,
        kind: tracked?.kind ?? 'one-to-one',
        remoteName: this.#state.snapshot.remoteName ?? tracked?.fallbackName,
        missed: false,
        reason,
      },
    });
  }
}
