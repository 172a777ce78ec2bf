import type { SandboxContext } from '../context.js';

// TODO: emulated Communication Services identity API.
export function registerIdentity(_context: SandboxContext): void {}
