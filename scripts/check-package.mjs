// After `npm run build`: checks that every path package.json exports exists, so a renamed entry
// or a missing declaration fails CI instead of a user's install.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const manifest = JSON.parse(await readFile('package.json', 'utf8'));
const targets = [manifest.module, manifest.types];
for (const target of Object.values(manifest.exports)) {
  targets.push(...(typeof target === 'string' ? [target] : Object.values(target)));
}

const missing = targets.filter((target) => !existsSync(target));
if (missing.length > 0) {
  console.error(`package.json exports paths that the build did not produce:\n  ${missing.join('\n  ')}\nRun npm run build, or fix the exports map.`);
  process.exit(1);
}
console.log(`All ${targets.length} exported paths exist.`);

// A page with `<teams-sign-in>` alone must not download the other elements: their code and
// their English strings load only with their own entries. A shared module that imports all of
// them (as the strings once did) shows here as one of these texts in the sign-in entry's graph.
const otherElementsTexts = ['Type a message', 'Hang up', 'Stop sharing'];
const signInFiles = await staticImportGraph('dist/sign-in.js');
for (const file of signInFiles) {
  const source = await readFile(file, 'utf8');
  const found = otherElementsTexts.filter((text) => source.includes(`"${text}"`) || source.includes(`'${text}'`));
  if (found.length > 0) {
    console.error(`${file}, which dist/sign-in.js imports statically, contains ${found.map((text) => `"${text}"`).join(', ')}: strings of other elements reach sign-in-only pages. Move them out of the shared modules.`);
    process.exit(1);
  }
}
console.log(`The sign-in entry loads ${signInFiles.length} files and none of the other elements' strings.`);

/** Returns `entry` and every file it imports statically, transitively; dynamic `import()` is skipped. */
async function staticImportGraph(entry) {
  const seen = new Set([entry]);
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    const source = await readFile(file, 'utf8');
    // Minified ES modules: `import{a}from"./x.js"`, `import"./x.js"` and `export{a}from"./x.js"`.
    for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g)) {
      const imported = new URL(match[1], new URL(file, 'file:///')).pathname.slice(1);
      if (!seen.has(imported)) {
        seen.add(imported);
        pending.push(imported);
      }
    }
  }
  return [...seen];
}
