import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { WebSocket } from 'ws';

import { closeCodes, endReasons, type ClientMessage, type ServerMessage } from '../../sandbox/calling/protocol.js';
import { startSandbox, type Sandbox } from '../../sandbox/server/app.js';
import { users } from '../../sandbox/server/directory.js';
import { createMemoryLog } from '../../sandbox/server/log.js';
import { SigningKey } from '../../sandbox/server/signing.js';

const adele = users.find((user) => user.givenName === 'Adele')!;
const diego = users.find((user) => user.givenName === 'Diego')!;
const megan = users.find((user) => user.givenName === 'Megan')!;

/** A signalling client that queues what the server sends, for tests to take in order. */
class TestClient {
  readonly socket: WebSocket;
  readonly #queue: ServerMessage[] = [];
  readonly #waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data) => {
      this.#queue.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => {
      this.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Takes the next message of a type, skipping others; fails after two seconds. */
  async next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + 2000;
    for (;;) {
      const index = this.#queue.findIndex((message) => message.type === type);
      if (index >= 0) return this.#queue.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No ${type} message arrived; the queue holds ${JSON.stringify(this.#queue)}.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

describe('calling signalling', () => {
  let sandbox: Sandbox;
  let signalUrl: string;
  const log = createMemoryLog();
  const clients: TestClient[] = [];

  async function mintToken(user: string, lifetimeSeconds?: number): Promise<string> {
    const response = await fetch(`${sandbox.origin}/__sandbox/communication-token`, {
      method: 'POST',
      body: JSON.stringify({ user, lifetimeSeconds }),
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { token: string }).token;
  }

  async function open(): Promise<TestClient> {
    const client = new TestClient(signalUrl);
    clients.push(client);
    await client.opened();
    return client;
  }

  async function signIn(user: string): Promise<TestClient> {
    const client = await open();
    client.send({ type: 'authenticate', token: await mintToken(user) });
    await client.next('authenticated');
    return client;
  }

  /** Starts a call from `caller` to `callee` and has the callee accept it. */
  async function connectCall(caller: TestClient, callee: TestClient): Promise<string> {
    const callId = randomUUID();
    caller.send({ type: 'invite', callId, targets: [`8:orgid:${diego.id}`] });
    await callee.next('incomingCall');
    callee.send({ type: 'accept', callId });
    await callee.next('callJoined');
    await caller.next('participantJoined');
    return callId;
  }

  before(async () => {
    // A short reconnection grace period, so a dropped party leaves its calls within a test's wait.
    sandbox = await startSandbox({ port: 0, serveFiles: false, log, calling: { reconnectGraceMs: 1000 } });
    signalUrl = `${sandbox.origin.replace('https:', 'wss:')}/calling/signal`;
  });

  after(async () => {
    for (const client of clients) client.close();
    await sandbox.close();
  });

  it('accepts a valid token', async () => {
    const client = await open();
    client.send({ type: 'authenticate', token: await mintToken(adele.userPrincipalName) });

    const message = await client.next('authenticated');

    assert.equal(message.self.rawId, `8:orgid:${adele.id}`);
    assert.equal(message.self.displayName, 'Adele Vance');
    client.close();
  });

  it('rejects a socket without a token', async () => {
    const client = await open();
    client.send({ type: 'invite', callId: randomUUID(), targets: [`8:orgid:${diego.id}`] });

    const { code, reason } = await client.closed;

    assert.equal(code, closeCodes.invalidToken);
    assert.match(reason, /Missing token/);
  });

  it('rejects a forged token and logs no token', async () => {
    const forged = new SigningKey().sign({ skypeid: `orgid:${adele.id}`, exp: Math.floor(Date.now() / 1000) + 600 });
    const client = await open();
    client.send({ type: 'authenticate', token: forged });

    const { code, reason } = await client.closed;

    assert.equal(code, closeCodes.invalidToken);
    assert.match(reason, /not signed by this sandbox/);
    assert.ok(log.lines.some((line) => line.startsWith('rejected GET /calling/signal 401 Invalid token')));
    assert.ok(log.lines.every((line) => !line.includes(forged)));
    assert.ok(log.lines.every((line) => !line.includes(forged.split('.')[2]!)));
  });

  it('rejects an expired token', async () => {
    const client = await open();
    client.send({ type: 'authenticate', token: await mintToken(adele.userPrincipalName, -60) });

    const { code, reason } = await client.closed;

    assert.equal(code, closeCodes.expiredToken);
    assert.match(reason, /Expired token/);
  });

  it('rejects a token without skypeid', async () => {
    const token = sandbox.context.signingKey.sign({ exp: Math.floor(Date.now() / 1000) + 600 });
    const client = await open();
    client.send({ type: 'authenticate', token });

    const { code, reason } = await client.closed;

    assert.equal(code, closeCodes.invalidToken);
    assert.match(reason, /skypeid/);
  });

  it('relays an invite and ringing', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callee = await signIn(diego.userPrincipalName);
    const callId = randomUUID();

    caller.send({ type: 'invite', callId, targets: [`8:orgid:${diego.id}`] });
    const incoming = await callee.next('incomingCall');
    callee.send({ type: 'ringing', callId });
    const ringing = await caller.next('ringing');

    assert.equal(incoming.callId, callId);
    assert.equal(incoming.caller.rawId, `8:orgid:${adele.id}`);
    assert.equal(incoming.caller.displayName, 'Adele Vance');
    assert.equal(ringing.participant, `8:orgid:${diego.id}`);
    caller.close();
    callee.close();
  });

  it('ends a call to an offline user with no answer', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callId = randomUUID();

    caller.send({ type: 'invite', callId, targets: [`8:orgid:${megan.id}`] });
    const ended = await caller.next('callEnded');

    assert.equal(ended.callId, callId);
    assert.deepEqual(ended.reason, endReasons.noAnswer);
    caller.close();
  });

  it('ends a call to an object id of no user with "not found", not with no answer', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callId = randomUUID();

    caller.send({ type: 'invite', callId, targets: ['8:orgid:0a1b2c3d-9999-4000-8000-000000000000'] });
    const ended = await caller.next('callEnded');

    assert.equal(ended.callId, callId);
    assert.deepEqual(ended.reason, endReasons.calleeNotFound);
    assert.notDeepEqual(ended.reason, endReasons.noAnswer);
    caller.close();
  });

  it('relays accept and SDP between parties', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callee = await signIn(diego.userPrincipalName);
    const callId = randomUUID();

    caller.send({ type: 'invite', callId, targets: [`8:orgid:${diego.id}`] });
    await callee.next('incomingCall');
    callee.send({ type: 'accept', callId });
    const joined = await callee.next('callJoined');
    const participantJoined = await caller.next('participantJoined');
    caller.send({ type: 'sessionDescription', callId, to: `8:orgid:${diego.id}`, description: { type: 'offer', sdp: 'v=0' } });
    const offer = await callee.next('sessionDescription');

    assert.deepEqual(joined.participants.map((member) => member.rawId), [`8:orgid:${adele.id}`]);
    assert.equal(participantJoined.participant.rawId, `8:orgid:${diego.id}`);
    assert.equal(offer.from, `8:orgid:${adele.id}`);
    assert.equal(offer.description.sdp, 'v=0');
    caller.close();
    callee.close();
  });

