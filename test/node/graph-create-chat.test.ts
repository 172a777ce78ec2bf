import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { adele, adeleDiegoChatId, alex, chatMember, diego, graphFailure, lee, megan, startGraphTestbed, type GraphTestbed } from './graph-helpers.js';

interface GraphChat {
  id: string;
  topic: string | null;
  chatType: string;
  createdDateTime: string;
  members?: Array<{ userId: string; displayName: string; roles: string[] }>;
}

describe('Graph emulator: create chat', () => {
  let graph: GraphTestbed;

  before(async () => {
    graph = await startGraphTestbed();
  });
  after(() => graph.sandbox.close());
  beforeEach(() => graph.sandbox.context.faults.clear());

  it('returns the existing 1:1 chat', async () => {
    const chat = (await graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(diego)] })) as GraphChat;
    assert.equal(chat.id, adeleDiegoChatId);
    assert.equal(chat.chatType, 'oneOnOne');
  });

  it('creates a 1:1 chat both members list', async () => {
    const created = (await graph.client(alex.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(alex), chatMember(megan)] })) as GraphChat;
    assert.equal(created.id, `19:${[alex.id, megan.id].sort().join('_')}@unq.gbl.spaces`);
    assert.equal(created.topic, null);

    const again = (await graph.client(megan.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(megan), chatMember(alex)] })) as GraphChat;
    assert.equal(again.id, created.id, 'the second create returns the same chat');
    assert.equal(again.createdDateTime, created.createdDateTime);

    const listed = (await graph.client(megan.userPrincipalName).api('/me/chats').get()) as { value: GraphChat[] };
    assert.equal(listed.value.filter((chat) => chat.id === created.id).length, 1);
  });

  it('answers 201 with the chat resource', async () => {
    const response = await graph.raw('/chats', {
      method: 'POST',
      token: graph.token(adele.userPrincipalName),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(alex)] }),
    });
    assert.equal(response.status, 201);
    const body = (await response.json()) as Record<string, unknown>;
    assert.match(String(body['@odata.context']), /\$metadata#chats\/\$entity$/);
  });

  it('creates a group chat with a topic', async () => {
    const client = graph.client(adele.userPrincipalName);
    const created = (await client.api('/chats').post({
      chatType: 'group',
      topic: 'Inventory call',
      members: [chatMember(adele), chatMember(diego, { tenantId: diego.tenantId }), chatMember(lee)],
    })) as GraphChat;
    assert.match(created.id, /^19:[0-9a-f]{32}@thread\.v2$/);
    assert.equal(created.topic, 'Inventory call');
    assert.equal(created.chatType, 'group');

    const read = (await graph.client(lee.userPrincipalName).api(`/chats/${created.id}`).expand('members').get()) as GraphChat;
    assert.deepEqual(read.members?.map((member) => member.userId).sort(), [adele.id, diego.id, lee.id].sort());
    assert.deepEqual(read.members?.map((member) => member.roles), [['owner'], ['owner'], ['owner']]);
  });

  it('creates a new group chat each time', async () => {
    const client = graph.client(adele.userPrincipalName);
    const body = { chatType: 'group', members: [chatMember(adele), chatMember(alex), chatMember(megan)] };
    const first = (await client.api('/chats').post(body)) as GraphChat;
    const second = (await client.api('/chats').post(body)) as GraphChat;
    assert.notEqual(first.id, second.id);
    assert.equal(first.topic, null);
  });

  it('binds members by user principal name', async () => {
    const chat = (await graph.client(adele.userPrincipalName).api('/chats').post({
      chatType: 'oneOnOne',
      members: [
        { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: ['owner'], 'user@odata.bind': "https://graph.microsoft.com/v1.0/users('adele.vance@contoso.com')" },
        { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: ['owner'], 'user@odata.bind': "https://graph.microsoft.com/v1.0/users('diego.siciliani@fabrikam.com')" },
      ],
    })) as GraphChat;
    assert.equal(chat.id, adeleDiegoChatId);
  });

  it('expands members of the created chat', async () => {
    const chat = (await graph.client(adele.userPrincipalName).api('/chats').expand('members').post({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(diego)] })) as GraphChat;
    assert.deepEqual(chat.members?.map((member) => member.displayName).sort(), ['Adele Vance', 'Diego Siciliani']);
  });

  it('rejects a chat without the caller', async () => {
    const error = await graphFailure(graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(alex), chatMember(diego)] }));
    assert.equal(error.statusCode, 403);
    assert.match(error.message, /caller must be one of the members/);
  });

  it('rejects a 1:1 chat of three', async () => {
    const error = await graphFailure(
      graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(alex), chatMember(diego)] }),
    );
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /exactly 2 members/);
  });

  it('rejects a topic on a 1:1 chat', async () => {
    const error = await graphFailure(
      graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', topic: 'Hi', members: [chatMember(adele), chatMember(alex)] }),
    );
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /topic/);
  });

  it('rejects an unknown chat type', async () => {
    const error = await graphFailure(graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'meeting', members: [chatMember(adele), chatMember(alex)] }));
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /chatType "meeting"/);
  });

  it('rejects an unknown member', async () => {
    const error = await graphFailure(
      graph.client(adele.userPrincipalName).api('/chats').post({
        chatType: 'oneOnOne',
        members: [chatMember(adele), { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: ['owner'], 'user@odata.bind': "https://graph.microsoft.com/v1.0/users('nobody@contoso.com')" }],
      }),
    );
    assert.equal(error.statusCode, 404);
    assert.match(error.message, /nobody@contoso\.com/);
  });

  it('rejects a member without a user bind', async () => {
    const error = await graphFailure(
      graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(adele), { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: ['owner'] }] }),
    );
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /user@odata\.bind/);
  });

  it('rejects a wrong member tenant', async () => {
    const error = await graphFailure(
      graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(diego, { tenantId: adele.tenantId })] }),
    );
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /tenant/);
  });

  it('rejects a member listed twice', async () => {
    const error = await graphFailure(graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(adele)] }));
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /listed twice/);
  });

  it('needs Chat.Create or Chat.ReadWrite', async () => {
    const token = graph.token(adele.userPrincipalName, { scopes: ['Chat.Read'] });
    const error = await graphFailure(graph.client(token).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(alex)] }));
    assert.equal(error.statusCode, 403);
    assert.match(error.message, /Chat\.Create/);
  });

  it('accepts Chat.Create alone', async () => {
    const token = graph.token(adele.userPrincipalName, { scopes: ['Chat.Create'] });
    const chat = (await graph.client(token).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(diego)] })) as GraphChat;
    assert.equal(chat.id, adeleDiegoChatId);
  });

  it('applies a create-chat fault', async () => {
    graph.sandbox.context.faults.arm('graph.create-chat', { status: 500 });
    const error = await graphFailure(graph.client(adele.userPrincipalName).api('/chats').post({ chatType: 'oneOnOne', members: [chatMember(adele), chatMember(diego)] }));
    assert.equal(error.statusCode, 500);
  });
});
