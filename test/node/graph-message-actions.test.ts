import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { RetryHandlerOptions } from '@microsoft/microsoft-graph-client';

import { adele, adeleDiegoChatId, alex, diego, graphFailure, startGraphTestbed, type GraphTestbed } from './graph-helpers.js';

interface GraphMessage {
  id: string;
  messageType: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastEditedDateTime: string | null;
  deletedDateTime: string | null;
  body: { contentType: string; content: string };
  mentions: Array<{ id: number; mentionText: string; mentioned: { user: { id: string } } }>;
  reactions: Array<{ reactionType: string; createdDateTime: string; user: { user: { id: string } } }>;
}

describe('Graph emulator: message actions', () => {
  let graph: GraphTestbed;
  const messagesPath = `/chats/${adeleDiegoChatId}/messages`;

  before(async () => {
    graph = await startGraphTestbed();
  });
  after(() => graph.sandbox.close());
  beforeEach(() => graph.sandbox.context.faults.clear());

  async function send(upn: string, content: string): Promise<GraphMessage> {
    return (await graph.client(upn).api(messagesPath).post({ body: { contentType: 'html', content } })) as GraphMessage;
  }

  async function read(upn: string, messageId: string): Promise<GraphMessage> {
    return (await graph.client(upn).api(`${messagesPath}/${messageId}`).get()) as GraphMessage;
  }

  async function changedSince(upn: string, since: string): Promise<GraphMessage[]> {
    const page = (await graph.client(upn).api(messagesPath).orderby('lastModifiedDateTime desc').filter(`lastModifiedDateTime gt ${since}`).get()) as { value: GraphMessage[] };
    return page.value;
  }

  it('gets one message by id', async () => {
    const sent = await send(adele.userPrincipalName, '<p>Single read</p>');
    const message = await read(diego.userPrincipalName, sent.id);
    assert.equal(message.id, sent.id);
    assert.equal(message.body.content, '<p>Single read</p>');
  });

  it('answers 404 for an unknown message', async () => {
    const error = await graphFailure(graph.client(adele.userPrincipalName).api(`${messagesPath}/1`).get());
    assert.equal(error.statusCode, 404);
    assert.match(error.message, /no message with the id "1"/);
  });

  describe('edit', () => {
    it('edits the sender\'s message', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Frist draft</p>');
      const response = await graph.raw(`${messagesPath}/${sent.id}`, {
        method: 'PATCH',
        token: graph.token(adele.userPrincipalName),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: { contentType: 'html', content: '<p>First draft</p>' } }),
      });
      assert.equal(response.status, 204);

      const edited = await read(diego.userPrincipalName, sent.id);
      assert.equal(edited.body.content, '<p>First draft</p>');
      assert.ok(edited.lastEditedDateTime, 'lastEditedDateTime is set');
      assert.ok(Date.parse(edited.lastModifiedDateTime) > Date.parse(sent.lastModifiedDateTime), 'lastModifiedDateTime moves forward');
      assert.equal(edited.createdDateTime, sent.createdDateTime);
    });

    it('shows an edit to polling clients', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Before</p>');
      await graph.client(adele.userPrincipalName).api(`${messagesPath}/${sent.id}`).patch({ body: { contentType: 'html', content: '<p>After</p>' } });
      const changed = await changedSince(diego.userPrincipalName, sent.lastModifiedDateTime);
      assert.deepEqual(changed.map((message) => message.body.content), ['<p>After</p>']);
    });

    it('edits mentions with the body', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Hello</p>');
      await graph
        .client(adele.userPrincipalName)
        .api(`${messagesPath}/${sent.id}`)
        .patch({
          body: { contentType: 'html', content: '<p>Hello <at id="0">Diego Siciliani</at></p>' },
          mentions: [{ id: 0, mentionText: 'Diego Siciliani', mentioned: { user: { id: diego.id, displayName: 'Diego Siciliani', userIdentityType: 'aadUser' } } }],
        });
      const edited = await read(adele.userPrincipalName, sent.id);
      assert.equal(edited.mentions[0]?.mentioned.user.id, diego.id);
    });

    it('rejects an edit by another member', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Mine</p>');
      const error = await graphFailure(graph.client(diego.userPrincipalName).api(`${messagesPath}/${sent.id}`).patch({ body: { contentType: 'html', content: '<p>Yours</p>' } }));
      assert.equal(error.statusCode, 403);
      assert.match(error.message, /did not send/);
    });

    it('rejects an edit by a non-member', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Private</p>');
      const error = await graphFailure(graph.client(alex.userPrincipalName).api(`${messagesPath}/${sent.id}`).patch({ body: { contentType: 'html', content: '<p>x</p>' } }));
      assert.equal(error.statusCode, 403);
    });

    it('rejects an empty edit', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Keep me</p>');
      const error = await graphFailure(graph.client(adele.userPrincipalName).api(`${messagesPath}/${sent.id}`).patch({ body: { contentType: 'html', content: '' } }));
      assert.equal(error.statusCode, 400);
    });

    it('rejects an edit over 28 KB', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Short</p>');
      const error = await graphFailure(
        graph.client(adele.userPrincipalName).api(`${messagesPath}/${sent.id}`).patch({ body: { contentType: 'text', content: 'x'.repeat(28 * 1024 + 1) } }),
      );
      assert.equal(error.statusCode, 413);
    });

    it('needs Chat.ReadWrite to edit', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Scoped</p>');
      const token = graph.token(adele.userPrincipalName, { scopes: ['ChatMessage.Send', 'Chat.Read'] });
      const error = await graphFailure(graph.client(token).api(`${messagesPath}/${sent.id}`).patch({ body: { contentType: 'html', content: '<p>x</p>' } }));
      assert.equal(error.statusCode, 403);
    });
  });

  describe('delete', () => {
    it('soft-deletes and restores a message', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Oops, wrong chat</p>');
      const client = graph.client(adele.userPrincipalName);

      await client.api(`${messagesPath}/${sent.id}/softDelete`).post({});
      const deleted = await read(diego.userPrincipalName, sent.id);
      assert.ok(deleted.deletedDateTime, 'deletedDateTime is set');
      assert.equal(deleted.body.content, '');
      assert.equal(deleted.id, sent.id);

      await client.api(`${messagesPath}/${sent.id}/undoSoftDelete`).post({});
      const restored = await read(diego.userPrincipalName, sent.id);
      assert.equal(restored.deletedDateTime, null);
      assert.equal(restored.body.content, '<p>Oops, wrong chat</p>');
      assert.ok(Date.parse(restored.lastModifiedDateTime) > Date.parse(deleted.lastModifiedDateTime));
    });

    it('answers softDelete with 204', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Status</p>');
      const response = await graph.raw(`${messagesPath}/${sent.id}/softDelete`, { method: 'POST', token: graph.token(adele.userPrincipalName) });
      assert.equal(response.status, 204);
    });

    it('shows a delete to polling clients', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Short-lived</p>');
      await graph.client(adele.userPrincipalName).api(`${messagesPath}/${sent.id}/softDelete`).post({});
      const changed = await changedSince(diego.userPrincipalName, sent.lastModifiedDateTime);
      assert.equal(changed.length, 1);
      assert.ok(changed[0]?.deletedDateTime);
    });

    it('rejects deleting another member\'s message', async () => {
      const sent = await send(diego.userPrincipalName, '<p>Diego\'s</p>');
      const error = await graphFailure(graph.client(adele.userPrincipalName).api(`${messagesPath}/${sent.id}/softDelete`).post({}));
      assert.equal(error.statusCode, 403);
    });

    it('rejects editing a deleted message', async () => {
      const sent = await send(adele.userPrincipalName, '<p>Gone</p>');
      await graph.client(adele.userPrincipalName).api(`${messagesPath}/${sent.id}/softDelete`).post({});
      const error = await graphFailure(graph.client(adele.userPrincipalName).api(`${messagesPath}/${sent.id}`).patch({ body: { contentType: 'html', content: '<p>Back</p>' } }));
      assert.equal(error.statusCode, 400);
      assert.match(error.message, /deleted/);
    });
  });

  describe('reactions', () => {
    it('sets and unsets a reaction', async () => {
      const sent = await send(diego.userPrincipalName, '<p>React to this</p>');
      const client = graph.client(adele.userPrincipalName);

      await client.api(`${messagesPath}/${sent.id}/setReaction`).post({ reactionType: '👍' });
      const reacted = await read(diego.userPrincipalName, sent.id);
      assert.deepEqual(reacted.reactions.map((reaction) => [reaction.reactionType, reaction.user.user.id]), [['👍', adele.id]]);
      assert.ok(Date.parse(reacted.lastModifiedDateTime) > Date.parse(sent.lastModifiedDateTime));

      await client.api(`${messagesPath}/${sent.id}/unsetReaction`).post({ reactionType: '👍' });
      const cleared = await read(diego.userPrincipalName, sent.id);
      assert.deepEqual(cleared.reactions, []);
    });

    it('keeps one reaction per user and type', async () => {
      const sent = await send(diego.userPrincipalName, '<p>Twice</p>');
      const client = graph.client(adele.userPrincipalName);
      await client.api(`${messagesPath}/${sent.id}/setReaction`).post({ reactionType: '❤️' });
      await client.api(`${messagesPath}/${sent.id}/setReaction`).post({ reactionType: '❤️' });
      await graph.client(diego.userPrincipalName).api(`${messagesPath}/${sent.id}/setReaction`).post({ reactionType: '❤️' });
      const message = await read(adele.userPrincipalName, sent.id);
      assert.equal(message.reactions.length, 2);
    });

    it('rejects a missing reaction type', async () => {
      const sent = await send(diego.userPrincipalName, '<p>Bad reaction</p>');
      const error = await graphFailure(graph.client(adele.userPrincipalName).api(`${messagesPath}/${sent.id}/setReaction`).post({}));
      assert.equal(error.statusCode, 400);
      assert.match(error.message, /reactionType/);
    });

    it('rejects a reaction on a system event', async () => {
      const group = (await graph.client(adele.userPrincipalName).api('/me/chats').get()) as { value: Array<{ id: string; chatType: string }> };
      const groupId = group.value.find((chat) => chat.chatType === 'group')!.id;
      const page = (await graph.client(adele.userPrincipalName).api(`/chats/${groupId}/messages`).top(50).get()) as { value: GraphMessage[] };
      const event = page.value.find((message) => message.messageType === 'systemEventMessage')!;
      const error = await graphFailure(graph.client(adele.userPrincipalName).api(`/chats/${groupId}/messages/${event.id}/setReaction`).post({ reactionType: '👍' }));
      assert.equal(error.statusCode, 400);
    });
  });

  it('stores a message whose answer is lost', async () => {
    graph.sandbox.context.faults.arm('graph.send-message.lost-response', {});
    const content = `<p>Lost answer ${Date.now()}</p>`;
    const error = await graphFailure(graph.client(graph.token(adele.userPrincipalName)).api(messagesPath).middlewareOptions([new RetryHandlerOptions(0, 0)]).post({ body: { contentType: 'html', content } }));
    assert.equal(error.statusCode, 504);

    const newest = (await graph.client(diego.userPrincipalName).api(messagesPath).top(5).get()) as { value: GraphMessage[] };
    assert.equal(newest.value.filter((message) => message.body.content === content).length, 1);
  });

  it('orders changes within one millisecond', async () => {
    const sent = await send(adele.userPrincipalName, '<p>Fast changes</p>');
    const client = graph.client(adele.userPrincipalName);
    await Promise.all([
      client.api(`${messagesPath}/${sent.id}/setReaction`).post({ reactionType: '👍' }),
      client.api(`${messagesPath}/${sent.id}/setReaction`).post({ reactionType: '😆' }),
    ]);
    const afterReactions = await read(adele.userPrincipalName, sent.id);
    const next = await send(adele.userPrincipalName, '<p>Right after</p>');
    assert.ok(Date.parse(next.lastModifiedDateTime) > Date.parse(afterReactions.lastModifiedDateTime), 'a new message sorts after the last change');
  });
});
