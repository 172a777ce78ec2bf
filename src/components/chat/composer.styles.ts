import { css } from 'lit';

/** Styles of the message box, its pickers and its editing banner. */
export const composerStyles = css`
  .composer {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 8px 12px;
    border-top: 1px solid var(--_border);
  }

  .composer-row {
    display: flex;
    gap: 8px;
    align-items: flex-end;
  }

  .composer textarea {
    flex: 1;
    min-height: 40px;
    max-height: 160px;
    resize: vertical;
  }

  .composer .error {
    margin: 0;
    font-size: 0.9em;
  }

  .editing-banner {
    display: flex;
    gap: 8px;
    align-items: center;
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  .popup {
    position: absolute;
    z-index: 2;
    bottom: 100%;
    inset-inline-start: 12px;
    max-height: 220px;
    margin: 0;
    padding: 4px;
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
    list-style: none;
  }

  .suggestions li {
    padding: 6px 10px;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .suggestions li[aria-selected='true'],
  .suggestions li:hover {
    background: var(--_surface-alt);
  }

  .suggestions li.none {
    color: var(--_text-muted);
    cursor: default;
  }

  .emoji-picker {
    display: grid;
    grid-template-columns: repeat(8, 36px);
    gap: 2px;
    inset-inline-start: auto;
    inset-inline-end: 12px;
  }

  .emoji-picker button {
    min-height: 36px;
    padding: 0;
    border: none;
    background: transparent;
    font-size: 1.2em;
  }

  .emoji-picker button:hover {
    background: var(--_surface-alt);
  }
`;
