import type { SessionApi } from '../session/types.js';
import { CallingService } from './calling-service.js';

/** One calling service per session, kept out of the session so sessions never load calling code. */
const services = new WeakMap<SessionApi, CallingService>();

/** Returns the session's calling service, creating it (without loading anything) on first use. */
export function getCallingService(session: SessionApi): CallingService {
  let service = services.get(session);
  if (service === undefined) {
    service = new CallingService(session);
    services.set(session, service);
  }
  return service;
}
