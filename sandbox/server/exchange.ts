import type { SandboxContext } from './context.js';

// TODO: mount the exchange endpoint.
export function registerExchange(_context: SandboxContext): void {}
