import { type TemplateResult, html, nothing } from 'lit';

import type { DeviceLists, DevicePreviewState } from '../../services/calling/index.js';
import type { LocalizeController } from '../../localization/localize.js';
import type { VideoViewsController } from '../shared/video-views-controller.js';
import { type DeviceActions, type DeviceProblemTexts, renderDevicePickers } from './call-panels.js';
import { type TileContext, renderPlaceholder } from './call-tiles.js';

/** The call or meeting a pre-join screen leads to. */
export type PrejoinTarget = { kind: 'call'; target: string } | { kind: 'meeting'; meeting: string; passcode: string };

/** The actions of the pre-join screen's controls. */
export interface PrejoinActions extends DeviceActions {
  setCameraOn(cameraOn: boolean): void;
  setMuted(muted: boolean): void;
  /** "Join now" or "Call": starts with the choices made here. */
  start(): void;
  cancel(): void;
}

/** The content of the pre-join screen. */
export interface PrejoinView {
  target: PrejoinTarget;
  /** `undefined` while calling loads and the preview opens. */
  preview: DevicePreviewState | undefined;
  devices: DeviceLists;
  problems: DeviceProblemTexts;
}

/**
 * Returns the pre-join screen: the camera preview (a mirrored local renderer view), the
 * microphone's level, the device pickers with their problems, the "Start muted" and "Camera on"
 * choices, and the buttons that start the call or go back.
 */
export function renderPrejoin(localize: LocalizeController, videoViews: VideoViewsController, view: PrejoinView, actions: PrejoinActions): TemplateResult {
  const { target, preview } = view;
  const title = target.kind === 'call' ? localize.term('callPrejoinCall', target.target.trim()) : localize.term('callPrejoinMeeting');
  const cameraOn = preview?.cameraOn ?? true;
  const muted = preview?.muted ?? false;

  return html`
    <section part="prejoin" class="prejoin panel" aria-label=${localize.term('callPrejoinRegion')}>
      <p>${title}</p>
      ${renderPreviewTile(localize, videoViews, preview)}
      <div class="level">
        <label for="prejoin-level">${localize.term('callMicrophoneLevel')}</label>
        <meter id="prejoin-level" part="microphone-level" min="0" max="1" low="0.1" optimum="0.5" .value=${preview?.microphoneLevel ?? 0}></meter>
      </div>
      ${renderDevicePickers(localize, view.devices, actions, 'prejoin', view.problems)}
      <div class="choices">
        <label>
          <input type="checkbox" part="start-muted-toggle" .checked=${muted} @change=${(event: Event) => actions.setMuted((event.target as HTMLInputElement).checked)} />
          ${localize.term('callStartMuted')}
        </label>
        <label>
          <input type="checkbox" part="camera-on-toggle" .checked=${cameraOn} @change=${(event: Event) => actions.setCameraOn((event.target as HTMLInputElement).checked)} />
          ${localize.term('callStartWithCamera')}
        </label>
      </div>
      <div class="actions">
        <button type="button" class="primary" part="join-now-button" data-autofocus ?disabled=${preview === undefined} @click=${actions.start}>
          ${localize.term(target.kind === 'call' ? 'callStart' : 'callJoinNow')}
        </button>
        <button type="button" part="prejoin-cancel-button" @click=${actions.cancel}>${localize.term('callCancel')}</button>
      </div>
    </section>
  `;
}

function renderPreviewTile(localize: LocalizeController, videoViews: VideoViewsController, preview: DevicePreviewState | undefined): TemplateResult {
  const label = localize.term('callYourVideo');
  const camera = preview?.camera;

  let content: TemplateResult | typeof nothing;
  if (camera !== undefined) {
    const context = { localize, videoViews, raisedHands: new Set<string>(), reactions: new Map<string, string>() } satisfies TileContext;
    content = html`<div part="video" class="video" role="img" aria-label=${label} data-view=${videoViews.container('prejoin', camera, { isMirrored: true })}></div>
      ${renderPlaceholder(context, camera)}`;
  } else if (preview === undefined || (preview.cameraOn && !preview.ready)) {
    content = html`<div class="placeholder"><span class="spinner" aria-hidden="true"></span><span>${localize.term('callPrejoinOpening')}</span></div>`;
  } else {
    // A camera that is on but shows nothing failed; its picker explains why and what to do.
    content = html`<div class="placeholder">${localize.term(preview.cameraOn ? 'callPrejoinCameraFailed' : 'callPrejoinCameraOff')}</div>`;
  }

  return html`<figure part="tile" class="tile local prejoin-preview">${content}</figure>`;
}
