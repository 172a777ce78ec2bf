/**
 * A pseudo-locale built from every catalog: each message comes back wrapped in `⟦…⟧`, so a text
 * on screen without the marks did not come through the localization layer.
 */
import type { MessageValue } from '../../../../src/localization/catalog.js';
import type { Translation } from '../../../../src/localization/localize.js';
import { sourceMessages } from './source-messages.js';

export const pseudoCode = 'qps-ploc';
export const openMark = '⟦';
export const closeMark = '⟧';

function mark(message: MessageValue): MessageValue {
  if (typeof message === 'string') return `${openMark}${message}${closeMark}`;
  return (...values: never[]) => `${openMark}${message(...values)}${closeMark}`;
}

export function pseudoTranslation(): Translation {
  const messages = Object.fromEntries(Object.entries(sourceMessages).map(([key, message]) => [key, mark(message)]));
  return { $code: pseudoCode, $name: 'Pseudo', $dir: 'ltr', ...messages };
}

/** Number of keys across all catalogs, to show that the pseudo-locale covers each of them. */
export const catalogKeyCount = Object.keys(sourceMessages).length;
