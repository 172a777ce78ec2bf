/**
 * Finds the texts of an element's shadow tree that did not come through the pseudo-locale: text
 * nodes and the attributes people read (`aria-label`, `title`, `placeholder`, `alt`).
 */
import { closeMark, openMark } from './pseudo-translation.js';

/** Attributes whose values are shown or read out to people. */
const readAttributes = ['aria-label', 'title', 'placeholder', 'alt'];

/**
 * Elements whose text is not shown to people: style and script, and the invisible box with a
 * `&nbsp;` that @lit-labs/virtualizer adds to size the chat's thread.
 */
const skippedElements = 'style, script, template, [virtualizer-sizer]';

export interface UnmarkedText {
  where: string;
  text: string;
}

export interface UserData {
  /** Parts whose content, attributes included, is user data, such as message bodies. */
  contentParts: string[];
  /** Parts whose text is user data, such as initials; their attributes are still checked. */
  textParts: string[];
  /** Texts that are user data, such as people's names and chat topics. */
  texts: string[];
}

/**
 * Returns what remains of `text` once the marked messages are taken out. Marks nest when a
 * message's value is itself a message (`Reply to ⟦You⟧`), so the innermost go first.
 */
export function withoutMarkedMessages(text: string): string {
  const innermost = new RegExp(`${openMark}[^${openMark}${closeMark}]*${closeMark}`, 'gu');
  let rest = text;
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(innermost, ' ');
  }
  return rest;
}

/**
 * Words `Intl` writes into dates and times (month and weekday names, AM and PM) in `locale`:
 * the elements format them with `Intl`, not with catalog messages.
 */
export function calendarWords(locale: string): string[] {
  const words = new Set<string>();
  for (let month = 0; month < 12; month++) {
    for (const style of ['long', 'short'] as const) words.add(new Intl.DateTimeFormat(locale, { month: style }).format(new Date(2024, month, 1)));
  }
  for (let day = 1; day <= 7; day++) {
    for (const style of ['long', 'short'] as const) words.add(new Intl.DateTimeFormat(locale, { weekday: style }).format(new Date(2024, 0, day)));
  }
  for (const hour of [1, 13]) {
    const parts = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).formatToParts(new Date(2024, 0, 1, hour));
    for (const part of parts) if (part.type === 'dayPeriod') words.add(part.value);
  }
  return [...words];
}

/** Digits, punctuation, symbols, spaces and emoji: nothing in them needs translating. */
const noWords = /^[\p{N}\p{P}\p{S}\p{Z}\p{Extended_Pictographic}\p{Emoji_Component}\s]*$/u;

function isAllowed(text: string, userData: UserData): boolean {
  let rest = withoutMarkedMessages(text);
  // Longest first, so that "Adele Vance" goes before a shorter text inside it.
  for (const allowed of [...userData.texts].sort((a, b) => b.length - a.length)) rest = rest.split(allowed).join(' ');
  return noWords.test(rest);
}

/** Names an element by its tag, part and class, and the closest part around it. */
function describe(element: Element): string {
  const part = element.getAttribute('part');
  const className = element.getAttribute('class');
  const own = `<${element.localName}${part ? ` part="${part}"` : ''}${className ? ` class="${className}"` : ''}>`;
  const around = element.parentElement?.closest('[part]')?.getAttribute('part');
  return around ? `${own} in [part="${around}"]` : own;
}

/** Walks `root` and the open shadow roots inside it, and returns every text not marked or allowed. */
export function unmarkedTexts(root: ShadowRoot, userData: UserData): UnmarkedText[] {
  const found: UnmarkedText[] = [];
  const selector = (parts: string[]) => parts.map((part) => `[part~="${part}"]`).join(', ') || ':not(*)';
  const contentParts = selector(userData.contentParts);
  const textParts = selector(userData.textParts);

  const visit = (node: Node): void => {
    if (node instanceof Element) {
      if (node.matches(skippedElements)) return;
      if (node.matches(contentParts)) return;
      for (const name of readAttributes) {
        const value = node.getAttribute(name);
        if (value !== null && value.trim() !== '' && !isAllowed(value, userData)) found.push({ where: `${describe(node)} ${name}`, text: value });
      }
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
    } else if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      if (node.parentElement?.closest(textParts)) return;
      if (text.trim() !== '' && !isAllowed(text, userData)) found.push({ where: describe(node.parentElement!), text: text.trim() });
    }
    node.childNodes.forEach(visit);
  };
  root.childNodes.forEach(visit);
  return found;
}
