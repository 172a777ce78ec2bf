export * from './types.js';
export { Session, type SessionChange, type SessionServices, type CommunicationTokenSource } from './session.js';
export { configureSession, getSession, setSessionServices, resetSessions, defaultSessionName } from './registry.js';
export { communicationScopes, defaultGraphScopes } from './defaults.js';
