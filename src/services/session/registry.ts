import { defaultSessionServices } from './default-services.js';
import { Session, type SessionServices } from './session.js';
import type { SessionOptions } from './types.js';

const sessions = new Map<string, Session>();
let services: SessionServices = defaultSessionServices;

/** The session every element uses unless its `session` attribute names another. */
export const defaultSessionName = 'default';

/**
 * Returns the named session, creating it unconfigured on first use. Elements call this, so an
 * element may appear before the `<teams-sign-in>` that configures its session.
 */
export function getSession(name: string = defaultSessionName): Session {
  let session = sessions.get(name);
  if (session === undefined) {
    session = new Session(name, services);
    sessions.set(name, session);
  }
  return session;
}

/** Configures a session from script, as `<teams-sign-in>` does from its attributes. */
export function configureSession(options: SessionOptions, name: string = defaultSessionName): Session {
  const session = getSession(name);
  session.configure(options);
  return session;
}

/**
 * Replaces the services sessions are built on (sign-in and token exchange) for sessions created
 * afterwards. Tests use it; hosts with their own sign-in may too.
 */
export function setSessionServices(replacement: SessionServices): void {
  services = replacement;
}

/** Forgets every session. For tests. */
export function resetSessions(): void {
  sessions.clear();
  services = defaultSessionServices;
}
