import type { CallState } from '@azure/communication-calling';
import { type TemplateResult, html, nothing } from 'lit';

import type { CallSnapshot, CallingState } from '../../services/calling/index.js';
import type { LocalizeController } from '../../localization/localize.js';
import { callErrorText, deviceProblemText, statusText } from './call-text.js';

/** Call states in which an outgoing call has not been answered yet, so "Cancel" replaces "Hang up". */
export const unansweredStates: ReadonlySet<CallState> = new Set(['None', 'Connecting', 'Ringing', 'EarlyMedia']);

/** True while an outgoing call (not a meeting) rings out, when only its "Cancel" button shows. */
export function isRingingOut(state: CallingState, call: CallSnapshot): boolean {
  return call.direction === 'Outgoing' && state.callKind !== 'meeting' && unansweredStates.has(call.state);
}

/** Returns the status line. It stays in the DOM in every state, so screen readers announce each change. */
export function renderStatus(localize: LocalizeController, state: CallingState | undefined, incomingCalls: boolean): TemplateResult {
  const text = state === undefined ? '' : statusText(localize, state, incomingCalls);
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

/**
 * Returns the call agent's failure with a "Try again" button, and each device problem, or nothing.
 * With `pickersShown`, device problems are left to the device pickers, which show each under its
 * own picker.
 */
export function renderProblems(
  localize: LocalizeController,
  state: CallingState,
  target: string,
  onRetry: () => void,
  pickersShown: boolean,
): TemplateResult | typeof nothing {
  const agentFailed = state.agentStatus === 'failed' && state.agentError !== undefined && state.agentError !== state.callError;
  const deviceSentences = pickersShown ? [] : state.deviceProblems.map((problem) => deviceProblemText(localize, problem)).filter((text) => text !== undefined);
  if (!agentFailed && deviceSentences.length === 0) return nothing;

  return html`
    ${agentFailed
      ? html`<div class="actions">
          <p part="error" class="error" role="alert">${callErrorText(localize, state.agentError!, target)}</p>
          <button type="button" @click=${onRetry}>${localize.term('callRetry')}</button>
        </div>`
      : nothing}
    ${deviceSentences.map((text) => html`<p part="error" class="error" role="alert">${text}</p>`)}
  `;
}

/** Returns an error of an action during the call (a second call, hold, lobby), with a way to dismiss it. */
export function renderCallError(localize: LocalizeController, state: CallingState, target: string, onDismiss: () => void): TemplateResult | typeof nothing {
  const error = state.callError;
  if (error === undefined) return nothing;
  return html`<div class="actions">
    <p part="error" class="error" role="alert">${callErrorText(localize, error, target)}</p>
    <button type="button" @click=${onDismiss}>${localize.term('commonDismiss')}</button>
  </div>`;
}
