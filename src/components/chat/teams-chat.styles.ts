import { css } from 'lit';

/** Styles of `<teams-chat>`; the shared tokens come from `baseStyles`. */
export const chatStyles = css`
  :host {
    --_list-width: var(--teams-chat-list-width, 240px);
    --_message-background: var(--teams-chat-message-background, var(--_surface-alt));
    --_own-message-background: var(--teams-chat-own-message-background, #e8ebfa);
    --_mention: var(--teams-chat-mention-color, #4f52b2);

    height: var(--teams-chat-height, 480px);
    container-type: inline-size;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_own-message-background: var(--teams-chat-own-message-background, #3d3e66);
      --_mention: var(--teams-chat-mention-color, #aaacf0);
    }
  }

  .base {
    display: flex;
    height: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }

  .fill {
    flex: 1;
  }

  .centered {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 12px;
    padding: 16px;
    text-align: center;
  }

  /* The chat list. */

  .chat-list {
    flex: none;
    width: var(--_list-width);
    margin: 0;
    padding: 4px;
    overflow-y: auto;
    border-inline-end: 1px solid var(--_border);
    list-style: none;
  }

  .chat-list button {
    display: block;
    width: 100%;
    min-height: 48px;
    padding: 6px 8px;
    border: none;
    border-radius: var(--_radius);
    background: transparent;
    text-align: start;
  }

  .chat-list button:hover {
    background: var(--_surface-alt);
  }

  .chat-list button[aria-current='true'] {
    background: var(--_surface-alt);
    font-weight: 600;
  }

  .chat-name,
  .chat-preview {
    display: block;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .chat-preview {
    color: var(--_text-muted);
    font-size: 0.9em;
    font-weight: normal;
  }

  /* The thread. */

  .thread {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-width: 0;
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

  .messages {
    flex: 1;
    overflow-y: auto;
    padding: 8px 12px;
  }

  .messages ol {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .older {
    display: flex;
    justify-content: center;
    margin-bottom: 8px;
  }

  .message {
    align-self: flex-start;
    max-width: 80%;
    padding: 6px 10px;
    border-radius: var(--_radius);
    background: var(--_message-background);
  }

  .message.own {
    align-self: flex-end;
    background: var(--_own-message-background);
  }

  .message.pending {
    opacity: 0.75;
  }

  .message.failed {
    outline: 1px solid var(--_danger);
  }

  .meta {
    display: flex;
    gap: 8px;
    align-items: baseline;
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .sender {
    color: var(--_text);
    font-weight: 600;
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
  }

  .delivery {
    display: flex;
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
    align-self: center;
    color: var(--_text-muted);
    font-size: 0.9em;
    font-style: italic;
  }

  .poll-error {
    margin: 0 12px;
  }

  .composer {
    display: flex;
    gap: 8px;
    align-items: flex-end;
    padding: 8px 12px;
    border-top: 1px solid var(--_border);
  }

  .composer textarea {
    flex: 1;
    min-height: 40px;
    max-height: 160px;
    resize: vertical;
  }

  @container (max-width: 520px) {
    .base {
      flex-direction: column;
    }

    .chat-list {
      width: auto;
      max-height: 35%;
      border-inline-end: none;
      border-bottom: 1px solid var(--_border);
    }
  }
`;
