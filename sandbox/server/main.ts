// `npm start`: runs the sandbox with the demo pages until Ctrl-C. With a tenant configuration
// (teams-elements.config.json or environment variables), the demo runs against a real tenant.
import { startSandbox, type Sandbox } from './app.js';
import { sandboxUserLines } from './user-list.js';
import { loadTenantConfig, type TenantConfig } from './tenant-config.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const port = Number(process.env['PORT'] ?? 8443);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`PORT must be a TCP port number from 0 to 65535, not "${process.env['PORT']}".`);
}

const tenant = await loadTenantConfig().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

const sandbox = await startSandbox({
  port,
  ...(tenant ? { tenant } : {}),
  ...(process.env['SANDBOX_STATE_FILE'] ? { stateFile: process.env['SANDBOX_STATE_FILE'] } : {}),
}).catch((error: unknown) => fail(`The sandbox did not start: ${error instanceof Error ? error.message : String(error)}`));

if (tenant) {
  printTenantBanner(sandbox, tenant);
} else {
  printSandboxBanner(sandbox);
}

function printSandboxBanner(running: Sandbox): void {
  console.log(`
teams-elements sandbox is running at ${running.origin}/

  Demo:              ${running.origin}/   (open it in a second window to sign in as someone else)
  Exchange endpoint: ${running.origin}/api/token-exchange
  Certificate:       ${running.context.certificate.certPath} (self-signed; accept it in the browser once)

Sandbox users (no password; pick one on the sign-in page). Call someone of your own tenant by
address or object id, and someone of the other tenant by object id: Graph finds people of other
tenants by neither.`);
  for (const line of sandboxUserLines()) console.log(line);
  console.log('\nPress Ctrl-C to stop.');
}

function printTenantBanner(running: Sandbox, config: TenantConfig): void {
  console.log(`
teams-elements demo is running at ${running.origin}/ against a real tenant (emulators off)

  App (client) id:   ${config.clientId}
  Authority:         ${config.authority}
  Exchange endpoint: ${running.origin}/api/token-exchange
  Redirect URI:      ${running.origin}/redirect.html (register it as a single-page application redirect URI)

Press Ctrl-C to stop.`);
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal} received; stopping the sandbox.`);
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
