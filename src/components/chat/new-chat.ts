import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';

import type { LocalizeController } from '../../localization/localize.js';
import type { ChatService } from '../../services/chat/chat-service.js';
import type { GraphUser } from '../../services/chat/graph-types.js';
import type { TeamsError } from '../../services/errors.js';
import { chatErrorText } from './chat-text.js';

/** Wait after the last keystroke before people are searched, in milliseconds. */
const searchDelayMs = 250;

/**
 * The "New chat" panel's state: the people search (through Graph, in the signed-in user's tenant),
 * the people chosen, an optional group name, and the progress of starting the chat.
 */
export class NewChatState {
  readonly #host: ReactiveControllerHost;
  query = '';
  results: GraphUser[] = [];
  searching = false;
  chosen: GraphUser[] = [];
  topic = '';
  activeResult = 0;
  starting = false;
  error: TeamsError | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #searchNumber = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Takes the search text and searches after a short pause. */
  search(service: ChatService | undefined, query: string): void {
    this.query = query;
    this.activeResult = 0;
    clearTimeout(this.#timer);
    if (query.trim() === '' || service === undefined) {
      this.results = [];
      this.searching = false;
      this.#host.requestUpdate();
      return;
    }

    this.searching = true;
    this.#host.requestUpdate();
    const number = ++this.#searchNumber;
    this.#timer = setTimeout(() => {
      service.searchPeople(query).then(
        (results) => {
          if (number !== this.#searchNumber) return;
          this.results = results;
          this.error = undefined;
        },
        (error: TeamsError) => {
          if (number !== this.#searchNumber) return;
          this.results = [];
          this.error = error;
        },
      ).finally(() => {
        if (number !== this.#searchNumber) return;
        this.searching = false;
        this.#host.requestUpdate();
      });
    }, searchDelayMs);
  }

  choose(user: GraphUser): void {
    if (!this.chosen.some((person) => person.id === user.id)) this.chosen = [...this.chosen, user];
    this.query = '';
    this.results = [];
    this.#host.requestUpdate();
  }

  remove(user: GraphUser): void {
    this.chosen = this.chosen.filter((person) => person.id !== user.id);
    this.#host.requestUpdate();
  }

  reset(): void {
    clearTimeout(this.#timer);
    this.#searchNumber += 1;
    Object.assign(this, { query: '', results: [], searching: false, chosen: [], topic: '', activeResult: 0, starting: false, error: undefined });
  }
}

/** The element's state and handlers the "New chat" panel uses. */
export interface NewChatContext {
  localize: LocalizeController;
  state: NewChatState;
  onSearchInput(text: string): void;
  onSearchKeydown(event: KeyboardEvent): void;
  onChoose(user: GraphUser): void;
  onRemove(user: GraphUser): void;
  onTopicInput(text: string): void;
  onStart(): void;
  onCancel(): void;
}

/** Renders the "New chat" panel in place of the thread. */
export function renderNewChat(context: NewChatContext): TemplateResult {
  const { localize, state } = context;
  const listboxId = 'people-results';
  const showResults = state.query.trim() !== '';

  return html`
    <section class="thread new-chat" part="new-chat" aria-labelledby="new-chat-title">
      <h2 class="thread-header" id="new-chat-title" part="thread-header">${localize.term('chatNewChatTitle')}</h2>
      <div class="new-chat-body">
        <p class="hint">${localize.term('chatNewChatHint')}</p>
        ${state.chosen.length > 0
          ? html`
              <ul class="chosen" part="chosen-people" aria-label=${localize.term('chatPeopleChosen')}>
                ${state.chosen.map(
                  (person) => html`
                    <li class="person-chip">
                      <span>${person.displayName}</span>
                      <button class="icon" aria-label=${localize.term('chatRemovePerson', person.displayName)} @click=${() => context.onRemove(person)}>✕</button>
                    </li>
                  `,
                )}
              </ul>
            `
          : nothing}
        <input
          type="search"
          part="people-search"
          role="combobox"
          aria-label=${localize.term('chatPeopleSearchLabel')}
          placeholder=${localize.term('chatPeopleSearchLabel')}
          aria-autocomplete="list"
          aria-expanded=${showResults && state.results.length > 0 ? 'true' : 'false'}
          aria-controls=${listboxId}
          aria-activedescendant=${state.results.length > 0 ? `person-${state.activeResult}` : nothing}
          .value=${state.query}
          @input=${(event: InputEvent) => context.onSearchInput((event.target as HTMLInputElement).value)}
          @keydown=${context.onSearchKeydown}
        />
        <ul id=${listboxId} class="people-results" role="listbox" aria-label=${localize.term('chatPeopleSearchLabel')} ?hidden=${!showResults || state.results.length === 0}>
          ${state.results.map(
            (user, index) => html`
              <li
                id="person-${index}"
                role="option"
                part="person"
                aria-selected=${index === state.activeResult ? 'true' : 'false'}
                @click=${() => context.onChoose(user)}
              >
                <span class="person-name">${user.displayName}</span>
                <span class="person-detail">${[user.jobTitle, user.mail].filter(Boolean).join(' · ')}</span>
              </li>
            `,
          )}
        </ul>
        ${showResults && state.searching ? html`<p role="status">${localize.term('chatPeopleSearching')}</p>` : nothing}
        ${showResults && !state.searching && state.results.length === 0 && state.error === undefined
          ? html`<p role="status">${localize.term('chatPeopleNoneFound', state.query.trim())}</p>`
          : nothing}
        ${state.chosen.length > 1
          ? html`<label class="topic">${localize.term('chatTopicLabel')}
              <input part="topic-input" .value=${state.topic} @input=${(event: InputEvent) => context.onTopicInput((event.target as HTMLInputElement).value)} />
            </label>`
          : nothing}
        ${state.error ? html`<p class="error" role="alert">${chatErrorText(localize, state.error)}</p>` : nothing}
        <div class="new-chat-actions">
          <button class="primary" part="start-chat-button" ?disabled=${state.chosen.length === 0 || state.starting} @click=${context.onStart}>
            ${state.starting ? localize.term('chatStartingChat') : localize.term('chatStartChat')}
          </button>
          <button @click=${context.onCancel}>${localize.term('chatCancel')}</button>
        </div>
      </div>
    </section>
  `;
}
