/**
 * Drives the emulated Entra ID the way a browser and MSAL do, for the `entra-*` tests: the
 * authorize request, the account picker's form, and the token endpoint.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A redirect URI on a loopback origin, which the sandbox's app registration accepts. */
export const redirectUri = 'https://localhost:5173/redirect.html';

/** The origin a browser sends with the token request of a page on `redirectUri`'s origin. */
export const pageOrigin = new URL(redirectUri).origin;

export const graphScopes = 'User.Read Chat.ReadWrite';
export const communicationScopes =
  'https://auth.msft.communication.azure.com/Teams.ManageCalls https://auth.msft.communication.azure.com/Teams.ManageChats';

/** Creates a PKCE verifier and its S256 challenge. */
export function createProofKey(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Sends an authorization request and returns the response without following redirects. */
export function authorize(origin: string, tenant: string, parameters: Record<string, string>, cookie?: string): Promise<Response> {
  const url = `${origin}/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams(parameters)}`;
  return fetch(url, { redirect: 'manual', headers: cookie === undefined ? {} : { cookie } });
}

/** Builds the authorization parameters MSAL sends, with `overrides` applied (an empty string removes one). */
export function authorizeParameters(clientId: string, overrides: Record<string, string> = {}): Record<string, string> {
  const parameters: Record<string, string> = {
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'fragment',
    scope: `${graphScopes} ${communicationScopes} openid profile offline_access`,
    state: 'state-1',
    nonce: 'nonce-1',
    ...overrides,
  };
  for (const [name, value] of Object.entries(parameters)) if (value === '') delete parameters[name];
  return parameters;
}

/** Reads the picker id from the account picker page. */
export function pickerIdOf(html: string): string {
  const match = /name="picker" value="([^"]+)"/.exec(html);
  if (match === null) throw new Error('The page is not the account picker: it has no picker field.');
  return match[1]!;
}

/** Reads the display names on the account picker's buttons, in page order. */
export function accountButtonNames(html: string): string[] {
  return [...html.matchAll(/<button type="submit" name="account"[^>]*>([^<]+)<\/button>/g)].map((match) => match[1]!);
}

/** Submits the account picker's form: an account by object id, or Cancel. */
export function submitPicker(origin: string, tenant: string, pickerId: string, choice: { account: string } | { cancel: true }): Promise<Response> {
  const form = new URLSearchParams({ picker: pickerId });
  if ('account' in choice) form.set('account', choice.account);
  else form.set('cancel', '1');
  return fetch(`${origin}/${tenant}/oauth2/v2.0/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
}

/** Reads the response parameters of a redirect back to the app, from the query or the fragment. */
export function redirectParameters(response: Response): URLSearchParams {
  const location = response.headers.get('location');
  if (location === null) throw new Error(`Expected a redirect, got status ${response.status} without a Location header.`);
  const url = new URL(location);
  return new URLSearchParams(url.hash !== '' ? url.hash.slice(1) : url.search);
}

/** Signs in through the picker and returns the authorization code, the PKCE verifier and the session cookie. */
export async function signInForCode(
  origin: string,
  clientId: string,
  user: string,
  options: { tenant?: string; overrides?: Record<string, string> } = {},
): Promise<{ code: string; verifier: string; cookie: string; parameters: URLSearchParams }> {
  const tenant = options.tenant ?? 'organizations';
  const proofKey = createProofKey();
  const page = await authorize(origin, tenant, authorizeParameters(clientId, { code_challenge: proofKey.challenge, code_challenge_method: 'S256', ...options.overrides }));
  const choice = await submitPicker(origin, tenant, pickerIdOf(await page.text()), { account: user });
  const parameters = redirectParameters(choice);
  const code = parameters.get('code');
  if (code === null) throw new Error(`The sign-in returned no code: ${parameters.get('error_description') ?? 'no error either'}`);
  const cookie = (choice.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { code, verifier: proofKey.verifier, cookie, parameters };
}

/** Posts a form to the token endpoint as a page on `pageOrigin` does. */
export function requestToken(origin: string, tenant: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${origin}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', origin: pageOrigin },
    body: new URLSearchParams(form),
  });
}

/** Reads a JWT's claims without verifying it. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
