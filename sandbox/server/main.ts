// `npm start`: runs the sandbox with the demo pages until Ctrl-C.
import { startSandbox } from './app.js';
import { users, tenants } from './directory.js';

const port = Number(process.env['PORT'] ?? 8443);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a TCP port number from 0 to 65535, not "${process.env['PORT']}".`);
  process.exit(1);
}

const sandbox = await startSandbox({
  port,
  ...(process.env['SANDBOX_STATE_FILE'] ? { stateFile: process.env['SANDBOX_STATE_FILE'] } : {}),
}).catch((error: unknown) => {
  console.error(`The sandbox did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`
teams-elements sandbox is running at ${sandbox.origin}/

  Demo:              ${sandbox.origin}/   (open it in a second window to sign in as someone else)
  Exchange endpoint: ${sandbox.origin}/api/token-exchange
  Certificate:       ${sandbox.context.certificate.certPath} (self-signed; accept it in the browser once)

Sandbox users (no password; pick one on the sign-in page):`);
for (const tenant of tenants) {
  console.log(`  ${tenant.displayName}`);
  for (const user of users.filter((candidate) => candidate.tenantId === tenant.id)) {
    console.log(`    ${user.displayName.padEnd(18)} ${user.userPrincipalName}`);
  }
}
console.log('\nPress Ctrl-C to stop.');

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
