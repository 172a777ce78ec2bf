/** The in-process sandbox of this test run; web-test-runner's page defines `__TEAMS_SANDBOX__`. */
const sandbox = (globalThis as unknown as { __TEAMS_SANDBOX__: { origin: string; clientId: string } }).__TEAMS_SANDBOX__;

/** `https://localhost:<port>` of the sandbox. */
export const sandboxOrigin: string = sandbox.origin;

/** Client id of the sandbox's app registration. */
export const sandboxClientId: string = sandbox.clientId;
