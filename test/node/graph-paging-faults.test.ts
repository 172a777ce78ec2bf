import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { adele, adeleAlexChatId, graphFailure, startGraphTestbed, type GraphTestbed } from './graph-helpers.js';

interface MessagePage {
  value: Array<{ id: string; createdDateTime: string }>;
  '@odata.nextLink'?: string;
}

describe('Graph emulator: paging faults and long chats', () => {
  let graph: GraphTestbed;
  const path = `/chats/${adeleAlexChatId}/messages`;

  before(async () => {
    graph = await startGraphTestbed();
  });
  after(() => graph.sandbox.close());
  beforeEach(() => graph.sandbox.context.faults.clear());

  async function firstPage(): Promise<MessagePage> {
    return (await graph.client(adele.userPrincipalName).api(path).top(20).orderby('createdDateTime desc').get()) as MessagePage;
  }

  async function follow(link: string): Promise<MessagePage> {
    return (await graph.client(adele.userPrincipalName).api(link).get()) as MessagePage;
  }

  it('repeats a message on the next page', async () => {
    const first = await firstPage();
    graph.sandbox.context.faults.arm('graph.paging.duplicate-message', {});
    const second = await follow(first['@odata.nextLink']!);
    assert.equal(second.value[0]?.id, first.value.at(-1)?.id);
    assert.equal(second.value.length, 21);
  });

  it('returns a next link that repeats itself', async () => {
    const first = await firstPage();
    const link = first['@odata.nextLink']!;
    graph.sandbox.context.faults.arm('graph.paging.repeat-next-link', {});
    const second = await follow(link);
    assert.equal(second['@odata.nextLink'], link);
    assert.equal(second.value.length, 20);
  });

  it('returns an empty page with a next link', async () => {
    const first = await firstPage();
    graph.sandbox.context.faults.arm('graph.paging.empty-page', {});
    const empty = await follow(first['@odata.nextLink']!);
    assert.deepEqual(empty.value, []);
    assert.ok(empty['@odata.nextLink'], 'the empty page has a next link');
    assert.notEqual(empty['@odata.nextLink'], first['@odata.nextLink']);

    const real = await follow(empty['@odata.nextLink']!);
    assert.equal(real.value.length, 20);
    assert.ok(Date.parse(real.value[0]!.createdDateTime) < Date.parse(first.value.at(-1)!.createdDateTime));
  });

  it('returns an empty first page that restarts', async () => {
    graph.sandbox.context.faults.arm('graph.paging.empty-page', {});
    const empty = await firstPage();
    assert.deepEqual(empty.value, []);
    const real = await follow(empty['@odata.nextLink']!);
    assert.equal(real.value.length, 20);
    assert.match(real.value[0]!.createdDateTime, /T/);
  });

  it('rejects a continuation with 400', async () => {
    const first = await firstPage();
    graph.sandbox.context.faults.arm('graph.paging.invalid-continuation', {});
    const error = await graphFailure(follow(first['@odata.nextLink']!));
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /continuation token/);

    const retried = await follow(first['@odata.nextLink']!);
    assert.equal(retried.value.length, 20, 'the fault applies once');
  });

  it('leaves first pages alone on invalid continuation', async () => {
    graph.sandbox.context.faults.arm('graph.paging.invalid-continuation', {});
    const first = await firstPage();
    assert.equal(first.value.length, 20);
  });

  it('answers 429 without Retry-After', async () => {
    graph.sandbox.context.faults.arm('graph.list-messages', { status: 429 });
    const response = await graph.raw(path, { token: graph.token(adele.userPrincipalName) });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), null);
  });

  it('answers 429 with Retry-After', async () => {
    graph.sandbox.context.faults.arm('graph.list-messages', { status: 429, retryAfterSeconds: 2 });
    const response = await graph.raw(path, { token: graph.token(adele.userPrincipalName) });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '2');
  });

  describe('long chat', () => {
    it('creates a 10,000-message chat', async () => {
      const started = Date.now();
      const response = await fetch(`${graph.sandbox.origin}/__sandbox/graph/long-chat`, { method: 'POST', body: '{}' });
      assert.equal(response.status, 200);
      const { chatId, messages } = (await response.json()) as { chatId: string; messages: number };
      assert.equal(messages, 10_000);
      assert.ok(Date.now() - started < 10_000, 'the chat is created within 10 s');

      const client = graph.client(adele.userPrincipalName);
      const newest = (await client.api(`/chats/${chatId}/messages`).top(50).orderby('createdDateTime desc').get()) as MessagePage;
      assert.equal(newest.value.length, 50);
      assert.ok(newest['@odata.nextLink']);
      const chat = (await client.api(`/chats/${chatId}`).get()) as { topic: string; chatType: string };
      assert.equal(chat.topic, 'Long history (10,000 messages)');
      assert.equal(chat.chatType, 'group');
    });

    it('returns the same long chat again', async () => {
      const ask = async (): Promise<string> => {
        const response = await fetch(`${graph.sandbox.origin}/__sandbox/graph/long-chat`, { method: 'POST', body: JSON.stringify({ messages: 120 }) });
        return ((await response.json()) as { chatId: string }).chatId;
      };
      assert.equal(await ask(), await ask());
    });

    it('pages through a 120-message chat', async () => {
      const response = await fetch(`${graph.sandbox.origin}/__sandbox/graph/long-chat`, { method: 'POST', body: JSON.stringify({ messages: 120 }) });
      const { chatId } = (await response.json()) as { chatId: string };
      const client = graph.client(adele.userPrincipalName);
      let page = (await client.api(`/chats/${chatId}/messages`).top(50).orderby('createdDateTime desc').get()) as MessagePage;
      const ids = new Set(page.value.map((message) => message.id));
      while (page['@odata.nextLink']) {
        page = await follow(page['@odata.nextLink']);
        for (const message of page.value) ids.add(message.id);
      }
      assert.equal(ids.size, 120);
    });

    it('rejects a size out of range', async () => {
      const response = await fetch(`${graph.sandbox.origin}/__sandbox/graph/long-chat`, { method: 'POST', body: JSON.stringify({ messages: 0 }) });
      assert.equal(response.status, 400);
    });
  });
});
