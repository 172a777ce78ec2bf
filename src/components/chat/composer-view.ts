import { html, nothing, type TemplateResult } from 'lit';

import type { LocalizeController } from '../../localization/localize.js';
import type { ChatMember } from '../../services/chat/chat-summary.js';
import type { ComposerState } from './composer-state.js';
import { composerEmoji } from './emoji.js';

/** The element's state and handlers the composer uses. */
export interface ComposerContext {
  localize: LocalizeController;
  state: ComposerState;
  /** Members to suggest for the `@` being typed. */
  suggestions: ChatMember[];
  disabled: boolean;
  onInput(event: InputEvent): void;
  onKeydown(event: KeyboardEvent): void;
  onSubmit(event: SubmitEvent): void;
  onPickMention(member: ChatMember): void;
  onToggleEmoji(): void;
  onPickEmoji(emoji: string): void;
  onEmojiKeydown(event: KeyboardEvent): void;
  onCancelEdit(): void;
}

/** Renders the message box with its mention suggestions, emoji picker and editing banner. */
export function renderComposer(context: ComposerContext): TemplateResult {
  const { localize, state } = context;
  const suggesting = state.mentionQuery !== undefined;
  const editing = state.editing !== undefined;

  return html`
    <form class="composer" part="composer" @submit=${context.onSubmit}>
      ${editing
        ? html`
            <div class="editing-banner" part="editing-banner">
              <span>${localize.term('chatEditing')}</span>
              <button type="button" class="link" @click=${context.onCancelEdit}>${localize.term('chatCancelEdit')}</button>
            </div>
          `
        : nothing}
      ${suggesting ? renderSuggestions(context) : nothing}
      ${state.emojiOpen ? renderEmojiPicker(context) : nothing}
      <div class="composer-row">
        <textarea
          part="input"
          rows="1"
          aria-label=${localize.term('chatComposerLabel')}
          placeholder=${localize.term('chatComposerLabel')}
          aria-describedby=${state.error ? 'composer-error' : nothing}
          aria-invalid=${state.error ? 'true' : 'false'}
          aria-autocomplete="list"
          aria-controls=${suggesting ? 'mention-suggestions' : nothing}
          aria-activedescendant=${suggesting && context.suggestions.length > 0 ? `mention-${state.activeSuggestion}` : nothing}
          .value=${state.text}
          ?disabled=${context.disabled}
          @input=${context.onInput}
          @keydown=${context.onKeydown}
        ></textarea>
        <button
          type="button"
          class="icon"
          part="emoji-button"
          aria-label=${localize.term('chatEmojiButton')}
          aria-haspopup="true"
          aria-expanded=${state.emojiOpen ? 'true' : 'false'}
          ?disabled=${context.disabled}
          @click=${context.onToggleEmoji}
        >
          <span aria-hidden="true">🙂</span>
        </button>
        <button part="send-button" class="primary" type="submit" ?disabled=${context.disabled}>${editing ? localize.term('chatSave') : localize.term('chatSend')}</button>
      </div>
      ${state.error ? html`<p id="composer-error" class="error" part="composer-error" role="alert">${state.error}</p>` : nothing}
    </form>
  `;
}

function renderSuggestions(context: ComposerContext): TemplateResult {
  const { localize, state, suggestions } = context;
  return html`
    <ul id="mention-suggestions" class="popup suggestions" part="mention-suggestions" role="listbox" aria-label=${localize.term('chatMentionSuggestions')}>
      ${suggestions.length === 0
        ? html`<li class="none" role="option" aria-disabled="true" aria-selected="false">${localize.term('chatMentionNone')}</li>`
        : suggestions.map(
            (member, index) => html`
              <li
                id="mention-${index}"
                role="option"
                aria-selected=${index === state.activeSuggestion ? 'true' : 'false'}
                @mousedown=${(event: Event) => event.preventDefault()}
                @click=${() => context.onPickMention(member)}
              >
                ${member.displayName}
              </li>
            `,
          )}
    </ul>
  `;
}

function renderEmojiPicker(context: ComposerContext): TemplateResult {
  return html`
    <div class="popup emoji-picker" part="emoji-picker" role="group" aria-label=${context.localize.term('chatEmojiPicker')} @keydown=${context.onEmojiKeydown}>
      ${composerEmoji.map((emoji) => html`<button type="button" @click=${() => context.onPickEmoji(emoji)}>${emoji}</button>`)}
    </div>
  `;
}
