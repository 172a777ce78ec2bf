import { type TemplateResult, html, nothing } from 'lit';
import { query } from 'lit/decorators.js';

import { addSourceMessages } from '../../localization/localize.js';
import type { CallingState, DeviceProblem, RemoteVideoStreamSnapshot } from '../../services/calling/index.js';
import { CallingController } from '../shared/calling-controller.js';
import { VideoViewsController } from '../shared/video-views-controller.js';
import { baseStyles } from '../shared/styles.js';
import { videoViewStyles } from '../shared/video-view.styles.js';
import { TeamsElement } from '../shared/teams-element.js';
import './screen-share.events.js';
import { screenShareMessages } from './screen-share.messages.js';
import { screenShareStyles } from './teams-screen-share.styles.js';

// The element's English strings join the source language only on pages that load the element.
addSourceMessages(screenShareMessages);

/** A remote participant's screen share that can be shown. */
interface RemoteShare {
  participantKey: string;
  sharerName: string | undefined;
  share: RemoteVideoStreamSnapshot;
}

/**
 * Works with the call that `<teams-call>` (or script, through the calling service) started or
 * accepted in the same session. Without a connected call the "Share screen" button stays
 * focusable but inactive (`aria-disabled`), and the reason is shown next to it.
 *
 * While this element is on the page, `<teams-call>` elements of the same session leave remote
 * screen shares to it, so a share is never shown twice.
 *
 * Cancelling the browser's screen picker is the person's choice: no error is shown and every
 * other control keeps working.
 *
 * @tag teams-screen-share
 * @summary Shares the user's screen in the current call of its session, and shows a remote participant's screen share as a large view with the sharer's name.
 *
 * @fires teams-screen-share-change - Local sharing started or stopped, or a remote share appeared or ended.
 *
 * @csspart base - The element's layout container.
 * @csspart button - The "Share screen"/"Stop sharing" button.
 * @csspart reason - Why sharing is unavailable (no call, or signed out).
 * @csspart status - The status line, an `aria-live` region.
 * @csspart error - Why sharing failed.
 * @csspart view - The remote screen share.
 * @csspart video - The container of the remote share's video.
 * @csspart name - The remote share's caption with the sharer's name.
 *
 * @cssprop --teams-screen-share-background - Background behind the shared screen. Defaults to #1f1f1f.
 * @cssprop --teams-screen-share-aspect-ratio - Aspect ratio of the remote share view. Defaults to 16 / 9.
 */
export class TeamsScreenShare extends TeamsElement {
  static override styles = [baseStyles, videoViewStyles, screenShareStyles];

