import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { Client, GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';

import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { findUser } from '../../sandbox/server/directory.js';
import { communicationAudience, graphAudience, issueEntraAccessToken } from '../../sandbox/server/entra/access-token.js';
import { createMemoryLog } from '../../sandbox/server/log.js';
import { SigningKey } from '../../sandbox/server/signing.js';

interface GraphChat {
  id: string;
  topic: string | null;
  chatType: string;
  lastUpdatedDateTime: string;
  members?: Array<{ userId: string; displayName: string; tenantId: string }>;
  lastMessagePreview?: { id: string; body: { content: string } } | null;
}

interface GraphMessage {
  id: string;
  messageType: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  body: { contentType: string; content: string };
  from: { user: { id: string; displayName: string; tenantId: string } } | null;
  mentions: Array<{ id: number; mentionText: string; mentioned: { user: { id: string } } }>;
  eventDetail: { '@odata.type': string } | null;
}

interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

const adele = findUser('adele.vance@contoso.com')!;
const alex = findUser('alex.wilber@contoso.com')!;
const diego = findUser('diego.siciliani@fabrikam.com')!;
const lee = findUser('lee.gu@fabrikam.com')!;

const adeleDiegoChatId = `19:${[adele.id, diego.id].sort().join('_')}@unq.gbl.spaces`;
const adeleAlexChatId = `19:${[adele.id, alex.id].sort().join('_')}@unq.gbl.spaces`;

describe('Graph emulator', () => {
  let sandbox: Sandbox;
  const log = createMemoryLog();

  before(async () => {
    sandbox = await startSandbox({ port: 0, serveFiles: false, log });
  });
  after(() => sandbox.close());
  beforeEach(() => sandbox.context.faults.clear());

  function graphToken(upn: string, options: { scopes?: string[]; lifetimeSeconds?: number; audience?: string } = {}): string {
    return issueEntraAccessToken(sandbox.context, {
      user: findUser(upn)!,
      clientId: sandbox.context.app.clientId,
      audience: options.audience ?? graphAudience,
      scopes: options.scopes ?? ['User.Read', 'Chat.ReadWrite'],
      ...(options.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: options.lifetimeSeconds }),
    });
  }

  /** Creates the real Graph client pointed at the sandbox, as the kit builds it. */
  function graphClient(token: string): Client {
    return Client.initWithMiddleware({
      authProvider: { getAccessToken: async () => token },
      baseUrl: `${sandbox.origin}/graph/`,
      customHosts: new Set(['localhost']),
    });
  }

  async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof GraphError, `expected a GraphError, got ${String(error)}`);
      return error;
    }
    assert.fail('the request succeeded but was expected to fail');
  }

  async function rawGraph(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`);
    return fetch(`${sandbox.origin}/graph/v1.0${path}`, { ...init, headers });
  }

  describe('authentication', () => {
    it('rejects a request without a token', async () => {
      const response = await rawGraph('/me', { headers: { 'client-request-id': 'test-client-id' } });
      assert.equal(response.status, 401);
      const body = (await response.json()) as GraphErrorBody;
      assert.equal(body.error.code, 'InvalidAuthenticationToken');
      assert.match(body.error.message, /no access token/);
      assert.match(body.error.innerError['request-id'], /^[0-9a-f-]{36}$/);
      assert.equal(body.error.innerError['client-request-id'], 'test-client-id');
      assert.match(body.error.innerError.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    });

    it('rejects an expired token', async () => {
      const error = await graphFailure(graphClient(graphToken(adele.userPrincipalName, { lifetimeSeconds: -600 })).api('/me').get());
      assert.equal(error.statusCode, 401);
      assert.equal(error.code, 'InvalidAuthenticationToken');
      assert.match(error.message, /expired/);
    });

    it('rejects a token for another audience', async () => {
      const error = await graphFailure(graphClient(graphToken(adele.userPrincipalName, { audience: communicationAudience })).api('/me').get());
      assert.equal(error.statusCode, 401);
      assert.match(error.message, /audience/);
    });

    it('rejects a forged token', async () => {
      const forger = new SigningKey();
      const genuine = graphToken(adele.userPrincipalName);
      const claims = JSON.parse(Buffer.from(genuine.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      const error = await graphFailure(graphClient(forger.sign(claims)).api('/me').get());
      assert.equal(error.statusCode, 401);
      assert.match(error.message, /signature/);
    });

    it('rejects a token that is not a JWT', async () => {
      const error = await graphFailure(graphClient('not-a-token').api('/me').get());
      assert.equal(error.statusCode, 401);
      assert.equal(error.code, 'InvalidAuthenticationToken');
    });

    it('rejects a token without a chat scope', async () => {
      const error = await graphFailure(graphClient(graphToken(adele.userPrincipalName, { scopes: ['User.Read'] })).api('/me/chats').get());
      assert.equal(error.statusCode, 403);
      assert.equal(error.code, 'Forbidden');
      assert.match(error.message, /Chat\.ReadWrite/);
    });

    it('never logs a token', async () => {
      const token = graphToken(adele.userPrincipalName, { lifetimeSeconds: -600 });
      await rawGraph('/me', { token });
      assert.ok(log.lines.some((line) => line.includes('expired')));
      assert.ok(log.lines.every((line) => !line.includes(token.split('.')[2]!)));
    });
  });

  describe('users', () => {
    it('returns the signed-in user from /me', async () => {
      const me = (await graphClient(graphToken(adele.userPrincipalName)).api('/me').get()) as { id: string; displayName: string; userPrincipalName: string };
      assert.equal(me.id, adele.id);
      assert.equal(me.displayName, 'Adele Vance');
      assert.equal(me.userPrincipalName, 'adele.vance@contoso.com');
    });

    it('finds a user of the same tenant by UPN', async () => {
      const client = graphClient(graphToken(adele.userPrincipalName, { scopes: ['User.ReadBasic.All'] }));
      const user = (await client.api('/users/alex.wilber@contoso.com').get()) as { id: string };
      assert.equal(user.id, alex.id);
    });

    it('needs User.ReadBasic.All for other users', async () => {
      const error = await graphFailure(graphClient(graphToken(adele.userPrincipalName)).api(`/users/${alex.id}`).get());
      assert.equal(error.statusCode, 403);
      assert.match(error.message, /User\.ReadBasic\.All/);
    });

    it('answers 404 for an unknown user', async () => {
      const client = graphClient(graphToken(adele.userPrincipalName, { scopes: ['User.ReadBasic.All'] }));
      const error = await graphFailure(client.api('/users/nobody@contoso.com').get());
      assert.equal(error.statusCode, 404);
      assert.equal(error.code, 'Request_ResourceNotFound');
      assert.match(error.message, /nobody@contoso\.com/);
    });

    it('answers 404 for a user of another tenant', async () => {
      const client = graphClient(graphToken(adele.userPrincipalName, { scopes: ['User.ReadBasic.All'] }));
      const error = await graphFailure(client.api('/users/diego.siciliani@fabrikam.com').get());
      assert.equal(error.statusCode, 404);
    });
  });

  describe('chats', () => {
    it('lists the user\'s chats with members', async () => {
      const page = (await graphClient(graphToken(adele.userPrincipalName)).api('/me/chats').expand('members').get()) as { value: GraphChat[] };
      const ids = page.value.map((chat) => chat.id);
      assert.ok(ids.includes(adeleDiegoChatId), 'the Adele–Diego chat is listed');
      assert.ok(ids.includes(adeleAlexChatId), 'the Adele–Alex chat is listed');
      assert.equal(page.value.length, 4);

      const adeleDiego = page.value.find((chat) => chat.id === adeleDiegoChatId)!;
      assert.equal(adeleDiego.chatType, 'oneOnOne');
      assert.equal(adeleDiego.topic, null);
      assert.deepEqual(adeleDiego.members?.map((member) => member.displayName).sort(), ['Adele Vance', 'Diego Siciliani']);
      assert.deepEqual(adeleDiego.members?.map((member) => member.tenantId).sort(), [adele.tenantId, diego.tenantId].sort());

      const group = page.value.find((chat) => chat.chatType === 'group')!;
      assert.equal(group.topic, 'Spring sale staffing');
      assert.deepEqual(group.members?.map((member) => member.userId).sort(), [adele.id, diego.id, lee.id].sort());
    });

    it('leaves members out unless expanded', async () => {
      const page = (await graphClient(graphToken(adele.userPrincipalName)).api('/me/chats').get()) as { value: GraphChat[] };
      assert.equal(page.value[0]!.members, undefined);
    });

    it('expands the last message preview', async () => {
      const page = (await graphClient(graphToken(adele.userPrincipalName)).api('/me/chats').expand('lastMessagePreview').get()) as { value: GraphChat[] };
      const adeleAlex = page.value.find((chat) => chat.id === adeleAlexChatId)!;
      assert.match(adeleAlex.lastMessagePreview?.body.content ?? '', /Shelf check 56/);
    });

    it('gets one chat by id', async () => {
      const chat = (await graphClient(graphToken(diego.userPrincipalName)).api(`/chats/${adeleDiegoChatId}`).get()) as GraphChat;
      assert.equal(chat.id, adeleDiegoChatId);
    });

    it('rejects a non-member', async () => {
      const error = await graphFailure(graphClient(graphToken(alex.userPrincipalName)).api(`/chats/${adeleDiegoChatId}/messages`).get());
      assert.equal(error.statusCode, 403);
      assert.equal(error.code, 'Forbidden');
    });

    it('answers 404 for an unknown chat', async () => {
      const error = await graphFailure(graphClient(graphToken(adele.userPrincipalName)).api('/chats/19:missing@thread.v2').get());
      assert.equal(error.statusCode, 404);
      assert.equal(error.code, 'NotFound');
    });
  });

  describe('messages', () => {
    it('lists messages newest first, 20 by default', async () => {
      const page = (await graphClient(graphToken(adele.userPrincipalName)).api(`/chats/${adeleAlexChatId}/messages`).get()) as {
        value: GraphMessage[];
        '@odata.nextLink'?: string;
      };
      assert.equal(page.value.length, 20);
      const times = page.value.map((message) => Date.parse(message.lastModifiedDateTime));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      assert.match(page['@odata.nextLink'] ?? '', /^https:\/\/localhost:\d+\/graph\/v1\.0\/chats\/.+\$skiptoken=/);
    });

    it('rejects $top above 50', async () => {
      const error = await graphFailure(graphClient(graphToken(adele.userPrincipalName)).api(`/chats/${adeleAlexChatId}/messages`).top(51).get());
      assert.equal(error.statusCode, 400);
      assert.match(error.message, /\$top/);
    });

    it('rejects ascending order', async () => {
      const error = await graphFailure(
        graphClient(graphToken(adele.userPrincipalName)).api(`/chats/${adeleAlexChatId}/messages`).orderby('createdDateTime asc').get(),
      );
      assert.equal(error.statusCode, 400);
    });

    it('rejects a skip token it did not issue', async () => {
      const error = await graphFailure(
        graphClient(graphToken(adele.userPrincipalName)).api(`/chats/${adeleAlexChatId}/messages`).query({ $skiptoken: 'bogus' }).get(),
      );
      assert.equal(error.statusCode, 400);
      assert.match(error.message, /continuation token/);
    });

    it('pages through history with PageIterator', async () => {
      const client = graphClient(graphToken(adele.userPrincipalName));
      const first = (await client.api(`/chats/${adeleAlexChatId}/messages`).top(50).orderby('createdDateTime desc').get()) as PageCollection;
      assert.equal(first.value.length, 50);
      assert.ok(first['@odata.nextLink'], 'the first page links to the next');

      const collected: GraphMessage[] = [];
      const iterator = new PageIterator(client, first, (message: GraphMessage) => {
        collected.push(message);
        return true;
      });
      await iterator.iterate();

      assert.equal(collected.length, 56);
      assert.equal(new Set(collected.map((message) => message.id)).size, 56);
      const created = collected.map((message) => Date.parse(message.createdDateTime));
      assert.deepEqual(created, [...created].sort((a, b) => b - a));
      assert.match(collected.at(-1)!.body.content, /Shelf check 1:/);
    });

    it('seeds mentions, emoji, code, a system event and a hostile body', async () => {
      const client = graphClient(graphToken(adele.userPrincipalName));
      const direct = ((await client.api(`/chats/${adeleDiegoChatId}/messages`).top(50).get()) as { value: GraphMessage[] }).value;
      const mention = direct.find((message) => message.mentions.length > 0);
      assert.equal(mention?.mentions[0]?.mentioned.user.id, diego.id);
      assert.match(mention?.body.content ?? '', /<at id="0">Diego Siciliani<\/at>/);
      assert.ok(direct.some((message) => message.body.content.includes('<emoji')));
      assert.ok(direct.some((message) => message.body.content.includes('<codeblock')));
      assert.ok(direct.some((message) => message.body.content.includes('onerror=')));
      assert.ok(direct.some((message) => message.body.contentType === 'text'));

      const chats = (await client.api('/me/chats').get()) as { value: GraphChat[] };
      const groupId = chats.value.find((chat) => chat.chatType === 'group')!.id;
      const group = ((await client.api(`/chats/${groupId}/messages`).get()) as { value: GraphMessage[] }).value;
      const event = group.find((message) => message.eventDetail?.['@odata.type'] === '#microsoft.graph.membersAddedEventMessageDetail');
      assert.equal(event?.messageType, 'systemEventMessage');
      assert.equal(event?.from, null);
    });

    it('sends a message that the other member reads back', async () => {
      const content = `<p>Node test message ${Date.now()}</p>`;
      const sent = (await graphClient(graphToken(adele.userPrincipalName))
        .api(`/chats/${adeleDiegoChatId}/messages`)
        .post({ body: { contentType: 'html', content } })) as GraphMessage;
      assert.equal(sent.body.content, content);
      assert.equal(sent.from?.user.id, adele.id);
      assert.equal(sent.from?.user.displayName, 'Adele Vance');
      assert.equal(sent.messageType, 'message');

      const newest = (await graphClient(graphToken(diego.userPrincipalName)).api(`/chats/${adeleDiegoChatId}/messages`).top(1).get()) as {
        value: GraphMessage[];
      };
      assert.equal(newest.value[0]?.id, sent.id);
      assert.equal(newest.value[0]?.body.content, content);
    });

    it('answers POST with 201', async () => {
      const response = await rawGraph(`/chats/${adeleDiegoChatId}/messages`, {
        method: 'POST',
        token: graphToken(diego.userPrincipalName),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: { contentType: 'text', content: 'Status check' } }),
      });
      assert.equal(response.status, 201);
    });

    it('returns only changed messages for a lastModifiedDateTime filter', async () => {
      const adeleClient = graphClient(graphToken(adele.userPrincipalName));
      const before = (await adeleClient.api(`/chats/${adeleDiegoChatId}/messages`).top(1).orderby('lastModifiedDateTime desc').get()) as {
        value: GraphMessage[];
      };
      const since = before.value[0]!.lastModifiedDateTime;

      const empty = (await adeleClient
        .api(`/chats/${adeleDiegoChatId}/messages`)
        .orderby('lastModifiedDateTime desc')
        .filter(`lastModifiedDateTime gt ${since}`)
        .get()) as { value: GraphMessage[] };
      assert.equal(empty.value.length, 0);

      await new Promise((resolve) => setTimeout(resolve, 5));
      await graphClient(graphToken(diego.userPrincipalName)).api(`/chats/${adeleDiegoChatId}/messages`).post({ body: { contentType: 'text', content: 'Polled message' } });

      const changed = (await adeleClient
        .api(`/chats/${adeleDiegoChatId}/messages`)
        .orderby('lastModifiedDateTime desc')
        .filter(`lastModifiedDateTime gt ${since}`)
        .get()) as { value: GraphMessage[] };
      assert.equal(changed.value.length, 1);
      assert.equal(changed.value[0]?.body.content, 'Polled message');
    });

    it('ignores a filter on another property than $orderby', async () => {
      const page = (await graphClient(graphToken(adele.userPrincipalName))
        .api(`/chats/${adeleAlexChatId}/messages`)
        .orderby('createdDateTime desc')
        .filter('lastModifiedDateTime gt 2999-01-01T00:00:00Z')
        .get()) as { value: GraphMessage[] };
      assert.equal(page.value.length, 20);
    });

    it('rejects a send from a non-member', async () => {
      const error = await graphFailure(
        graphClient(graphToken(alex.userPrincipalName)).api(`/chats/${adeleDiegoChatId}/messages`).post({ body: { contentType: 'text', content: 'Hi' } }),
      );
      assert.equal(error.statusCode, 403);
    });

    it('rejects an empty message', async () => {
      const error = await graphFailure(
        graphClient(graphToken(adele.userPrincipalName)).api(`/chats/${adeleDiegoChatId}/messages`).post({ body: { contentType: 'html', content: ' ' } }),
      );
      assert.equal(error.statusCode, 400);
      assert.equal(error.code, 'BadRequest');
    });

    it('rejects a body over 28 KB', async () => {
      const error = await graphFailure(
        graphClient(graphToken(adele.userPrincipalName))
          .api(`/chats/${adeleDiegoChatId}/messages`)
          .post({ body: { contentType: 'text', content: 'x'.repeat(28 * 1024 + 1) } }),
      );
      assert.equal(error.statusCode, 413);
      assert.equal(error.code, 'RequestEntityTooLarge');
    });

    it('needs a send scope', async () => {
      const error = await graphFailure(
        graphClient(graphToken(adele.userPrincipalName, { scopes: ['Chat.Read'] }))
          .api(`/chats/${adeleDiegoChatId}/messages`)
          .post({ body: { contentType: 'text', content: 'Hi' } }),
      );
      assert.equal(error.statusCode, 403);
    });
  });

  describe('faults and CORS', () => {
    it('retries a 429 after Retry-After', async () => {
      sandbox.context.faults.arm('graph', { status: 429, retryAfterSeconds: 1 });
      const started = Date.now();
      const me = (await graphClient(graphToken(adele.userPrincipalName)).api('/me').get()) as { id: string };
      assert.equal(me.id, adele.id);
      assert.ok(Date.now() - started >= 900, `the client waited ${Date.now() - started} ms`);
    });

    it('sends Retry-After with an armed fault', async () => {
      sandbox.context.faults.arm('graph', { status: 503, retryAfterSeconds: 7 });
      const response = await rawGraph('/me', { token: graphToken(adele.userPrincipalName) });
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '7');
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'ServiceUnavailable');
    });

    it('applies an operation fault only to that operation', async () => {
      sandbox.context.faults.arm('graph.send-message', { status: 500 });
      const token = graphToken(adele.userPrincipalName);
      const list = await rawGraph(`/chats/${adeleDiegoChatId}/messages`, { token });
      assert.equal(list.status, 200);

      const send = await rawGraph(`/chats/${adeleDiegoChatId}/messages`, {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: { contentType: 'text', content: 'Will fail' } }),
      });
      assert.equal(send.status, 500);
    });

    it('exposes Retry-After to browsers', async () => {
      const response = await rawGraph('/me/chats', {
        method: 'OPTIONS',
        headers: { origin: 'https://localhost:9999', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, client-request-id' },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://localhost:9999');
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /retry-after/);
      assert.match(response.headers.get('access-control-allow-headers') ?? '', /client-request-id/);
    });

    it('delays an answer by the fault delay', async () => {
      sandbox.context.faults.arm('graph', { delayMs: 300 });
      const started = Date.now();
      const response = await rawGraph('/me', { token: graphToken(adele.userPrincipalName) });
      assert.equal(response.status, 200);
      assert.ok(Date.now() - started >= 290);
    });
  });
});
