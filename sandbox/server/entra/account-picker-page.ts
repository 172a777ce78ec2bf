import type { SandboxApp, SandboxUser } from '../directory.js';
import type { AuthorizeRequest } from './authorize-request.js';
import { escapeHtml, renderPage } from './page.js';
import { describePermissions } from './scopes.js';
import { tenantsOf, usersOf } from './tenants.js';

/**
 * Renders the account picker: one button per user who may sign in through the request's tenant, named by
 * the user's display name, with the app's name and the permissions it requests. Choosing an
 * account signs in and consents; there are no passwords. The form posts back to the authorize
 * endpoint with the picker's id, so the page needs no script.
 */
export function renderAccountPicker(app: SandboxApp, request: AuthorizeRequest, pickerId: string, action: string): string {
  const hinted = findHintedUser(request);
  const groups = tenantsOf(request.tenant)
    .map((tenant) => ({ tenant, users: usersOf(request.tenant).filter((user) => user.tenantId === tenant.id) }))
    .filter((group) => group.users.length > 0);
  const showTenantNames = groups.length > 1;

  const accountLists = groups
    .map((group) => {
      const headingId = `tenant-${group.tenant.id}`;
      const heading = showTenantNames ? `<h2 class="tenant" id="${headingId}">${escapeHtml(group.tenant.displayName)}</h2>` : '';
      const ordered = hinted === undefined ? group.users : [...group.users].sort((a, b) => Number(b === hinted) - Number(a === hinted));
      const items = ordered.map((user) => accountButton(user, user === hinted)).join('');
      const label = showTenantNames ? ` aria-labelledby="${headingId}"` : ' aria-label="Accounts"';
      return `${heading}<ul class="accounts"${label}>${items}</ul>`;
    })
    .join('');

  const permissions = describePermissions(request.scopes)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('');

  return renderPage({
    title: 'Pick an account',
    body: `
      <h1>Pick an account</h1>
      <p>to continue to <strong>${escapeHtml(app.displayName)}</strong></p>
      <form method="post" action="${escapeHtml(action)}">
        <input type="hidden" name="picker" value="${escapeHtml(pickerId)}" />
        ${accountLists}
        <h2 class="tenant" id="permissions-heading">${escapeHtml(app.displayName)} will be able to</h2>
        <ul class="permissions" aria-labelledby="permissions-heading">${permissions}</ul>
        <p>Choosing an account accepts these permissions. The sandbox asks for no password.</p>
        <div class="actions"><button type="submit" name="cancel" value="1">Cancel</button></div>
      </form>`,
  });
}

/**
 * One account: the button with the display name, then the address and the object id. The object
 * id is shown because a person of another tenant can only be called by it.
 */
function accountButton(user: SandboxUser, hinted: boolean): string {
  const usernameId = `username-${user.id}`;
  const objectIdId = `object-id-${user.id}`;
  const autofocus = hinted ? ' autofocus' : '';
  return `<li>
          <button type="submit" name="account" value="${user.id}" aria-describedby="${usernameId} ${objectIdId}"${autofocus}>${escapeHtml(user.displayName)}</button>
          <span class="username" id="${usernameId}">${escapeHtml(user.userPrincipalName)}</span>
          <span class="object-id" id="${objectIdId}">Object id: ${escapeHtml(user.id)}</span>
        </li>`;
}

function findHintedUser(request: AuthorizeRequest): SandboxUser | undefined {
  const hint = request.loginHint?.trim().toLowerCase();
  if (!hint) return undefined;
  return usersOf(request.tenant).find((user) => user.userPrincipalName === hint || user.mail === hint);
}
