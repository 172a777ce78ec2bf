import { css } from 'lit';

/**
 * Layout of a video view container (`.video`): the renderer's view fills it, and its `<video>`
 * covers the container unless a rule sets `object-fit: contain` (screen shares).
 */
export const videoViewStyles = css`
  .video,
  .video > * {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }

  .video video {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
`;
