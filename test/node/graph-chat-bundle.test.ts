import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { build, type Metafile } from 'esbuild';

/** Bundles an entry with code splitting, as the published build does, and returns esbuild's metafile. */
async function bundle(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'bundle-check',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfig: 'tsconfig.json',
    conditions: ['browser', 'production'],
  });
  return result.metafile;
}

/** Input files of an output and of every chunk it imports statically (what the page loads first). */
function staticInputs(metafile: Metafile, output: string, seen = new Set<string>()): Set<string> {
  const inputs = new Set<string>();
  if (seen.has(output)) return inputs;
  seen.add(output);

  const chunk = metafile.outputs[output]!;
  for (const input of Object.keys(chunk.inputs)) inputs.add(input);
  for (const imported of chunk.imports) {
    if (imported.kind !== 'import-statement') continue;
    for (const input of staticInputs(metafile, imported.path, seen)) inputs.add(input);
  }
  return inputs;
}

function allInputs(metafile: Metafile): Set<string> {
  return new Set(Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs)));
}

const heavyPackages = ['node_modules/@microsoft/microsoft-graph-client/', 'node_modules/dompurify/'];

describe('chat element bundle', () => {
  it('loads the Graph client and DOMPurify only on demand', async () => {
    const metafile = await bundle('src/components/chat/define.ts');
    const entry = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === 'src/components/chat/define.ts')![0];

    const first = [...staticInputs(metafile, entry)];
    for (const heavy of heavyPackages) {
      assert.deepEqual(first.filter((input) => input.includes(heavy)), [], `${heavy} is in the chunks the element loads first`);
    }

    // The same packages must be in the bundle at all, or the check above proves nothing.
    const everything = [...allInputs(metafile)];
    for (const heavy of heavyPackages) {
      assert.ok(everything.some((input) => input.includes(heavy)), `${heavy} is missing from the whole bundle`);
    }
  });
});
