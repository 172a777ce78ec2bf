import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startSandbox } from '../../sandbox/server/app.js';
import { createMemoryLog } from '../../sandbox/server/log.js';
import { SandboxState } from '../../sandbox/server/state.js';

const adeleDiegoChat = (chats: Array<{ id: string; members?: Array<{ displayName?: string }> }>) =>
  chats.find((chat) => chat.members?.some((member) => member.displayName === 'Diego Siciliani') && chat.members.length === 2);

async function graphToken(origin: string): Promise<string> {
  const response = await fetch(`${origin}/__sandbox/entra-token`, {
    method: 'POST',
    body: JSON.stringify({ user: 'adele.vance@contoso.com', resource: 'graph' }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

describe('sandbox state file', () => {
  let directory: string;

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'teams-sandbox-state-'));
  });
  after(() => rm(directory, { recursive: true, force: true }));

  it('keeps a sent message across restarts', async () => {
    const stateFile = join(directory, 'state.json');
    const text = `Kept across restarts ${Date.now()}`;

    const first = await startSandbox({ port: 0, serveFiles: false, stateFile, log: createMemoryLog() });
    let token = await graphToken(first.origin);
    const chats = (await (await fetch(`${first.origin}/graph/v1.0/me/chats?$expand=members`, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: Array<{ id: string }> };
    const chat = adeleDiegoChat(chats.value);
    assert.ok(chat, 'the seeded Adele–Diego chat exists');
    const sent = await fetch(`${first.origin}/graph/v1.0/chats/${chat.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: { contentType: 'text', content: text } }),
    });
    assert.equal(sent.status, 201);
    await first.close();

    const saved = await readFile(stateFile, 'utf8');
    assert.ok(saved.includes(text), 'the state file contains the message');

    const second = await startSandbox({ port: 0, serveFiles: false, stateFile, log: createMemoryLog() });
    token = await graphToken(second.origin);
    const messages = (await (await fetch(`${second.origin}/graph/v1.0/chats/${chat.id}/messages`, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: Array<{ body: { content: string } }> };
    await second.close();
    assert.equal(messages.value[0]?.body.content, text);
  });

  it('rejects an unreadable file with advice', async () => {
    const broken = join(directory, 'broken.json');
    await writeFile(broken, '{ not json');
    await assert.rejects(SandboxState.open(broken), /could not be read: .*Delete it to start from the seed data/);
  });

  it('stays in memory without a file', async () => {
    const state = await SandboxState.open();
    const section = state.section('example', () => ({ count: 1 }));
    section.count += 1;
    await state.save();
    assert.equal(state.section('example', () => ({ count: 0 })).count, 2);
  });
});
