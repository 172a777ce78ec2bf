import { findUser, type SandboxUser } from '../directory.js';
import { messageFrom, userIdentity } from './identities.js';
import type { ChatMessage, ChatMessageMention, GraphData, ItemBody, StoredChat } from './model.js';

/**
 * Creates the seed chats and messages. Times are relative to the moment the state is first
 * created, so the demo shows recent conversations. Ids of 1:1 chats follow Graph's
 * `19:<oid>_<oid>@unq.gbl.spaces` form, and ids of group chats the `19:<hex>@thread.v2` form.
 *
 * The Adele–Diego chat contains one message of each kind a renderer must handle: plain text, HTML
 * with a mention, emoji, a code block and a hostile body. The Adele–Alex chat contains more than 50
 * messages so that its history takes two pages.
 */
export function seedGraphData(now: Date): GraphData {
  const adele = requireUser('adele.vance@contoso.com');
  const alex = requireUser('alex.wilber@contoso.com');
  const megan = requireUser('megan.bowen@contoso.com');
  const diego = requireUser('diego.siciliani@fabrikam.com');
  const lee = requireUser('lee.gu@fabrikam.com');
  const nestor = requireUser('nestor.wilke@fabrikam.com');

  const minutesAgo = (minutes: number): string => new Date(now.getTime() - minutes * 60_000).toISOString();
  const data: GraphData = { chats: [], messages: {} };

  const addChat = (chat: Omit<StoredChat, 'lastUpdatedDateTime'>, messages: ChatMessage[]): void => {
    const last = messages.at(-1);
    data.chats.push({ ...chat, lastUpdatedDateTime: last?.createdDateTime ?? chat.createdDateTime });
    data.messages[chat.id] = messages;
  };

  // Adele (Contoso) and Diego (Fabrikam): a 1:1 chat across the two tenants.
  const adeleDiego = oneOnOneChatId(adele, diego);
  addChat(
    { id: adeleDiego, topic: null, chatType: 'oneOnOne', createdDateTime: minutesAgo(26 * 60), tenantId: adele.tenantId, memberIds: [adele.id, diego.id] },
    [
      message(adeleDiego, diego, minutesAgo(25 * 60), html('<p>Hi Adele! Do you have a minute to go over the staffing plan for the spring sale?</p>')),
      message(adeleDiego, adele, minutesAgo(25 * 60 - 3), html('<p>Sure, <at id="0">Diego Siciliani</at>. I will share the numbers in a moment.</p>'), [mention(0, diego)]),
      message(adeleDiego, diego, minutesAgo(25 * 60 - 5), html('<p>Great, thank you <emoji id="1f64f_foldedhands" alt="🙏" title="Folded hands"></emoji> 🎉</p>')),
      message(
        adeleDiego,
        adele,
        minutesAgo(25 * 60 - 9),
        html('<p>Here is the query I used:</p>\n<codeblock class="Sql"><code>SELECT region, SUM(hours) AS hours\nFROM shifts\nWHERE week &gt;= 12\nGROUP BY region;</code></codeblock>'),
      ),
      // A hostile body: a script-running image, a javascript: link and a page-covering style,
      // next to one harmless link. Renderers must show the text and the https link only.
      message(
        adeleDiego,
        diego,
        minutesAgo(24 * 60),
        html(
          '<p>Report draft: <img src="x" onerror="alert(document.domain)"> ' +
            '<a href="javascript:alert(document.cookie)">open the dashboard</a> or ' +
            '<a href="https://example.com/spring-staffing">read it online</a>.</p>' +
            '<div style="position:fixed;inset:0;z-index:99999;background:red">Covering banner</div>' +
            '<script>alert("script")</script>',
        ),
      ),
      message(adeleDiego, adele, minutesAgo(23 * 60), { contentType: 'text', content: 'Thanks, talk tomorrow.' }),
    ],
  );

  // Adele and Alex: a long history, two pages of 50.
  const adeleAlex = oneOnOneChatId(adele, alex);
  const shelfChecks: ChatMessage[] = [];
  const historyLength = 56;
  for (let index = 0; index < historyLength; index++) {
    const sender = index % 2 === 0 ? alex : adele;
    const minutes = 3 * 24 * 60 - index * 10;
    shelfChecks.push(message(adeleAlex, sender, minutesAgo(minutes), html(`<p>Shelf check ${index + 1}: aisle ${(index % 12) + 1} is restocked.</p>`)));
  }
  addChat({ id: adeleAlex, topic: null, chatType: 'oneOnOne', createdDateTime: minutesAgo(3 * 24 * 60 + 5), tenantId: adele.tenantId, memberIds: [adele.id, alex.id] }, shelfChecks);

  // A group chat with a topic, hosted by Contoso, with members from both tenants.
  const staffingGroup = '19:5a1e7c0d3b9f4e2a8c6d1f0b7e3a9c21@thread.v2';
  addChat(
    { id: staffingGroup, topic: 'Spring sale staffing', chatType: 'group', createdDateTime: minutesAgo(5 * 60), tenantId: adele.tenantId, memberIds: [adele.id, diego.id, lee.id] },
    [
      membersAddedEvent(staffingGroup, adele, [diego, lee], minutesAgo(5 * 60)),
      message(staffingGroup, adele, minutesAgo(5 * 60 - 1), html('<p>Welcome both! On the agenda:</p><ul><li><b>Headcount</b> per store</li><li>Overtime <i>budget</i></li></ul>')),
      message(staffingGroup, lee, minutesAgo(4 * 60), html('<p>Thanks for setting this up 👍</p>')),
      message(staffingGroup, diego, minutesAgo(3 * 60), html('<p><at id="0">Lee Gu</at>, can you bring the Fabrikam numbers?</p>'), [mention(0, lee)]),
    ],
  );

  // A chat without Adele, for membership checks.
  const meganNestor = oneOnOneChatId(megan, nestor);
  addChat(
    { id: meganNestor, topic: null, chatType: 'oneOnOne', createdDateTime: minutesAgo(2 * 24 * 60), tenantId: megan.tenantId, memberIds: [megan.id, nestor.id] },
    [message(meganNestor, nestor, minutesAgo(2 * 24 * 60 - 1), html('<p>Megan, the delivery schedule is attached to the ticket.</p>'))],
  );

  return data;
}

