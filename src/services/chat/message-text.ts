/**
 * Conversions between the composer's plain text and message HTML.
 */

/**
 * Returns the HTML body of a message typed as plain text: characters with a meaning in HTML are
 * escaped, and line breaks become `<br>`, in one paragraph as Teams writes short messages.
 */
export function textToMessageHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br>');
  return `<p>${escaped}</p>`;
}

/**
 * Returns the text of sanitized message HTML on one line, for previews and screen reader
 * announcements. The HTML is parsed in an inert document, where nothing loads or runs.
 */
export function messageHtmlToText(sanitizedHtml: string): string {
  const document = new DOMParser().parseFromString(sanitizedHtml, 'text/html');
  for (const lineBreak of document.querySelectorAll('br, p, div, li')) lineBreak.append(' ');
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
