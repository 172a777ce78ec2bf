/**
 * Signs a test session in as a sandbox user without MSAL: Entra tokens come from the sandbox's
 * `/__sandbox/entra-token` route, and everything after that (the token service, the exchange
 * endpoint, Graph, the calling signalling) is the real path. Sign-in itself is tested through MSAL elsewhere.
 */
import type { AuthService } from '../../../src/services/auth/auth-service.js';
import { TeamsError } from '../../../src/services/errors.js';
import { configureSession, resetSessions, setSessionServices } from '../../../src/services/session/registry.js';
import type { Session } from '../../../src/services/session/session.js';
import type { EntraToken, SessionAccount, SessionOptions } from '../../../src/services/session/types.js';
import { CommunicationTokenService } from '../../../src/services/tokens/index.js';

import { sandboxClientId, sandboxOrigin } from './sandbox.js';

interface MintedToken {
  accessToken: string;
  user: { id: string; tenantId: string; displayName: string; userPrincipalName: string };
}

/** Mints an Entra access token for a sandbox user; `resource` picks Graph or Communication Services. */
export async function mintEntraToken(user: string, resource: 'graph' | 'communication'): Promise<MintedToken> {
  const response = await fetch(`${sandboxOrigin}/__sandbox/entra-token`, {
    method: 'POST',
    body: JSON.stringify({ user, resource }),
  });
  if (!response.ok) throw new Error(`Minting a token for ${user} failed with ${response.status}.`);
  return (await response.json()) as MintedToken;
}

class SandboxTestAuth implements AuthService {
  account: SessionAccount | undefined;
  readonly #user: string;
  readonly #tokens = new Map<'graph' | 'communication', EntraToken>();

  constructor(user: string) {
    this.#user = user;
  }

  async initialize(): Promise<SessionAccount> {
    const { user } = await mintEntraToken(this.#user, 'graph');
    this.account = { name: user.displayName, username: user.userPrincipalName, objectId: user.id, tenantId: user.tenantId };
    return this.account;
  }

  signIn(): Promise<SessionAccount> {
    return this.initialize();
  }

  async signOut(): Promise<void> {
    this.account = undefined;
    this.#tokens.clear();
  }

  async acquireToken(request: { scopes: string[] }): Promise<EntraToken> {
    if (this.account === undefined) throw new TeamsError('interaction-required', 'Not signed in.');
    const resource = request.scopes.some((scope) => scope.includes('communication')) ? 'communication' : 'graph';

    // Tokens are reused until shortly before they expire, as MSAL's cache does.
    const cached = this.#tokens.get(resource);
    if (cached !== undefined && cached.expiresOnTimestamp - Date.now() > 300_000) return cached;
    const { accessToken } = await mintEntraToken(this.#user, resource);
    const token = { accessToken, expiresOnTimestamp: Date.now() + 3_600_000 };
    this.#tokens.set(resource, token);
    return token;
  }
}

/**
 * Configures a session signed in as `user` (a sandbox UPN such as `adele.vance@contoso.com`)
 * against the in-process sandbox, and waits until it is signed in. `options` adds or replaces
 * session options, such as `callingModule`.
 */
export async function signInTestSession(user: string, name = 'default', options: Partial<SessionOptions> = {}): Promise<Session> {
  setSessionServices({
    createAuthService: () => new SandboxTestAuth(user),
    createTokenSource: (auth, options, account) =>
      new CommunicationTokenService({ entraTokenProvider: auth, exchange: options.exchange, account, logger: null }),
  });
  const session = configureSession(
    {
      clientId: sandboxClientId,
      authority: `${sandboxOrigin}/organizations/v2.0`,
      exchange: `${sandboxOrigin}/api/token-exchange`,
      graphBaseUrl: `${sandboxOrigin}/graph/`,
      ...options,
    },
    name,
  );
  await session.whenReady();
  return session;
}

/** Forgets all sessions between tests. */
export function resetTestSessions(): void {
  resetSessions();
}
