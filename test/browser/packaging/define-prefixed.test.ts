import { expect, fixture, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';

import { defineTeamsElements } from '../../../src/components/define-all.js';
import { TeamsCall } from '../../../src/components/call/teams-call.js';
import { TeamsSignIn } from '../../../src/components/sign-in/teams-sign-in.js';

describe('defineTeamsElements', () => {
  it('registers four tags under a prefix', () => {
    const tags = defineTeamsElements({ prefix: 'contoso' });
    expect(tags).to.deep.equal(['contoso-sign-in', 'contoso-call', 'contoso-screen-share', 'contoso-chat']);
    for (const tag of tags) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });

  it('creates working elements', async () => {
    defineTeamsElements({ prefix: 'fabrikam' });
    const tag = unsafeStatic('fabrikam-sign-in');
    const element = await fixture(staticHtml`<${tag}></${tag}>`);
    expect(element).to.be.instanceOf(TeamsSignIn);
    expect(element.shadowRoot?.querySelector('button, [role="status"], p')).to.not.equal(null);
  });

  it('lets two prefixes coexist', async () => {
    defineTeamsElements({ prefix: 'first' });
    defineTeamsElements({ prefix: 'second' });
    expect(customElements.get('first-call')).to.not.equal(customElements.get('second-call'));
    const element = await fixture(html`<div></div>`);
    element.innerHTML = '<first-call></first-call><second-call></second-call>';
    expect(element.children[0]).to.be.instanceOf(TeamsCall);
    expect(element.children[1]).to.be.instanceOf(TeamsCall);
  });

  it('tolerates being called twice', () => {
    const first = defineTeamsElements({ prefix: 'twice' });
    const second = defineTeamsElements({ prefix: 'twice' });
    expect(second).to.deep.equal(first);
  });

  it('rejects an invalid prefix', () => {
    for (const prefix of ['', 'Contoso', '1abc', 'a--b', 'with space', 'trailing-']) {
      expect(() => defineTeamsElements({ prefix }), prefix).to.throw(TypeError, /is not valid/);
    }
  });
});
