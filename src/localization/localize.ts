import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { commonMessages } from '../components/shared/common.messages.js';
import type { Messages } from './en.js';
import { closestAttribute } from './tree.js';

/** A translation: metadata plus some or all messages. Missing keys fall back to English. */
export interface Translation extends Partial<Messages> {
  /** BCP 47 language tag, such as `de` or `pt-BR`. */
  $code: string;
  /** The language's own name, such as `Deutsch`. */
  $name: string;
  /** The language's writing direction; `rtl` mirrors the elements when the page sets no `dir`. */
  $dir: 'ltr' | 'rtl';
}

/** A translation that defines every message; use it with `satisfies` so a missing key fails to compile. */
export type CompleteTranslation = Translation & Messages;

type MessageArguments<K extends keyof Messages> = Messages[K] extends (...values: infer A) => string ? A : [];

/**
 * The English source messages: the shared ones, plus each element's once its module has loaded.
 * They are the last fallback, after any registered translation (an English one included).
 */
const sourceMessages: Partial<Messages> = { ...commonMessages };

const translations = new Map<string, Translation>();
const connected = new Set<LocalizeController>();
let documentObserver: MutationObserver | undefined;

function updateConnected(): void {
  for (const controller of connected) controller.host.requestUpdate();
}

/** Adds or replaces translations; connected elements render again in the new strings. */
export function registerTranslation(...added: Translation[]): void {
  for (const translation of added) {
    translations.set(translation.$code.toLowerCase(), translation);
  }
  updateConnected();
}

/**
 * Adds an element's English messages to the source language. Each element calls this when its
 * module loads, so a page downloads only the strings of the elements it uses.
 */
export function addSourceMessages(messages: Partial<Messages>): void {
  Object.assign(sourceMessages, messages);
  updateConnected();
}

/**
 * Watches `lang` and `dir` on the document and every element in it, so that a page switching
 * language on `<html>` or on a container re-renders the elements. Shadow roots are not watched:
 * their attribute changes reach the elements at their next render.
 */
function observeDocumentLanguage(): void {
  if (documentObserver !== undefined || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(updateConnected);
  documentObserver.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
}

/**
 * Date formats by language and options. Creating an `Intl.DateTimeFormat` costs far more than
 * formatting with one: a chat thread formats a time or two per row on every scroll frame, and
 * without the cache that was the largest share of its scripting time.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions | undefined): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options ?? {})}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang, options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Gives an element its strings in the language of its closest `lang` attribute (or the
 * document's, or the browser's), falling back from `pt-BR` to `pt` to English per message.
 *
 * After each render it sets `dir` on the element's `base` part, so that a right-to-left
 * translation mirrors the layout on a page that sets no direction itself.
 */
export class LocalizeController implements ReactiveController {
  readonly host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    observeDocumentLanguage();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  hostUpdated(): void {
    // The base part wraps everything an element renders; the other parts inherit its direction.
    const base = this.host.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
    const dir = this.dir();
    if (base && base.dir !== dir) base.dir = dir;
  }

  /** The language tag in effect, lower case. */
  lang(): string {
    const fromTree = closestAttribute(this.host, 'lang', (value) => value !== '');
    return (fromTree || navigator.language || 'en').toLowerCase();
  }

  /**
   * The text direction in effect: the closest `ltr` or `rtl` `dir` attribute (a host element's
   * in an enclosing shadow root counts), else the direction of the translation in use.
   */
  dir(): 'ltr' | 'rtl' {
    const fromTree = closestAttribute(this.host, 'dir', (value) => value === 'ltr' || value === 'rtl');
    if (fromTree === 'ltr' || fromTree === 'rtl') return fromTree;
    return this.#translations()[0]?.$dir ?? 'ltr';
  }

  /** Returns the localized message for `key`, with `values` filled in. */
  term<K extends keyof Messages>(key: K, ...values: MessageArguments<K>): string {
    for (const translation of [...this.#translations(), sourceMessages]) {
      const message = translation[key] as Messages[K] | undefined;
      if (message === undefined) continue;
      return typeof message === 'function' ? (message as (...args: unknown[]) => string)(...values) : message;
    }
    return String(key);
  }

  /** Formats a date or time in the language in effect. */
  date(value: Date | number, options?: Intl.DateTimeFormatOptions): string {
    return dateFormat(this.lang(), options).format(value);
  }

  /** Registered translations to consult, most specific first: `pt-br`, `pt`, then English. */
  #translations(): Translation[] {
    const lang = this.lang();
    const chain = [translations.get(lang), translations.get(lang.split('-')[0]!), translations.get('en')];
    return chain.filter((translation): translation is Translation => translation !== undefined);
  }
}
