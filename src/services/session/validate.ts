import { TeamsError } from '../errors.js';
import type { SessionOptions } from './types.js';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(message: string): TeamsError {
  return new TeamsError('configuration-invalid', message);
}

/**
 * Checks session options before anything reaches MSAL, so a mistyped attribute gets a sentence
 * that names it instead of an MSAL error code. Returns the options with blanks trimmed.
 */
export function validateSessionOptions(options: SessionOptions): SessionOptions {
  const clientId = options.clientId?.trim() ?? '';
  if (clientId === '') {
    throw invalid('The client id is missing. Set client-id on <teams-sign-in> to the Application (client) ID of your Entra app registration.');
  }
  if (!guidPattern.test(clientId)) {
    throw invalid(`The client id "${clientId}" is not a GUID. Copy the Application (client) ID from the Entra app registration's overview page.`);
  }

  if (options.authority !== undefined) {
    let authority: URL;
    try {
      authority = new URL(options.authority);
    } catch {
      throw invalid(`The authority "${options.authority}" is not a URL. Use https://login.microsoftonline.com/<tenant id>.`);
    }
    if (authority.protocol !== 'https:') {
      throw invalid(`The authority "${options.authority}" must use https:, as MSAL rejects any other scheme.`);
    }
  }

  if (options.exchange === undefined || (typeof options.exchange === 'string' && options.exchange.trim() === '')) {
    throw invalid('The exchange endpoint is missing. Set exchange-url on <teams-sign-in> to the URL of your token exchange endpoint, or pass an exchange function to configureSession().');
  }

  if (options.loginMode !== undefined && options.loginMode !== 'popup' && options.loginMode !== 'redirect') {
    throw invalid(`The login mode "${String(options.loginMode)}" is not supported. Use "popup" or "redirect".`);
  }

  return {
    ...options,
    clientId,
    ...(typeof options.exchange === 'string' ? { exchange: options.exchange.trim() } : {}),
  };
}
