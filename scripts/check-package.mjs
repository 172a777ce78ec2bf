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
