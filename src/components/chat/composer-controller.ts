import type { ReactiveControllerHost, TemplateResult } from 'lit';

import type { LocalizeController } from '../../localization/localize.js';
import type { ChatMember } from '../../services/chat/chat-summary.js';
import type { ChatThread } from '../../services/chat/chat-thread.js';
import type { MentionChoice } from '../../services/chat/message-content.js';
import { TeamsError } from '../../services/errors.js';
import { chatErrorText } from './chat-text.js';
import { ComposerState } from './composer-state.js';
import { renderComposer } from './composer-view.js';

/** The element's parts the composer works with. */
export interface ComposerHost {
  element: ReactiveControllerHost & HTMLElement;
  localize: LocalizeController;
  thread(): ChatThread | undefined;
  /** Object id of the signed-in user, left out of mention suggestions. */
  ownId(): string | undefined;
  /** Sends a message as the element's `sendMessage()` does. */
  send(text: string, mentions: readonly MentionChoice[]): Promise<unknown>;
  /** Reports an edit Graph rejected. */
  editFailed(thread: ChatThread, messageId: string, error: TeamsError): void;
}

/**
 * The message box: typing with `@` mentions and emoji, sending on Enter, and editing one of the
 * user's messages. Its state lives in a `ComposerState` bound to the open thread.
 */
export class ComposerController {
  readonly state = new ComposerState();
  readonly #host: ComposerHost;

  constructor(host: ComposerHost) {
    this.#host = host;
  }

  /** Puts one of the user's messages into the box for editing, and focuses the box. */
  startEditing(thread: ChatThread, messageId: string): void {
    const editable = thread.editableMessage(messageId);
    if (editable === undefined) return;
    this.state.startEditing(messageId, editable.text, editable.mentions);
    this.#host.element.requestUpdate();
    void this.#afterUpdate((input) => input.setSelectionRange(input.value.length, input.value.length));
  }

  /** Renders the composer for the open thread. */
  render(disabled: boolean): TemplateResult {
    const state = this.state;
    return renderComposer({
      localize: this.#host.localize,
      state,
      suggestions: state.mentionQuery === undefined ? [] : this.#suggestions(),
      disabled,
      onInput: (event) => this.#handleInput(event),
      onKeydown: (event) => this.#handleKeydown(event),
      onSubmit: (event) => {
        event.preventDefault();
        void this.#submit();
      },
      onPickMention: (member) => this.#pickMention(member),
      onToggleEmoji: () => {
        state.emojiOpen = !state.emojiOpen;
        this.#host.element.requestUpdate();
      },
      onPickEmoji: (emoji) => this.#pickEmoji(emoji),
      onEmojiKeydown: (event) => this.#handleEmojiKeydown(event),
      onCancelEdit: () => {
        state.stopEditing();
        this.#host.element.requestUpdate();
      },
    });
  }

  #handleInput(event: InputEvent): void {
    const input = event.target as HTMLTextAreaElement;
    this.state.input(input.value, input.selectionStart ?? input.value.length);
    this.#host.element.requestUpdate();
  }

  /**
   * Enter sends and Shift+Enter breaks the line; Enter that confirms an input method composition
   * does neither. With member suggestions open, the arrow keys choose and Enter or Tab picks.
   * Escape closes suggestions, then leaves editing. Arrow up in an empty box edits the user's last message.
   */
  #handleKeydown(event: KeyboardEvent): void {
    const composer = this.state;
    const suggestions = this.#suggestions();

    if (composer.mentionQuery !== undefined && suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        composer.activeSuggestion = (composer.activeSuggestion + step + suggestions.length) % suggestions.length;
        this.#host.element.requestUpdate();
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#pickMention(suggestions[composer.activeSuggestion]!);
        return;
      }
    }
    if (event.key === 'Escape') {
      if (composer.mentionQuery !== undefined) composer.mentionQuery = undefined;
      else if (composer.emojiOpen) composer.emojiOpen = false;
      else if (composer.editing !== undefined) composer.stopEditing();
      else return;
      event.preventDefault();
      this.#host.element.requestUpdate();
      return;
    }
    if (event.key === 'ArrowUp' && composer.text === '' && composer.editing === undefined) {
      const thread = this.#host.thread();
      const last = thread?.items.findLast((item) => item.own && item.kind === 'message' && item.delivery !== 'pending' && item.messageId !== undefined);
      if (thread !== undefined && last?.messageId !== undefined) {
        event.preventDefault();
        this.startEditing(thread, last.messageId);
      }
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    void this.#submit();
  }

  #pickMention(member: ChatMember): void {
    const caret = this.state.pickMention(member);
    this.#host.element.requestUpdate();
    void this.#afterUpdate((input) => input.setSelectionRange(caret, caret));
  }

  #pickEmoji(emoji: string): void {
    const input = this.#input();
    const caret = this.state.insertEmoji(emoji, input?.selectionStart ?? this.state.text.length);
    this.#host.element.requestUpdate();
    void this.#afterUpdate((input) => input.setSelectionRange(caret, caret));
  }

  #handleEmojiKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.state.emojiOpen = false;
    this.#host.element.requestUpdate();
    void this.#host.element.updateComplete.then(() => this.#host.element.shadowRoot?.querySelector<HTMLElement>('[part~="emoji-button"]')?.focus());
  }

  async #submit(): Promise<void> {
    const composer = this.state;
    const thread = this.#host.thread();
    const text = composer.text;
    if (thread === undefined || text.trim() === '') return;

    if (composer.editing !== undefined) {
      const { messageId } = composer.editing;
      try {
        const saving = thread.edit(messageId, text, composer.mentions);
        composer.clear();
        this.#host.element.requestUpdate();
        await saving;
      } catch (error) {
        const failure = asTeamsError(error);
        composer.startEditing(messageId, text, composer.mentions);
        composer.error = this.#errorText(failure);
        this.#host.element.requestUpdate();
        this.#host.editFailed(thread, messageId, failure);
      }
      return;
    }

    const mentions = composer.mentions;
    try {
      const sending = this.#host.send(text, mentions);
      composer.clear();
      this.#host.element.requestUpdate();
      this.#input()?.focus();
      await sending;
    } catch (error) {
      composer.text = text;
      composer.mentions = mentions;
      composer.error = this.#errorText(asTeamsError(error));
      this.#host.element.requestUpdate();
    }
  }

  #errorText(error: TeamsError): string {
    const size = /is (\d+) bytes, more than the (\d+) bytes/.exec(error.message);
    if (error.code === 'chat-message-too-large' && size !== null) {
      return this.#host.localize.term('chatErrorTooLargeDetail', Number(size[1]), Number(size[2]));
    }
    return chatErrorText(this.#host.localize, error);
  }

  #suggestions(): ChatMember[] {
    const members = this.#host.thread()?.chat?.members ?? [];
    return this.state.suggestions(members, this.#host.ownId());
  }

  #input(): HTMLTextAreaElement | null {
    return this.#host.element.shadowRoot?.querySelector<HTMLTextAreaElement>('[part~="input"]') ?? null;
  }

  /** Focuses the box once the element rendered, then runs `place` on it, such as to set the caret. */
  async #afterUpdate(place: (input: HTMLTextAreaElement) => void): Promise<void> {
    await this.#host.element.updateComplete;
    const input = this.#input();
    if (input === null) return;
    input.focus();
    place(input);
  }
}

function asTeamsError(error: unknown): TeamsError {
  return error instanceof TeamsError ? error : new TeamsError('chat-request-failed', error instanceof Error ? error.message : String(error), { cause: error });
}
