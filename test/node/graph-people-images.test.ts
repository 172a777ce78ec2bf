import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { ResponseType } from '@microsoft/microsoft-graph-client';

import { seedChartHostedContentId, staffingGroupChatId } from '../../sandbox/server/graph/seed.js';
import { adele, alex, diego, graphFailure, lee, megan, startGraphTestbed, type GraphTestbed } from './graph-helpers.js';

const pngSignature = [0x89, 0x50, 0x4e, 0x47];

interface GraphUser {
  id: string;
  displayName: string;
  mail?: string;
}

describe('Graph emulator: people and images', () => {
  let graph: GraphTestbed;

  before(async () => {
    graph = await startGraphTestbed();
  });
  after(() => graph.sandbox.close());
  beforeEach(() => graph.sandbox.context.faults.clear());

  describe('photos', () => {
    it('returns a colleague\'s photo as PNG', async () => {
      const bytes = (await graph.client(adele.userPrincipalName).api(`/users/${alex.id}/photo/$value`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
      assert.deepEqual([...new Uint8Array(bytes).slice(0, 4)], pngSignature);
    });

    it('returns the signed-in user\'s photo', async () => {
      const response = await graph.raw('/me/photo/$value', { token: graph.token(adele.userPrincipalName, { scopes: ['User.Read'] }) });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
    });

    it('answers 404 for a user without a photo', async () => {
      const error = await graphFailure(graph.client(adele.userPrincipalName).api(`/users/${megan.id}/photo/$value`).get());
      assert.equal(error.statusCode, 404);
      assert.equal(error.code, 'ImageNotFound');
    });

    it('answers 404 for a user of another tenant', async () => {
      const error = await graphFailure(graph.client(adele.userPrincipalName).api(`/users/${diego.id}/photo/$value`).get());
      assert.equal(error.statusCode, 404);
    });

    it('needs a token', async () => {
      const response = await graph.raw(`/users/${alex.id}/photo/$value`);
      assert.equal(response.status, 401);
    });
  });

  describe('hosted contents', () => {
    async function chartMessageId(): Promise<string> {
      const page = (await graph.client(adele.userPrincipalName).api(`/chats/${staffingGroupChatId}/messages`).top(50).get()) as { value: Array<{ id: string; body: { content: string } }> };
      const message = page.value.find((candidate) => candidate.body.content.includes('hostedContents'));
      assert.ok(message, 'the seed has a message with an inline image');
      return message.id;
    }

    it('points inline images at the emulator', async () => {
      const page = (await graph.client(lee.userPrincipalName).api(`/chats/${staffingGroupChatId}/messages`).top(50).get()) as { value: Array<{ body: { content: string } }> };
      const content = page.value.map((message) => message.body.content).find((body) => body.includes('<img'))!;
      assert.ok(content.includes(`${graph.sandbox.origin}/graph/v1.0/chats/${staffingGroupChatId}/messages/`), content);
      assert.ok(!content.includes('graph.microsoft.com'));
    });

    it('lists and returns a hosted content', async () => {
      const messageId = await chartMessageId();
      const client = graph.client(adele.userPrincipalName);
      const list = (await client.api(`/chats/${staffingGroupChatId}/messages/${messageId}/hostedContents`).get()) as { value: Array<{ id: string }> };
      assert.deepEqual(list.value.map((content) => content.id), [seedChartHostedContentId]);

      const bytes = (await client
        .api(`/chats/${staffingGroupChatId}/messages/${messageId}/hostedContents/${seedChartHostedContentId}/$value`)
        .responseType(ResponseType.ARRAYBUFFER)
        .get()) as ArrayBuffer;
      assert.deepEqual([...new Uint8Array(bytes).slice(0, 4)], pngSignature);
    });

    it('requires the bearer token', async () => {
      const messageId = await chartMessageId();
      const response = await graph.raw(`/chats/${staffingGroupChatId}/messages/${messageId}/hostedContents/${seedChartHostedContentId}/$value`);
      assert.equal(response.status, 401);
    });

    it('answers 404 for an unknown hosted content', async () => {
      const messageId = await chartMessageId();
      const error = await graphFailure(graph.client(adele.userPrincipalName).api(`/chats/${staffingGroupChatId}/messages/${messageId}/hostedContents/missing/$value`).get());
      assert.equal(error.statusCode, 404);
    });

    it('rejects a non-member', async () => {
      const messageId = await chartMessageId();
      const error = await graphFailure(graph.client(alex.userPrincipalName).api(`/chats/${staffingGroupChatId}/messages/${messageId}/hostedContents/${seedChartHostedContentId}/$value`).get());
      assert.equal(error.statusCode, 403);
    });
  });

  describe('people search', () => {
    it('finds colleagues with startswith', async () => {
      const page = (await graph.client(adele.userPrincipalName).api('/users').filter("startswith(displayName,'al')").get()) as { value: GraphUser[] };
      assert.deepEqual(page.value.map((user) => user.displayName), ['Alex Wilber']);
    });

    it('combines startswith clauses with or', async () => {
      const page = (await graph.client(adele.userPrincipalName).api('/users').filter("startswith(displayName,'me') or startswith(surname,'wil')").get()) as { value: GraphUser[] };
      assert.deepEqual(page.value.map((user) => user.displayName), ['Alex Wilber', 'Megan Bowen']);
    });

    it('searches word prefixes with ConsistencyLevel', async () => {
      const page = (await graph.client(adele.userPrincipalName).api('/users').header('ConsistencyLevel', 'eventual').search('"displayName:bow"').get()) as { value: GraphUser[] };
      assert.deepEqual(page.value.map((user) => user.displayName), ['Megan Bowen']);
    });

    it('rejects $search without ConsistencyLevel', async () => {
      const error = await graphFailure(graph.client(adele.userPrincipalName).api('/users').search('"displayName:bow"').get());
      assert.equal(error.statusCode, 400);
      assert.match(error.message, /ConsistencyLevel/);
    });

    it('finds only the caller\'s tenant', async () => {
      const page = (await graph.client(adele.userPrincipalName).api('/users').filter("startswith(displayName,'d')").get()) as { value: GraphUser[] };
      assert.deepEqual(page.value, []);
      const fabrikam = (await graph.client(diego.userPrincipalName).api('/users').filter("startswith(displayName,'d')").get()) as { value: GraphUser[] };
      assert.deepEqual(fabrikam.value.map((user) => user.id), [diego.id]);
    });

    it('applies $select and $top', async () => {
      const page = (await graph.client(adele.userPrincipalName).api('/users').select('id,displayName').top(2).get()) as { value: Array<Record<string, unknown>> };
      assert.equal(page.value.length, 2);
      assert.deepEqual(Object.keys(page.value[0]!).sort(), ['displayName', 'id']);
    });

    it('matches a quote in the text', async () => {
      const page = (await graph.client(adele.userPrincipalName).api('/users').filter("startswith(displayName,'o''brien')").get()) as { value: GraphUser[] };
      assert.deepEqual(page.value, []);
    });

    it('rejects an unsupported filter', async () => {
      const error = await graphFailure(graph.client(adele.userPrincipalName).api('/users').filter("jobTitle eq 'Director'").get());
      assert.equal(error.statusCode, 400);
      assert.match(error.message, /startswith/);
    });

    it('needs User.ReadBasic.All', async () => {
      const error = await graphFailure(graph.client(graph.token(adele.userPrincipalName, { scopes: ['User.Read', 'Chat.ReadWrite'] })).api('/users').filter("startswith(displayName,'a')").get());
      assert.equal(error.statusCode, 403);
    });
  });
});
