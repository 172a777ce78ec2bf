import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const checkDirectory = '.sandbox/manifest-check';

describe('custom-elements.json', () => {
  it('matches the elements’ JSDoc', async () => {
    await rm(checkDirectory, { recursive: true, force: true });
    await run(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', checkDirectory]);

    const [committed, generated] = await Promise.all([
      readFile('custom-elements.json', 'utf8'),
      readFile(`${checkDirectory}/custom-elements.json`, 'utf8'),
    ]);
    assert.deepEqual(
      JSON.parse(committed),
      JSON.parse(generated),
      'custom-elements.json is stale: run `npm run analyze` and commit the result.',
    );
  });
});
