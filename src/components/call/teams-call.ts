import type { CallState } from '@azure/communication-calling';
import { type TemplateResult, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

import type {
  CallSnapshot,
  CallingState,
  HangUpCallOptions,
  IncomingCallSnapshot,
  MediaOptions,
} from '../../services/calling/index.js';
import type { SessionStatus } from '../../services/session/types.js';
import { CallingController } from '../shared/calling-controller.js';
import { baseStyles } from '../shared/styles.js';
import { TeamsElement } from '../shared/teams-element.js';
import { videoViewStyles } from '../shared/video-view.styles.js';
import { VideoViewsController } from '../shared/video-views-controller.js';
import './call.events.js';
import { type DeviceActions, type LobbyActions, renderDevicePickers, renderLobbyPanel, renderParticipantList } from './call-panels.js';
import { callErrorText, deviceProblemText, endedCallText, statusText } from './call-text.js';
import { type TileContext, renderLocalTile, renderParticipantTile, renderScreenShareTile } from './call-tiles.js';
import { callStyles } from './teams-call.styles.js';

/** Call states in which an outgoing call has not been answered yet, so "Cancel" replaces "Hang up". */
const unansweredStates: ReadonlySet<CallState> = new Set(['None', 'Connecting', 'Ringing', 'EarlyMedia']);

/**
 * Uses the session named by `session` (the page's default session unless set). Signed out, it
 * shows a short sign-in prompt. The calling SDK loads on the first call intent only: focusing the
 * "Person to call" or "Meeting link or ID" field, pressing "Call" or "Join", calling `call()` or
 * `join()`, or setting `incoming-calls`.
 *
 * Several people separated by commas make a group call in their group chat (created through
 * Microsoft Graph when there is none). A meeting is joined by its link or by its ID and passcode;
 * people outside the organizer's organization wait in its lobby, where the organizer and
 * presenters see them and let them in.
 *
 * Remote screen shares appear as a wide tile in the video gallery. When a `<teams-screen-share>`
 * of the same session is on the page, that element shows the share and this one leaves it out,
 * so the page never shows the same share twice.
 *
 * @tag teams-call
 * @summary Calls Microsoft Teams users one to one or as a group, joins Teams meetings, rings on incoming calls, and explains why a call ended.
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
 * @csspart meeting-form - The form with the "Meeting link or ID" and "Passcode" fields.
 * @csspart meeting-input - The "Meeting link or ID" field.
 * @csspart passcode-input - The "Passcode" field.
 * @csspart join-button - The "Join" button.
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
 * @csspart hang-up-button - The "Hang up" (in meetings "Leave"; while ringing out, "Cancel") button.
 * @csspart end-for-everyone-button - The organizer's "End for everyone" button.
 * @csspart hold-button - The "Hold"/"Resume" button.
 * @csspart lobby - The list of people waiting in the lobby, for the organizer and presenters.
 * @csspart admit-button - A waiting person's "Admit" button.
 * @csspart remove-button - A waiting person's "Remove" button.
 * @csspart admit-all-button - The "Admit all" button.
 * @csspart participants - The participant list.
 * @csspart participant - One entry of the participant list.
 * @csspart devices - The microphone, camera and speaker pickers.
 * @csspart microphone-select - The microphone picker.
 * @csspart camera-select - The camera picker.
 * @csspart speaker-select - The speaker picker (only where the browser can choose an output).
 * @csspart reaction - A reaction shown over a participant's tile.
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

  /** The text of the "Person to call" field: e-mail addresses or Entra object ids, comma-separated. */
  @property()
  target = '';

  /** The text of the "Meeting link or ID" field. */
  @property()
  meeting = '';

  /** The text of the "Passcode" field, used with a meeting ID. */
  @property()
  passcode = '';

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

  #handleMeetingSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.join(this.meeting, this.passcode).catch(() => undefined);
  }

  #handleMeetingInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    if (input.name === 'passcode') this.passcode = input.value;
    else this.meeting = input.value;
    this.#calling.service.clearOutcome();
  }

  #handleHoldToggle(call: CallSnapshot): void {
    (call.state === 'LocalHold' ? this.resume() : this.hold()).catch(() => undefined);
  }

  #handleEndForEveryone(): void {
    this.hangUp({ forEveryone: true }).catch(() => undefined);
  }

  #handleDismissError(): void {
    this.#calling.service.clearOutcome();
  }

  readonly #lobbyActions: LobbyActions = {
    admit: (participant) => void this.#calling.service.admit(participant.key).catch(() => undefined),
    remove: (participant) => void this.#calling.service.removeFromLobby(participant.key).catch(() => undefined),
    admitAll: () => void this.#calling.service.admitAll().catch(() => undefined),
  };

  // A device that cannot be chosen shows as a device problem; nothing else to report here.
  readonly #deviceActions: DeviceActions = {
    selectMicrophone: (deviceId) => void this.#calling.service.selectMicrophone(deviceId).catch(() => undefined),
    selectCamera: (deviceId) => void this.#calling.service.selectCamera(deviceId).catch(() => undefined),
    selectSpeaker: (deviceId) => void this.#calling.service.selectSpeaker(deviceId).catch(() => undefined),
  };

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
   * Calls a Teams user by e-mail address (user principal name) or Entra object id, or several
   * (comma-separated or in an array) in a group call, and puts the value in the "Person to call"
   * field. Rejects with a `TeamsError` (see `CallingService.call`); the element shows the same error.
   */
  async call(target: string | string[], options: MediaOptions = {}): Promise<void> {
    if (this.#calling.state.call === undefined) this.target = Array.isArray(target) ? target.join(', ') : target;
    await this.#calling.service.call(target, options);
  }

  /**
   * Joins a Teams meeting by its join link, or by its meeting ID and passcode, and puts the values
   * in the meeting form. Rejects with a `TeamsError` (see `CallingService.join`); the element shows
   * the same error.
   */
  async join(meeting: string, passcode = '', options: MediaOptions = {}): Promise<void> {
    if (this.#calling.state.call === undefined) {
      this.meeting = meeting;
      this.passcode = passcode;
    }
    await this.#calling.service.join(meeting, passcode, options);
  }

  /** Accepts the ringing incoming call, audio only unless `options.video`. */
  async accept(options: MediaOptions = {}): Promise<void> {
    await this.#calling.service.accept(undefined, options);
  }

  /** Declines the ringing incoming call. */
  async decline(): Promise<void> {
    await this.#calling.service.decline();
  }

  /**
   * Hangs up the current call (leaves a meeting), or cancels one that is still ringing out. With
   * `forEveryone`, a meeting's organizer ends it for everyone.
   */
  async hangUp(options: HangUpCallOptions = {}): Promise<void> {
    await this.#calling.service.hangUp(options);
  }

  /** Puts the current call on hold. */
  async hold(): Promise<void> {
    await this.#calling.service.hold();
  }

  /** Resumes the call this user put on hold. */
  async resume(): Promise<void> {
    await this.#calling.service.resume();
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

  /**
   * Returns the ringing call with its buttons. During another call, accepting ends that call, so
   * the buttons say so; "Decline" leaves the current call as it is.
   */
  #renderIncoming(ringing: IncomingCallSnapshot, duringCall: boolean): TemplateResult {
    const name = ringing.callerName ?? this.localize.term('callUnknownPerson');
    return html`
      <section part="incoming" class="incoming" aria-label=${this.localize.term('callIncomingRegion')}>
        <p>${this.localize.term(duringCall ? 'callIncomingDuringCall' : 'callIncoming', name)}</p>
        <div class="actions">
          <button type="button" class="primary" part="accept-button" data-autofocus @click=${() => this.#handleAccept(ringing, false)}>
            ${this.localize.term(duringCall ? 'callAcceptEndingCurrent' : 'callAccept')}
          </button>
          <button type="button" part="accept-video-button" @click=${() => this.#handleAccept(ringing, true)}>
            ${this.localize.term(duringCall ? 'callAcceptEndingCurrentWithVideo' : 'callAcceptWithVideo')}
          </button>
          <button type="button" class="danger" part="decline-button" @click=${() => this.#handleDecline(ringing)}>
            ${this.localize.term('callDecline')}
          </button>
        </div>
      </section>
    `;
  }

  #renderForm(state: CallingState): TemplateResult {
    const error = state.callError?.code.startsWith('meeting-') ? undefined : state.callError;
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

  #renderMeetingForm(state: CallingState): TemplateResult {
    const error = state.callError?.code.startsWith('meeting-') ? state.callError : undefined;
    return html`
      <form part="meeting-form" class="form" aria-label=${this.localize.term('callMeetingRegion')} @submit=${this.#handleMeetingSubmit} @focusin=${this.#prepareQuietly}>
        <label part="label" for="meeting">${this.localize.term('callMeetingLabel')}</label>
        <div class="row">
          <input
            id="meeting"
            part="meeting-input"
            name="meeting"
            type="text"
            inputmode="url"
            autocomplete="off"
            spellcheck="false"
            aria-describedby=${error ? 'meeting-hint meeting-error' : 'meeting-hint'}
            aria-invalid=${error ? 'true' : 'false'}
            .value=${this.meeting}
            @input=${this.#handleMeetingInput}
          />
          <span class="passcode">
            <label for="passcode">${this.localize.term('callPasscodeLabel')}</label>
            <input id="passcode" part="passcode-input" name="passcode" type="text" autocomplete="off" spellcheck="false" size="10" .value=${this.passcode} @input=${this.#handleMeetingInput} />
          </span>
          <button type="submit" part="join-button">${this.localize.term('callJoin')}</button>
        </div>
        <p id="meeting-hint" class="hint">${this.localize.term('callMeetingHint')}</p>
        ${error ? html`<p id="meeting-error" part="error" class="error" role="alert">${callErrorText(this.localize, error, this.meeting)}</p>` : nothing}
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
    if (call.direction === 'Outgoing' && state.callKind !== 'meeting' && unansweredStates.has(call.state)) return this.#renderCancel();

    const tiles: TileContext = { localize: this.localize, videoViews: this.#videoViews, raisedHands: new Set(), reactions: new Map() };
    const inLobby = call.state === 'InLobby';
    const isMeeting = state.callKind === 'meeting';
    const canEndForEveryone = isMeeting && (call.role === 'Organizer' || call.role === 'Co-organizer');
    const selfName = this.sessionController.value.account?.name ?? this.localize.term('callUnknownPerson');

    return html`
      ${this.#renderCallError(state)} ${renderLobbyPanel(this.localize, call, this.#lobbyActions)}
      <div part="gallery" class="gallery" role="group" aria-label=${this.localize.term('callGalleryRegion')}>
        ${repeat(call.remoteParticipants, (participant) => participant.key, (participant) => renderParticipantTile(tiles, participant))}
        ${state.screenShareViews === 0 ? call.remoteParticipants.map((participant) => renderScreenShareTile(tiles, participant)) : nothing}
        ${renderLocalTile(tiles, call)}
      </div>
      <div part="controls" class="controls" role="group" aria-label=${this.localize.term('callControlsRegion')}>
        <button type="button" part="mute-button" data-autofocus @click=${() => this.#handleMuteToggle(call)}>
          ${this.localize.term(call.isMuted ? 'callUnmute' : 'callMute')}
        </button>
        <button type="button" part="camera-button" @click=${() => this.#handleCameraToggle(call)}>
          ${this.localize.term(call.isLocalVideoStarted ? 'callCameraOff' : 'callCameraOn')}
        </button>
        ${inLobby
          ? nothing
          : html`<button type="button" part="hold-button" aria-pressed=${call.state === 'LocalHold' ? 'true' : 'false'} @click=${() => this.#handleHoldToggle(call)}>
              ${this.localize.term(call.state === 'LocalHold' ? 'callResume' : 'callHold')}
            </button>`}
        <button type="button" class="danger" part="hang-up-button" @click=${this.#handleHangUp}>
          ${this.localize.term(isMeeting ? 'callLeave' : 'callHangUp')}
        </button>
        ${canEndForEveryone
          ? html`<button type="button" class="danger" part="end-for-everyone-button" @click=${this.#handleEndForEveryone}>${this.localize.term('callEndForEveryone')}</button>`
          : nothing}
      </div>
      ${renderDevicePickers(this.localize, state.devices, this.#deviceActions, 'call')}
      ${inLobby ? nothing : renderParticipantList(this.localize, call, selfName, new Set(), false)}
    `;
  }

  /** An error of an action during the call (a second call, hold, lobby), with a way to dismiss it. */
  #renderCallError(state: CallingState): TemplateResult | typeof nothing {
    const error = state.callError;
    if (error === undefined) return nothing;
    return html`<div class="actions">
      <p part="error" class="error" role="alert">${callErrorText(this.localize, error, this.target)}</p>
      <button type="button" @click=${this.#handleDismissError}>${this.localize.term('commonDismiss')}</button>
    </div>`;
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
    else main = ringing === undefined ? html`${this.#renderForm(state)} ${this.#renderMeetingForm(state)}` : nothing;

    return html`
      <div part="base" class="base">
        ${this.#renderStatus(state)} ${state === undefined ? nothing : this.#renderProblems(state)}
        ${ringing === undefined ? nothing : this.#renderIncoming(ringing, state?.call !== undefined)} ${main}
      </div>
    `;
  }
}
