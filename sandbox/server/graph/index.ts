import type { SandboxContext } from '../context.js';

// TODO: emulated Microsoft Graph chat API.
export function registerGraph(_context: SandboxContext): void {}
