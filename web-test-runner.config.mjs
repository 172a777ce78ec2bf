// Element and service tests in headless Chromium, with the sandbox's emulators started in-process
// on a free port so tests reach the real MSAL, Graph client and exchange endpoint over HTTPS.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { register } from 'tsx/esm/api';

import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

register();
const { startSandbox } = await import('./sandbox/server/app.ts');
const { createConsoleLog } = await import('./sandbox/server/log.ts');

/** Starts the sandbox with the test server and serves its origin as `/__sandbox__.js`. */
function sandboxPlugin() {
  let sandbox;
  return {
    name: 'teams-sandbox',
    async serverStart() {
      sandbox = await startSandbox({ port: 0, serveFiles: false, log: createConsoleLog({ quiet: true }) });
    },
    async serverStop() {
      await sandbox?.close();
    },
    serve(context) {
      if (context.path === '/__sandbox__.js') {
        const { origin, resource } = sandbox.context;
        return {
          body: `export const sandboxOrigin = ${JSON.stringify(origin)};\nexport const communicationResourceId = ${JSON.stringify(resource.id)};\n`,
          type: 'js',
        };
      }
      return undefined;
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
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
