import type { MicrosoftTeamsUserIdentifier } from '@azure/communication-common';

import { TeamsError } from '../errors.js';
import { parseCallTarget } from './call-target.js';
import { shortenObjectIds } from './display-names.js';
import { type GroupChatOptions, type GroupChatSession, findOrCreateGroupChat } from './group-chat.js';
import { type LookupSession, type ResolveOptions, resolveCallTarget } from './user-lookup.js';

/** What `startCall` needs for a 1:1 or a group call, and the name to show while it rings. */
export interface OutgoingCallPlan {
  identifiers: MicrosoftTeamsUserIdentifier[];
  /** The group chat of everyone in a group call; `undefined` for a 1:1 call. */
  threadId: string | undefined;
  /** Display names from the directory, or what was typed (object ids shortened), in the order typed. */
  names: string[];
  /** Positions in `names` of people called by object id, whose name is not known yet. */
  unnamed: number[];
}

/**
 * Splits what a person typed into call targets: one address or object id, or several separated
 * by commas or semicolons, as in the "To" field of Teams.
 */
export function splitCallTargets(input: string | string[]): string[] {
  const parts = (Array.isArray(input) ? input : [input]).flatMap((value) => value.split(/[,;]/));
  const targets = parts.map((part) => part.trim()).filter((part) => part !== '');
  // An empty list keeps one blank entry, so parsing reports the missing target.
  return targets.length === 0 ? [''] : targets;
}

/**
 * Looks up every target and, for a group call, finds or creates the group chat of all of them.
 * Throws the `TeamsError` of the first target that fails (see `resolveCallTarget`) or of the
 * group chat (see `findOrCreateGroupChat`), and `call-target-duplicate` when one person is
 * typed twice.
 */
export async function planOutgoingCall(
  session: LookupSession & GroupChatSession,
  inputs: string[],
  options: ResolveOptions & GroupChatOptions & { onFindingChat?: () => void },
): Promise<OutgoingCallPlan> {
  const targets = await Promise.all(inputs.map((input) => resolveCallTarget(session, input, options)));

  const seen = new Map<string, string>();
  for (const [index, target] of targets.entries()) {
    const objectId = target.identifier.microsoftTeamsUserId.toLowerCase();
    const first = seen.get(objectId);
    if (first !== undefined) {
      throw new TeamsError('call-target-duplicate', `${inputs[index]} and ${first} are the same person. Name each person once.`);
    }
    seen.set(objectId, inputs[index]!);
  }

  const identifiers = targets.map((target) => target.identifier);
  const names = targets.map((target, index) => target.displayName ?? shortenObjectIds(inputs[index]!));
  const unnamed = targets.flatMap((target, index) => (target.displayName === undefined && parseCallTarget(inputs[index]!).kind === 'object-id' ? [index] : []));
  if (identifiers.length === 1) return { identifiers, threadId: undefined, names, unnamed };

  options.onFindingChat?.();
  const threadId = await findOrCreateGroupChat(session, [...seen.keys()], options);
  return { identifiers, threadId, names, unnamed };
}
