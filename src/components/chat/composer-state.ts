import type { ChatMember } from '../../services/chat/chat-summary.js';
import type { ChatThread } from '../../services/chat/chat-thread.js';
import type { MentionChoice } from '../../services/chat/message-content.js';

/** Wait after the last keystroke before the draft is stored, in milliseconds. */
const draftSaveDelayMs = 300;

/** Suggestions shown for an `@` mention, at most. */
const maximumSuggestions = 8;

/** An `@` being typed: where it starts in the text and what follows it. */
export interface MentionQuery {
  start: number;
  query: string;
}

/**
 * The state of the message box of one chat: its text, the mentions chosen in it, the message being
 * edited, the open pickers, and an error about the text. The draft is stored per account and chat
 * through the thread, so it survives a reload. It is not stored while a message is being edited.
 */
export class ComposerState {
  text = '';
  mentions: MentionChoice[] = [];
  /** The message being edited, when the box edits one instead of writing a new message. */
  editing: { messageId: string } | undefined;
  /** A problem with the text, such as its length, shown under the box. */
  error: string | undefined;
  mentionQuery: MentionQuery | undefined;
  activeSuggestion = 0;
  emojiOpen = false;
  #thread: ChatThread | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  /** Switches to another chat: stores the current draft, then shows the new chat's draft. */
  bind(thread: ChatThread | undefined): void {
    if (thread === this.#thread) return;
    this.flushDraft();
    this.#thread = thread;
    const draft = thread?.draft;
    this.text = draft?.text ?? '';
    this.mentions = draft?.mentions ?? [];
    this.editing = undefined;
    this.error = undefined;
    this.mentionQuery = undefined;
    this.emojiOpen = false;
  }

  /** Takes the text after an input event, with the caret position, and looks for an `@` being typed. */
  input(text: string, caret: number): void {
    this.text = text;
    this.error = undefined;
    const before = text.slice(0, caret);
    const match = /(?:^|\s)@([^@\n]{0,40})$/.exec(before);
    this.mentionQuery = match === null ? undefined : { start: caret - match[1]!.length - 1, query: match[1]! };
    this.activeSuggestion = 0;
    this.#scheduleSave();
  }

  /** Returns the members to suggest for the `@` being typed, without the signed-in user. */
  suggestions(members: readonly ChatMember[], ownId: string | undefined): ChatMember[] {
    const query = this.mentionQuery?.query.trim().toLowerCase();
    if (query === undefined) return [];
    return members
      .filter((member) => member.userId !== ownId && member.displayName !== '')
      .filter((member) => {
        const name = member.displayName.toLowerCase();
        return name.startsWith(query) || name.split(/\s+/).some((word) => word.startsWith(query));
      })
      .slice(0, maximumSuggestions);
  }

  /** Replaces the `@` being typed with `@Name ` and records the mention. Returns the new caret position. */
  pickMention(member: ChatMember): number {
    const query = this.mentionQuery;
    if (query === undefined) return this.text.length;

    const inserted = `@${member.displayName} `;
    const end = query.start + 1 + query.query.length;
    this.text = this.text.slice(0, query.start) + inserted + this.text.slice(end);
    if (!this.mentions.some((mention) => mention.userId === member.userId)) {
      this.mentions = [...this.mentions, { userId: member.userId, displayName: member.displayName, ...(member.tenantId === undefined ? {} : { tenantId: member.tenantId }) }];
    }
    this.mentionQuery = undefined;
    this.#scheduleSave();
    return query.start + inserted.length;
  }

  /** Inserts an emoji at the caret. Returns the new caret position. */
  insertEmoji(emoji: string, caret: number): number {
    this.text = this.text.slice(0, caret) + emoji + this.text.slice(caret);
    this.emojiOpen = false;
    this.#scheduleSave();
    return caret + emoji.length;
  }

  /** Puts one of the user's messages into the box for editing. */
  startEditing(messageId: string, text: string, mentions: MentionChoice[]): void {
    this.flushDraft();
    this.editing = { messageId };
    this.text = text;
    this.mentions = mentions;
    this.error = undefined;
    this.mentionQuery = undefined;
  }

  /** Leaves editing and brings the stored draft back. */
  stopEditing(): void {
    this.editing = undefined;
    const draft = this.#thread?.draft;
    this.text = draft?.text ?? '';
    this.mentions = draft?.mentions ?? [];
    this.error = undefined;
  }

  /** Empties the box after its message went out, and deletes the stored draft. */
  clear(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (this.editing === undefined && this.#thread !== undefined) this.#thread.draft = undefined;
    this.editing = undefined;
    this.text = '';
    this.mentions = [];
    this.mentionQuery = undefined;
    this.error = undefined;
  }

  /** Stores the draft now, when a save is waiting. */
  flushDraft(): void {
    if (this.#saveTimer === undefined) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    this.#save();
  }

  #scheduleSave(): void {
    if (this.editing !== undefined) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = undefined;
      this.#save();
    }, draftSaveDelayMs);
  }

  #save(): void {
    if (this.#thread === undefined || this.editing !== undefined) return;
    const mentions = this.mentions.filter((mention) => this.text.includes(`@${mention.displayName}`));
    this.#thread.draft = { text: this.text, mentions };
  }
}