  it('relays a hang-up to the other party', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callee = await signIn(diego.userPrincipalName);
    const callId = await connectCall(caller, callee);

    caller.send({ type: 'hangUp', callId });
    const left = await callee.next('participantLeft');
    const ended = await callee.next('callEnded');

    assert.equal(left.participant, `8:orgid:${adele.id}`);
    assert.deepEqual(left.reason, endReasons.hungUpLocally);
    assert.deepEqual(ended.reason, endReasons.onlyOneParticipantLeft);
    caller.close();
    callee.close();
  });

  it('relays a decline to the caller', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callee = await signIn(diego.userPrincipalName);
    const callId = randomUUID();

    caller.send({ type: 'invite', callId, targets: [`8:orgid:${diego.id}`] });
    await callee.next('incomingCall');
    callee.send({ type: 'reject', callId });
    const ended = await caller.next('callEnded');

    assert.deepEqual(ended.reason, endReasons.declinedByCallee);
    caller.close();
    callee.close();
  });

  it('relays a cancel to the callee', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callee = await signIn(diego.userPrincipalName);
    const callId = randomUUID();

    caller.send({ type: 'invite', callId, targets: [`8:orgid:${diego.id}`] });
    await callee.next('incomingCall');
    caller.send({ type: 'hangUp', callId });
    const ended = await callee.next('callEnded');

    assert.equal(ended.callId, callId);
    assert.deepEqual(ended.reason, endReasons.cancelledByCaller);
    caller.close();
    callee.close();
  });

  it('ends the call when a party disconnects', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callee = await signIn(diego.userPrincipalName);
    await connectCall(caller, callee);

    caller.socket.terminate();
    const left = await callee.next('participantLeft');
    const ended = await callee.next('callEnded');

    assert.deepEqual(left.reason, endReasons.participantDisconnected);
    assert.deepEqual(ended.reason, endReasons.onlyOneParticipantLeft);
    callee.close();
  });

  it('keeps a dropped party that rejoins in time', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const callee = await signIn(diego.userPrincipalName);
    const callId = await connectCall(caller, callee);

    caller.socket.terminate();
    const returned = await signIn(adele.userPrincipalName);
    returned.send({ type: 'rejoin', callId });
    const rejoined = await returned.next('callRejoined');

    assert.deepEqual(
      rejoined.participants.map((participant) => participant.rawId),
      [`8:orgid:${diego.id}`],
    );
    // The grace period passes without the call ending for Diego.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    returned.send({ type: 'hangUp', callId });
    const ended = await callee.next('callEnded');
    assert.deepEqual(ended.reason, endReasons.onlyOneParticipantLeft);
    returned.close();
    callee.close();
  });

  it('ends the other endpoints of an accepting user', async () => {
    const caller = await signIn(adele.userPrincipalName);
    const firstTab = await signIn(diego.userPrincipalName);
    const secondTab = await signIn(diego.userPrincipalName);
    const callId = randomUUID();

    caller.send({ type: 'invite', callId, targets: [`8:orgid:${diego.id}`] });
    await firstTab.next('incomingCall');
    await secondTab.next('incomingCall');
    firstTab.send({ type: 'accept', callId });
    const ended = await secondTab.next('callEnded');

    assert.deepEqual(ended.reason, endReasons.acceptedElsewhere);
    caller.close();
    firstTab.close();
    secondTab.close();
  });

  it('puts a guest of a meeting in its lobby until admitted', async () => {
    const organizer = await signIn(adele.userPrincipalName);
    const colleague = await signIn(megan.userPrincipalName);
    const guest = await signIn(diego.userPrincipalName);
    const meeting = { meetingId: `${Date.now()} 111`, passcode: 'abc' };
    const [organizerCallId, colleagueCallId, guestCallId] = [randomUUID(), randomUUID(), randomUUID()];

    organizer.send({ type: 'joinMeeting', callId: organizerCallId, meeting });
    const organizerJoined = await organizer.next('callJoined');
    colleague.send({ type: 'joinMeeting', callId: colleagueCallId, meeting });
    const colleagueJoined = await colleague.next('callJoined');
    guest.send({ type: 'joinMeeting', callId: guestCallId, meeting });
    const inLobby = await guest.next('inLobby');
    const lobby = await organizer.next('lobbyUpdated');
    organizer.send({ type: 'admit', callId: organizerCallId, participants: [`8:orgid:${diego.id}`] });
    const guestJoined = await guest.next('callJoined');
    const guestArrived = await colleague.next('participantJoined');

    assert.equal(organizerJoined.meeting?.role, 'Organizer');
    assert.equal(colleagueJoined.meeting?.role, 'Presenter');
    assert.equal(inLobby.callId, guestCallId);
    assert.deepEqual(lobby.waiting.map((waiting) => waiting.rawId), [`8:orgid:${diego.id}`]);
    assert.equal(guestJoined.callId, guestCallId);
    assert.deepEqual(guestJoined.participants.map((member) => member.rawId).sort(), [`8:orgid:${adele.id}`, `8:orgid:${megan.id}`].sort());
    assert.equal(guestArrived.callId, colleagueCallId);
    assert.equal(guestArrived.participant.rawId, `8:orgid:${diego.id}`);
    organizer.close();
    colleague.close();
    guest.close();
  });

  it('ends the call of a guest removed from the lobby', async () => {
    const organizer = await signIn(adele.userPrincipalName);
    const guest = await signIn(diego.userPrincipalName);
    const meeting = { meetingLink: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${Date.now()}%40thread.v2/0` };
    const organizerCallId = randomUUID();

    organizer.send({ type: 'joinMeeting', callId: organizerCallId, meeting });
    await organizer.next('callJoined');
    guest.send({ type: 'joinMeeting', callId: randomUUID(), meeting });
    await guest.next('inLobby');
    organizer.send({ type: 'rejectFromLobby', callId: organizerCallId, participants: [`8:orgid:${diego.id}`] });
    const ended = await guest.next('callEnded');
    const lobby = await organizer.next('lobbyUpdated');
    const emptied = await organizer.next('lobbyUpdated');

    assert.deepEqual(ended.reason, endReasons.removedFromLobby);
    assert.equal(lobby.waiting.length, 1);
    assert.equal(emptied.waiting.length, 0);
    organizer.close();
    guest.close();
  });

  it('answers an invalid message with an error', async () => {
    const client = await signIn(adele.userPrincipalName);

    client.send({ type: 'invite', callId: randomUUID() });
    const error = await client.next('error');

    assert.equal(error.code, 'InvalidMessage');
    assert.match(error.message, /targets/);
    client.close();
  });
  it('orders raised hands and relays a reaction', async () => {
    const organizer = await signIn(adele.userPrincipalName);
    const colleague = await signIn(megan.userPrincipalName);
    const meeting = { meetingId: `${Date.now()} 222`, passcode: 'hands' };
    const [organizerCallId, colleagueCallId] = [randomUUID(), randomUUID()];
    organizer.send({ type: 'joinMeeting', callId: organizerCallId, meeting });
    await organizer.next('callJoined');
    colleague.send({ type: 'joinMeeting', callId: colleagueCallId, meeting });
    await colleague.next('callJoined');
    await organizer.next('participantJoined');

    colleague.send({ type: 'raiseHand', callId: colleagueCallId, raised: true });
    const firstSeenByOrganizer = await organizer.next('raisedHands');
    await colleague.next('raisedHands');
    organizer.send({ type: 'raiseHand', callId: organizerCallId, raised: true });
    const bothSeenByColleague = await colleague.next('raisedHands');
    colleague.send({ type: 'sendReaction', callId: colleagueCallId, reaction: 'laugh' });
    const reaction = await organizer.next('reaction');

    assert.equal(firstSeenByOrganizer.callId, organizerCallId);
    assert.deepEqual(firstSeenByOrganizer.raisedHands, [{ rawId: `8:orgid:${megan.id}`, order: 1 }]);
    assert.deepEqual(bothSeenByColleague.raisedHands.map((hand) => hand.rawId), [`8:orgid:${megan.id}`, `8:orgid:${adele.id}`]);
    assert.equal(reaction.participant, `8:orgid:${megan.id}`);
    assert.equal(reaction.reaction, 'laugh');
    organizer.close();
    colleague.close();
  });

  it('rejects an unknown reaction', async () => {
    const client = await signIn(adele.userPrincipalName);

    client.send({ type: 'sendReaction', callId: randomUUID(), reaction: 'wave' } as unknown as ClientMessage);
    const error = await client.next('error');

    assert.equal(error.code, 'InvalidMessage');
    assert.match(error.message, /reaction/);
    client.close();
  });
});
