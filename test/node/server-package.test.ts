import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const outputDirectory = '.sandbox/server-package-check';

describe('teams-elements/server build', () => {
  it('compiles and exports the handler', async () => {
    await rm(outputDirectory, { recursive: true, force: true });
    await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.server.json', '--outDir', outputDirectory]);

    // The compiled entry loads in plain Node, without tsx, as a deployed endpoint would.
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      `const api = await import('./${outputDirectory}/index.js'); console.log(JSON.stringify(Object.keys(api).sort()));`,
    ]);
    const exported = JSON.parse(stdout) as string[];
    assert.ok(exported.includes('createExchangeHandler'), `exports: ${exported.join(', ')}`);
    assert.ok(exported.includes('toNodeListener'), `exports: ${exported.join(', ')}`);
    assert.ok(exported.includes('exchangeErrors'), `exports: ${exported.join(', ')}`);
  });
});
