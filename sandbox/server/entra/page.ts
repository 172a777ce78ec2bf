/**
 * The HTML frame of the emulated Entra ID's pages (account picker, errors, sign-out): one small
 * inline style sheet, no scripts, so the pages work with scripting off and under any CSP.
 */
export function renderPage(page: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(page.title)} - Sandbox Entra ID</title>
    <style>
      body { margin: 0; font: 15px/1.45 'Segoe UI', system-ui, sans-serif; color: #1b1b1b; background: #f2f2f2; }
      main { box-sizing: border-box; max-width: 440px; margin: 32px auto; padding: 32px; background: #fff; box-shadow: 0 2px 6px rgb(0 0 0 / 20%); }
      .brand { margin: 0 0 16px; font-weight: 600; color: #5e5e5e; }
      h1 { margin: 0 0 12px; font-size: 24px; font-weight: 600; }
      ul { padding: 0; list-style: none; }
      .accounts li { margin: 0 0 8px; }
      .accounts button { display: block; width: 100%; padding: 10px 12px; border: 1px solid #8a8a8a; background: #fff; font: inherit; font-weight: 600; text-align: start; cursor: pointer; }
      .accounts button:hover { background: #f3f3f3; }
      .accounts .username { display: block; padding: 2px 12px 0; color: #5e5e5e; font-size: 13px; }
      .accounts .object-id { display: block; padding: 0 12px; color: #5e5e5e; font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
      .permissions li::before { content: '✓ '; color: #107c10; }
      .tenant { margin: 16px 0 4px; font-size: 13px; font-weight: 600; color: #5e5e5e; text-transform: uppercase; }
      .actions { margin-top: 20px; text-align: end; }
      .actions button { padding: 6px 20px; border: 1px solid #8a8a8a; background: #fff; font: inherit; cursor: pointer; }
      button:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
      .error { color: #a4262c; }
      dt { font-weight: 600; }
      dd { margin: 0 0 8px; font-family: ui-monospace, monospace; font-size: 13px; }
    </style>
  </head>
  <body>
    <main>
      <p class="brand">Sandbox Entra ID</p>
      ${page.body}
    </main>
  </body>
</html>
`;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
