import type { SandboxContext } from '../context.js';

// TODO: emulated Entra ID (discovery, keys, authorize, token).
export function registerEntra(_context: SandboxContext): void {}
