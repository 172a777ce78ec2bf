import type { CallEndReason } from '@azure/communication-calling';

/**
 * Category of a call end reason that a person can act on. `unknown` covers every code/subCode
 * pair not listed below, so show its numbers and a support case can name it.
 */
export type EndReasonKind =
  | 'ended'
  | 'ended-for-everyone'
  | 'removed-from-lobby'
  | 'lobby-timeout'
  | 'interop-disabled'
  | 'not-allowed'
  | 'call-not-found'
  | 'person-not-found'
  | 'no-response'
  | 'no-answer'
  | 'declined'
  | 'cancelled'
  | 'answered-elsewhere'
  | 'network'
  | 'offline'
  | 'token'
  | 'too-long'
  | 'unknown';

/** A call end reason with its category. */
export interface DescribedEndReason {
  kind: EndReasonKind;
  code: number;
  /** Absent when the SDK gave none. */
  subCode: number | undefined;
}

/** A row of the table: one code with a set or range of subcodes. */
interface EndReasonRule {
  code: number;
  subCodes: readonly number[] | { from: number; to: number };
  kind: EndReasonKind;
}

/** Code/subCode pairs of `@azure/communication-calling` 2.0 that deserve their own sentence. */
const rules: readonly EndReasonRule[] = [
  // Code 0 is success; subcode 0 adds no detail, so 0/0 also reads as a normal end.
  { code: 0, subCodes: [0, 5010, 5013], kind: 'ended' },
  { code: 0, subCodes: [4097], kind: 'ended-for-everyone' },
  { code: 0, subCodes: [5854], kind: 'removed-from-lobby' },
  { code: 0, subCodes: [5855], kind: 'lobby-timeout' },
  { code: 403, subCodes: [5222], kind: 'interop-disabled' },
  { code: 403, subCodes: [5223], kind: 'not-allowed' },
  { code: 404, subCodes: [4500], kind: 'call-not-found' },
  { code: 408, subCodes: [560408], kind: 'no-response' },
  { code: 480, subCodes: [560480], kind: 'no-answer' },
  { code: 487, subCodes: [10004], kind: 'no-answer' },
  { code: 486, subCodes: [4508], kind: 'declined' },
  { code: 603, subCodes: [0], kind: 'declined' },
  { code: 487, subCodes: [560487], kind: 'cancelled' },
  { code: 487, subCodes: [10003], kind: 'answered-elsewhere' },
  { code: 490, subCodes: [4502], kind: 'network' },
  { code: 490, subCodes: { from: 4522, to: 4525 }, kind: 'network' },
  { code: 496, subCodes: [4526], kind: 'offline' },
  { code: 499, subCodes: { from: 3119, to: 3128 }, kind: 'token' },
  { code: 429, subCodes: [10110], kind: 'too-long' },
];

function matches(rule: EndReasonRule, code: number, subCode: number | undefined): boolean {
  if (rule.code !== code || subCode === undefined) return false;
  if (Array.isArray(rule.subCodes)) return rule.subCodes.includes(subCode);

  const range = rule.subCodes as { from: number; to: number };
  return subCode >= range.from && subCode <= range.to;
}

/** Facts about the ended call that change what a pair means. */
export interface EndReasonContext {
  /** True for an outgoing call to one person that was never answered. */
  unansweredOutgoingOneToOne?: boolean;
}

/**
 * Puts a call end reason into its category; pairs outside the table are `unknown`.
 *
 * 404/4500 ends an unanswered outgoing 1:1 call when the callee does not exist, so there it is
 * `person-not-found` rather than `call-not-found`.
 * NOTE: the SDK's documented pairs name no separate code for an unknown callee. 404/4500 is the
 * closest one, and the sandbox's signalling ends a call to an unknown object id with it.
 */
export function describeEndReason(reason: CallEndReason, context: EndReasonContext = {}): DescribedEndReason {
  const { code, subCode } = reason;
  const rule = rules.find((candidate) => matches(candidate, code, subCode));
  const kind = rule?.kind === 'call-not-found' && context.unansweredOutgoingOneToOne === true ? 'person-not-found' : (rule?.kind ?? 'unknown');
  return { kind, code, subCode };
}
