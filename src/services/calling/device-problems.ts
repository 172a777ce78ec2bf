import type { DeviceProblem, MediaDevice } from './device-errors.js';

/** Returns the list with `problem` in place of the device's earlier problem. */
export function withDeviceProblem(problems: DeviceProblem[], problem: DeviceProblem): DeviceProblem[] {
  return [...problems.filter((existing) => existing.device !== problem.device), problem];
}

/** Returns the list without the device's problem; the same array when it had none. */
export function withoutDeviceProblem(problems: DeviceProblem[], device: MediaDevice): DeviceProblem[] {
  const remaining = problems.filter((existing) => existing.device !== device);
  return remaining.length === problems.length ? problems : remaining;
}
