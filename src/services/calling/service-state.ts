import { TeamsError, isTeamsError } from '../errors.js';
import type { CallingState } from './calling-state.js';
import { describeError } from './describe-error.js';

export type Unsubscribe = () => void;

/** The calling service's state as the service's parts read and change it. */
export interface CallingStateAccess {
  readonly snapshot: CallingState;
  update(change: Partial<CallingState>): void;
}

/** Stores a call error for the elements and returns it for rethrowing. */
export function failCall(state: CallingStateAccess, error: unknown, code = 'call-start-failed', context = 'Starting the call failed'): TeamsError {
  const callError = isTeamsError(error) ? error : new TeamsError(code, `${context}: ${describeError(error)}.`, { cause: error });
  state.update({ callError });
  return callError;
}
