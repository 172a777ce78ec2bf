import { type TemplateResult, html, nothing } from 'lit';

import type { CallSnapshot, RemoteParticipantSnapshot, RenderableStream } from '../../services/calling/index.js';
import type { LocalizeController } from '../../localization/localize.js';
import type { VideoViewsController } from '../shared/video-views-controller.js';

/** What the tiles of the video gallery need from the element. */
export interface TileContext {
  localize: LocalizeController;
  videoViews: VideoViewsController;
  /** Key of the local user, whose reaction shows on the local tile. */
  selfKey?: string | undefined;
  /** Participants (by key) whose hand is raised. */
  raisedHands: ReadonlySet<string>;
  /** The latest reaction of each participant (by key), already in words, while it shows. */
  reactions: ReadonlyMap<string, string>;
}

/** Returns a remote participant's tile: their camera video or initials, with name, mute and speaking state. */
export function renderParticipantTile(context: TileContext, participant: RemoteParticipantSnapshot): TemplateResult {
  const { localize, videoViews } = context;
  const name = participant.displayName ?? localize.term('callUnknownPerson');
  const camera = participant.videoStreams.find((stream) => stream.mediaStreamType === 'Video' && stream.isAvailable);
  const key = `${participant.key}/camera/${camera?.id ?? 'none'}`;
  const handRaised = context.raisedHands.has(participant.key);
  const reaction = context.reactions.get(participant.key);

  // The figure's name joins the name and the states with commas. The caption's badges alone
  // would run together ("Adele VanceMuted").
  let tileName = name;
  if (participant.isMuted) tileName = localize.term('callTileMuted', tileName);
  if (handRaised) tileName = localize.term('callTileHandRaised', tileName);
  if (participant.isSpeaking) tileName = localize.term('callTileSpeaking', tileName);

  // The speaking outline marks the active speaker, as the SDK's dominant speaker would.
  return html`
    <figure part="tile" class="tile ${participant.isSpeaking ? 'speaking' : ''}" aria-label=${tileName} data-participant=${participant.key}>
      ${camera === undefined
        ? html`<div class="avatar" aria-hidden="true">${initials(name)}</div>`
        : html`<div part="video" class="video" role="img" aria-label=${localize.term('callVideoOf', name)} data-view=${videoViews.container(key, camera.stream)}></div>
            ${renderPlaceholder(context, camera.stream)}`}
      ${reaction === undefined ? nothing : html`<span part="reaction" class="reaction">${reaction}</span>`}
      <figcaption part="name">
        ${name}${participant.isMuted ? html`<span class="badge">${localize.term('callMuted')}</span>` : nothing}${handRaised
          ? html`<span class="badge">${localize.term('callHandRaised')}</span>`
          : nothing}${participant.isSpeaking ? html`<span class="visually-hidden">${localize.term('callSpeaking')}</span>` : nothing}
      </figcaption>
    </figure>
  `;
}

/** Returns the wide tile of a participant's screen share, or nothing while they share none. */
export function renderScreenShareTile(context: TileContext, participant: RemoteParticipantSnapshot): TemplateResult | typeof nothing {
  const { localize, videoViews } = context;
  const share = participant.videoStreams.find((stream) => stream.mediaStreamType === 'ScreenSharing' && stream.isAvailable);
  if (share === undefined) return nothing;

  const label = localize.term('callScreenOf', participant.displayName ?? localize.term('callUnknownPerson'));
  return html`
    <figure part="tile" class="tile screen">
      <div part="video" class="video" role="img" aria-label=${label} data-view=${videoViews.container(`${participant.key}/screen/${share.id}`, share.stream, { scalingMode: 'Fit' })}></div>
      ${renderPlaceholder(context, share.stream)}
      <figcaption part="name">${label}</figcaption>
    </figure>
  `;
}

/** Returns the local camera's mirrored preview tile, or nothing while the camera is off. */
export function renderLocalTile(context: TileContext, call: CallSnapshot): TemplateResult | typeof nothing {
  const camera = call.localVideoStreams.find((stream) => stream.mediaStreamType === 'Video');
  if (!call.isLocalVideoStarted || camera === undefined) return nothing;

  const label = context.localize.term('callYourVideo');
  const reaction = context.selfKey === undefined ? undefined : context.reactions.get(context.selfKey);
  const handRaised = context.selfKey !== undefined && context.raisedHands.has(context.selfKey);
  return html`
    <figure part="tile" class="tile local" aria-label=${handRaised ? context.localize.term('callTileHandRaised', label) : label}>
      <div part="video" class="video" role="img" aria-label=${label} data-view=${context.videoViews.container('local', camera, { isMirrored: true })}></div>
      ${renderPlaceholder(context, camera)}
      ${reaction === undefined ? nothing : html`<span part="reaction" class="reaction">${reaction}</span>`}
      <figcaption part="name">${label}${handRaised ? html`<span class="badge">${context.localize.term('callHandRaised')}</span>` : nothing}</figcaption>
    </figure>
  `;
}

/** Returns the spinner while a view is created, the timeout sentence, or nothing once it shows. */
export function renderPlaceholder(context: TileContext, stream: RenderableStream): TemplateResult | typeof nothing {
  const status = context.videoViews.statusOf(stream);
  if (status === 'creating' || status === undefined) {
    return html`<div class="placeholder"><span class="spinner" aria-hidden="true"></span><span class="visually-hidden">${context.localize.term('callVideoLoading')}</span></div>`;
  }
  if (status === 'timed-out' || status === 'failed') {
    return html`<div class="placeholder">${context.localize.term('callVideoUnavailable')}</div>`;
  }
  return nothing;
}

/** Returns up to two initials of a display name, for a tile without video. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}
