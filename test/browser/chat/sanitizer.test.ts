import { expect } from '@open-wc/testing';

import { messageHtmlToText, textToMessageHtml } from '../../../src/services/chat/message-text.js';
import { sanitizeMessageHtml } from '../../../src/services/chat/sanitizer.js';
import { xssPayloads } from './xss-payloads.js';

const graphBaseUrl = 'https://localhost:4443/graph/';
const graphOrigin = 'https://localhost:4443/graph';

/** Elements that must never come out of the sanitizer. */
const forbiddenElements = [
  'script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math',
  'link', 'meta', 'base', 'template', 'video', 'audio', 'source', 'details', 'marquee', 'noscript', 'at', 'emoji', 'codeblock',
];

/** Attributes that hold URLs. */
const urlAttributes = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster'];

const hits = new Set<number>();

function sanitize(html: string): string {
  return sanitizeMessageHtml(html, 'html', { graphBaseUrl });
}

function parse(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('message sanitizer', () => {
  describe('against XSS payloads', () => {
    const containers: HTMLElement[] = [];
    let host: HTMLElement;

    before(async () => {
      (window as unknown as { __xss: (id: number) => void }).__xss = (id) => hits.add(id);

      // Rendered in a shadow root, as the element renders messages, and attached to the page so
      // that loads, autofocus and handlers would fire.
      host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });

      xssPayloads.forEach((payload, index) => {
        const dirty = payload.html.replaceAll('$HIT', `__xss(${index})`).replaceAll('$GRAPH', graphOrigin);
        const container = document.createElement('div');
        container.innerHTML = sanitize(dirty);
        root.append(container);
        containers.push(container);
      });

      // Give every surviving element the events a user would cause.
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        for (const type of ['click', 'mouseover', 'focus', 'toggle']) element.dispatchEvent(new Event(type, { bubbles: true }));
        element.focus?.();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    });

    after(() => host.remove());

    xssPayloads.forEach((payload, index) => {
      it(`neutralizes ${payload.name}`, () => {
        const container = containers[index]!;
        const elements = [...container.querySelectorAll('*')];

        expect(hits.has(index), 'script ran').to.equal(false);
        for (const tag of forbiddenElements) {
          expect(container.querySelector(tag), `<${tag}> survived`).to.equal(null);
        }
        for (const element of elements) {
          const names = element.getAttributeNames();
          expect(names.filter((name) => name.toLowerCase().startsWith('on')), `handler on <${element.localName}>`).to.deep.equal([]);
          expect(element.hasAttribute('style'), `style on <${element.localName}>`).to.equal(false);
          expect(element.hasAttribute('id'), `id on <${element.localName}>`).to.equal(false);
          if (element.localName !== 'span') expect(element.hasAttribute('class'), `class on <${element.localName}>`).to.equal(false);
          if (element.hasAttribute('class')) expect(element.getAttribute('class'), 'class other than mention').to.equal('mention');
          for (const attribute of urlAttributes) {
            const value = element.getAttribute(attribute);
            if (value !== null) expect(value, `${attribute} on <${element.localName}>`).not.to.match(/^\s*(javascript|data|vbscript):/i);
          }
          expect(names.filter((name) => name.startsWith('data-') && name !== 'data-hosted-content' && name !== 'data-mention-id')).to.deep.equal([]);
          expect(names.filter((name) => name.startsWith('aria-') || name === 'role')).to.deep.equal([]);
        }
        for (const image of container.querySelectorAll('img')) {
          expect(image.hasAttribute('src'), 'img keeps a src').to.equal(false);
          expect(image.hasAttribute('srcset'), 'img keeps a srcset').to.equal(false);
        }
        for (const link of container.querySelectorAll('a[href]')) {
          expect(link.getAttribute('target')).to.equal('_blank');
          expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
        }
      });
    });

    it('covers at least 50 payloads', () => {
      expect(xssPayloads.length).to.be.at.least(50);
    });
  });

  describe('keeps message formatting', () => {
    it('keeps text formatting and lists', () => {
      const result = parse(sanitize('<p><b>Bold</b> <i>italic</i> <u>under</u> <s>struck</s></p><ul><li>One</li></ul><ol><li>Two</li></ol>'));
      expect(result.querySelector('b')?.textContent).to.equal('Bold');
      expect(result.querySelector('i')?.textContent).to.equal('italic');
      expect(result.querySelector('u')?.textContent).to.equal('under');
      expect(result.querySelector('s')?.textContent).to.equal('struck');
      expect(result.querySelector('ul li')?.textContent).to.equal('One');
      expect(result.querySelector('ol li')?.textContent).to.equal('Two');
    });

    it('opens links in a new tab', () => {
      const link = parse(sanitize('<a href="https://example.com/report">report</a>')).querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://example.com/report');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    });

    it('keeps mailto links', () => {
      const link = parse(sanitize('<a href="mailto:adele.vance@contoso.com">mail</a>')).querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('mailto:adele.vance@contoso.com');
    });

    it('drops relative links', () => {
      const link = parse(sanitize('<a href="/settings">settings</a>')).querySelector('a')!;
      expect(link.hasAttribute('href')).to.equal(false);
      expect(link.textContent).to.equal('settings');
    });

    it('turns a mention into a span', () => {
      const mention = parse(sanitize('<p>Hi <at id="0">Diego Siciliani</at></p>')).querySelector('span.mention')!;
      expect(mention.textContent).to.equal('Diego Siciliani');
      expect(mention.getAttribute('data-mention-id')).to.equal('0');
    });

    it('turns a code block into pre', () => {
      const result = parse(sanitize('<codeblock class="Sql"><code>SELECT 1;\nSELECT 2;</code></codeblock>'));
      expect(result.querySelector('pre > code')?.textContent).to.equal('SELECT 1;\nSELECT 2;');
      expect(result.querySelector('pre')?.hasAttribute('class')).to.equal(false);
    });

    it('turns an emoji tag into its text', () => {
      expect(parse(sanitize('<p>Thanks <emoji id="1f64f" alt="🙏" title="Folded hands"></emoji></p>')).textContent).to.equal('Thanks 🙏');
    });

    it('keeps a hosted content image without loading it', () => {
      const source = `${graphOrigin}/v1.0/chats/19:a@thread.v2/messages/1/hostedContents/aWQ=/$value`;
      const image = parse(sanitize(`<img src="${source}" alt="diagram">`)).querySelector('img')!;
      expect(image.getAttribute('data-hosted-content')).to.equal(source);
      expect(image.hasAttribute('src')).to.equal(false);
      expect(image.getAttribute('alt')).to.equal('diagram');
    });

    it('keeps pixel sizes of a hosted content image', () => {
      const source = `${graphOrigin}/v1.0/chats/19:a@thread.v2/messages/1/hostedContents/aWQ=/$value`;
      const image = parse(sanitize(`<img src="${source}" width="240" height="140">`)).querySelector('img')!;
      expect(image.getAttribute('width')).to.equal('240');
      expect(image.getAttribute('height')).to.equal('140');
    });

    it('drops sizes that are not pixels', () => {
      const source = `${graphOrigin}/v1.0/chats/19:a@thread.v2/messages/1/hostedContents/aWQ=/$value`;
      const image = parse(sanitize(`<img src="${source}" width="100vw" height="50%">`)).querySelector('img')!;
      expect(image.hasAttribute('width')).to.equal(false);
      expect(image.hasAttribute('height')).to.equal(false);
    });

    it('keeps table spans and text direction', () => {
      const result = parse(sanitize('<table><tr><td colspan="2" dir="rtl" lang="he">x</td></tr></table><ol start="3"><li>c</li></ol>'));
      expect(result.querySelector('td')?.getAttribute('colspan')).to.equal('2');
      expect(result.querySelector('td')?.getAttribute('dir')).to.equal('rtl');
      expect(result.querySelector('td')?.getAttribute('lang')).to.equal('he');
      expect(result.querySelector('ol')?.getAttribute('start')).to.equal('3');
    });

    it('drops sizes of tables', () => {
      const result = parse(sanitize('<table width="900"><tr><td height="500">x</td></tr></table>'));
      expect(result.querySelector('[width], [height]')).to.equal(null);
      expect(result.querySelector('td')?.textContent).to.equal('x');
    });

    it('keeps a mention inside formatting', () => {
      const result = parse(sanitize('<p><b><at id="3">Lee Gu</at></b></p>'));
      expect(result.querySelector('b > span.mention')?.textContent).to.equal('Lee Gu');
      expect(result.querySelector('span.mention')?.getAttribute('data-mention-id')).to.equal('3');
    });

    it('drops a mention id that is not a number', () => {
      const mention = parse(sanitize('<at id="x">Lee Gu</at>')).querySelector('span.mention')!;
      expect(mention.hasAttribute('data-mention-id')).to.equal(false);
      expect(mention.textContent).to.equal('Lee Gu');
    });

    it('escapes a text body', () => {
      expect(sanitizeMessageHtml('<b>not bold</b>\nline', 'text')).to.equal('&lt;b&gt;not bold&lt;/b&gt;<br>line');
    });
  });

  describe('composer text', () => {
    it('escapes HTML and keeps line breaks', () => {
      expect(textToMessageHtml('a < b & "c"\nnext')).to.equal('<p>a &lt; b &amp; &quot;c&quot;<br>next</p>');
    });

    it('reads sanitized HTML as one line', () => {
      expect(messageHtmlToText('<p>One</p><ul><li>Two</li></ul>')).to.equal('One Two');
    });
  });
});
