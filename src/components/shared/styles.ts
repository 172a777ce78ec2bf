import { css } from 'lit';

/** Colors of the dark theme; each can still be overridden with its `--teams-color-*` property. */
const darkTokens = css`
  --_surface: var(--teams-color-surface, #292929);
  --_surface-alt: var(--teams-color-surface-alt, #1f1f1f);
  --_text: var(--teams-color-text, #ffffff);
  --_text-muted: var(--teams-color-text-muted, #adadad);
  --_border: var(--teams-color-border, #525252);
  --_brand: var(--teams-color-brand, #7f85f5);
  --_brand-hover: var(--teams-color-brand-hover, #9299f7);
  /* Dark text on the light dark-theme brand: white on #7f85f5 has a contrast of only 3.2:1. */
  --_on-brand: var(--teams-color-on-brand, #1f1f1f);
  --_danger-text: var(--teams-color-danger-text, #f1707b);
  --_focus: var(--teams-color-focus, #ffffff);
  background: var(--_surface);
`;

/**
 * Design tokens and base rules every element shares. Hosts theme the kit by setting the
 * `--teams-*` custom properties on any ancestor; `::part()` reaches the inner pieces.
 */
export const baseStyles = css`
  :host {
    --_brand: var(--teams-color-brand, #5b5fc7);
    --_brand-hover: var(--teams-color-brand-hover, #4f52b2);
    --_on-brand: var(--teams-color-on-brand, #ffffff);
    --_surface: var(--teams-color-surface, #ffffff);
    --_surface-alt: var(--teams-color-surface-alt, #f5f5f5);
    --_text: var(--teams-color-text, #242424);
    --_text-muted: var(--teams-color-text-muted, #616161);
    --_border: var(--teams-color-border, #d1d1d1);
    --_danger: var(--teams-color-danger, #c4314b);
    /* Errors as text on the surface; the danger fill would be too dark to read on a dark surface. */
    --_danger-text: var(--teams-color-danger-text, #c4314b);
    --_focus: var(--teams-color-focus, #000000);
    --_radius: var(--teams-radius, 4px);
    --_font: var(--teams-font-family, 'Segoe UI', system-ui, -apple-system, sans-serif);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--teams-font-size, 14px);
    line-height: 1.4;
  }

  /* Dark theme: opt in with theme="dark", or theme="auto" to follow the system setting. Not
     automatic, because a light host page on a dark system would get white text on white. */
  :host([theme='dark']) {
    ${darkTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }

  /* Windows high contrast and forced colors: system colors, visible borders and focus. */
  @media (forced-colors: active) {
    :host {
      --_brand: ButtonText;
      --_on-brand: ButtonFace;
      --_border: ButtonText;
      --_focus: Highlight;
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  button {
    font: inherit;
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }

  button.primary {
    border-color: transparent;
    background: var(--_brand);
    color: var(--_on-brand);
  }

  button.primary:hover:not(:disabled) {
    background: var(--_brand-hover);
  }

  button.danger {
    border-color: transparent;
    background: var(--_danger);
    color: #ffffff;
  }

  button:disabled {
    cursor: default;
    opacity: 0.6;
  }

  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  input,
  textarea,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px 8px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }

  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.15em;
    animation: teams-spin 0.8s linear infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }

  @keyframes teams-spin {
    to {
      transform: rotate(360deg);
    }
  }

  .error {
    color: var(--_danger-text);
  }
`;
