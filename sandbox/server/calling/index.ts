import type { SandboxContext } from '../context.js';

// TODO: calling signalling socket.
export function registerCalling(_context: SandboxContext): void {}
