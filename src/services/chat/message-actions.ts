import type { GraphConnection } from './graph-client.js';
import type { GraphChatMessage, GraphReaction } from './graph-types.js';
import type { MessageContent } from './message-content.js';
import type { MessageStore } from './message-store.js';

/** A change to one message that the user makes: shown at once, confirmed by Graph, undone on failure. */
export type MessageAction = 'edit' | 'delete' | 'undo-delete' | 'react' | 'unreact';

/**
 * Edits, deletes and reactions on a thread's messages. Each shows at once through an overlay on
 * the message, then sends its request, then reads the message back from Graph (the change
 * requests respond with 204 and no body) and drops the overlay. A failure drops the overlay too,
 * so the message shows as Graph has it, and rethrows.
 */
export class MessageActions {
  readonly #connection: GraphConnection;
  readonly #chatId: string;
  readonly #messages: MessageStore;
  readonly #accountId: string | undefined;
  readonly #changed: () => void;

  constructor(connection: GraphConnection, chatId: string, messages: MessageStore, accountId: string | undefined, changed: () => void) {
    this.#connection = connection;
    this.#chatId = chatId;
    this.#messages = messages;
    this.#accountId = accountId;
    this.#changed = changed;
  }

  edit(messageId: string, content: MessageContent): Promise<void> {
    const now = new Date().toISOString();
    return this.#run('edit', messageId, (message) => ({ ...message, body: { contentType: 'html', content: content.html }, lastEditedDateTime: now }), (path, client) =>
      client.api(path).patch({ body: { contentType: 'html', content: content.html }, mentions: content.mentions }),
    );
  }

  delete(messageId: string): Promise<void> {
    const now = new Date().toISOString();
    return this.#run('delete', messageId, (message) => ({ ...message, deletedDateTime: now }), (path, client) => client.api(`${path}/softDelete`).post({}));
  }

  undoDelete(messageId: string): Promise<void> {
    return this.#run('undo-delete', messageId, (message) => ({ ...message, deletedDateTime: null }), (path, client) => client.api(`${path}/undoSoftDelete`).post({}));
  }

  react(messageId: string, reactionType: string): Promise<void> {
    const reaction: GraphReaction = { reactionType, createdDateTime: new Date().toISOString(), user: { user: { id: this.#accountId ?? '', displayName: null } } };
    return this.#run('react', messageId, (message) => ({ ...message, reactions: [...(message.reactions ?? []), reaction] }), (path, client) =>
      client.api(`${path}/setReaction`).post({ reactionType }),
    );
  }

  unreact(messageId: string, reactionType: string): Promise<void> {
    const mine = (candidate: GraphReaction): boolean => candidate.reactionType === reactionType && candidate.user?.user?.id === this.#accountId;
    return this.#run('unreact', messageId, (message) => ({ ...message, reactions: (message.reactions ?? []).filter((candidate) => !mine(candidate)) }), (path, client) =>
      client.api(`${path}/unsetReaction`).post({ reactionType }),
    );
  }

  async #run(
    action: MessageAction,
    messageId: string,
    overlay: (message: GraphChatMessage) => GraphChatMessage,
    send: (path: string, client: Parameters<Parameters<GraphConnection['request']>[1]>[0]) => Promise<unknown>,
  ): Promise<void> {
    const path = `/chats/${encodeURIComponent(this.#chatId)}/messages/${encodeURIComponent(messageId)}`;
    this.#messages.setOverlay(messageId, overlay);
    this.#changed();

    try {
      const confirmed = await this.#connection.request(`${actionNames[action]} message ${messageId} of chat ${this.#chatId}`, async (client) => {
        await send(path, client);
        return (await client.api(path).get()) as GraphChatMessage;
      });
      this.#messages.put(confirmed);
    } finally {
      this.#messages.clearOverlay(messageId);
      this.#changed();
    }
  }
}

const actionNames: Record<MessageAction, string> = {
  edit: 'Editing',
  delete: 'Deleting',
  'undo-delete': 'Restoring',
  react: 'Reacting to',
  unreact: 'Removing a reaction from',
};
