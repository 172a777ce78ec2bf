// `npm run analyze` writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.messages.ts', 'src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; do not rewrite it on every run.
  packagejson: false,
};
