import type { JsonWebKeySet, SigningKeySource } from './signature.js';

/** Options of `createOpenIdKeySource`. */
export interface OpenIdKeySourceOptions {
  /**
   * Maps a token's issuer and tenant to the OpenID discovery document to load keys from, or to
   * `undefined` when the issuer is not trusted. Both values come from a token not yet verified,
   * so the mapping must allow only known hosts. Default: `entraDiscoveryUrl`.
   */
  discoveryUrl?: (issuer: string, tenantId: string) => string | undefined;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** How long a key set is reused before it is loaded again, in milliseconds. Default 24 hours. */
  cacheMs?: number;
  /** Time limit of each discovery or key request, in milliseconds. Default 5000. */
  timeoutMs?: number;
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How long an unknown `kid` waits before it may trigger a reload, so forged kids cannot flood Entra ID. */
const reloadIntervalMs = 5 * 60 * 1000;

/**
 * The discovery document of Entra ID's public cloud for the two issuers it writes into access
 * tokens: `https://login.microsoftonline.com/<tid>/v2.0` (v2 tokens) and
 * `https://sts.windows.net/<tid>/` (v1 tokens). Other issuers are not trusted.
 *
 * NOTE: both issuers map to the v2 document, assuming that Entra ID signs v1 and v2 tokens with
 * the same keys. This was not checked against Entra ID from this repository.
 */
export function entraDiscoveryUrl(issuer: string, tenantId: string): string | undefined {
  if (!guidPattern.test(tenantId)) return undefined;
  const trusted = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
  if (!trusted.includes(issuer)) return undefined;
  return `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`;
}

/**
 * Creates a key source that loads an issuer's keys through OpenID Connect discovery
 * (`jwks_uri`) and caches them per discovery document. A token with a `kid` missing from the cache
 * reloads the keys, at most once per five minutes, because Entra ID rotates its keys.
 */
export function createOpenIdKeySource(options: OpenIdKeySourceOptions = {}): SigningKeySource {
  const discoveryUrl = options.discoveryUrl ?? entraDiscoveryUrl;
  const fetchJson = createJsonFetcher(options.fetch ?? fetch, options.timeoutMs ?? 5000);
  const cacheMs = options.cacheMs ?? 24 * 60 * 60 * 1000;
  const cache = new Map<string, { loadedAt: number; keys: Promise<JsonWebKeySet> }>();

  const load = (url: string) => {
    const entry = { loadedAt: Date.now(), keys: loadKeySet(fetchJson, url) };
    cache.set(url, entry);
    // A failed load is not cached, so the next token tries again.
    entry.keys.catch(() => {
      if (cache.get(url) === entry) cache.delete(url);
    });
    return entry.keys;
  };

  return async ({ issuer, tenantId, keyId }) => {
    const url = discoveryUrl(issuer, tenantId);
    if (url === undefined) return undefined;

    const cached = cache.get(url);
    if (cached === undefined || Date.now() - cached.loadedAt > cacheMs) return load(url);

    const keys = await cached.keys;
    const knowsKey = keyId === undefined || keys.keys.some((key) => key.kid === keyId);
    if (!knowsKey && Date.now() - cached.loadedAt > reloadIntervalMs) return load(url);
    return keys;
  };
}

async function loadKeySet(fetchJson: (url: string) => Promise<unknown>, discoveryUrl: string): Promise<JsonWebKeySet> {
  const discovery = await fetchJson(discoveryUrl);
  const jwksUri = (discovery as { jwks_uri?: unknown } | null)?.jwks_uri;
  if (typeof jwksUri !== 'string' || !jwksUri.startsWith('https://')) {
    throw new Error(`The discovery document ${discoveryUrl} has no https jwks_uri.`);
  }

  const keySet = await fetchJson(jwksUri);
  const keys = (keySet as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new Error(`The key set ${jwksUri} has no keys array.`);
  return { keys: keys.filter((key): key is JsonWebKeySet['keys'][number] => typeof key === 'object' && key !== null) };
}

function createJsonFetcher(fetchImplementation: typeof fetch, timeoutMs: number): (url: string) => Promise<unknown> {
  return async (url) => {
    const response = await fetchImplementation(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`GET ${url} failed with status ${response.status}.`);
    return response.json();
  };
}
