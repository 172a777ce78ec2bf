import { css } from 'lit';

/** Styles of the thread: header, status lines, the virtualized rows and each message. */
export const messageStyles = css`
  .thread {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }

  .thread-header {
    margin: 0;
    padding: 8px 12px;
    border-bottom: 1px solid var(--_border);
    font-size: 1.1em;
    font-weight: 600;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .updates-status {
    margin: 0;
    padding: 4px 12px;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-alt);
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  /* Holds the scroller and, over its bottom edge, the "new messages" button. */
  .messages-frame {
    position: relative;
    display: flex;
    flex: 1;
    flex-direction: column;
    min-height: 0;
  }

  .messages {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overflow-anchor: none;
  }

  .new-messages {
    position: absolute;
    bottom: 8px;
    left: 50%;
    transform: translateX(-50%);
    padding: 4px 14px;
    border-radius: 16px;
    font-weight: 600;
    white-space: nowrap;
    box-shadow: 0 2px 6px rgb(0 0 0 / 20%);
  }

  /* The arrow is decoration: the empty alternative text keeps it out of the button's name. */
  .new-messages::before {
    content: '↓' / '';
    margin-inline-end: 6px;
  }

  .row {
    width: 100%;
    padding: 2px 12px;
  }

  .older {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: center;
    margin: 8px 0;
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .date-separator {
    display: flex;
    align-items: center;
    gap: 8px;
    padding-top: 10px;
    padding-bottom: 6px;
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .date-separator::before,
  .date-separator::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_border);
  }

  .message {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    padding-top: 6px;
  }

  .message.continued {
    padding-top: 1px;
  }

  /* The virtualizer positions each row on its own layer; the row with an open menu goes on top. */
  .message.menu-open {
    z-index: 3;
  }

  .message.own {
    flex-direction: row-reverse;
  }

  .avatar-space {
    flex: none;
    width: var(--_avatar-size);
  }

  .bubble {
    position: relative;
    min-width: 0;
    max-width: min(80%, 640px);
    padding: 6px 10px;
    border-radius: var(--_radius);
    background: var(--_message-background);
  }

  .own .bubble {
    background: var(--_own-message-background);
  }

  .mentions-me .bubble {
    box-shadow: inset 3px 0 0 var(--_mention);
  }

  /* box-shadow has no logical offsets: the mention bar moves to the start edge by hand. */
  .mentions-me .bubble:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_mention);
  }

  .message.pending .bubble {
    opacity: 0.75;
  }

  .message.failed .bubble {
    outline: 1px solid var(--_danger);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: baseline;
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .sender {
    color: var(--_text);
    font-weight: 600;
  }

  .edited {
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .body {
    overflow-wrap: anywhere;
  }

  .body p {
    margin: 0.25em 0;
  }

  .body pre {
    overflow-x: auto;
    padding: 6px 8px;
    border-radius: var(--_radius);
    background: var(--_surface);
    font-family: ui-monospace, 'Cascadia Code', Consolas, monospace;
    font-size: 0.9em;
  }

  .body a {
    color: inherit;
  }

  .body .mention {
    color: var(--_mention);
    font-weight: 600;
  }

  .body img {
    max-width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }

  .body img[data-image-state='loading'] {
    background: var(--_border);
  }

  .image-placeholder {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    max-width: 100%;
    padding: 8px;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .quote {
    display: flex;
    flex-direction: column;
    margin: 4px 0;
    padding: 4px 8px;
    border-inline-start: 3px solid var(--_border);
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .quote-sender {
    font-weight: 600;
  }

  .attachments {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-top: 6px;
  }

  .attachment {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    max-width: 320px;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .attachment.card {
    flex-direction: column;
    gap: 2px;
  }

  .attachment-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  .attachment-kind,
  .attachment-note {
    color: var(--_text-muted);
    font-size: 0.8em;
  }

  .attachment a {
    color: var(--_brand);
    overflow-wrap: anywhere;
  }

  .reactions {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-top: 4px;
  }

  .reaction {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    min-height: 24px;
    padding: 0 6px;
    border-radius: 12px;
    font-size: 0.9em;
  }

  .reaction.mine {
    border-color: var(--_brand);
    background: var(--_own-message-background);
  }

  .delivery {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: flex-end;
    margin-top: 2px;
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .delivery button {
    min-height: 24px;
    padding: 0 8px;
  }

  .system,
  .deleted {
    display: flex;
    gap: 6px;
    justify-content: center;
    padding-top: 4px;
    padding-bottom: 4px;
    color: var(--_text-muted);
    font-size: 0.9em;
    font-style: italic;
    text-align: center;
  }

  .options {
    position: relative;
    align-self: flex-start;
  }

  .options-button {
    min-height: 28px;
    padding: 0 6px;
    border-color: transparent;
    background: transparent;
    opacity: 0;
  }

  .message:hover .options-button,
  .message:focus-within .options-button,
  .options-button[aria-expanded='true'] {
    opacity: 1;
  }

  @media (hover: none) {
    .options-button {
      opacity: 1;
    }
  }

  .menu {
    position: absolute;
    z-index: 2;
    inset-inline-end: 0;
    top: 100%;
    display: flex;
    flex-direction: column;
    min-width: 200px;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
  }

  .own .menu {
    inset-inline-end: auto;
    inset-inline-start: 0;
  }

  .menu.up {
    top: auto;
    bottom: 100%;
  }

  .menu-reactions {
    display: flex;
    justify-content: space-between;
    padding-bottom: 4px;
    border-bottom: 1px solid var(--_border);
  }

  .menu-reactions:only-child {
    padding-bottom: 0;
    border-bottom: none;
  }

  .menu button {
    border: none;
    background: transparent;
    text-align: start;
  }

  .menu button:hover,
  .menu button:focus-visible {
    background: var(--_surface-alt);
  }

  .menu button.danger {
    color: var(--_danger-text);
  }

  .poll-error {
    margin: 0 12px;
  }
`;
