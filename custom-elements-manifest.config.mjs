// `npm run analyze` writes custom-elements.json from the elements' JSDoc.

/**
 * Sorts the manifest's modules by path. The analyzer lists them in the order the file system
 * returns the files, which differs between file systems (a clone in tmpfs and one on ext4 gave
 * different orders), and the staleness test must not fail on order alone.
 */
function sortModules() {
  return {
    name: 'sort-modules',
    packageLinkPhase({ customElementsManifest }) {
      // Code-unit order, not localeCompare, so the result does not depend on the machine's locale.
      customElementsManifest.modules.sort((a, b) => {
        if (a.path === b.path) return 0;
        return a.path < b.path ? -1 : 1;
      });
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.messages.ts', 'src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; do not rewrite it on every run.
  packagejson: false,
  plugins: [sortModules()],
};
