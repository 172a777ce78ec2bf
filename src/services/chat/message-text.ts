/**
 * Conversions between the composer's plain text and message HTML.
 */

/** Escapes the characters that have a meaning in HTML text and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Returns the HTML body of a message typed as plain text: characters with a meaning in HTML are
 * escaped, and line breaks become `<br>`, in one paragraph as Teams writes short messages.
 */
export function textToMessageHtml(text: string): string {
  return `<p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;
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

/**
 * Returns sanitized message HTML as composer text, for editing: line breaks and paragraphs become
 * new lines, and mentions become `@Name` again. Images and formatting are lost, so the edit sends
 * plain text.
 */
export function messageHtmlToEditableText(sanitizedHtml: string): string {
  const document = new DOMParser().parseFromString(sanitizedHtml, 'text/html');
  const blocks = new Set(['P', 'DIV', 'LI', 'PRE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR']);
  let text = '';

  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.tagName === 'BR') {
      text += '\n';
      return;
    }
    if (node.classList.contains('mention')) {
      text += `@${node.textContent ?? ''}`;
      return;
    }

    const block = blocks.has(node.tagName);
    if (block && text !== '' && !text.endsWith('\n')) text += '\n';
    for (const child of node.childNodes) visit(child);
    if (block && !text.endsWith('\n')) text += '\n';
  };

  for (const child of document.body.childNodes) visit(child);
  return text.replace(/\n+$/, '');
}
