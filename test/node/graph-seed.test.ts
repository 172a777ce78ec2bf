import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { staffingGroupChatId } from '../../sandbox/server/graph/seed.js';
import { adele, startGraphTestbed, type GraphTestbed } from './graph-helpers.js';

interface GraphMessage {
  id: string;
  messageType: string;
  lastEditedDateTime: string | null;
  deletedDateTime: string | null;
  body: { content: string };
  attachments: Array<{ id: string; contentType: string; name: string | null; contentUrl: string | null }>;
  reactions: Array<{ reactionType: string }>;
  eventDetail: { '@odata.type': string; callDuration?: string; callEventType?: string; chatDisplayName?: string } | null;
}

describe('Graph emulator: seed data', () => {
  let graph: GraphTestbed;
  let group: GraphMessage[];

  before(async () => {
    graph = await startGraphTestbed();
    group = ((await graph.client(adele.userPrincipalName).api(`/chats/${staffingGroupChatId}/messages`).top(50).get()) as { value: GraphMessage[] }).value;
  });
  after(() => graph.sandbox.close());

  it('has each system event kind', () => {
    const kinds = new Set(group.flatMap((message) => (message.eventDetail ? [message.eventDetail['@odata.type']] : [])));
    for (const kind of ['membersAdded', 'membersDeleted', 'chatRenamed', 'callEnded']) {
      assert.ok(kinds.has(`#microsoft.graph.${kind}EventMessageDetail`), `a ${kind} event`);
    }
    const call = group.find((message) => message.eventDetail?.['@odata.type'] === '#microsoft.graph.callEndedEventMessageDetail');
    assert.equal(call?.eventDetail?.callDuration, 'PT12M30S');
  });

  it('has attachments of known and unknown kinds', () => {
    const contentTypes = group.flatMap((message) => message.attachments.map((attachment) => attachment.contentType));
    assert.ok(contentTypes.includes('reference'));
    assert.ok(contentTypes.includes('application/vnd.microsoft.card.adaptive'));
    assert.ok(contentTypes.includes('messageReference'));
    assert.ok(contentTypes.includes('application/vnd.contoso.inventory-count'));
    const withFile = group.find((message) => message.attachments.some((attachment) => attachment.contentType === 'reference'))!;
    assert.ok(withFile.body.content.includes(`<attachment id="${withFile.attachments[0]!.id}">`));
  });

  it('has reactions, an edit and a delete', () => {
    assert.ok(group.some((message) => message.reactions.length === 3));
    assert.ok(group.some((message) => message.lastEditedDateTime !== null));
    const deleted = group.find((message) => message.deletedDateTime !== null);
    assert.equal(deleted?.body.content, '');
  });

  it('lists a meeting chat', async () => {
    const chats = (await graph.client(adele.userPrincipalName).api('/me/chats').get()) as { value: Array<{ chatType: string; topic: string | null }> };
    const meeting = chats.value.find((chat) => chat.chatType === 'meeting');
    assert.equal(meeting?.topic, 'Weekly retail sync');
  });
});
