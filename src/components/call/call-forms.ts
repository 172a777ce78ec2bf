import { type TemplateResult, html, nothing } from 'lit';

import type { LocalizeController } from '../../localization/localize.js';

/** What the "Person to call" form shows and does. */
export interface CallFormOptions {
  target: string;
  /** The sentence of the last error about the typed people, shown under the field. */
  errorText: string | undefined;
  onSubmit(event: SubmitEvent): void;
  onInput(event: InputEvent): void;
  /** Focus inside the form is a call intent: calling starts loading. */
  onFocusIn(): void;
}

/** Returns the form with the "Person to call" field and the "Call" button. */
export function renderCallForm(localize: LocalizeController, options: CallFormOptions): TemplateResult {
  const { errorText } = options;
  return html`
    <form part="form" class="form" @submit=${options.onSubmit} @focusin=${options.onFocusIn}>
      <label part="label" for="target">${localize.term('callTargetLabel')}</label>
      <div class="row">
        <input
          id="target"
          part="input"
          name="target"
          type="text"
          inputmode="email"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${errorText ? 'target-hint target-error' : 'target-hint'}
          aria-invalid=${errorText ? 'true' : 'false'}
          data-autofocus
          .value=${options.target}
          @input=${options.onInput}
        />
        <button type="submit" class="primary" part="call-button">${localize.term('callStart')}</button>
      </div>
      <p id="target-hint" class="hint">${localize.term('callTargetHint')}</p>
      ${errorText ? html`<p id="target-error" part="error" class="error" role="alert">${errorText}</p>` : nothing}
    </form>
  `;
}

/** What the meeting form shows and does. */
export interface MeetingFormOptions {
  meeting: string;
  passcode: string;
  /** The sentence of the last error about the meeting link or ID, shown under the fields. */
  errorText: string | undefined;
  onSubmit(event: SubmitEvent): void;
  /** Receives input from both fields; the field's `name` is `meeting` or `passcode`. */
  onInput(event: InputEvent): void;
  onFocusIn(): void;
}

/** Returns the form with the "Meeting link or ID" and "Passcode" fields and the "Join" button. */
export function renderMeetingForm(localize: LocalizeController, options: MeetingFormOptions): TemplateResult {
  const { errorText } = options;
  return html`
    <form part="meeting-form" class="form" aria-label=${localize.term('callMeetingRegion')} @submit=${options.onSubmit} @focusin=${options.onFocusIn}>
      <label part="label" for="meeting">${localize.term('callMeetingLabel')}</label>
      <div class="row">
        <input
          id="meeting"
          part="meeting-input"
          name="meeting"
          type="text"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${errorText ? 'meeting-hint meeting-error' : 'meeting-hint'}
          aria-invalid=${errorText ? 'true' : 'false'}
          .value=${options.meeting}
          @input=${options.onInput}
        />
        <span class="passcode">
          <label for="passcode">${localize.term('callPasscodeLabel')}</label>
          <input id="passcode" part="passcode-input" name="passcode" type="text" autocomplete="off" spellcheck="false" size="10" .value=${options.passcode} @input=${options.onInput} />
        </span>
        <button type="submit" part="join-button">${localize.term('callJoin')}</button>
      </div>
      <p id="meeting-hint" class="hint">${localize.term('callMeetingHint')}</p>
      ${errorText ? html`<p id="meeting-error" part="error" class="error" role="alert">${errorText}</p>` : nothing}
    </form>
  `;
}
