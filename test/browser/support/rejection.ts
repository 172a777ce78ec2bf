/**
 * Awaits a promise that must reject and returns its rejection reason, so tests can inspect it.
 * `Reason` only types the result; nothing checks it at run time.
 */
export async function rejectionOf<Reason = unknown>(promise: Promise<unknown>): Promise<Reason> {
  try {
    await promise;
  } catch (error) {
    return error as Reason;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
