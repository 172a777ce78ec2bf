import type { CallState, Reaction } from '@azure/communication-calling';
import { type TemplateResult, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';

import { addSourceMessages } from '../../localization/localize.js';
import type { CallSnapshot, CallingState, DevicePreview, HangUpCallOptions, MediaOptions } from '../../services/calling/index.js';
import { identifierKey } from '../../services/calling/identifiers.js';
import type { SessionStatus } from '../../services/session/types.js';
import { CallingController } from '../shared/calling-controller.js';
import { baseStyles } from '../shared/styles.js';
import { TeamsElement } from '../shared/teams-element.js';
import { videoViewStyles } from '../shared/video-view.styles.js';
import { VideoViewsController } from '../shared/video-views-controller.js';
import './call.events.js';
import { type CallControlActions, renderCallControls, renderCancelControls } from './call-controls.js';
import { renderCallForm, renderMeetingForm } from './call-forms.js';
import {
  type DeviceActions,
  type IncomingCallActions,
  type LobbyActions,
  renderDevicePickers,
  renderIncomingCall,
  renderLobbyPanel,
  renderParticipantList,
} from './call-panels.js';
import { type PrejoinActions, type PrejoinTarget, renderPrejoin } from './call-prejoin.js';
import { reactionTexts, renderReactionAnnouncement } from './call-reactions.js';
import { isRingingOut, renderCallError, renderProblems, renderStatus } from './call-status.js';
import { callErrorText, deviceProblemText, endedCallText, pickerProblemTexts } from './call-text.js';
import { type TileContext, renderLocalTile, renderParticipantTile, renderScreenShareTile } from './call-tiles.js';
import { callMessages } from './call.messages.js';
import { callStyles } from './teams-call.styles.js';

// The element's English strings join the source language only on pages that load the element.
addSourceMessages(callMessages);

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
 * An incoming call rings with the caller's name and profile photo. The photo comes from Microsoft
 * Graph with the session's Graph token (`User.ReadBasic.All`), and initials show when there is none.
 *
 * With `prejoin`, the "Call" and "Join" buttons first open a pre-join screen: a preview of the
 * selected camera, the microphone's level, the device pickers, and "Start muted" and "Camera on"
 * choices. Its "Call" or "Join now" button starts the call with those choices, and "Cancel" goes
 * back to the form. `call()` and `join()` from script start at once with the options they get.
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
 * @csspart caller-photo - The ringing call's caller photo from Microsoft Graph, or their initials when there is none.
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
 * @csspart raise-hand-button - The "Raise hand"/"Lower hand" button.
 * @csspart react-button - The "React" button that shows the reaction buttons.
 * @csspart reactions - The group of reaction buttons.
 * @csspart reaction-button - One reaction button (Like, Love, Applause, Laugh, Surprised).
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
 * @csspart device-error - A device problem under its picker (also has the `error` part).
 * @csspart prejoin - The pre-join screen.
 * @csspart microphone-level - The pre-join screen's microphone level meter.
 * @csspart start-muted-toggle - The pre-join screen's "Start muted" checkbox.
 * @csspart camera-on-toggle - The pre-join screen's "Camera on" checkbox.
 * @csspart join-now-button - The pre-join screen's "Join now" (or "Call") button.
 * @csspart prejoin-cancel-button - The pre-join screen's "Cancel" button.
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

  /**
   * Shows a pre-join screen (camera preview, microphone level, device pickers, start muted or
   * with the camera on) before the "Call" and "Join" buttons start a call.
   */
  @property({ type: Boolean, reflect: true })
  prejoin = false;

  /** The text of the "Person to call" field: e-mail addresses or Entra object ids, comma-separated. */
  @property()
  target = '';

  /** The text of the "Meeting link or ID" field. */
  @property()
  meeting = '';

  /** The text of the "Passcode" field, used with a meeting ID. */
  @property()
  passcode = '';

  /** The call or meeting the pre-join screen leads to, while it shows. */
  @state() private prejoinTarget: PrejoinTarget | undefined;

  /** True while the reaction buttons show. */
  @state() private reactionsOpen = false;

  /** The pre-join screen's camera and microphone, once calling has loaded. */
  #preview: DevicePreview | undefined;
  #unsubscribePreview: (() => void) | undefined;

  /** The current call's state, `None` when there is no call. */
  get callState(): CallState {
    return this.#calling.state.call?.state ?? 'None';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.#closePrejoin();
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
    // An accepted incoming call (or a call started from script) replaces the pre-join screen.
    if (next.call !== undefined && this.prejoinTarget !== undefined) void this.#closePrejoin();

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

  readonly #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.prejoin) this.#openPrejoin({ kind: 'call', target: this.target });
    else this.call(this.target).catch(() => undefined);
  };

  readonly #handleInput = (event: InputEvent): void => {
    this.target = (event.target as HTMLInputElement).value;
    this.#calling.service.clearOutcome();
  };

  readonly #handleMeetingSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.prejoin) this.#openPrejoin({ kind: 'meeting', meeting: this.meeting, passcode: this.passcode });
    else this.join(this.meeting, this.passcode).catch(() => undefined);
  };

  readonly #handleMeetingInput = (event: InputEvent): void => {
    const input = event.target as HTMLInputElement;
    if (input.name === 'passcode') this.passcode = input.value;
    else this.meeting = input.value;
    this.#calling.service.clearOutcome();
  };

  readonly #handleFocusIn = (): void => this.#prepareQuietly();

  readonly #handleRetry = (): void => this.#prepareQuietly();

  readonly #handleDismissError = (): void => this.#calling.service.clearOutcome();

  readonly #handleHangUp = (): void => void this.hangUp().catch(() => undefined);

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

  readonly #incomingActions: IncomingCallActions = {
    accept: (ringing, video) => void this.#calling.service.accept(ringing.id, { video }).catch(() => undefined),
    // A call that stopped ringing a moment ago cannot be declined; there is nothing to show.
    decline: (ringing) => void this.#calling.service.decline(ringing.id).catch(() => undefined),
  };

  // Each action reads the call when pressed. A rejection means the call ended in the meantime,
  // and the element shows that already.
  readonly #controlActions: CallControlActions = {
    toggleMute: () => void (this.#calling.state.call?.isMuted ? this.unmute() : this.mute()).catch(() => undefined),
    toggleCamera: () => void (this.#calling.state.call?.isLocalVideoStarted ? this.stopVideo() : this.startVideo()).catch(() => undefined),
    toggleHold: () => void (this.#calling.state.call?.state === 'LocalHold' ? this.resume() : this.hold()).catch(() => undefined),
    hangUp: this.#handleHangUp,
    endForEveryone: () => void this.hangUp({ forEveryone: true }).catch(() => undefined),
    toggleHand: () => void (this.#calling.state.call?.isHandRaised ? this.lowerHand() : this.raiseHand()).catch(() => undefined),
    toggleReactions: () => (this.reactionsOpen = !this.reactionsOpen),
    sendReaction: (reaction) => {
      this.#closeReactions();
      this.sendReaction(reaction).catch(() => undefined);
    },
    closeReactions: () => this.#closeReactions(),
  };

  /** Hides the reaction buttons and puts focus back on "React", as a disclosure does. */
  #closeReactions(): void {
    if (!this.reactionsOpen) return;
    this.reactionsOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="react-button"]')?.focus());
  }

  readonly #prejoinActions: PrejoinActions = {
    setCameraOn: (cameraOn) => void this.#preview?.setCameraOn(cameraOn),
    setMuted: (muted) => this.#preview?.setMuted(muted),
    selectCamera: (deviceId) => void this.#preview?.selectCamera(deviceId).catch(() => undefined),
    selectMicrophone: (deviceId) => void this.#preview?.selectMicrophone(deviceId).catch(() => undefined),
    selectSpeaker: (deviceId) => void this.#calling.service.selectSpeaker(deviceId).catch(() => undefined),
    start: () => this.#startFromPrejoin(),
    cancel: () => void this.#closePrejoin(),
  };

  /**
   * Shows the pre-join screen for a call or meeting, after the same checks `call()` and `join()`
   * make first, so a malformed address shows under the form instead.
   */
  #openPrejoin(target: PrejoinTarget): void {
    try {
      if (target.kind === 'call') this.#calling.service.checkCall(target.target);
      else this.#calling.service.checkMeeting(target.meeting, target.passcode);
    } catch {
      // The error is in the calling state, and the form shows it.
      return;
    }

    this.prejoinTarget = target;
    this.#calling.service.openPreview().then(
      (preview) => {
        // Cancelled, or replaced by a call, while calling loaded.
        if (this.prejoinTarget !== target || !this.isConnected) {
          preview.dispose();
          return;
        }
        this.#preview = preview;
        this.#unsubscribePreview = preview.subscribe((snapshot) => {
          // Disposed by the service (sign-out): the screen goes back to the form.
          if (snapshot.disposed) void this.#closePrejoin();
          this.requestUpdate();
        });
        this.requestUpdate();
      },
      () => {
        // Calling failed to load; the element shows the agent's error with "Try again".
        if (this.prejoinTarget === target) this.prejoinTarget = undefined;
      },
    );
  }

  /** Starts the call or meeting with the pre-join screen's choices. */
  #startFromPrejoin(): void {
    const target = this.prejoinTarget;
    const options = this.#preview?.mediaOptions ?? {};
    if (target === undefined) return;

    // The call's state replaces the screen at once, so the form never shows in between.
    const started = target.kind === 'call' ? this.call(target.target, options) : this.join(target.meeting, target.passcode, options);
    started.catch(() => undefined);
    void this.#closePrejoin();
  }

  /**
   * Closes the pre-join screen. The screen leaves the DOM first, so the preview's renderer view is
   * disposed (once, by the video views) before the camera stream it shows.
   */
  async #closePrejoin(): Promise<void> {
    const preview = this.#preview;
    this.#unsubscribePreview?.();
    this.#unsubscribePreview = undefined;
    this.#preview = undefined;
    this.prejoinTarget = undefined;

    if (preview === undefined) return;
    if (this.isConnected) await this.updateComplete;
    preview.dispose();
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

  /** Raises the user's hand in the current call. */
  async raiseHand(): Promise<void> {
    await this.#calling.service.raiseHand();
  }

  /** Lowers the user's hand. */
  async lowerHand(): Promise<void> {
    await this.#calling.service.lowerHand();
  }

  /** Sends a reaction (`like`, `heart`, `applause`, `laugh` or `surprised`) to everyone in the call. */
  async sendReaction(reaction: Reaction): Promise<void> {
    await this.#calling.service.sendReaction(reaction);
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

  #renderForms(state: CallingState): TemplateResult {
    // Meeting errors show under the meeting form, every other call error under the call form.
    const meetingError = state.callError?.code.startsWith('meeting-') ? state.callError : undefined;
    const callError = meetingError === undefined ? state.callError : undefined;
    return html`
      ${renderCallForm(this.localize, {
        target: this.target,
        errorText: callError && callErrorText(this.localize, callError, this.target),
        onSubmit: this.#handleSubmit,
        onInput: this.#handleInput,
        onFocusIn: this.#handleFocusIn,
      })}
      ${renderMeetingForm(this.localize, {
        meeting: this.meeting,
        passcode: this.passcode,
        errorText: meetingError && callErrorText(this.localize, meetingError, this.meeting),
        onSubmit: this.#handleMeetingSubmit,
        onInput: this.#handleMeetingInput,
        onFocusIn: this.#handleFocusIn,
      })}
    `;
  }

  #renderCall(state: CallingState, call: CallSnapshot): TemplateResult {
    if (isRingingOut(state, call)) return renderCancelControls(this.localize, this.#handleHangUp);

    const selfKey = this.#selfKey();
    const tiles: TileContext = {
      localize: this.localize,
      videoViews: this.#videoViews,
      selfKey,
      raisedHands: new Set(call.raisedHands.map((hand) => hand.key)),
      reactions: reactionTexts(this.localize, call.reactions),
    };
    const inLobby = call.state === 'InLobby';
    const isMeeting = state.callKind === 'meeting';
    const canEndForEveryone = isMeeting && (call.role === 'Organizer' || call.role === 'Co-organizer');
    const selfName = this.sessionController.value.account?.name ?? this.localize.term('callUnknownPerson');

    return html`
      ${renderCallError(this.localize, state, this.target, this.#handleDismissError)} ${renderLobbyPanel(this.localize, call, this.#lobbyActions)}
      <div part="gallery" class="gallery" role="group" aria-label=${this.localize.term('callGalleryRegion')}>
        ${repeat(call.remoteParticipants, (participant) => participant.key, (participant) => renderParticipantTile(tiles, participant))}
        ${state.screenShareViews === 0 ? call.remoteParticipants.map((participant) => renderScreenShareTile(tiles, participant)) : nothing}
        ${renderLocalTile(tiles, call)}
      </div>
      ${renderCallControls(this.localize, call, { isMeeting, inLobby, canEndForEveryone, reactionsOpen: this.reactionsOpen }, this.#controlActions)}
      ${renderDevicePickers(this.localize, state.devices, this.#deviceActions, 'call', pickerProblemTexts(this.localize, state.deviceProblems))}
      ${inLobby ? nothing : renderParticipantList(this.localize, call, selfName, selfKey)}
      ${renderReactionAnnouncement(this.localize, call, selfKey, selfName)}
    `;
  }

  /** Key of the signed-in user's identifier, as the call's raised hands and reactions use it. */
  #selfKey(): string | undefined {
    const objectId = this.sessionController.value.account?.objectId;
    return objectId === undefined ? undefined : identifierKey({ kind: 'microsoftTeamsUser', microsoftTeamsUserId: objectId });
  }

  #renderPrejoin(state: CallingState, target: PrejoinTarget): TemplateResult {
    return renderPrejoin(
      this.localize,
      this.#videoViews,
      { target, preview: this.#preview?.snapshot, devices: state.devices, problems: pickerProblemTexts(this.localize, state.deviceProblems) },
      this.#prejoinActions,
    );
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
    else if (state.outgoing !== undefined) main = renderCancelControls(this.localize, this.#handleHangUp);
    else if (this.prejoinTarget !== undefined) main = this.#renderPrejoin(state, this.prejoinTarget);
    else main = ringing === undefined ? this.#renderForms(state) : nothing;

    // The call and the pre-join screen show their device pickers, each with its own problem.
    const pickersShown =
      state !== undefined && (state.call !== undefined ? !isRingingOut(state, state.call) : state.outgoing === undefined && this.prejoinTarget !== undefined);

    return html`
      <div part="base" class="base">
        ${renderStatus(this.localize, state, this.incomingCalls)}
        ${state === undefined ? nothing : renderProblems(this.localize, state, this.target, this.#handleRetry, pickersShown)}
        ${ringing === undefined ? nothing : renderIncomingCall(this.localize, ringing, state?.call !== undefined, this.#incomingActions)} ${main}
      </div>
    `;
  }
}
