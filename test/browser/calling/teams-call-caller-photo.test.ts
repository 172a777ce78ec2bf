/**
 * An incoming call rings with the caller's photo from the sandbox's Graph emulator, or with
 * initials for a caller without one. The photo's blob URL lives only as long as the ring. The
 * calling side is the port double, so any user can be the caller.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

import '../../../src/components/call/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { getCallingService } from '../../../src/services/calling/registry.js';
import type { Session } from '../../../src/services/session/session.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { getByRole, queryAllByRole } from './element-queries.js';
import { PortDouble } from './port-double.js';

// Both are of Adele's tenant, whose users' photos Graph returns to her; only Alex has a photo.
const alex = { objectId: '0a1b2c3d-0002-4000-8000-00000000c0a2', displayName: 'Alex Wilber' };
const megan = { objectId: '0a1b2c3d-0003-4000-8000-00000000c0a3', displayName: 'Megan Bowen' };
// Nestor is of another tenant, whose photos Graph does not give Adele.
const nestor = { objectId: '0a1b2c3d-0006-4000-8000-00000000fab6', displayName: 'Nestor Wilke' };

describe('<teams-call> caller photo', () => {
  let double: PortDouble;
  let session: Session;

  beforeEach(() => {
    double = new PortDouble();
    setCallingModuleLoader(async () => double.module);
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
    resetTestSessions();
  });

  async function readyElement(): Promise<TeamsCall> {
    session = await signInTestSession('adele.vance@contoso.com');
    const element = await fixture<TeamsCall>(html`<teams-call incoming-calls></teams-call>`);
    await element.prepare();
    await element.updateComplete;
    return element;
  }

  function photoOf(element: TeamsCall): HTMLElement | null {
    const [region] = queryAllByRole(element, 'region', 'Incoming call');
    return region?.querySelector<HTMLElement>('[part="caller-photo"]') ?? null;
  }

  /** Waits until the ringing call's photo request has finished without a photo. */
  async function waitForNoPhoto(element: TeamsCall): Promise<void> {
    await waitUntil(() => getCallingService(session).snapshot.incomingCalls[0]?.callerPhotoUrl === null, 'The photo request never finished.', { timeout: 10_000 });
    await element.updateComplete;
  }

  /** Waits until the ringing call shows an `<img>` photo whose picture has decoded. */
  async function waitForPhoto(element: TeamsCall): Promise<HTMLImageElement> {
    await waitUntil(() => photoOf(element)?.localName === 'img', 'The caller photo never showed.', { timeout: 10_000 });
    const image = photoOf(element) as HTMLImageElement;
    await image.decode();
    return image;
  }

  it('rings with name and photo', async () => {
    const element = await readyElement();
    double.agent.ringIncoming(alex);
    await element.updateComplete;

    const image = await waitForPhoto(element);
    const region = getByRole(element, 'region', 'Incoming call');

    expect(region.textContent).to.contain('Alex Wilber is calling');
    expect(image.src).to.match(/^blob:/);
    // The emulator's photos are 96 pixels square.
    expect(image.naturalWidth).to.equal(96);
    // The sentence names the caller, so the photo has an empty alternative text.
    expect(image.alt).to.equal('');
    await expect(element).to.be.accessible();
  });

  it('shows initials without a photo', async () => {
    const element = await readyElement();
    double.agent.ringIncoming(megan);
    await element.updateComplete;

    // The emulator answers 404 for Megan's photo; the initials stay.
    await waitForNoPhoto(element);

    const photo = photoOf(element)!;
    expect(photo.localName).to.equal('span');
    expect(photo.textContent?.trim()).to.equal('MB');
    expect(photo.getAttribute('aria-hidden')).to.equal('true');
    expect(getByRole(element, 'region', 'Incoming call').textContent).to.contain('Megan Bowen is calling');
    await expect(element).to.be.accessible();
  });

  it('shows initials when Graph rejects', async () => {
    const element = await readyElement();
    double.agent.ringIncoming(nestor);

    await waitForNoPhoto(element);

    expect(photoOf(element)?.textContent?.trim()).to.equal('NW');
  });

  it('releases the photo when the ring ends', async () => {
    const element = await readyElement();
    const incoming = double.agent.ringIncoming(alex);
    const url = (await waitForPhoto(element)).src;
    expect((await fetch(url)).ok).to.equal(true);

    await element.decline();
    await element.updateComplete;

    expect(incoming.rejectCount).to.equal(1);
    expect(queryAllByRole(element, 'region', 'Incoming call')).to.deep.equal([]);
    const error = await fetch(url).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error, 'the blob URL still answers').to.be.instanceOf(TypeError);
  });

  it('releases the photo on cancellation', async () => {
    const element = await readyElement();
    const incoming = double.agent.ringIncoming(alex);
    const url = (await waitForPhoto(element)).src;

    incoming.cancelByCaller();
    await element.updateComplete;

    expect(queryAllByRole(element, 'region', 'Incoming call')).to.deep.equal([]);
    expect(await fetch(url).then(() => 'loaded', () => 'revoked')).to.equal('revoked');
  });
});
