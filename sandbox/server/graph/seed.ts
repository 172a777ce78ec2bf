import { findUser, type SandboxUser } from '../directory.js';
import { barChart } from './images.js';
import type { ChatMessage, GraphData, StoredChat } from './model.js';
import {
  attachment,
  callEnded,
  chatRenamed,
  deletedMessage,
  hostedContentUrl,
  html,
  membersAdded,
  membersDeleted,
  mention,
  message,
  messageIdAt,
  reaction,
  systemEvent,
} from './seed-builders.js';

/**
 * Creates the seed chats and messages. Times are relative to the moment the state is first
 * created, so the demo shows recent conversations. Ids of 1:1 chats follow Graph's
 * `19:<oid>_<oid>@unq.gbl.spaces` form, and ids of group chats the `19:<hex>@thread.v2` form.
 *
 * - Adele–Diego (1:1, across tenants): plain text, HTML with a mention, emoji, a code block and a
 *   hostile body.
 * - Adele–Alex (1:1): 56 messages, so that the history takes two pages of 50.
 * - "Spring sale staffing" (group, across tenants): every system event the emulator produces, an
 *   inline image, attachments, reactions, an edited and a deleted message, and messages Adele has
 *   not read.
 * - "Weekly retail sync" (meeting chat of Contoso).
 * - Megan–Nestor: a chat without Adele, for membership checks.
 *
 * Every member has read every chat up to its last message, except Adele in the group chat.
 */
