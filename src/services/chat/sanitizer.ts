import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

/**
 * The allow-list sanitizer for chat message HTML. Message bodies are written by other people and
 * other apps, so everything that can run script, load a resource, or restyle the page is removed.
 *
 * What survives: text formatting, paragraphs, lists, quotes, headings, tables, code, links,
 * mentions and emoji as plain text, and images whose source is a Graph hosted content. Links keep
 * http, https and mailto URLs only, and open in a new tab with `rel="noopener noreferrer"`.
 *
 * Teams markup is rewritten to standard HTML: `<at id="0">Name</at>` becomes
 * `<span class="mention" data-mention-id="0">Name</span>`, `<codeblock>` becomes `<pre>`, and
 * `<emoji alt="🙏">` becomes its `alt` text.
 */

/** Options of `sanitizeMessageHtml`. */
export interface SanitizeOptions {
  /**
   * Base URL of Microsoft Graph, absolute. Images are kept only when their source is a hosted
   * content of a chat message under this URL. Default `https://graph.microsoft.com/`.
   */
  graphBaseUrl?: string;
}

const allowedTags = [
  'a', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup', 'mark', 'small',
  'p', 'div', 'span', 'br', 'hr', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'img',
  // Teams markup, rewritten after sanitizing.
  'at', 'codeblock', 'emoji',
];

// `width` and `height` size inline images before they load, so a long thread keeps its place.
const allowedAttributes = ['href', 'title', 'alt', 'src', 'id', 'colspan', 'rowspan', 'start', 'dir', 'lang', 'width', 'height'];

const config: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: allowedTags,
  ALLOWED_ATTR: allowedAttributes,
  // Only absolute web and mail links; relative URLs, javascript:, data:, vbscript: and blob: go.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  // DOMPurify checks every attribute outside its URI-safe list against the URI pattern above, so
  // these plain values (numbers, directions, languages) must be declared safe to survive it.
  ADD_URI_SAFE_ATTR: ['width', 'height', 'colspan', 'rowspan', 'start', 'dir', 'lang'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM_FRAGMENT: true,
};

const defaultGraphBaseUrl = 'https://graph.microsoft.com/';

/** Path of a chat message's hosted content, as Graph writes it in message HTML. */
const hostedContentPath = /^\/(?:[^?#]*\/)?(?:v1\.0|beta)\/chats\/[^/?#]+\/messages\/[^/?#]+\/hostedContents\/[^/?#]+\/\$value$/;

let purifier: DOMPurify | undefined;
let currentGraphOrigin = new URL(defaultGraphBaseUrl).origin;

/** Sources of hosted-content images seen while sanitizing, moved to `data-hosted-content`. */
const hostedContentSources = new WeakMap<Element, string>();

/**
 * Returns sanitized HTML for a message body, safe to insert with `innerHTML` or Lit's
 * `unsafeHTML`. A `text` body is escaped rather than parsed.
 */
export function sanitizeMessageHtml(content: string, contentType: 'html' | 'text' = 'html', options: SanitizeOptions = {}): string {
  if (contentType === 'text') return escapeText(content);

  const instance = getPurifier();
  currentGraphOrigin = graphOrigin(options.graphBaseUrl);
  // Typed as never null, but DOMPurify returns null for input it cannot parse.
  const fragment = instance.sanitize(content, config) as DocumentFragment | null;
  if (fragment === null) return '';

  rewriteTeamsMarkup(fragment);
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}

/**
 * Returns a DOMPurify instance of its own, so these hooks never affect a DOMPurify the host page
 * uses.
 */
function getPurifier(): DOMPurify {
  if (purifier !== undefined) return purifier;
  purifier = createDOMPurify(window);

  purifier.addHook('uponSanitizeAttribute', (node, event) => {
    const tag = node.nodeName.toLowerCase();

    // `id` only carries a mention's number; anywhere else it could clobber names in the page.
    if (event.attrName === 'id' && tag !== 'at') event.keepAttr = false;

    // Image sources never reach the output: a hosted content is fetched later with the access
    // token, and any other image would load a tracker as soon as the HTML is parsed.
    if (event.attrName === 'src') {
      if (tag === 'img' && isHostedContentUrl(event.attrValue)) hostedContentSources.set(node, event.attrValue);
      event.keepAttr = false;
    }
  });

  purifier.addHook('afterSanitizeAttributes', (node) => {
    const source = hostedContentSources.get(node);
    if (source !== undefined) node.setAttribute('data-hosted-content', source);
  });

  return purifier;
}

function rewriteTeamsMarkup(fragment: DocumentFragment): void {
  for (const mention of fragment.querySelectorAll('at')) {
    const span = document.createElement('span');
    span.className = 'mention';
    const id = mention.getAttribute('id') ?? '';
    if (/^\d{1,4}$/.test(id)) span.dataset['mentionId'] = id;
    span.textContent = mention.textContent;
    mention.replaceWith(span);
  }

  for (const block of fragment.querySelectorAll('codeblock')) {
    const pre = document.createElement('pre');
    pre.append(...block.childNodes);
    block.replaceWith(pre);
  }

  for (const emoji of fragment.querySelectorAll('emoji')) {
    emoji.replaceWith(document.createTextNode(emoji.getAttribute('alt') ?? emoji.textContent ?? ''));
  }

  // Sizes are for images only: on a table or cell they could stretch a message across the page.
  for (const sized of fragment.querySelectorAll(':not(img)[width], :not(img)[height]')) {
    sized.removeAttribute('width');
    sized.removeAttribute('height');
  }

  for (const image of fragment.querySelectorAll('img')) {
    if (!image.hasAttribute('data-hosted-content')) {
      image.remove();
      continue;
    }
    // Only plain pixel sizes survive; anything else leaves the image to its natural size.
    for (const dimension of ['width', 'height']) {
      const value = image.getAttribute(dimension);
      if (value !== null && !/^\d{1,4}$/.test(value)) image.removeAttribute(dimension);
    }
  }

  for (const link of fragment.querySelectorAll('a')) {
    if (link.hasAttribute('href')) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    }
  }

  // The hook already drops `id` everywhere but on mentions, which are rewritten above. This pass
  // guards against a change in DOMPurify's rules leaving one behind.
  for (const element of fragment.querySelectorAll('[id]')) element.removeAttribute('id');
}

function isHostedContentUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.origin === currentGraphOrigin && hostedContentPath.test(url.pathname);
}

function graphOrigin(graphBaseUrl: string | undefined): string {
  try {
    return new URL(graphBaseUrl ?? defaultGraphBaseUrl, document.baseURI).origin;
  } catch {
    return new URL(defaultGraphBaseUrl).origin;
  }
}

/** Escapes plain text for HTML and keeps its line breaks. */
function escapeText(text: string): string {
  const container = document.createElement('div');
  container.textContent = text;
  return container.innerHTML.replace(/\r?\n/g, '<br>');
}
