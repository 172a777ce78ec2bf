/**
 * The sandbox's seeded directory: two Entra tenants, their users, the multi-tenant app
 * registration and the Communication Services resource. Ids are fixed so that tests and links are
 * stable across runs; none of them is a secret (keys and tokens are created at run time).
 */

/** An Entra ID tenant. */
export interface SandboxTenant {
  id: string;
  displayName: string;
  /** Verified domain of the tenant's user principal names. */
  domain: string;
}

/** An Entra ID user, with the fields Microsoft Graph's `user` resource returns. */
export interface SandboxUser {
  /** Object id (`oid`). */
  id: string;
  tenantId: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
}

/** The Entra app registration of the Teams endpoint, owned by the host tenant. */
export interface SandboxApp {
  clientId: string;
  displayName: string;
  homeTenantId: string;
  /** Tenants whose users may sign in (the home tenant and the customer tenants that consented). */
  consentedTenantIds: string[];
}

/** Contoso hosts the endpoint, its app registration and its Communication Services resource. */
export const contoso: SandboxTenant = {
  id: '6f1c5a0e-2b7d-4c39-9a51-3e8d2f40c001',
  displayName: 'Contoso',
  domain: 'contoso.com',
};

/** Fabrikam is a customer whose users sign in with their own tenant. */
export const fabrikam: SandboxTenant = {
  id: '9b2e7d14-5c80-4f6a-b3e2-7a1f0c95d002',
  displayName: 'Fabrikam',
  domain: 'fabrikam.com',
};

export const tenants: readonly SandboxTenant[] = [contoso, fabrikam];

function user(id: string, tenant: SandboxTenant, givenName: string, surname: string, jobTitle: string): SandboxUser {
  const alias = `${givenName}.${surname}`.toLowerCase();
  return {
    id,
    tenantId: tenant.id,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName: `${alias}@${tenant.domain}`,
    mail: `${alias}@${tenant.domain}`,
    jobTitle,
  };
}

export const users: readonly SandboxUser[] = [
  user('0a1b2c3d-0001-4000-8000-00000000c0a1', contoso, 'Adele', 'Vance', 'Retail Manager'),
  user('0a1b2c3d-0002-4000-8000-00000000c0a2', contoso, 'Alex', 'Wilber', 'Marketing Assistant'),
  user('0a1b2c3d-0003-4000-8000-00000000c0a3', contoso, 'Megan', 'Bowen', 'Marketing Manager'),
  user('0a1b2c3d-0004-4000-8000-00000000fab4', fabrikam, 'Diego', 'Siciliani', 'HR Manager'),
  user('0a1b2c3d-0005-4000-8000-00000000fab5', fabrikam, 'Lee', 'Gu', 'Director'),
  user('0a1b2c3d-0006-4000-8000-00000000fab6', fabrikam, 'Nestor', 'Wilke', 'Operations Director'),
];

export const app: SandboxApp = {
  clientId: '3c7d9e21-8a4b-4f0c-9d6e-5b2a1c0e7a11',
  displayName: 'Contoso Teams endpoint',
  homeTenantId: contoso.id,
  consentedTenantIds: [contoso.id, fabrikam.id],
};

/** Id of Contoso's Communication Services resource, as it appears in `resourceId` claims. */
export const communicationResourceId = 'b1d3f5a7-9c2e-4e60-8a4c-6e8f0a2c4e13';

/** Finds a user by object id, user principal name or mail, ignoring case. */
export function findUser(idOrName: string): SandboxUser | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return users.find(
    (candidate) =>
      candidate.id === wanted || candidate.userPrincipalName === wanted || candidate.mail === wanted,
  );
}

/** Finds a tenant by id or by domain (`contoso.com`), ignoring case. */
export function findTenant(idOrDomain: string): SandboxTenant | undefined {
  const wanted = idOrDomain.trim().toLowerCase();
  return tenants.find((candidate) => candidate.id === wanted || candidate.domain === wanted);
}