export function seedGraphData(now: Date): GraphData {
  const adele = requireUser('adele.vance@contoso.com');
  const alex = requireUser('alex.wilber@contoso.com');
  const megan = requireUser('megan.bowen@contoso.com');
  const diego = requireUser('diego.siciliani@fabrikam.com');
  const lee = requireUser('lee.gu@fabrikam.com');
  const nestor = requireUser('nestor.wilke@fabrikam.com');

  const minutesAgo = (minutes: number): string => new Date(now.getTime() - minutes * 60_000).toISOString();
  const data: GraphData = { chats: [], messages: {}, hostedContents: {}, readTimes: {}, deletedBodies: {} };

  const addChat = (chat: Omit<StoredChat, 'lastUpdatedDateTime'>, messages: ChatMessage[]): void => {
    const last = messages.at(-1);
    data.chats.push({ ...chat, lastUpdatedDateTime: last?.createdDateTime ?? chat.createdDateTime });
    data.messages[chat.id] = messages;
    data.readTimes![chat.id] = Object.fromEntries(chat.memberIds.map((memberId) => [memberId, last?.createdDateTime ?? chat.createdDateTime]));
  };

  // Adele (Contoso) and Diego (Fabrikam): a 1:1 chat across the two tenants.
  const adeleDiego = oneOnOneChatId(adele, diego);
  addChat(
    { id: adeleDiego, topic: null, chatType: 'oneOnOne', createdDateTime: minutesAgo(26 * 60), tenantId: adele.tenantId, memberIds: [adele.id, diego.id] },
    [
      message(adeleDiego, diego, minutesAgo(25 * 60), html('<p>Hi Adele! Do you have a minute to go over the staffing plan for the spring sale?</p>')),
      message(adeleDiego, adele, minutesAgo(25 * 60 - 3), html('<p>Sure, <at id="0">Diego Siciliani</at>. I will share the numbers in a moment.</p>'), { mentions: [mention(0, diego)] }),
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

  seedStaffingGroup(data, addChat, minutesAgo, { adele, diego, lee, nestor });

  // A meeting chat of Contoso: Teams creates it with the meeting, named after the meeting.
  const retailSync = '19:meeting_NmE4ZTFjYjItMzQ1Ni00N2Q5LWJmNDAtMDAwMDAwMDAwMDAx@thread.v2';
  addChat(
    { id: retailSync, topic: 'Weekly retail sync', chatType: 'meeting', createdDateTime: minutesAgo(2 * 24 * 60), tenantId: adele.tenantId, memberIds: [adele.id, alex.id, megan.id] },
    [
      message(retailSync, megan, minutesAgo(2 * 24 * 60 - 5), html('<p>Agenda: window displays, the loyalty card launch, and spring sale staffing.</p>')),
      systemEvent(retailSync, minutesAgo(2 * 24 * 60 - 50), callEnded(megan, [megan, adele, alex], 'PT42M10S', 'meeting')),
      message(retailSync, alex, minutesAgo(2 * 24 * 60 - 48), html('<p>Notes are in the shared notebook.</p>')),
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

/** Id of the seed group chat, fixed so that tests and links can name it. */
export const staffingGroupChatId = '19:5a1e7c0d3b9f4e2a8c6d1f0b7e3a9c21@thread.v2';

/** Id of the inline image's hosted content in the seed group chat. */
export const seedChartHostedContentId = Buffer.from('id=x_0-wus-d1-chart,type=1').toString('base64url');

/** Adds the group chat "Spring sale staffing", with a message of each kind a thread renders. */
function seedStaffingGroup(
  data: GraphData,
  addChat: (chat: Omit<StoredChat, 'lastUpdatedDateTime'>, messages: ChatMessage[]) => void,
  minutesAgo: (minutes: number) => string,
  people: { adele: SandboxUser; diego: SandboxUser; lee: SandboxUser; nestor: SandboxUser },
): void {
  const { adele, diego, lee, nestor } = people;
  const chatId = staffingGroupChatId;

  const chartMessageTime = minutesAgo(170);
  const chartMessageId = messageIdAt(chartMessageTime);
  data.hostedContents![`${chatId}/${chartMessageId}/${seedChartHostedContentId}`] = { contentType: 'image/png', bytes: barChart(240, 140).toString('base64') };
  const chartUrl = hostedContentUrl(chatId, chartMessageId, seedChartHostedContentId);

  const question = message(chatId, diego, minutesAgo(180), html('<p><at id="0">Lee Gu</at>, can you bring the Fabrikam numbers?</p>'), { mentions: [mention(0, lee)] });
  const sheet = attachment('153fa47d18c54a3d8e9fc7e4f4d6f6f3', 'reference', {
    contentUrl: 'https://fabrikam.sharepoint.com/sites/retail/Shared%20Documents/Spring%20staffing.xlsx',
    name: 'Spring staffing.xlsx',
  });
  const card = attachment('74d20c7f34aa4a7fb74e2b30004247c5', 'application/vnd.microsoft.card.adaptive', {
    content: JSON.stringify({
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        { type: 'TextBlock', text: 'Shift swap approved', weight: 'bolder' },
        { type: 'TextBlock', text: 'Saturday 9:00–17:00, store 12', wrap: true },
      ],
    }),
  });
  const unknown = attachment('a1b2c3d4e5f60718293a4b5c6d7e8f90', 'application/vnd.contoso.inventory-count', { name: 'Inventory count', content: '{"aisles":12}' });
  const quote = attachment(question.id, 'messageReference', {
    content: JSON.stringify({ messageId: question.id, messagePreview: 'Lee Gu, can you bring the Fabrikam numbers?', messageSender: { user: { id: diego.id, displayName: 'Diego Siciliani' } } }),
  });

  addChat(
    { id: chatId, topic: 'Spring sale staffing', chatType: 'group', createdDateTime: minutesAgo(5 * 60), tenantId: adele.tenantId, memberIds: [adele.id, diego.id, lee.id] },
    [
      systemEvent(chatId, minutesAgo(5 * 60), membersAdded(adele, [diego, lee])),
      message(chatId, adele, minutesAgo(5 * 60 - 1), html('<p>Welcome both! On the agenda:</p><ul><li><b>Headcount</b> per store</li><li>Overtime <i>budget</i></li></ul>')),
      systemEvent(chatId, minutesAgo(5 * 60 - 2), chatRenamed(adele, chatId, 'Spring sale staffing')),
      systemEvent(chatId, minutesAgo(4 * 60 + 30), membersAdded(lee, [nestor])),
      message(chatId, lee, minutesAgo(4 * 60), html('<p>Thanks for setting this up 👍</p>'), {
        reactions: [reaction('👍', adele, minutesAgo(4 * 60 - 2)), reaction('👍', diego, minutesAgo(4 * 60 - 3)), reaction('❤️', diego, minutesAgo(4 * 60 - 3))],
      }),
      message(chatId, nestor, minutesAgo(3 * 60 + 30), html('<p>I am off next week, so I will leave this one to Lee.</p>')),
      systemEvent(chatId, minutesAgo(3 * 60 + 20), membersDeleted(nestor, [nestor])),
      question,
      message(chatId, lee, chartMessageTime, html(`<p>Here are last year's weekend hours:</p><p><img src="${chartUrl}" width="240" height="140" alt="Weekend hours chart"></p>`), { editedAfterMinutes: 2 }),
      message(chatId, lee, minutesAgo(160), html(`<p>The numbers are in the sheet.</p><attachment id="${sheet.id}"></attachment><attachment id="${card.id}"></attachment><attachment id="${unknown.id}"></attachment>`), {
        attachments: [sheet, card, unknown],
      }),
      message(chatId, adele, minutesAgo(155), html(`<attachment id="${quote.id}"></attachment><p>Thanks, that answers it.</p>`), { attachments: [quote] }),
      deletedMessage(chatId, diego, minutesAgo(150), minutesAgo(149)),
      systemEvent(chatId, minutesAgo(120), callEnded(adele, [adele, diego, lee], 'PT12M30S', 'call')),
      message(chatId, diego, minutesAgo(100), html('<p>Good call. I will send the rota on Monday.</p>')),
      message(chatId, lee, minutesAgo(90), html('<p>Have a good weekend, everyone!</p>')),
    ],
  );

  // Adele read up to the attachments, so the call and the two messages after it are unread.
  data.readTimes![chatId]![adele.id] = minutesAgo(155);
}

/** Returns the id Graph gives a 1:1 chat: both object ids, sorted, in one `unq.gbl.spaces` id. */
export function oneOnOneChatId(first: SandboxUser, second: SandboxUser): string {
  const [a, b] = [first.id, second.id].sort();
  return `19:${a}_${b}@unq.gbl.spaces`;
}

export function requireUser(userPrincipalName: string): SandboxUser {
  const user = findUser(userPrincipalName);
  if (user === undefined) throw new Error(`The Graph seed data needs the sandbox user ${userPrincipalName}, which the directory lacks.`);
  return user;
}
