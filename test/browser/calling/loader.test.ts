import { expect } from '@open-wc/testing';

import { loadCallingModule, setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import type { CallingModule } from '../../../src/services/calling/port.js';
import { isTeamsError } from '../../../src/services/errors.js';
import type { SessionOptions } from '../../../src/services/session/types.js';
import { rejectionOf } from '../support/rejection.js';

/** A path to a fixture relative to `document.baseURI`, so the loader has to resolve it. */
function fixturePath(name: string): string {
  const fixture = new URL(`./fixtures/${name}`, import.meta.url);
  const baseDirectory = new URL('.', document.baseURI);
  return fixture.pathname.startsWith(baseDirectory.pathname) ? fixture.pathname.slice(baseDirectory.pathname.length) : fixture.pathname;
}

function sessionWithModule(callingModule: string): { options: SessionOptions } {
  return { options: { clientId: '3c7d9e21-8a4b-4f0c-9d6e-5b2a1c0e7a11', exchange: 'unused', callingModule } };
}

describe('loadCallingModule', () => {
  it('imports a module URL relative to the document', async () => {
    const path = fixturePath('calling-module.ts');
    expect(path.startsWith('/')).to.equal(false);
    const module = (await loadCallingModule(sessionWithModule(path))) as CallingModule & { fixtureName?: string };
    expect(module.fixtureName).to.equal('url-calling-module');
    expect(typeof module.CallClient).to.equal('function');
  });

  it('imports each URL once', async () => {
    const session = sessionWithModule(fixturePath('calling-module.ts'));
    const first = await loadCallingModule(session);
    const second = await loadCallingModule(session);
    expect(second).to.equal(first);
  });

  it('rejects a module without the SDK classes', async () => {
    const error = await rejectionOf(loadCallingModule(sessionWithModule(fixturePath('not-a-calling-module.ts'))));
    expect(isTeamsError(error, 'calling-module-invalid')).to.equal(true);
    expect((error as Error).message).to.contain('CallClient, LocalVideoStream, VideoStreamRenderer');
  });

  it('rejects a module that does not load', async () => {
    const error = await rejectionOf(loadCallingModule(sessionWithModule(fixturePath('missing-module.js'))));
    expect(isTeamsError(error, 'calling-module-failed')).to.equal(true);
    expect((error as Error).message).to.contain('missing-module.js');
  });

  it('uses a replacement loader while one is set', async () => {
    const replacement = { CallClient: class {}, LocalVideoStream: class {}, VideoStreamRenderer: class {} } as unknown as CallingModule;
    setCallingModuleLoader(async () => replacement);
    try {
      expect(await loadCallingModule(sessionWithModule('ignored.js'))).to.equal(replacement);
    } finally {
      setCallingModuleLoader(undefined);
    }
  });
});
