/**
 * MSAL 5 marks an interactive sign-in in progress with a sessionStorage entry
 * `msal.interaction.status` holding `{"clientId": "...", "type": "signin" | "signout"}` (read from
 * `BrowserCacheManager.setInteractionInProgress` in @azure/msal-browser 5.31). While it exists,
 * `loginPopup` and `loginRedirect` reject with `interaction_in_progress`. A popup or redirect that
 * never finished, for example because the page was reloaded while the popup was open, leaves the
 * entry behind for the rest of the tab's life.
 */
export const interactionStatusKey = 'msal.interaction.status';

/** Reads the interaction MSAL has marked in progress in this tab, or returns `undefined`. */
export function readInteractionStatus(storage: Storage = sessionStorage): { clientId: string; type: string } | undefined {
  const value = storage.getItem(interactionStatusKey);
  if (value === null) return undefined;

  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { clientId, type } = parsed as { clientId?: unknown; type?: unknown };
    return { clientId: typeof clientId === 'string' ? clientId : '', type: typeof type === 'string' ? type : '' };
  } catch {
    // MSAL itself removes an entry it cannot parse; report one here as belonging to no app.
    return { clientId: '', type: '' };
  }
}

/**
 * Removes the interaction entry when it belongs to `clientId`. Entries of other apps on the same
 * origin stay, because their own MSAL may be about to complete a redirect with them.
 * Returns true when an entry was removed.
 */
export function clearInteractionStatus(clientId: string, storage: Storage = sessionStorage): boolean {
  const status = readInteractionStatus(storage);
  if (status === undefined || status.clientId.toLowerCase() !== clientId.toLowerCase()) return false;
  storage.removeItem(interactionStatusKey);
  return true;
}
