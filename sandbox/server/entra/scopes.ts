import { communicationAudience, graphAudience } from './access-token.js';

/** A resource (API) the sandbox issues access tokens for. */
export interface Resource {
  id: 'graph' | 'communication';
  /** `aud` of its access tokens. */
  audience: string;
  /** Prefix of its fully qualified scopes, with the trailing slash. */
  scopePrefix: string;
  /** Delegated permissions the app registration requests, with the text the consent page shows. */
  permissions: ReadonlyMap<string, string>;
}

export const graphResource: Resource = {
  id: 'graph',
  audience: graphAudience,
  scopePrefix: `${graphAudience}/`,
  permissions: new Map([
    ['User.Read', 'Sign you in and read your profile'],
    ['User.ReadBasic.All', 'Read the basic profiles of all users'],
    ['Chat.Read', 'Read your chat messages'],
    ['Chat.ReadWrite', 'Read and write your chat messages'],
    ['ChatMessage.Read', 'Read your chat messages'],
    ['ChatMessage.Send', 'Send chat messages as you'],
  ]),
};

export const communicationResource: Resource = {
  id: 'communication',
  audience: communicationAudience,
  scopePrefix: `${communicationAudience}/`,
  permissions: new Map([
    ['Teams.ManageCalls', 'Make and receive Teams calls as you'],
    ['Teams.ManageChats', 'Manage your Teams chats'],
  ]),
};

const resources: readonly Resource[] = [graphResource, communicationResource];

/** OpenID Connect scopes: they ask for an id token or a refresh token, not for an API. */
export const oidcScopes: ReadonlyMap<string, string> = new Map([
  ['openid', 'Sign you in'],
  ['profile', 'View your basic profile'],
  ['email', 'View your email address'],
  ['offline_access', 'Maintain access to data you have given it access to'],
]);

/** A `scope` parameter split by resource. Permission names are canonical (`User.Read`). */
export interface ParsedScopes {
  oidc: Set<string>;
  /** Permissions by resource id; `.default` stands for all of the resource's permissions. */
  byResource: Map<Resource['id'], Set<string>>;
  /** Scopes that name no known resource or permission, as given. */
  unknown: string[];
}

/**
 * Splits a space-separated `scope` parameter. Short names such as `User.Read` are Microsoft Graph
 * permissions, as Entra reads them; fully qualified scopes name their resource by prefix. Names
 * are matched without regard to case, as Entra does.
 */
export function parseScopes(scope: string): ParsedScopes {
  const parsed: ParsedScopes = { oidc: new Set(), byResource: new Map(), unknown: [] };

  for (const item of scope.split(' ').filter((part) => part !== '')) {
    const oidc = findName(oidcScopes, item);
    if (oidc !== undefined) {
      parsed.oidc.add(oidc);
      continue;
    }

    const resource = resources.find((candidate) => item.toLowerCase().startsWith(candidate.scopePrefix)) ?? graphIfShortName(item);
    const name = resource === undefined ? undefined : permissionName(resource, item);
    if (resource === undefined || name === undefined) {
      parsed.unknown.push(item);
      continue;
    }

    const names = parsed.byResource.get(resource.id) ?? new Set<string>();
    names.add(name);
    parsed.byResource.set(resource.id, names);
  }
  return parsed;
}

/** Returns the resource of a resource id. */
export function resourceById(id: Resource['id']): Resource {
  return id === 'graph' ? graphResource : communicationResource;
}

/** Replaces `.default` with all of the resource's permissions. */
export function expandDefault(resource: Resource, names: ReadonlySet<string>): string[] {
  return names.has('.default') ? [...resource.permissions.keys()] : [...names];
}

/**
 * Formats granted permissions for a token response's `scope`, as Entra does: Microsoft Graph
 * permissions by short name, other resources fully qualified.
 */
export function formatGrantedScopes(resource: Resource, names: readonly string[]): string[] {
  return resource.id === 'graph' ? [...names] : names.map((name) => `${resource.scopePrefix}${name}`);
}

/** Lists the consent page's lines for a parsed `scope`: what the app may do, in plain words. */
export function describePermissions(parsed: ParsedScopes): string[] {
  const lines: string[] = [];
  for (const name of parsed.oidc) lines.push(oidcScopes.get(name)!);
  for (const [id, names] of parsed.byResource) {
    const resource = resourceById(id);
    for (const name of expandDefault(resource, names)) lines.push(resource.permissions.get(name)!);
  }
  return [...new Set(lines)];
}

function graphIfShortName(scope: string): Resource | undefined {
  return scope.includes('/') || scope.includes(':') ? undefined : graphResource;
}

function permissionName(resource: Resource, scope: string): string | undefined {
  const name = scope.toLowerCase().startsWith(resource.scopePrefix) ? scope.slice(resource.scopePrefix.length) : scope;
  if (name === '.default') return name;
  return findName(resource.permissions, name);
}

function findName(table: ReadonlyMap<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return [...table.keys()].find((key) => key.toLowerCase() === lower);
}
