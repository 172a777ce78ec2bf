import type { CallState } from '@azure/communication-calling';
import { type TemplateResult, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

import type {
  CallSnapshot,
  CallingState,
  IncomingCallSnapshot,
  MediaOptions,
  RemoteParticipantSnapshot,
  RenderableStream,
} from '../../services/calling/index.js';
import type { SessionStatus } from '../../services/session/types.js';
import { CallingController } from '../shared/calling-controller.js';
import { baseStyles } from '../shared/styles.js';
import { TeamsElement } from '../shared/teams-element.js';
import { videoViewStyles } from '../shared/video-view.styles.js';
import { VideoViewsController } from '../shared/video-views-controller.js';
import './call.events.js';
import { callErrorText, deviceProblemText, endedCallText, statusText } from './call-text.js';
import { callStyles } from './teams-call.styles.js';

/** Call states in which an outgoing call has not been answered yet, so "Cancel" replaces "Hang up". */
const unansweredStates: ReadonlySet<CallState> = new Set(['None', 'Connecting', 'Ringing', 'EarlyMedia']);

/**
 * Uses the session named by `session` (the page's default session unless set). Signed out, it
 * shows a short sign-in prompt. The calling SDK loads on the first call intent only: focusing the
 * "Person to call" field, pressing "Call", calling `call()`, or setting `incoming-calls`.
 *
 * Remote screen shares appear as a wide tile in the video gallery. When a `<teams-screen-share>`
 * of the same session is on the page, that element shows the share and this one leaves it out,
 * so the page never shows the same share twice.
 *
 * @tag teams-call
 * @summary Calls a Microsoft Teams user with audio and video, rings on incoming calls, and explains why a call ended.
 *
 * @fires teams-call-state-change - The current call's state changed (`None` before and after a call).
 * @fires teams-incoming-call - An incoming call started ringing.
 * @fires teams-call-ended - A call ended, or an incoming call stopped ringing unanswered; carries the end reason.
 * @fires teams-device-error - The camera or microphone failed; carries what failed and the sentence shown.
 *
 * @csspart base - The element's layout container.
 * @csspart status - The status line, an `aria-live` region.
 * @csspart sign-in-prompt - The text shown while signed out.
 * @csspart form - The form with the "Person to call" field.
 * @csspart label - The field's label.
 * @csspart input - The "Person to call" field.
 * @csspart call-button - The "Call" button.
 * @csspart error - An error sentence (call, agent or device).
 * @csspart incoming - The ringing incoming call with its buttons.
 * @csspart accept-button - The "Accept" button (audio only).
 * @csspart accept-video-button - The "Accept with video" button.
 * @csspart decline-button - The "Decline" button.
 * @csspart gallery - The grid of video tiles.
 * @csspart tile - One participant's tile, the local preview or a screen share.
 * @csspart video - The container of a tile's video.
 * @csspart name - A tile's caption.
 * @csspart controls - The in-call buttons.
 * @csspart mute-button - The "Mute"/"Unmute" button.
 * @csspart camera-button - The "Turn camera on"/"Turn camera off" button.
 * @csspart hang-up-button - The "Hang up" (or, while ringing out, "Cancel") button.
 *
 * @cssprop --teams-call-tile-min-width - Minimum width of a video tile. Defaults to 200px.
 * @cssprop --teams-call-video-background - Background of a tile without video. Defaults to #1f1f1f.
 */
export class TeamsCall extends TeamsElement {
  static override styles = [baseStyles, videoViewStyles, callStyles];

  readonly #calling = new CallingController(this, () => this.sessionController.value, {
    onChange: (previous, next) => this.#emitChanges(previous, next),
  });

  readonly #videoViews = new VideoViewsController(this, () => this.#calling.service.module);

  /** True while focus was inside the element before an update, so it can be kept inside after it. */
  #focusWasInside = false;

  @query('#target') private targetInput!: HTMLInputElement | null;

  /**
   * Lets the element ring on incoming calls: once the session is signed in, the call agent is
   * created (loading the calling SDK) without waiting for a call to be started here.
   */
  @property({ type: Boolean, reflect: true, attribute: 'incoming-calls' })
  incomingCalls = false;

  /** The text of the "Person to call" field: an e-mail address or an Entra object id. */
  @property()
  target = '';

  /** The current call's state, `None` when there is no call. */
  get callState(): CallState {
    return this.#calling.state.call?.state ?? 'None';
  }

  override willUpdate(): void {
    this.#focusWasInside = this.shadowRoot?.activeElement != null;
  }

  override updated(): void {
    this.#prepareForIncomingCalls();

    // When the focused button disappears (the form turns into call controls, or the call ends),
    // move focus to the new view's main control instead of losing it to the page.
    if (this.#focusWasInside && this.shadowRoot?.activeElement == null) {
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }

  #prepareForIncomingCalls(): void {
    const session = this.sessionController.value;
    if (!this.incomingCalls || session.status !== 'signed-in' || this.#calling.state.agentStatus !== 'idle') return;
    this.#prepareQuietly();
  }

  /** Loads calling ahead of a call; a failure shows in the element with a "Try again" button. */
  #prepareQuietly(): void {
    if (this.sessionController.value.status !== 'signed-in') return;
    this.#calling.service.prepare().catch(() => undefined);
  }

  #emitChanges(previous: CallingState, next: CallingState): void {
    const previousState = previous.call?.state ?? 'None';
    const state = next.call?.state ?? (previous.call !== undefined ? 'Disconnected' : 'None');
    if (state !== previousState) {
      this.emit('teams-call-state-change', { callId: next.call?.id ?? previous.call?.id, state, previousState });
    }

    for (const ringing of next.incomingCalls) {
      if (previous.incomingCalls.some((known) => known.id === ringing.id)) continue;
      this.emit('teams-incoming-call', { callId: ringing.id, callerName: ringing.callerName, callerObjectId: ringing.callerObjectId });
    }

    const ended = next.lastEndedCall;
    if (ended !== undefined && ended !== previous.lastEndedCall) {
      this.emit('teams-call-ended', {
        callId: ended.id,
        code: ended.reason.code,
        subCode: ended.reason.subCode,
        reason: ended.reason.kind,
        missed: ended.missed,
        message: endedCallText(this.localize, ended),
      });
    }

    for (const problem of next.deviceProblems) {
      if (previous.deviceProblems.includes(problem)) continue;
      const message = deviceProblemText(this.localize, problem);
      if (message !== undefined) this.emit('teams-device-error', { device: problem.device, kind: problem.kind, message });
    }
  }

  #handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.call(this.target).catch(() => undefined);
  }

  #handleInput(event: InputEvent): void {
    this.target = (event.target as HTMLInputElement).value;
    this.#calling.service.clearOutcome();
  }

  #handleRetry(): void {
    this.#prepareQuietly();
  }

  #handleAccept(ringing: IncomingCallSnapshot, video: boolean): void {
    this.#calling.service.accept(ringing.id, { video }).catch(() => undefined);
  }

  #handleDecline(ringing: IncomingCallSnapshot): void {
    // A call that stopped ringing a moment ago cannot be declined; there is nothing to show.
    this.#calling.service.decline(ringing.id).catch(() => undefined);
  }

  #handleHangUp(): void {
    this.hangUp().catch(() => undefined);
  }

  #handleMuteToggle(call: CallSnapshot): void {
    // Rejects only when the call ended in the meantime, and the element shows that already.
    (call.isMuted ? this.unmute() : this.mute()).catch(() => undefined);
  }

  #handleCameraToggle(call: CallSnapshot): void {
    (call.isLocalVideoStarted ? this.stopVideo() : this.startVideo()).catch(() => undefined);
  }

  /**
   * Calls a Teams user by e-mail address (user principal name) or Entra object id, and puts the
   * value in the "Person to call" field. Rejects with a `TeamsError` (see `CallingService.call`);
   * the element shows the same error.
   */
  async call(target: string, options: MediaOptions = {}): Promise<void> {
    this.target = target;
    await this.#calling.service.call(target, options);
  }

  /** Accepts the ringing incoming call, audio only unless `options.video`. */
  async accept(options: MediaOptions = {}): Promise<void> {
    await this.#calling.service.accept(undefined, options);
  }

  /** Declines the ringing incoming call. */
  async decline(): Promise<void> {
    await this.#calling.service.decline();
  }

  /** Hangs up the current call, or cancels one that is still ringing out. */
  async hangUp(): Promise<void> {
    await this.#calling.service.hangUp();
  }

  /** Mutes the microphone. */
  async mute(): Promise<void> {
    await this.#calling.service.mute();
  }

  /** Unmutes the microphone. */
  async unmute(): Promise<void> {
    await this.#calling.service.unmute();
  }

  /** Turns the camera on. A device failure fires `teams-device-error` instead of rejecting. */
  async startVideo(): Promise<void> {
    await this.#calling.service.startVideo();
  }

  /** Turns the camera off. */
  async stopVideo(): Promise<void> {
    await this.#calling.service.stopVideo();
  }

  /** Loads the calling SDK and creates the call agent now, ahead of the first call. */
  async prepare(): Promise<void> {
    await this.#calling.service.prepare();
  }

  /** Focuses the element's main control: the "Person to call" field, or the call's first button. */
  override focus(options?: FocusOptions): void {
    (this.targetInput ?? this.renderRoot.querySelector<HTMLElement>('[data-autofocus]'))?.focus(options);
  }

  #renderSignedOut(status: SessionStatus): TemplateResult {
    return html`<p part="sign-in-prompt">${this.localize.term(status === 'signing-in' ? 'callSigningIn' : 'callSignInPrompt')}</p>`;
  }

  /** The status line. It stays in the DOM in every state, so screen readers announce each change. */
  #renderStatus(state: CallingState | undefined): TemplateResult {
    const text = state === undefined ? '' : statusText(this.localize, state, this.incomingCalls);
    const busy =
      state !== undefined &&
      (state.agentStatus === 'loading-module' ||
        state.agentStatus === 'creating-agent' ||
        state.outgoing !== undefined ||
        (state.call !== undefined && unansweredStates.has(state.call.state)));
    // An empty status line is hidden visually but stays in the accessibility tree as a live region.
    return html`<p part="status" class="status ${text === '' ? 'visually-hidden' : ''}" role="status" aria-live="polite">
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${text}
    </p>`;
  }

  #renderProblems(state: CallingState): TemplateResult | typeof nothing {
    const agentFailed = state.agentStatus === 'failed' && state.agentError !== undefined && state.agentError !== state.callError;
    const deviceSentences = state.deviceProblems.map((problem) => deviceProblemText(this.localize, problem)).filter((text) => text !== undefined);
    if (!agentFailed && deviceSentences.length === 0) return nothing;

    return html`
      ${agentFailed
        ? html`<div class="actions">
            <p part="error" class="error" role="alert">${callErrorText(this.localize, state.agentError!, this.target)}</p>
            <button type="button" @click=${this.#handleRetry}>${this.localize.term('callRetry')}</button>
          </div>`
        : nothing}
      ${deviceSentences.map((text) => html`<p part="error" class="error" role="alert">${text}</p>`)}
    `;
  }

  #renderIncoming(ringing: IncomingCallSnapshot): TemplateResult {
    const name = ringing.callerName ?? this.localize.term('callUnknownPerson');
    return html`
      <section part="incoming" class="incoming" aria-label=${this.localize.term('callIncomingRegion')}>
        <p>${this.localize.term('callIncoming', name)}</p>
        <div class="actions">
          <button type="button" class="primary" part="accept-button" data-autofocus @click=${() => this.#handleAccept(ringing, false)}>
            ${this.localize.term('callAccept')}
          </button>
          <button type="button" part="accept-video-button" @click=${() => this.#handleAccept(ringing, true)}>
            ${this.localize.term('callAcceptWithVideo')}
          </button>
          <button type="button" class="danger" part="decline-button" @click=${() => this.#handleDecline(ringing)}>
            ${this.localize.term('callDecline')}
          </button>
        </div>
      </section>
    `;
  }

  #renderForm(state: CallingState): TemplateResult {
    const error = state.callError;
    return html`
      <form part="form" class="form" @submit=${this.#handleSubmit} @focusin=${this.#prepareQuietly}>
        <label part="label" for="target">${this.localize.term('callTargetLabel')}</label>
        <div class="row">
          <input
            id="target"
            part="input"
            name="target"
            type="text"
            inputmode="email"
            autocomplete="off"
            spellcheck="false"
            aria-describedby=${error ? 'target-hint target-error' : 'target-hint'}
            aria-invalid=${error ? 'true' : 'false'}
            data-autofocus
            .value=${this.target}
            @input=${this.#handleInput}
          />
          <button type="submit" class="primary" part="call-button">${this.localize.term('callStart')}</button>
        </div>
        <p id="target-hint" class="hint">${this.localize.term('callTargetHint')}</p>
        ${error ? html`<p id="target-error" part="error" class="error" role="alert">${callErrorText(this.localize, error, this.target)}</p>` : nothing}
      </form>
    `;
  }

  #renderCancel(): TemplateResult {
    return html`
      <div part="controls" class="controls" role="group" aria-label=${this.localize.term('callControlsRegion')}>
        <button type="button" class="danger" part="hang-up-button" data-autofocus @click=${this.#handleHangUp}>
          ${this.localize.term('callCancel')}
        </button>
      </div>
    `;
  }

  #renderCall(state: CallingState, call: CallSnapshot): TemplateResult {
    if (call.direction === 'Outgoing' && unansweredStates.has(call.state)) return this.#renderCancel();

    return html`
      <div part="gallery" class="gallery" role="group" aria-label=${this.localize.term('callGalleryRegion')}>
        ${repeat(call.remoteParticipants, (participant) => participant.key, (participant) => this.#renderParticipant(participant))}
        ${state.screenShareViews === 0 ? call.remoteParticipants.map((participant) => this.#renderScreenShare(participant)) : nothing}
        ${this.#renderLocalPreview(call)}
      </div>
      <div part="controls" class="controls" role="group" aria-label=${this.localize.term('callControlsRegion')}>
        <button type="button" part="mute-button" data-autofocus @click=${() => this.#handleMuteToggle(call)}>
          ${this.localize.term(call.isMuted ? 'callUnmute' : 'callMute')}
        </button>
        <button type="button" part="camera-button" @click=${() => this.#handleCameraToggle(call)}>
          ${this.localize.term(call.isLocalVideoStarted ? 'callCameraOff' : 'callCameraOn')}
        </button>
        <button type="button" class="danger" part="hang-up-button" @click=${this.#handleHangUp}>${this.localize.term('callHangUp')}</button>
      </div>
    `;
  }

  #renderParticipant(participant: RemoteParticipantSnapshot): TemplateResult {
    const name = participant.displayName ?? this.localize.term('callUnknownPerson');
    const camera = participant.videoStreams.find((stream) => stream.mediaStreamType === 'Video' && stream.isAvailable);
    const key = `${participant.key}/camera/${camera?.id ?? 'none'}`;

    return html`
      <figure part="tile" class="tile ${participant.isSpeaking ? 'speaking' : ''}">
        ${camera === undefined
          ? html`<div class="avatar" aria-hidden="true">${initials(name)}</div>`
          : html`<div part="video" class="video" role="img" aria-label=${this.localize.term('callVideoOf', name)} data-view=${this.#videoViews.container(key, camera.stream)}></div>
              ${this.#renderPlaceholder(camera.stream)}`}
        <figcaption part="name">
          ${name}${participant.isMuted ? html`<span class="badge">${this.localize.term('callMuted')}</span>` : nothing}${participant.isSpeaking
            ? html`<span class="visually-hidden">${this.localize.term('callSpeaking')}</span>`
            : nothing}
        </figcaption>
      </figure>
    `;
  }

  #renderScreenShare(participant: RemoteParticipantSnapshot): TemplateResult | typeof nothing {
    const share = participant.videoStreams.find((stream) => stream.mediaStreamType === 'ScreenSharing' && stream.isAvailable);
    if (share === undefined) return nothing;

    const label = this.localize.term('callScreenOf', participant.displayName ?? this.localize.term('callUnknownPerson'));
    return html`
      <figure part="tile" class="tile screen">
        <div part="video" class="video" role="img" aria-label=${label} data-view=${this.#videoViews.container(`${participant.key}/screen/${share.id}`, share.stream, { scalingMode: 'Fit' })}></div>
        ${this.#renderPlaceholder(share.stream)}
        <figcaption part="name">${label}</figcaption>
      </figure>
    `;
  }

  #renderLocalPreview(call: CallSnapshot): TemplateResult | typeof nothing {
    const camera = call.localVideoStreams.find((stream) => stream.mediaStreamType === 'Video');
    if (!call.isLocalVideoStarted || camera === undefined) return nothing;

    const label = this.localize.term('callYourVideo');
    return html`
      <figure part="tile" class="tile local">
        <div part="video" class="video" role="img" aria-label=${label} data-view=${this.#videoViews.container('local', camera, { isMirrored: true })}></div>
        ${this.#renderPlaceholder(camera)}
        <figcaption part="name">${label}</figcaption>
      </figure>
    `;
  }

  #renderPlaceholder(stream: RenderableStream): TemplateResult | typeof nothing {
    const status = this.#videoViews.statusOf(stream);
    if (status === 'creating' || status === undefined) {
      return html`<div class="placeholder"><span class="spinner" aria-hidden="true"></span><span class="visually-hidden">${this.localize.term('callVideoLoading')}</span></div>`;
    }
    if (status === 'timed-out' || status === 'failed') {
      return html`<div class="placeholder">${this.localize.term('callVideoUnavailable')}</div>`;
    }
    return nothing;
  }

  override render(): TemplateResult {
    const session = this.sessionController.value;
    const calling = this.#calling.state;

    // A session whose token refresh failed (status `error`) keeps its call, so the call stays
    // on screen with its Hang up button until it ends.
    const busy = calling.call !== undefined || calling.outgoing !== undefined || calling.incomingCalls.length > 0;
    const state = session.status === 'signed-in' || busy ? calling : undefined;
    const ringing = state?.incomingCalls[0];

    // NOTE: only the oldest ringing call is shown; later ones ring after it is answered or declined.
    let main: TemplateResult | typeof nothing;
    if (state === undefined) main = this.#renderSignedOut(session.status);
    else if (state.call !== undefined) main = this.#renderCall(state, state.call);
    else if (state.outgoing !== undefined) main = this.#renderCancel();
    else main = ringing === undefined ? this.#renderForm(state) : nothing;

    return html`
      <div part="base" class="base">
        ${this.#renderStatus(state)} ${state === undefined ? nothing : this.#renderProblems(state)}
        ${ringing === undefined ? nothing : this.#renderIncoming(ringing)} ${main}
      </div>
    `;
  }
}

/** Returns up to two initials of a display name, for a tile without video. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}
