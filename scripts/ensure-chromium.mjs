// Makes sure Debian's Chromium is installed before browser tests run. As root it installs the
// package with apt-get; otherwise it prints the command and exits with an error.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { chromiumPath } from './chromium.mjs';

if (existsSync(chromiumPath)) process.exit(0);

const command = 'apt-get update && apt-get install -y chromium';
if (process.getuid?.() !== 0) {
  console.error(`Chromium was not found at ${chromiumPath}. Install it with:\n  sudo sh -c '${command}'\nor set CHROMIUM_PATH to another Chromium.`);
  process.exit(1);
}

console.log(`Chromium was not found at ${chromiumPath}; installing Debian's package: ${command}`);
execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (!existsSync(chromiumPath)) {
  console.error(`apt-get finished but ${chromiumPath} is still missing. Set CHROMIUM_PATH to the installed binary.`);
  process.exit(1);
}
