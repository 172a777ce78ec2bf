import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { staffingGroupChatId } from '../../sandbox/server/graph/seed.js';
import { adele, adeleDiegoChatId, diego, graphFailure, lee, startGraphTestbed, type GraphTestbed } from './graph-helpers.js';

interface GraphChat {
  id: string;
  topic: string | null;
  chatType: string;
  viewpoint: { isHidden: boolean; lastMessageReadDateTime: string };
  lastMessagePreview?: { createdDateTime: string } | null;
}

describe('Graph emulator: read state and rename', () => {
  let graph: GraphTestbed;

  before(async () => {
    graph = await startGraphTestbed();
  });
  after(() => graph.sandbox.close());

  async function chatOf(upn: string, chatId: string): Promise<GraphChat> {
    return (await graph.client(upn).api(`/chats/${chatId}`).expand('lastMessagePreview').get()) as GraphChat;
  }

  function unread(chat: GraphChat): boolean {
    return Date.parse(chat.lastMessagePreview!.createdDateTime) > Date.parse(chat.viewpoint.lastMessageReadDateTime);
  }

  it('seeds the group chat unread for Adele', async () => {
    assert.equal(unread(await chatOf(adele.userPrincipalName, staffingGroupChatId)), true);
    assert.equal(unread(await chatOf(lee.userPrincipalName, staffingGroupChatId)), false);
    assert.equal(unread(await chatOf(adele.userPrincipalName, adeleDiegoChatId)), false);
  });

  it('returns the viewpoint in the chat list', async () => {
    const page = (await graph.client(adele.userPrincipalName).api('/me/chats').get()) as { value: GraphChat[] };
    assert.ok(page.value.every((chat) => chat.viewpoint.isHidden === false));
    assert.ok(page.value.every((chat) => !Number.isNaN(Date.parse(chat.viewpoint.lastMessageReadDateTime))));
  });

  it('marks a chat read and unread', async () => {
    const client = graph.client(adele.userPrincipalName);
    const response = await graph.raw(`/chats/${staffingGroupChatId}/markChatReadForUser`, {
      method: 'POST',
      token: graph.token(adele.userPrincipalName),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: adele.id, tenantId: adele.tenantId } }),
    });
    assert.equal(response.status, 204);
    assert.equal(unread(await chatOf(adele.userPrincipalName, staffingGroupChatId)), false);

    await client.api(`/chats/${staffingGroupChatId}/markChatUnreadForUser`).post({ user: { id: adele.id, tenantId: adele.tenantId }, lastMessageReadDateTime: '2020-01-01T00:00:00Z' });
    const chat = await chatOf(adele.userPrincipalName, staffingGroupChatId);
    assert.equal(chat.viewpoint.lastMessageReadDateTime, '2020-01-01T00:00:00.000Z');
    assert.equal(unread(chat), true);
  });

  it('marks read only for the caller', async () => {
    const error = await graphFailure(graph.client(adele.userPrincipalName).api(`/chats/${staffingGroupChatId}/markChatReadForUser`).post({ user: { id: lee.id, tenantId: lee.tenantId } }));
    assert.equal(error.statusCode, 403);
  });

  it('rejects a mark without a user', async () => {
    const error = await graphFailure(graph.client(adele.userPrincipalName).api(`/chats/${staffingGroupChatId}/markChatReadForUser`).post({}));
    assert.equal(error.statusCode, 400);
  });

  it('marks a sent message read for its sender', async () => {
    await graph.client(diego.userPrincipalName).api(`/chats/${adeleDiegoChatId}/messages`).post({ body: { contentType: 'text', content: 'Read state check' } });
    assert.equal(unread(await chatOf(diego.userPrincipalName, adeleDiegoChatId)), false);
    assert.equal(unread(await chatOf(adele.userPrincipalName, adeleDiegoChatId)), true);
  });

  it('renames a group chat with an event', async () => {
    const client = graph.client(lee.userPrincipalName);
    await client.api(`/chats/${staffingGroupChatId}`).patch({ topic: 'Spring sale staffing 2026' });
    const chat = (await client.api(`/chats/${staffingGroupChatId}`).get()) as GraphChat;
    assert.equal(chat.topic, 'Spring sale staffing 2026');

    const newest = (await client.api(`/chats/${staffingGroupChatId}/messages`).top(1).get()) as { value: Array<{ eventDetail: { '@odata.type': string; chatDisplayName: string; initiator: { user: { id: string } } } }> };
    assert.equal(newest.value[0]?.eventDetail['@odata.type'], '#microsoft.graph.chatRenamedEventMessageDetail');
    assert.equal(newest.value[0]?.eventDetail.chatDisplayName, 'Spring sale staffing 2026');
    assert.equal(newest.value[0]?.eventDetail.initiator.user.id, lee.id);
  });

  it('rejects renaming a 1:1 chat', async () => {
    const error = await graphFailure(graph.client(adele.userPrincipalName).api(`/chats/${adeleDiegoChatId}`).patch({ topic: 'Us' }));
    assert.equal(error.statusCode, 400);
  });
});
