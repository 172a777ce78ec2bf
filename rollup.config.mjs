// Builds the kit's ES modules into dist/ and the sandbox's browser modules into build/sandbox/.
// Code splitting keeps the calling SDK, the Graph client and DOMPurify in chunks of their own
// that load on first use.
import { readFile, rm } from 'node:fs/promises';

import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const plugins = () => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
  esbuild({ target: 'es2022', minify: true, tsconfig: 'tsconfig.json', sourceMap: true }),
];

/** Copies the MSAL redirect page that hosts serve at their redirect URI into dist/. */
function redirectPage() {
  return {
    name: 'redirect-page',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'redirect.html', source: await readFile('src/redirect.html', 'utf8') });
    },
  };
}

/**
 * Removes the chunks of earlier builds from `directory` before a full build. Chunk names carry a
 * content hash, so without this every build leaves its old chunks behind and the published package
 * would carry them. A partial build (ENTRIES) keeps them: the entries it skips still import them.
 */
function removeStaleChunks(directory) {
  return {
    name: 'remove-stale-chunks',
    async buildStart() {
      if (selected === undefined) await rm(`${directory}/chunks`, { recursive: true, force: true });
    },
  };
}

/** Warnings that say nothing about this kit's code. */
function onwarn(warning, warn) {
  // The calling SDK and MSAL are pre-built bundles that use `this` at module level and eval-free
  // circular imports; neither affects the output.
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
}

const kitEntries = {
  'teams-elements': 'src/index.ts',
  'sign-in': 'src/sign-in.ts',
  call: 'src/call.ts',
  'screen-share': 'src/screen-share.ts',
  chat: 'src/chat.ts',
  elements: 'src/elements.ts',
  'redirect-bridge': 'src/redirect-bridge.ts',
  // Translations: a page imports the ones it needs and passes them to registerTranslation.
  'locales/de': 'src/locales/de.ts',
  'locales/ar': 'src/locales/ar.ts',
};

// ENTRIES=sign-in,redirect-bridge builds only those entries (and skips the sandbox module unless
// "sandbox" is listed): a faster build while working on one element.
const selected = process.env.ENTRIES?.split(',').map((name) => name.trim());
const pick = (entries) =>
  Object.fromEntries(Object.entries(entries).filter(([name]) => selected === undefined || selected.includes(name)));

const builds = [
  {
    input: pick(kitEntries),
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [...plugins(), redirectPage(), removeStaleChunks('dist')],
    onwarn,
  },
  {
    input: selected === undefined || selected.includes('sandbox') ? { calling: 'sandbox/calling/index.ts' } : {},
    output: { dir: 'build/sandbox', format: 'es', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: [...plugins(), removeStaleChunks('build/sandbox')],
    onwarn,
  },
];

export default builds.filter((build) => Object.keys(build.input).length > 0);
