/** A media device the kit starts or selects. */
export type MediaDevice = 'camera' | 'microphone' | 'speaker' | 'screen';

/**
 * Category of a device failure. The categories are kept apart because each needs another action:
 * - `permission-denied`: the browser or the person blocked access, so change the site permission.
 * - `in-use`: another application has the device open (`NotReadableError`), so close it.
 * - `not-found`: no such device is connected.
 * - `cancelled`: the person closed the screen picker. That is their choice, not an error to show.
 * - `failed`: anything else.
 */
export type DeviceProblemKind = 'permission-denied' | 'in-use' | 'not-found' | 'cancelled' | 'failed';

/** A device failure as the elements show it. */
export interface DeviceProblem {
  device: MediaDevice;
  kind: DeviceProblemKind;
  /** The original error's message, for developers; never shown as it is. */
  detail: string;
}

/** `DOMException` names from `getUserMedia` and `getDisplayMedia`, by category. */
const namesByKind: ReadonlyArray<[DeviceProblemKind, readonly string[]]> = [
  ['permission-denied', ['NotAllowedError', 'PermissionDeniedError', 'SecurityError']],
  ['in-use', ['NotReadableError', 'TrackStartError']],
  ['not-found', ['NotFoundError', 'DevicesNotFoundError', 'OverconstrainedError']],
];

/**
 * Classifies an error from starting a device. The calling SDK sometimes wraps the browser's
 * `DOMException` in its own error, so the name is also searched for in the message.
 * `NotAllowedError` from the screen picker is `cancelled`: browsers raise the same name whether
 * the person cancelled the picker or a policy blocked it, and cancelling is far more common.
 */
export function classifyDeviceError(device: MediaDevice, error: unknown): DeviceProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);

  let kind: DeviceProblemKind = 'failed';
  for (const [candidate, names] of namesByKind) {
    if (names.some((known) => name === known || detail.includes(known))) {
      kind = candidate;
      break;
    }
  }

  if (device === 'screen' && kind === 'permission-denied') kind = 'cancelled';
  return { device, kind, detail };
}
