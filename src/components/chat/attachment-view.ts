import { html, nothing, type TemplateResult } from 'lit';

import type { LocalizeController } from '../../localization/localize.js';
import type { AttachmentView } from '../../services/chat/attachments.js';

/** Renders the quoted messages of a reply, above its body. */
export function renderQuotes(localize: LocalizeController, attachments: readonly AttachmentView[]): TemplateResult | typeof nothing {
  const quotes = attachments.filter((attachment) => attachment.kind === 'quote');
  if (quotes.length === 0) return nothing;
  return html`${quotes.map(
    (quote) => html`
      <blockquote class="quote" part="attachment quote">
        ${quote.senderName ? html`<span class="quote-sender">${localize.term('chatQuoteFrom', quote.senderName)}</span>` : nothing}
        <span class="quote-text">${quote.preview}</span>
      </blockquote>
    `,
  )}`;
}

/**
 * Renders file links, cards and unknown attachments as cards below the body. Their texts are plain
 * strings and their links were checked to be https, so nothing here needs sanitizing.
 */
export function renderAttachmentCards(localize: LocalizeController, attachments: readonly AttachmentView[]): TemplateResult | typeof nothing {
  const cards = attachments.filter((attachment) => attachment.kind !== 'quote');
  if (cards.length === 0) return nothing;
  return html`<div class="attachments">${cards.map((attachment) => renderCard(localize, attachment))}</div>`;
}

function renderCard(localize: LocalizeController, attachment: AttachmentView): TemplateResult {
  switch (attachment.kind) {
    case 'file':
      return html`
        <div class="attachment file" part="attachment">
          <span class="attachment-icon" aria-hidden="true">📄</span>
          <span class="attachment-text">
            <span class="attachment-kind">${localize.term('chatAttachmentFile')}</span>
            ${attachment.url
              ? html`<a href=${attachment.url} target="_blank" rel="noopener noreferrer" aria-label=${localize.term('chatAttachmentOpen', attachment.name)}>${attachment.name}</a>`
              : html`<span>${attachment.name}</span><span class="attachment-note">${localize.term('chatAttachmentNoLink')}</span>`}
          </span>
        </div>
      `;
    case 'card':
      return html`
        <div class="attachment card" part="attachment">
          <span class="attachment-kind">${localize.term('chatAttachmentCard')}</span>
          ${attachment.title ? html`<strong class="attachment-title">${attachment.title}</strong>` : nothing}
          ${attachment.lines.map((line) => html`<span class="attachment-line">${line}</span>`)}
        </div>
      `;
    default:
      return html`
        <div class="attachment unknown" part="attachment">
          <span class="attachment-icon" aria-hidden="true">📎</span>
          <span class="attachment-text">
            <span class="attachment-kind">${attachment.kind === 'unknown' && attachment.name ? attachment.name : localize.term('chatAttachmentUnknown')}</span>
            <span class="attachment-note">${localize.term('chatAttachmentUnsupported')}</span>
          </span>
        </div>
      `;
  }
}