  readonly #calling = new CallingController(this, () => this.sessionController.value, {
    showsScreenShares: true,
    onChange: (previous, next) => this.#emitChanges(previous, next),
  });

  readonly #videoViews = new VideoViewsController(this, () => this.#calling.service.module);

  @query('button') private button!: HTMLButtonElement | null;

  /** True while this user shares their screen in the current call. */
  get sharing(): boolean {
    return this.#calling.state.call?.isScreenSharingOn ?? false;
  }

  #emitChanges(previous: CallingState, next: CallingState): void {
    const sharing = next.call?.isScreenSharingOn ?? false;
    const remote = findRemoteShare(next);
    const sharingChanged = sharing !== (previous.call?.isScreenSharingOn ?? false);
    const remoteChanged = remote?.share.stream !== findRemoteShare(previous)?.share.stream;

    if (sharingChanged || remoteChanged) this.emit('teams-screen-share-change', { sharing, remoteSharer: remote?.sharerName });
  }

  #canShare(): boolean {
    return this.#calling.state.call?.state === 'Connected';
  }

  #handleToggle(): void {
    if (!this.#canShare()) return;
    // Rejects only when the call ended in the meantime, and the element shows that already.
    (this.sharing ? this.stop() : this.start()).catch(() => undefined);
  }

  /**
   * Starts sharing the screen in the current call; the browser shows its picker. A failure is
   * shown in the element instead of rejecting, and a cancelled picker changes nothing. Rejects
   * with `TeamsError` code `no-active-call` when there is no call.
   */
  async start(): Promise<void> {
    await this.#calling.service.startScreenSharing();
  }

  /** Stops sharing the screen. */
  async stop(): Promise<void> {
    await this.#calling.service.stopScreenSharing();
  }

  /** Focuses the "Share screen" button. */
  override focus(options?: FocusOptions): void {
    this.button?.focus(options);
  }

  #renderProblem(problem: DeviceProblem | undefined): TemplateResult | typeof nothing {
    if (problem === undefined) return nothing;
    const text = this.localize.term(problem.kind === 'permission-denied' ? 'screenSharePermissionDenied' : 'screenShareFailed');
    return html`<p part="error" class="error" role="alert">${text}</p>`;
  }

  #renderRemoteShare(remote: RemoteShare | undefined): TemplateResult | typeof nothing {
    if (remote === undefined) return nothing;

    const label = this.localize.term('screenShareViewLabel', remote.sharerName ?? this.localize.term('screenShareUnknownPerson'));
    const stream = remote.share.stream;
    const status = this.#videoViews.statusOf(stream);
    return html`
      <figure part="view" class="view">
        <div part="video" class="video" role="img" aria-label=${label} data-view=${this.#videoViews.container(`${remote.participantKey}/${remote.share.id}`, stream, { scalingMode: 'Fit' })}></div>
        ${status === 'creating' || status === undefined
          ? html`<div class="placeholder"><span class="spinner" aria-hidden="true"></span><span class="visually-hidden">${this.localize.term('screenShareLoading')}</span></div>`
          : nothing}
        ${status === 'timed-out' || status === 'failed' ? html`<div class="placeholder">${this.localize.term('screenShareUnavailable')}</div>` : nothing}
        <figcaption part="name">${label}</figcaption>
      </figure>
    `;
  }

  override render(): TemplateResult {
    const state = this.#calling.state;
    const signedIn = this.sessionController.value.status === 'signed-in' || state.call !== undefined;
    const canShare = this.#canShare();
    const sharing = this.sharing;
    const remote = findRemoteShare(state);

    let reason = '';
    if (!signedIn) reason = this.localize.term('screenShareSignInPrompt');
    else if (!canShare) reason = this.localize.term('screenShareNoCall');

    let status = '';
    if (sharing) status = this.localize.term('screenShareSharing');
    else if (remote !== undefined) status = this.localize.term('screenShareRemote', remote.sharerName ?? this.localize.term('screenShareUnknownPerson'));

    return html`
      <div part="base" class="base">
        <div class="bar">
          <button
            type="button"
            part="button"
            class=${sharing ? 'danger' : 'primary'}
            aria-disabled=${canShare ? 'false' : 'true'}
            aria-describedby=${reason === '' ? nothing : 'reason'}
            @click=${this.#handleToggle}
          >
            ${this.localize.term(sharing ? 'screenShareStop' : 'screenShareStart')}
          </button>
          ${reason === '' ? nothing : html`<p id="reason" part="reason" class="reason">${reason}</p>`}
        </div>
        <p part="status" class="status ${status === '' ? 'visually-hidden' : ''}" role="status" aria-live="polite">${status}</p>
        ${this.#renderProblem(state.deviceProblems.find((problem) => problem.device === 'screen'))} ${this.#renderRemoteShare(remote)}
      </div>
    `;
  }
}

/** Returns the first available remote screen share of the current call. */
function findRemoteShare(state: CallingState): RemoteShare | undefined {
  for (const participant of state.call?.remoteParticipants ?? []) {
    const share = participant.videoStreams.find((stream) => stream.mediaStreamType === 'ScreenSharing' && stream.isAvailable);
    if (share !== undefined) return { participantKey: participant.key, sharerName: participant.displayName, share };
  }
  return undefined;
}
