import { TeamsError } from '../errors.js';
import type { SessionApi } from '../session/types.js';
import type { CallingModule } from './port.js';

/** Loads the calling module for a session. Replace it with `setCallingModuleLoader`. */
export type CallingModuleLoader = (session: Pick<SessionApi, 'options'>) => Promise<CallingModule>;

const sdkSpecifier = '@azure/communication-calling';

/** One import per module URL (or the SDK), shared by every session that uses it. */
const imports = new Map<string, Promise<CallingModule>>();

let loaderOverride: CallingModuleLoader | undefined;

/**
 * Loads the calling SDK, or the module at the session's `callingModule` URL (resolved against
 * `document.baseURI`). Call it on the first call intent only: the SDK is about 1.8 MB gzip.
 * Rejects with `TeamsError` code `calling-module-failed` when the import fails and
 * `calling-module-invalid` when the module lacks the SDK's classes. A failed import is not
 * cached, so a later call retries it.
 */
export function loadCallingModule(session: Pick<SessionApi, 'options'>): Promise<CallingModule> {
  if (loaderOverride !== undefined) return loaderOverride(session);

  const url = session.options?.callingModule;
  const key = url === undefined ? sdkSpecifier : new URL(url, document.baseURI).href;

  let pending = imports.get(key);
  if (pending === undefined) {
    pending = (url === undefined ? importSdk() : importModuleUrl(key)).catch((error: unknown) => {
      imports.delete(key);
      throw error;
    });
    imports.set(key, pending);
  }
  return pending;
}

/**
 * Replaces how calling modules load, for every session; `undefined` restores the default. Tests
 * pass a double of the port here, and hosts may pass their own build of the SDK.
 */
export function setCallingModuleLoader(loader: CallingModuleLoader | undefined): void {
  loaderOverride = loader;
}

async function importSdk(): Promise<CallingModule> {
  try {
    // A plain dynamic import with a literal specifier, so bundlers put the SDK in its own chunk
    // and the first load of the page does not include it.
    return await import('@azure/communication-calling');
  } catch (error) {
    throw new TeamsError(
      'calling-module-failed',
      `Loading ${sdkSpecifier} failed: ${describe(error)}. Check that the package is installed and its chunk is deployed beside the kit's script.`,
      { retryable: true, cause: error },
    );
  }
}

async function importModuleUrl(url: string): Promise<CallingModule> {
  let module: Partial<CallingModule>;
  try {
    module = (await import(/* @vite-ignore */ /* webpackIgnore: true */ url)) as Partial<CallingModule>;
  } catch (error) {
    throw new TeamsError(
      'calling-module-failed',
      `Loading the calling module ${url} failed: ${describe(error)}. Check the session's callingModule URL.`,
      { retryable: true, cause: error },
    );
  }

  const missing = (['CallClient', 'LocalVideoStream', 'VideoStreamRenderer'] as const).filter(
    (name) => typeof module[name] !== 'function',
  );
  if (missing.length > 0) {
    throw new TeamsError(
      'calling-module-invalid',
      `The calling module ${url} does not export ${missing.join(', ')}. Point callingModule at a module with the API of ${sdkSpecifier}.`,
    );
  }
  return module as CallingModule;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
