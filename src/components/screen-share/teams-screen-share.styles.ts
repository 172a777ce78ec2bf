import { css } from 'lit';

export const screenShareStyles = css`
  :host {
    --_video-background: var(--teams-screen-share-background, #1f1f1f);
  }

  .base {
    display: grid;
    gap: 8px;
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }

  .status,
  .reason {
    margin: 0;
    color: var(--_text-muted);
  }

  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }

  .view {
    position: relative;
    margin: 0;
    aspect-ratio: var(--teams-screen-share-aspect-ratio, 16 / 9);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_video-background);
    color: #ffffff;
  }

  .video video {
    object-fit: contain;
  }

  .placeholder {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 8px;
    text-align: center;
  }

  figcaption {
    position: absolute;
    inset-inline-start: 8px;
    inset-block-end: 8px;
    padding: 2px 6px;
    border-radius: var(--_radius);
    background: rgb(0 0 0 / 60%);
  }
`;
