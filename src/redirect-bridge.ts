// The script of the redirect page (`redirect-uri`). Entra ID sends the sign-in response to that
// page, and MSAL 5's redirect bridge hands it to the page that started the sign-in. It posts the
// response on a BroadcastChannel for a popup's opener, or navigates back after a redirect. The
// page must be on the app's origin and must not send a Cross-Origin-Opener-Policy header.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

import { announcePopupResponse } from './services/auth/popup-response-signal.js';

// First tell the opening page that its popup's response arrived, so that the popup closing
// itself next is not taken for the user closing it.
announcePopupResponse();

broadcastResponseToMainFrame().catch((error: unknown) => {
  // A page opened without a sign-in response (a bookmark, a reload) lands here; nothing to hand on.
  console.error('The redirect page found no sign-in response to pass on.', error);
});
