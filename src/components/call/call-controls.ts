import { type TemplateResult, html, nothing } from 'lit';

import type { Reaction } from '@azure/communication-calling';

import type { CallSnapshot } from '../../services/calling/index.js';
import type { LocalizeController } from '../../localization/localize.js';
import { reactionEmoji, reactionName, reactionOrder } from './call-reactions.js';

/** What the in-call buttons do. */
export interface CallControlActions {
  toggleMute(): void;
  toggleCamera(): void;
  toggleHold(): void;
  hangUp(): void;
  endForEveryone(): void;
  toggleHand(): void;
  toggleReactions(): void;
  sendReaction(reaction: Reaction): void;
  /** Escape in the reactions closes them and returns focus to "React". */
  closeReactions(): void;
}

/** Which in-call buttons show. */
export interface CallControlOptions {
  isMeeting: boolean;
  /** In a meeting's lobby there is nothing to hold yet. */
  inLobby: boolean;
  /** Only a meeting's organizers may end it for everyone. */
  canEndForEveryone: boolean;
  /** True while the reaction buttons show. */
  reactionsOpen: boolean;
}

/** Returns the in-call buttons: mute, camera, hold, hang up (leave), and end for everyone. */
export function renderCallControls(localize: LocalizeController, call: CallSnapshot, options: CallControlOptions, actions: CallControlActions): TemplateResult {
  return html`
    <div part="controls" class="controls" role="group" aria-label=${localize.term('callControlsRegion')}>
      <button type="button" part="mute-button" data-autofocus @click=${actions.toggleMute}>
        ${localize.term(call.isMuted ? 'callUnmute' : 'callMute')}
      </button>
      <button type="button" part="camera-button" @click=${actions.toggleCamera}>
        ${localize.term(call.isLocalVideoStarted ? 'callCameraOff' : 'callCameraOn')}
      </button>
      ${options.inLobby
        ? nothing
        : html`<button type="button" part="hold-button" aria-pressed=${call.state === 'LocalHold' ? 'true' : 'false'} @click=${actions.toggleHold}>
            ${localize.term(call.state === 'LocalHold' ? 'callResume' : 'callHold')}
          </button>`}
      ${call.handsAndReactions && !options.inLobby ? renderHandAndReactions(localize, call, options, actions) : nothing}
      <button type="button" class="danger" part="hang-up-button" @click=${actions.hangUp}>
        ${localize.term(options.isMeeting ? 'callLeave' : 'callHangUp')}
      </button>
      ${options.canEndForEveryone
        ? html`<button type="button" class="danger" part="end-for-everyone-button" @click=${actions.endForEveryone}>${localize.term('callEndForEveryone')}</button>`
        : nothing}
    </div>
  `;
}

/**
 * Returns "Raise hand"/"Lower hand" and the "React" button, which discloses one button per
 * reaction. The reactions are a disclosure rather than an ARIA menu, so Tab reaches each one.
 */
function renderHandAndReactions(localize: LocalizeController, call: CallSnapshot, options: CallControlOptions, actions: CallControlActions): TemplateResult {
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') actions.closeReactions();
  };
  return html`
    <button type="button" part="raise-hand-button" aria-pressed=${call.isHandRaised ? 'true' : 'false'} @click=${actions.toggleHand}>
      ${localize.term(call.isHandRaised ? 'callLowerHand' : 'callRaiseHand')}
    </button>
    <span class="reactions-menu" @keydown=${onKeydown}>
      <button type="button" part="react-button" aria-expanded=${options.reactionsOpen ? 'true' : 'false'} aria-controls="reaction-choices" @click=${actions.toggleReactions}>
        ${localize.term('callReact')}
      </button>
      <span id="reaction-choices" part="reactions" class="reaction-choices" role="group" aria-label=${localize.term('callReactionsRegion')} ?hidden=${!options.reactionsOpen}>
        ${reactionOrder.map(
          (reaction) =>
            html`<button type="button" part="reaction-button" @click=${() => actions.sendReaction(reaction)}>
              <span aria-hidden="true">${reactionEmoji[reaction]}</span> ${localize.term(reactionName[reaction])}
            </button>`,
        )}
      </span>
    </span>
  `;
}

/** Returns the one "Cancel" button of a call that is still being set up or ringing out. */
export function renderCancelControls(localize: LocalizeController, onCancel: () => void): TemplateResult {
  return html`
    <div part="controls" class="controls" role="group" aria-label=${localize.term('callControlsRegion')}>
      <button type="button" class="danger" part="hang-up-button" data-autofocus @click=${onCancel}>
        ${localize.term('callCancel')}
      </button>
    </div>
  `;
}
