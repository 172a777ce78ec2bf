import type { GraphAttachment } from './graph-types.js';

/**
 * A message attachment as elements render it: plain text and checked links only, never HTML, so
 * it can go into a template without sanitizing.
 */
export type AttachmentView =
  /** A file shared as a link (`reference`). `url` is https or `undefined`. */
  | { kind: 'file'; id: string; name: string; url: string | undefined }
  /** A quoted message (`messageReference`), shown above the reply. */
  | { kind: 'quote'; id: string; senderName: string | undefined; preview: string }
  /** A card, with the text of its text blocks (Adaptive Cards) or its title and text (other cards). */
  | { kind: 'card'; id: string; title: string | undefined; lines: string[] }
  /** Anything else, shown as a fallback card with its name or content type. */
  | { kind: 'unknown'; id: string; name: string | undefined; contentType: string };

/** Maximum length of text taken from one attachment field, in characters. */
const maximumFieldLength = 500;

/** Text lines taken from one card, at most. */
const maximumCardLines = 6;

/** Converts Graph's attachments of a message into views. */
export function toAttachmentViews(attachments: readonly GraphAttachment[] | undefined): AttachmentView[] {
  return (attachments ?? []).map(toAttachmentView);
}

function toAttachmentView(attachment: GraphAttachment): AttachmentView {
  const id = String(attachment.id);

  if (attachment.contentType === 'reference') {
    return { kind: 'file', id, name: clip(attachment.name) ?? fileNameOf(attachment.contentUrl) ?? id, url: httpsUrl(attachment.contentUrl) };
  }

  if (attachment.contentType === 'messageReference') {
    const content = parseJson(attachment.content) as { messagePreview?: unknown; messageSender?: { user?: { displayName?: unknown } } } | undefined;
    const preview = clip(typeof content?.messagePreview === 'string' ? content.messagePreview : undefined);
    const senderName = clip(typeof content?.messageSender?.user?.displayName === 'string' ? content.messageSender.user.displayName : undefined);
    if (preview !== undefined) return { kind: 'quote', id, senderName, preview };
  }

  if (attachment.contentType.startsWith('application/vnd.microsoft.card.')) {
    const card = cardText(parseJson(attachment.content));
    if (card.title !== undefined || card.lines.length > 0) return { kind: 'card', id, ...card };
  }

  return { kind: 'unknown', id, name: clip(attachment.name), contentType: attachment.contentType };
}

/**
 * Collects the text of a card: Adaptive Cards' `TextBlock`s (the first as the title), or the
 * `title`, `subtitle` and `text` of Bot Framework hero and thumbnail cards.
 */
function cardText(card: unknown): { title: string | undefined; lines: string[] } {
  const texts: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (texts.length >= maximumCardLines + 1 || depth > 8 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record['type'] === 'TextBlock' && typeof record['text'] === 'string') texts.push(record['text']);
    for (const key of ['body', 'items', 'columns']) visit(record[key], depth + 1);
  };

  const record = (typeof card === 'object' && card !== null ? card : {}) as Record<string, unknown>;
  if (record['type'] === 'AdaptiveCard') {
    visit(record['body'], 0);
  } else {
    for (const key of ['title', 'subtitle', 'text']) if (typeof record[key] === 'string') texts.push(record[key] as string);
  }

  const clipped = texts.map((text) => clip(text)).filter((text): text is string => text !== undefined);
  return { title: clipped[0], lines: clipped.slice(1, maximumCardLines + 1) };
}

function parseJson(content: string | null | undefined): unknown {
  if (typeof content !== 'string') return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

/** Returns the URL when it is an absolute https URL, the only kind a file link keeps. */
function httpsUrl(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function fileNameOf(value: string | null | undefined): string | undefined {
  const url = httpsUrl(value);
  if (url === undefined) return undefined;
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
  if (last === undefined) return undefined;
  try {
    return clip(decodeURIComponent(last));
  } catch {
    return clip(last);
  }
}

function clip(text: string | null | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return undefined;
  return trimmed.length > maximumFieldLength ? `${trimmed.slice(0, maximumFieldLength - 1)}…` : trimmed;
}