/** Returns the id Graph gives a 1:1 chat: both object ids, sorted, in one `unq.gbl.spaces` id. */
export function oneOnOneChatId(first: SandboxUser, second: SandboxUser): string {
  const [a, b] = [first.id, second.id].sort();
  return `19:${a}_${b}@unq.gbl.spaces`;
}

function requireUser(userPrincipalName: string): SandboxUser {
  const user = findUser(userPrincipalName);
  if (user === undefined) throw new Error(`The Graph seed data needs the sandbox user ${userPrincipalName}, which the directory lacks.`);
  return user;
}

function html(content: string): ItemBody {
  return { contentType: 'html', content };
}

function mention(id: number, user: SandboxUser): ChatMessageMention {
  return {
    id,
    mentionText: user.displayName,
    mentioned: { application: null, device: null, conversation: null, tag: null, user: userIdentity(user) },
  };
}

/** Creates a seed message whose id is its creation time in milliseconds, as Graph's ids are. */
function message(chatId: string, sender: SandboxUser, createdDateTime: string, body: ItemBody, mentions: ChatMessageMention[] = []): ChatMessage {
  return {
    ...messageDefaults(chatId, createdDateTime),
    messageType: 'message',
    from: messageFrom(sender),
    body,
    mentions,
    eventDetail: null,
  };
}

function membersAddedEvent(chatId: string, initiator: SandboxUser, members: SandboxUser[], createdDateTime: string): ChatMessage {
  return {
    ...messageDefaults(chatId, createdDateTime),
    messageType: 'systemEventMessage',
    from: null,
    body: { contentType: 'html', content: '<systemEventMessage/>' },
    mentions: [],
    eventDetail: {
      '@odata.type': '#microsoft.graph.membersAddedEventMessageDetail',
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      members: members.map((member) => userIdentity(member, false)),
      initiator: { application: null, device: null, user: userIdentity(initiator, false) },
    },
  };
}

function messageDefaults(chatId: string, createdDateTime: string) {
  const id = String(Date.parse(createdDateTime));
  return {
    id,
    replyToId: null,
    etag: id,
    createdDateTime,
    lastModifiedDateTime: createdDateTime,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId,
    importance: 'normal',
    locale: 'en-us',
    webUrl: null,
    channelIdentity: null,
    policyViolation: null,
    attachments: [],
    reactions: [],
  } satisfies Partial<ChatMessage>;
}
