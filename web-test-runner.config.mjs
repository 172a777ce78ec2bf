// Element and service tests in headless Chromium, with the sandbox's emulators started in-process
// on a free port so tests reach the real MSAL, Graph client and exchange endpoint over HTTPS.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { register } from 'tsx/esm/api';

import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

register();
const { startSandbox } = await import('./sandbox/server/app.ts');
const { createConsoleLog } = await import('./sandbox/server/log.ts');

let sandbox;

/** Starts the sandbox with the test server; test pages read its origin from `window.__TEAMS_SANDBOX__`. */
function sandboxPlugin() {
  return {
    name: 'teams-sandbox',
    async serverStart() {
      sandbox = await startSandbox({ port: 0, serveFiles: false, log: createConsoleLog({ quiet: true }) });
    },
    async serverStop() {
      await sandbox?.close();
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // One file at a time: call tests of different files sign in as the same sandbox users, and an
  // invite from one file would ring the other's agent. Two cores gain little from more anyway.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <script>window.__TEAMS_SANDBOX__ = ${JSON.stringify({ origin: sandbox.origin, clientId: sandbox.context.app.clientId })};</script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--ignore-certificate-errors'] },
      createBrowserContext: ({ browser }) => browser.newContext({ ignoreHTTPSErrors: true }),
    }),
  ],
  plugins: [
    sandboxPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
};
