// Finds what grows in a page's JS heap over meeting joins and leaves: Megan joins Adele's meeting
// and leaves again, and heap snapshots taken after 1, 1 + N and 1 + 2N cycles are compared by
// constructor. Something that grows by about the same count in both halves grows per cycle.
// Run: `npm run build` first, then `NODE_EXTRA_CA_CERTS=.sandbox/localhost-cert.pem tsx bench/calls-heap.ts [N]`.
import { chromium, type CDPSession, type Page } from 'playwright-core';

import { startSandbox } from '../sandbox/server/app.js';
import { createConsoleLog } from '../sandbox/server/log.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { joinAndLeave, openSignedIn } from './calls.js';

const cyclesPerHalf = Number(process.argv[2] ?? 20);

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Counts the heap's objects and their bytes by node type and constructor (or closure) name. */
async function countByConstructor(cdp: CDPSession): Promise<Map<string, { count: number; bytes: number }>> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');

  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }): void => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);

  const heap = JSON.parse(chunks.join('')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];

  const counts = new Map<string, { count: number; bytes: number }>();
  for (let index = 0; index < heap.nodes.length; index += fields.length) {
    const type = types[heap.nodes[index + typeAt]!]!;
    if (type === 'hidden' || type === 'synthetic') continue;
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '(string)' : heap.strings[heap.nodes[index + nameAt]!]!;
    const key = `${type} ${name}`;
    const entry = counts.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += heap.nodes[index + sizeAt]!;
    counts.set(key, entry);
  }
  return counts;
}

async function cycles(megan: Page, link: string, count: number): Promise<void> {
  for (let cycle = 0; cycle < count; cycle++) await joinAndLeave(megan, link);
}

const sandbox = await startSandbox({ port: 0, log: createConsoleLog({ quiet: true }) });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const adele = await openSignedIn(browser, sandbox.origin, 'Adele Vance');
  const megan = await openSignedIn(browser, sandbox.origin, 'Megan Bowen');
  const cdp = await megan.context().newCDPSession(megan);

  const link = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_heap${Date.now()}%40thread.v2/0`;
  await adele.evaluate((meeting) => (document.querySelector('teams-call') as unknown as { join(link: string, passcode: string, options: object): Promise<void> }).join(meeting, '', { video: true }), link);
  await adele.locator('teams-call').getByRole('button', { name: 'Leave' }).waitFor();

  await cycles(megan, link, 1);
  const first = await countByConstructor(cdp);
  await cycles(megan, link, cyclesPerHalf);
  const middle = await countByConstructor(cdp);
  await cycles(megan, link, cyclesPerHalf);
  const last = await countByConstructor(cdp);

  const rows = [...last.keys()]
    .map((key) => {
      const [a, b, c] = [first.get(key), middle.get(key), last.get(key)];
      return { key, firstHalf: (b?.count ?? 0) - (a?.count ?? 0), secondHalf: (c?.count ?? 0) - (b?.count ?? 0), bytes: (c?.bytes ?? 0) - (a?.bytes ?? 0) };
    })
    .filter((row) => row.bytes > 0)
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, 30);

  let total = 0;
  for (const entry of last.values()) total += entry.bytes;
  let firstTotal = 0;
  for (const entry of first.values()) firstTotal += entry.bytes;
  console.log(`Heap objects' bytes after 1 cycle: ${firstTotal}, after ${1 + 2 * cyclesPerHalf}: ${total} (+${((total - firstTotal) / (2 * cyclesPerHalf)).toFixed(0)} bytes per cycle)`);
  console.log(`Growth by node type and name (count in the first and second ${cyclesPerHalf} cycles, bytes over both):`);
  for (const row of rows) console.log(`${String(row.bytes).padStart(9)} B  ${String(row.firstHalf).padStart(6)} ${String(row.secondHalf).padStart(6)}  ${row.key}`);
} finally {
  await browser.close();
  await sandbox.close();
}
