import { expect } from '@open-wc/testing';

import { toAttachmentViews } from '../../../src/services/chat/attachments.js';
import { buildMessageContent } from '../../../src/services/chat/message-content.js';
import { messageHtmlToEditableText } from '../../../src/services/chat/message-text.js';
import { reactionEmoji, summarizeReactions } from '../../../src/services/chat/reactions.js';
import { sanitizeMessageHtml } from '../../../src/services/chat/sanitizer.js';
import { parseDuration, toSystemEvent } from '../../../src/services/chat/system-events.js';

const lee = { userId: 'lee-id', displayName: 'Lee Gu' };
const leeAlone = { userId: 'lee2-id', displayName: 'Lee' };

describe('message content', () => {
  describe('building a body with mentions', () => {
    it('builds the tag and the entry together', () => {
      const content = buildMessageContent('Thanks @Lee Gu!', [lee]);
      expect(content.html).to.equal('<p>Thanks <at id="0">Lee Gu</at>!</p>');
      expect(content.mentions).to.deep.equal([
        { id: 0, mentionText: 'Lee Gu', mentioned: { user: { id: 'lee-id', displayName: 'Lee Gu', userIdentityType: 'aadUser' } } },
      ]);
    });

    it('numbers each mention once per place', () => {
      const content = buildMessageContent('@Lee Gu and @Lee Gu again', [lee]);
      expect(content.html).to.equal('<p><at id="0">Lee Gu</at> and <at id="1">Lee Gu</at> again</p>');
      expect(content.mentions.map((mention) => mention.id)).to.deep.equal([0, 1]);
    });

    it('prefers the longer name', () => {
      const content = buildMessageContent('@Lee Gu', [leeAlone, lee]);
      expect(content.mentions[0]?.mentioned.user.id).to.equal('lee-id');
    });

    it('drops a mention no longer in the text', () => {
      const content = buildMessageContent('Just text', [lee]);
      expect(content.mentions).to.deep.equal([]);
      expect(content.html).to.equal('<p>Just text</p>');
    });

    it('escapes the text and the name', () => {
      const content = buildMessageContent('<b> @A&B', [{ userId: 'x', displayName: 'A&B' }]);
      expect(content.html).to.equal('<p>&lt;b&gt; <at id="0">A&amp;B</at></p>');
    });

    it('keeps line breaks', () => {
      expect(buildMessageContent('one\ntwo').html).to.equal('<p>one<br>two</p>');
    });

    it('carries the tenant of a guest', () => {
      const content = buildMessageContent('@Lee Gu', [{ ...lee, tenantId: 'fabrikam' }]);
      expect(content.mentions[0]?.mentioned.user.tenantId).to.equal('fabrikam');
    });
  });

  describe('editable text', () => {
    it('turns paragraphs and breaks into lines', () => {
      expect(messageHtmlToEditableText('<p>one<br>two</p><p>three</p>')).to.equal('one\ntwo\nthree');
    });

    it('turns mentions into @names', () => {
      const html = sanitizeMessageHtml('<p>Hi <at id="0">Lee Gu</at>, see this</p>');
      expect(messageHtmlToEditableText(html)).to.equal('Hi @Lee Gu, see this');
    });

    it('round-trips through the builder', () => {
      const built = buildMessageContent('Hi @Lee Gu\nbye', [lee]);
      expect(messageHtmlToEditableText(sanitizeMessageHtml(built.html))).to.equal('Hi @Lee Gu\nbye');
    });
  });

  describe('attachments', () => {
    it('shows a file link', () => {
      const [view] = toAttachmentViews([{ id: '1', contentType: 'reference', contentUrl: 'https://contoso.sharepoint.com/a/Plan%20B.docx', name: null }]);
      expect(view).to.deep.equal({ kind: 'file', id: '1', name: 'Plan B.docx', url: 'https://contoso.sharepoint.com/a/Plan%20B.docx' });
    });

    it('drops a file link that is not https', () => {
      for (const contentUrl of ['javascript:alert(1)', 'http://contoso.com/a.docx', 'data:text/html,x', '/relative.docx']) {
        const [view] = toAttachmentViews([{ id: '1', contentType: 'reference', contentUrl, name: 'a.docx' }]);
        expect(view?.kind, contentUrl).to.equal('file');
        expect(view?.kind === 'file' ? view.url : 'not a file', contentUrl).to.equal(undefined);
      }
    });

    it('reads the text blocks of an adaptive card', () => {
      const content = JSON.stringify({
        type: 'AdaptiveCard',
        body: [
          { type: 'TextBlock', text: 'Title' },
          { type: 'Container', items: [{ type: 'TextBlock', text: '<img src=x onerror=alert(1)>' }] },
        ],
      });
      const [view] = toAttachmentViews([{ id: '2', contentType: 'application/vnd.microsoft.card.adaptive', content }]);
      expect(view).to.deep.equal({ kind: 'card', id: '2', title: 'Title', lines: ['<img src=x onerror=alert(1)>'] });
    });

    it('reads a hero card', () => {
      const [view] = toAttachmentViews([{ id: '3', contentType: 'application/vnd.microsoft.card.hero', content: JSON.stringify({ title: 'Hero', text: 'Body' }) }]);
      expect(view).to.deep.equal({ kind: 'card', id: '3', title: 'Hero', lines: ['Body'] });
    });

    it('falls back for a card it cannot read', () => {
      const [view] = toAttachmentViews([{ id: '4', contentType: 'application/vnd.microsoft.card.adaptive', content: 'not json' }]);
      expect(view?.kind).to.equal('unknown');
    });

    it('falls back for an unknown kind', () => {
      const [view] = toAttachmentViews([{ id: '5', contentType: 'application/vnd.example.poll', name: 'Lunch poll' }]);
      expect(view).to.deep.equal({ kind: 'unknown', id: '5', name: 'Lunch poll', contentType: 'application/vnd.example.poll' });
    });

    it('quotes a referenced message', () => {
      const content = JSON.stringify({ messageId: '1', messagePreview: 'Original', messageSender: { user: { displayName: 'Diego Siciliani' } } });
      const [view] = toAttachmentViews([{ id: '1', contentType: 'messageReference', content }]);
      expect(view).to.deep.equal({ kind: 'quote', id: '1', senderName: 'Diego Siciliani', preview: 'Original' });
    });

    it('clips long texts', () => {
      const [view] = toAttachmentViews([{ id: '6', contentType: 'reference', contentUrl: 'https://a.example/x', name: 'n'.repeat(2000) }]);
      expect(view?.kind === 'file' ? view.name.length : 0).to.equal(500);
    });
  });

  describe('system events', () => {
    const names = new Map([
      ['a', 'Adele Vance'],
      ['n', 'Nestor Wilke'],
    ]);
    const identity = (id: string) => ({ id, displayName: null });

    it('reads members removed and left', () => {
      expect(toSystemEvent({ '@odata.type': '#microsoft.graph.membersDeletedEventMessageDetail', members: [identity('n')], initiator: { user: identity('n') } }, names)).to.deep.equal({
        type: 'members-removed',
        initiator: 'Nestor Wilke',
        members: ['Nestor Wilke'],
        left: true,
      });
      expect(toSystemEvent({ '@odata.type': '#microsoft.graph.membersDeletedEventMessageDetail', members: [identity('n')], initiator: { user: identity('a') } }, names)).to.deep.equal({
        type: 'members-removed',
        initiator: 'Adele Vance',
        members: ['Nestor Wilke'],
        left: false,
      });
    });

    it('reads a rename', () => {
      expect(toSystemEvent({ '@odata.type': '#microsoft.graph.chatRenamedEventMessageDetail', chatDisplayName: 'New name', initiator: { user: identity('a') } }, names)).to.deep.equal({
        type: 'chat-renamed',
        initiator: 'Adele Vance',
        topic: 'New name',
      });
    });

    it('reads a call end', () => {
      expect(toSystemEvent({ '@odata.type': '#microsoft.graph.callEndedEventMessageDetail', callDuration: 'PT1H2M3S', callEventType: 'meeting', callParticipants: [{ participant: { user: identity('a') } }] }, names)).to.deep.equal({
        type: 'call-ended',
        callType: 'meeting',
        durationSeconds: 3723,
        participants: ['Adele Vance'],
      });
    });

    it('keeps an unknown event type', () => {
      expect(toSystemEvent({ '@odata.type': '#microsoft.graph.teamRenamedEventMessageDetail' }, names)).to.deep.equal({ type: 'other', odataType: '#microsoft.graph.teamRenamedEventMessageDetail' });
    });

    it('parses durations', () => {
      expect(parseDuration('PT12M30S')).to.equal(750);
      expect(parseDuration('P1DT1S')).to.equal(86_401);
      expect(parseDuration('PT0.6S')).to.equal(1);
      expect(parseDuration('PT')).to.equal(undefined);
      expect(parseDuration('12 minutes')).to.equal(undefined);
    });
  });

  describe('reactions', () => {
    const reaction = (type: string, id: string, time: string) => ({ reactionType: type, createdDateTime: time, user: { user: { id, displayName: null } } });

    it('groups by type in order of first use', () => {
      const summary = summarizeReactions(
        [reaction('❤️', 'b', '2026-01-01T00:00:02Z'), reaction('👍', 'a', '2026-01-01T00:00:01Z'), reaction('👍', 'b', '2026-01-01T00:00:03Z')],
        'a',
        new Map([['b', 'Lee Gu']]),
      );
      expect(summary.map((item) => [item.reactionType, item.count, item.mine])).to.deep.equal([
        ['👍', 2, true],
        ['❤️', 1, false],
      ]);
      expect(summary[0]?.names).to.deep.equal(['Lee Gu']);
    });

    it('counts a user once per type', () => {
      const summary = summarizeReactions([reaction('👍', 'a', '2026-01-01T00:00:01Z'), reaction('👍', 'a', '2026-01-01T00:00:02Z')], 'a', new Map());
      expect(summary[0]?.count).to.equal(1);
    });

    it('maps old reaction names to emoji', () => {
      expect(reactionEmoji('like')).to.equal('👍');
      expect(reactionEmoji('laugh')).to.equal('😆');
      expect(reactionEmoji('🚀')).to.equal('🚀');
    });
  });
});
