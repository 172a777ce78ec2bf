import { css } from 'lit';

import { composerStyles } from './composer.styles.js';
import { messageStyles } from './message.styles.js';

/** Layout, chat list and "New chat" styles of `<teams-chat>`; the shared tokens come from `baseStyles`. */
const layoutStyles = css`
  :host {
    --_list-width: var(--teams-chat-list-width, 260px);
    --_message-background: var(--teams-chat-message-background, var(--_surface-alt));
    --_own-message-background: var(--teams-chat-own-message-background, #e8ebfa);
    --_mention: var(--teams-chat-mention-color, #4f52b2);
    --_unread: var(--teams-chat-unread-color, var(--_brand));
    --_avatar-size: var(--teams-chat-avatar-size, 32px);

    height: var(--teams-chat-height, 480px);
    container-type: inline-size;
  }

  :host([theme='dark']) {
    --_own-message-background: var(--teams-chat-own-message-background, #3d3e66);
    --_mention: var(--teams-chat-mention-color, #aaacf0);
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
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

  button.link {
    min-height: 0;
    padding: 0 4px;
    border: none;
    background: none;
    color: var(--_brand);
    text-decoration: underline;
  }

  button.icon {
    min-width: 32px;
    padding: 0 6px;
  }

  .avatar {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_border);
    color: var(--_text);
    font-size: calc(var(--_avatar-size) * 0.38);
    font-weight: 600;
  }

  .avatar.group {
    border-radius: 8px;
  }

  /* The chat list. */

  .chat-list-panel {
    display: flex;
    flex: none;
    flex-direction: column;
    width: var(--_list-width);
    border-inline-end: 1px solid var(--_border);
  }

  .chat-list-tools {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px;
    border-bottom: 1px solid var(--_border);
  }

  .chat-list,
  .chat-list-empty {
    flex: 1;
    margin: 0;
    padding: 4px;
    overflow-y: auto;
    list-style: none;
  }

  .chat-list-empty {
    padding: 12px;
    color: var(--_text-muted);
  }

  .chat-list button {
    display: flex;
    gap: 8px;
    align-items: center;
    width: 100%;
    min-height: 52px;
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
  }

  .chat-text {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-width: 0;
  }

  .chat-line {
    display: flex;
    gap: 6px;
    align-items: center;
    min-width: 0;
  }

  .chat-name,
  .chat-preview {
    flex: 1;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .chat-list button.unread .chat-name,
  .chat-list button.unread .chat-preview {
    font-weight: 700;
    color: var(--_text);
  }

  .chat-time,
  .chat-preview {
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .unread-mark {
    flex: none;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_unread);
  }

  @media (forced-colors: active) {
    .unread-mark {
      background: Highlight;
    }
  }

  /* The "New chat" panel. */

  .new-chat-body {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: 10px;
    padding: 12px;
    overflow-y: auto;
  }

  .hint {
    margin: 0;
    color: var(--_text-muted);
  }

  .chosen {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .person-chip {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    padding-block: 2px;
    padding-inline: 10px 2px;
    border-radius: 16px;
    background: var(--_surface-alt);
  }

  .person-chip button {
    min-height: 24px;
    border: none;
    border-radius: 50%;
    background: transparent;
  }

  .people-results {
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    list-style: none;
  }

  .people-results li {
    display: flex;
    flex-direction: column;
    padding: 6px 10px;
    cursor: pointer;
  }

  .people-results li[aria-selected='true'],
  .people-results li:hover {
    background: var(--_surface-alt);
  }

  .person-detail {
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .topic {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }

  .new-chat-actions {
    display: flex;
    gap: 8px;
  }

  @container (max-width: 520px) {
    .base {
      flex-direction: column;
    }

    .chat-list-panel {
      width: auto;
      max-height: 40%;
      border-inline-end: none;
      border-bottom: 1px solid var(--_border);
    }

    /* One line of tools leaves the rows more of the little height the list has. */
    .chat-list-tools {
      flex-direction: row;
      align-items: center;
    }

    .chat-list-tools input {
      flex: 1;
      min-width: 0;
    }

    /* Compact rows while a chat shares the height; the list alone keeps full rows. */
    .base:not(.list-only) .chat-list button {
      min-height: 44px;
      padding-block: 4px;
    }

    .base.list-only .chat-list-panel {
      flex: 1;
      min-height: 0;
      max-height: none;
      border-bottom: none;
    }

    /* The prompt to pick a chat would only push the list up; the list itself says it. */
    .base.list-only .thread {
      display: none;
    }
  }
`;

/** Styles of `<teams-chat>`. */
export const chatStyles = [layoutStyles, messageStyles, composerStyles];
