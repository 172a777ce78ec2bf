import { TeamsError } from '../errors.js';
import { identifierKey } from './identifiers.js';
import type { TeamsCallPort } from './port.js';
import { type CallingStateAccess, failCall } from './service-state.js';

/** See `CallingService.admit`. */
export async function admitFromLobby(state: CallingStateAccess, call: TeamsCallPort, participantKey: string): Promise<void> {
  const waiting = findLobbyParticipant(call, participantKey);
  try {
    await call.lobby.admit(waiting.identifier);
  } catch (error) {
    throw failCall(state, error, 'lobby-admit-failed', `Admitting ${waiting.displayName ?? participantKey} from the lobby failed`);
  }
}

/** See `CallingService.admitAll`. */
export async function admitAllFromLobby(state: CallingStateAccess, call: TeamsCallPort): Promise<void> {
  try {
    await call.lobby.admitAll();
  } catch (error) {
    throw failCall(state, error, 'lobby-admit-failed', 'Admitting everyone from the lobby failed');
  }
}

/** See `CallingService.removeFromLobby`. */
export async function removeFromLobby(state: CallingStateAccess, call: TeamsCallPort, participantKey: string): Promise<void> {
  const waiting = findLobbyParticipant(call, participantKey);
  try {
    await call.lobby.reject(waiting.identifier);
  } catch (error) {
    throw failCall(state, error, 'lobby-reject-failed', `Removing ${waiting.displayName ?? participantKey} from the lobby failed`);
  }
}

function findLobbyParticipant(call: TeamsCallPort, participantKey: string): TeamsCallPort['lobby']['participants'][number] {
  const waiting = call.lobby.participants.find((participant) => identifierKey(participant.identifier) === participantKey);
  if (waiting === undefined) {
    throw new TeamsError('lobby-participant-not-found', `No one with the key ${participantKey} waits in the lobby; they may have left or been admitted.`);
  }
  return waiting;
}
