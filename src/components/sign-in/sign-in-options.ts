import type { LoginMode, SessionOptions } from '../../services/session/types.js';

/** The configuration attributes of `<teams-sign-in>`, as its properties hold them. */
export interface SignInAttributes {
  clientId: string;
  tenantId: string | undefined;
  authority: string | undefined;
  exchangeUrl: string | undefined;
  graphBaseUrl: string | undefined;
  redirectUri: string | undefined;
  loginMode: LoginMode | undefined;
  callingModule: string | undefined;
}

/**
 * Session options from the element's attributes. URL attributes may be relative, such as
 * `authority="/organizations/v2.0"`: they resolve against `baseUri` (the page's `document.baseURI`),
 * as links on the page do. Validation is the session's; a value that is not a URL passes through
 * unchanged so that its message names it.
 */
export function sessionOptionsFromAttributes(attributes: SignInAttributes, baseUri: string): SessionOptions {
  const options: SessionOptions = {
    clientId: attributes.clientId,
    exchange: resolveUrl(attributes.exchangeUrl, baseUri) ?? '',
  };

  const tenantId = attributes.tenantId?.trim();
  if (tenantId) options.tenantId = tenantId;

  const optionalUrls = {
    authority: resolveUrl(attributes.authority, baseUri),
    graphBaseUrl: resolveUrl(attributes.graphBaseUrl, baseUri),
    redirectUri: resolveUrl(attributes.redirectUri, baseUri),
    callingModule: resolveUrl(attributes.callingModule, baseUri),
  };
  for (const [name, value] of Object.entries(optionalUrls) as Array<[keyof typeof optionalUrls, string | undefined]>) {
    if (value !== undefined) options[name] = value;
  }

  if (attributes.loginMode) options.loginMode = attributes.loginMode;
  return options;
}

function resolveUrl(value: string | undefined, baseUri: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    return new URL(trimmed, baseUri).href;
  } catch {
    return trimmed;
  }
}
