import { findTenant, tenants, users, type SandboxTenant, type SandboxUser } from '../directory.js';

/**
 * The tenant part of an Entra ID URL (`/<tenant>/oauth2/v2.0/...`): one tenant by id or verified
 * domain, or `organizations` / `common`, which accept the users of every tenant (a multi-tenant
 * app). The sandbox has no personal Microsoft accounts, so `common` behaves like
 * `organizations` and `consumers` is unknown.
 */
export type TenantSegment =
  | { kind: 'tenant'; segment: string; tenant: SandboxTenant }
  | { kind: 'multi-tenant'; segment: 'organizations' | 'common' };

/** Resolves a tenant segment, or returns `undefined` for an unknown tenant (AADSTS90002). */
export function resolveTenantSegment(segment: string): TenantSegment | undefined {
  const lower = segment.toLowerCase();
  if (lower === 'organizations' || lower === 'common') return { kind: 'multi-tenant', segment: lower };

  const tenant = findTenant(segment);
  return tenant === undefined ? undefined : { kind: 'tenant', segment, tenant };
}

/** Lists the users who may sign in through this tenant segment. */
export function usersOf(segment: TenantSegment): SandboxUser[] {
  if (segment.kind === 'multi-tenant') return [...users];
  return users.filter((user) => user.tenantId === segment.tenant.id);
}

/** Lists the tenants whose users may sign in through this tenant segment. */
export function tenantsOf(segment: TenantSegment): SandboxTenant[] {
  return segment.kind === 'multi-tenant' ? [...tenants] : [segment.tenant];
}

/** True when `user` may use this tenant segment (a tenant's URL accepts its own users only). */
export function acceptsUser(segment: TenantSegment, user: SandboxUser): boolean {
  return segment.kind === 'multi-tenant' || segment.tenant.id === user.tenantId;
}

/** Returns the segment as it appears in endpoint URLs: the tenant id for a tenant, else the name. */
export function endpointSegment(segment: TenantSegment): string {
  return segment.kind === 'tenant' ? segment.tenant.id : segment.segment;
}
