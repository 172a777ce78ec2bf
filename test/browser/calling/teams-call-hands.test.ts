import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import '../../../src/components/call/define.js';
import type { TeamsCall } from '../../../src/components/call/teams-call.js';
import { setCallingModuleLoader } from '../../../src/services/calling/loader.js';
import { resetTestSessions, signInTestSession } from '../support/sandbox-session.js';
import { getByRole, queryAllByRole } from './element-queries.js';
import { PortDouble, selfObjectId } from './port-double.js';

const diegoId = '0a1b2c3d-0004-4000-8000-00000000fab4';
const leeId = '0a1b2c3d-0005-4000-8000-00000000fab5';

describe('<teams-call> raised hands and reactions', () => {
  let double: PortDouble;

  beforeEach(() => {
    double = new PortDouble();
    setCallingModuleLoader(async () => double.module);
  });

  afterEach(() => {
    setCallingModuleLoader(undefined);
    resetTestSessions();
  });

  /** A group call with Diego and Lee, connected. */
  async function groupCall(): Promise<TeamsCall> {
    await signInTestSession('adele.vance@contoso.com');
    const element = await fixture<TeamsCall>(html`<teams-call></teams-call>`);
    await element.call(diegoId);
    double.lastCall.connect(diegoId, 'Diego Siciliani');
    double.lastCall.addParticipant(leeId, 'Lee Gu');
    await element.updateComplete;
    return element;
  }

  function participantTexts(element: TeamsCall): string[] {
    return [...getByRole(element, 'region', 'Participants').querySelectorAll('li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
  }

  function tileOf(element: TeamsCall, objectId: string): HTMLElement {
    return element.shadowRoot!.querySelector<HTMLElement>(`figure[data-participant="8:orgid:${objectId}"]`)!;
  }

  it('raises and lowers the own hand', async () => {
    const element = await groupCall();
    getByRole(element, 'button', 'Raise hand').click();
    await waitUntil(() => queryAllByRole(element, 'button', 'Lower hand').length === 1, 'The button did not turn into Lower hand.');
    expect(double.lastCall.raiseHand.raiseCount).to.equal(1);
    expect(getByRole(element, 'button', 'Lower hand').getAttribute('aria-pressed')).to.equal('true');
    expect(participantTexts(element)[0]).to.equal('Adele Vance (you) Hand raised (1)');

    getByRole(element, 'button', 'Lower hand').click();
    await waitUntil(() => queryAllByRole(element, 'button', 'Raise hand').length === 1, 'The button did not turn back into Raise hand.');
    expect(double.lastCall.raiseHand.lowerCount).to.equal(1);
    expect(participantTexts(element)[0]).to.equal('Adele Vance (you)');
  });

  it('lists hands in raising order', async () => {
    const element = await groupCall();
    const hands = double.lastCall.raiseHand;
    hands.setRaised(leeId, true);
    hands.setRaised(selfObjectId, true);
    hands.setRaised(diegoId, true);
    await element.updateComplete;

    expect(participantTexts(element)).to.deep.equal(['Lee Gu Hand raised (1)', 'Adele Vance (you) Hand raised (2)', 'Diego Siciliani Hand raised (3)']);

    hands.setRaised(leeId, false);
    await element.updateComplete;
    expect(participantTexts(element)).to.deep.equal(['Adele Vance (you) Hand raised (1)', 'Diego Siciliani Hand raised (2)', 'Lee Gu']);
  });

  it('shows a raised hand on the tile', async () => {
    const element = await groupCall();
    double.lastCall.raiseHand.setRaised(diegoId, true);
    await element.updateComplete;
    expect(tileOf(element, diegoId).querySelector('figcaption')!.textContent).to.contain('Hand raised');
    expect(tileOf(element, leeId).querySelector('figcaption')!.textContent).not.to.contain('Hand raised');
  });

  it('shows a reaction briefly and announces it', async () => {
    const element = await groupCall();
    double.lastCall.reaction.receive(diegoId, 'applause');
    await element.updateComplete;

    expect(tileOf(element, diegoId).querySelector('[part="reaction"]')?.textContent).to.equal('👏 Applause');
    expect(tileOf(element, leeId).querySelector('[part="reaction"]')).to.equal(null);
    const announcement = element.shadowRoot!.querySelector('[aria-live="polite"]:not([role])');
    expect(announcement?.textContent).to.equal('Diego Siciliani reacted: Applause');

    // Reactions show for 3 s by default.
    await waitUntil(() => tileOf(element, diegoId).querySelector('[part="reaction"]') === null, 'The reaction stayed on the tile.', { timeout: 5000 });
  });

  it('sends a reaction from the menu', async () => {
    const element = await groupCall();
    const react = getByRole(element, 'button', 'React');
    expect(react.getAttribute('aria-expanded')).to.equal('false');
    expect(getByRole(element, 'group', 'Reactions').hidden).to.equal(true);

    react.click();
    await element.updateComplete;
    expect(react.getAttribute('aria-expanded')).to.equal('true');
    const buttons = [...getByRole(element, 'group', 'Reactions').querySelectorAll('button')].map((button) => button.textContent!.replace(/\s+/g, ' ').trim());
    expect(buttons).to.deep.equal(['👍 Like', '❤️ Love', '👏 Applause', '😆 Laugh', '😮 Surprised']);

    getByRole(element, 'button', 'Love').click();
    await waitUntil(() => double.lastCall.reaction.sent.length === 1, 'No reaction was sent.');
    expect(double.lastCall.reaction.sent[0]).to.deep.equal({ reactionType: 'heart' });
    await element.updateComplete;
    expect(getByRole(element, 'group', 'Reactions').hidden).to.equal(true);
    expect(element.shadowRoot!.activeElement).to.equal(react);
    expect(element.shadowRoot!.querySelector('[aria-live="polite"]:not([role])')?.textContent).to.equal('Adele Vance reacted: Love');
  });

  it('closes the reactions on Escape', async () => {
    const element = await groupCall();
    getByRole(element, 'button', 'React').click();
    await element.updateComplete;
    getByRole(element, 'button', 'Like').focus();
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(getByRole(element, 'group', 'Reactions').hidden).to.equal(true);
    await waitUntil(() => element.shadowRoot!.activeElement === getByRole(element, 'button', 'React'), 'Focus did not return to React.');
  });

  it('is accessible with hands and reactions', async () => {
    const element = await groupCall();
    double.lastCall.raiseHand.setRaised(diegoId, true);
    double.lastCall.reaction.receive(leeId, 'like');
    getByRole(element, 'button', 'React').click();
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('hides the buttons without the features', async () => {
    const { Features: _features, ...withoutFeatures } = double.module;
    setCallingModuleLoader(async () => withoutFeatures);
    const element = await groupCall();
    expect(queryAllByRole(element, 'button', 'Raise hand')).to.deep.equal([]);
    expect(queryAllByRole(element, 'button', 'React')).to.deep.equal([]);
    expect(double.lastCall.featureRequests).to.equal(0);
  });
});
