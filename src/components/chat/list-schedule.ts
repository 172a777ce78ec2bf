import type { PollPolicy } from '../../services/chat/poll-schedule.js';

/**
 * Poll intervals of an open thread for the element's `poll-interval`: the interval itself while the
 * user is active, at least 8 times longer (2 minutes at least) while idle, and at least 20 times
 * longer (5 minutes at least) while the page is hidden.
 */
export function threadPollPolicy(intervalMs: number): Partial<PollPolicy> {
  return {
    visibleIntervalMs: intervalMs,
    idleIntervalMs: Math.max(intervalMs * 8, 120_000),
    hiddenIntervalMs: Math.max(intervalMs * 20, 300_000),
  };
}

/**
 * Poll intervals of the chat list, tied to those of a thread: every second thread interval in each
 * state (30 s, 4 min and 10 min for the default 15 s). A chat someone else starts thus shows within
 * two checks of the open chat, while the list, a larger read than a thread's check for changes,
 * adds half a thread's request rate at most. The open chat's own entry does not wait for it: the
 * element updates that entry from the thread at once.
 */
export function listPollPolicy(intervalMs: number): Partial<PollPolicy> {
  const thread = threadPollPolicy(intervalMs);
  return {
    visibleIntervalMs: thread.visibleIntervalMs! * 2,
    idleIntervalMs: thread.idleIntervalMs! * 2,
    hiddenIntervalMs: thread.hiddenIntervalMs! * 2,
  };
}
