import { css } from 'lit';

export const callStyles = css`
  :host {
    --_tile-min-width: var(--teams-call-tile-min-width, 200px);
    --_video-background: var(--teams-call-video-background, #1f1f1f);
  }

  .base {
    display: grid;
    gap: 12px;
  }

  .status {
    margin: 0;
    color: var(--_text-muted);
  }

  .status .spinner {
    margin-inline-end: 8px;
  }

  .form {
    display: grid;
    gap: 4px;
  }

  .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }

  .row input {
    flex: 1 1 16em;
    min-width: 0;
  }

  .hint {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.9em;
  }

  .error {
    margin: 0;
  }

  /* The incoming-call box and the in-call panels (lobby, participants) share one look. */
  .incoming,
  .panel {
    display: grid;
    gap: 8px;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .incoming p,
  .panel p {
    margin: 0;
    font-weight: 600;
  }

  .actions,
  .controls {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }

  .gallery {
    display: grid;
    gap: 8px;
    grid-template-columns: repeat(auto-fill, minmax(var(--_tile-min-width), 1fr));
  }

  .tile {
    position: relative;
    margin: 0;
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_video-background);
    color: #ffffff;
  }

  .tile.screen {
    grid-column: 1 / -1;
  }

  .tile.speaking {
    outline: 3px solid var(--_brand);
    outline-offset: -3px;
  }


  .tile.screen .video video {
    object-fit: contain;
  }

  .avatar {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    font-size: 2em;
    font-weight: 600;
  }

  .placeholder {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 8px;
    text-align: center;
  }

  .tile figcaption {
    position: absolute;
    inset-inline-start: 8px;
    inset-block-end: 8px;
    padding: 2px 6px;
    border-radius: var(--_radius);
    background: rgb(0 0 0 / 60%);
  }

  .badge {
    margin-inline-start: 6px;
    font-size: 0.85em;
  }

  .passcode {
    display: flex;
    align-items: center;
    gap: 6px;
  }

  .people {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .people li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }

  .people li.speaking .person-name {
    font-weight: 600;
  }

  .person-name {
    flex: 1 1 10em;
  }

  .devices {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }

  .picker {
    display: grid;
    gap: 4px;
    min-width: 12em;
  }

  .reaction {
    position: absolute;
    inset-block-start: 8px;
    inset-inline-end: 8px;
    padding: 2px 8px;
    border-radius: var(--_radius);
    background: rgb(0 0 0 / 60%);
  }

  .prejoin {
    max-width: 40em;
  }

  .prejoin .tile {
    width: min(100%, 24em);
  }

  .level {
    display: flex;
    align-items: center;
    gap: 8px;
  }

  .level meter {
    flex: 1 1 10em;
    max-width: 16em;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 16px;
  }

  .choices label {
    display: flex;
    align-items: center;
    gap: 6px;
  }

  .reactions-menu {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 8px;
  }

  .reaction-choices {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 4px;
  }

  .reaction-choices[hidden] {
    display: none;
  }

  /* The ringing call's caller: photo (or initials) beside the sentence. */
  .caller {
    display: flex;
    align-items: center;
    gap: 12px;
  }

  .caller-photo {
    flex: none;
    inline-size: 48px;
    block-size: 48px;
    border-radius: 50%;
    object-fit: cover;
  }

  .caller-photo.initials {
    display: grid;
    place-items: center;
    background: var(--_border);
    color: var(--_text);
    font-weight: 600;
  }
`;
