import { readFile } from 'node:fs/promises';

/**
 * Settings that point the demo at a real Entra tenant and Communication Services resource instead
 * of the emulators. Read from `teams-elements.config.json` (or the file `TEAMS_ELEMENTS_CONFIG`
 * names), or from environment variables of the same meaning.
 */
export interface TenantConfig {
  /** Application (client) id of the Entra app registration. */
  clientId: string;
  /** Entra authority. Default `https://login.microsoftonline.com/organizations`. */
  authority: string;
  /** Connection string of the Communication Services resource (`endpoint=...;accesskey=...`). */
  connectionString: string;
  /** Tenant ids whose users may exchange tokens, or `*` for any tenant that consented to the app. */
  allowedTenantIds: string[] | '*';
}

const configFileName = 'teams-elements.config.json';

/**
 * Loads the tenant configuration, or returns `undefined` when there is none (the sandbox then runs
 * its emulators). Throws with the field to fix when a configuration exists but is incomplete.
 */
export async function loadTenantConfig(env: NodeJS.ProcessEnv = process.env): Promise<TenantConfig | undefined> {
  const path = env['TEAMS_ELEMENTS_CONFIG'] ?? configFileName;
  let fromFile: Partial<Record<keyof TenantConfig, unknown>> = {};
  try {
    fromFile = JSON.parse(await readFile(path, 'utf8')) as typeof fromFile;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing) throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
    if (env['TEAMS_ELEMENTS_CONFIG'] !== undefined) throw new Error(`TEAMS_ELEMENTS_CONFIG names ${path}, which does not exist.`);
  }

  const raw = {
    clientId: env['TEAMS_CLIENT_ID'] ?? fromFile.clientId,
    authority: env['TEAMS_AUTHORITY'] ?? fromFile.authority,
    connectionString: env['ACS_CONNECTION_STRING'] ?? fromFile.connectionString,
    allowedTenantIds: env['TEAMS_ALLOWED_TENANT_IDS']?.split(',').map((id) => id.trim()) ?? fromFile.allowedTenantIds,
  };
  if (Object.values(raw).every((value) => value === undefined)) return undefined;

  const source = `${path} or the environment`;
  if (typeof raw.clientId !== 'string' || raw.clientId === '') {
    throw new Error(`clientId (TEAMS_CLIENT_ID) is missing in ${source}: set it to the Application (client) ID of the Entra app registration.`);
  }
  if (typeof raw.connectionString !== 'string' || !/endpoint=https:\/\/[^;]+;accesskey=.+/i.test(raw.connectionString)) {
    throw new Error(`connectionString (ACS_CONNECTION_STRING) in ${source} must look like "endpoint=https://<resource>.communication.azure.com/;accesskey=<key>", from the resource's Keys page.`);
  }
  const authority = typeof raw.authority === 'string' && raw.authority !== '' ? raw.authority : 'https://login.microsoftonline.com/organizations';
  if (!authority.startsWith('https://')) {
    throw new Error(`authority (TEAMS_AUTHORITY) "${authority}" in ${source} must be an https URL.`);
  }
  const tenants = raw.allowedTenantIds;
  const allowedTenantIds =
    tenants === '*' || (Array.isArray(tenants) && tenants.length === 1 && tenants[0] === '*')
      ? '*'
      : Array.isArray(tenants) && tenants.length > 0 && tenants.every((id) => typeof id === 'string' && id !== '')
        ? (tenants as string[])
        : undefined;
  if (allowedTenantIds === undefined) {
    throw new Error(`allowedTenantIds (TEAMS_ALLOWED_TENANT_IDS) in ${source} must list the tenant ids whose users may sign in, or be "*".`);
  }

  return { clientId: raw.clientId, authority, connectionString: raw.connectionString, allowedTenantIds };
}
