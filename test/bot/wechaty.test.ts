import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WechatyBuilder } from 'wechaty';
import type { WechatyInterface } from 'wechaty/impls';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import * as PUPPET from 'wechaty-puppet';
import { RATE_NOTICE, WechatyChannel, type SentChart } from '../../src/bot/wechaty';
import { UNAVAILABLE } from '../../src/bot/engine';
import { decodePng, inkStats, readSvg } from '../charts/support';
import { waitFor, SAMPLES, startBotHarness, writeSecondBaitu, type BotHarness } from './harness';

/**
 * The WeChat channel end to end: a real Wechaty with wechaty-puppet-mock, the bot engine over real HTTP to a real
 * GraphQL server on a real PostgreSQL with the samples (and a second 白土镇) ingested.
 */

type ContactMock = mock.ContactMock;
type RoomMock = mock.RoomMock;

interface Said {
  text: string;
  talkerId: string;
  type: PUPPET.types.Message;
  message: mock.MessageMock;
}

let h: BotHarness;
let bot: WechatyInterface;
let mocker: mock.Mocker;
let puppet: PuppetMock;
let channel: WechatyChannel;
const logs: string[] = [];
let me: ContactMock;
const people: Record<string, ContactMock> = {};
const rooms: Record<string, RoomMock> = {};
/** Every message seen per conversation (room id or contact id). */
const seen = new Map<string, Said[]>();
/** Charts the channel sent, with the SVG they were drawn from. */
const charts: SentChart[] = [];

function record(conversationId: string, m: mock.MessageMock): void {
  const list = seen.get(conversationId) ?? [];
  list.push({ text: m.payload.text ?? '', talkerId: m.payload.talkerId ?? '', type: m.payload.type, message: m });
  seen.set(conversationId, list);
}

/** Messages of the bot in a conversation, text and images in the order they arrived. */
function botMessages(conversationId: string): Said[] {
  return (seen.get(conversationId) ?? []).filter((m) => m.talkerId === me.id);
}

/** Text messages of the bot in a conversation. */
function botSaid(conversationId: string): string[] {
  return botMessages(conversationId).filter((m) => m.type === PUPPET.types.Message.Text).map((m) => m.text);
}

/**
 * 丰城市白土镇 in 2018 and 2019 too (the 2020 sample with its year and procurement amount changed), for a year series.
 * Distinct non-zero amounts: 2018 98,765元, 2019 43,210元, 2020 115,838元 (the sample).
 */
function writeBaituYears(): string[] {
  const text = readFileSync(path.join(SAMPLES, 'baitu-2020.txt'), 'utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-years-'));
  return [[2018, 98765], [2019, 43210]].map(([year, amount]) => {
    const file = path.join(dir, `baitu-${year}.txt`);
    writeFileSync(file, text.replaceAll('2020', String(year)).replace('115838元', `${amount}元`));
    return file;
  });
}


/** Says something in a room (with an @ to the bot unless `mention` is false) and waits for the bot's next reply. */
async function askInRoom(room: RoomMock, who: ContactMock, text: string, mention = true): Promise<string> {
  const before = botSaid(room.id).length;
  who.say(mention ? `@nianbao ${text}` : text, mention ? [me] : []).to(room);
  return waitFor(() => botSaid(room.id)[before], `a reply to 「${text}」`);
}

async function quiet(ms = 400): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

beforeAll(async () => {
  h = await startBotHarness([writeSecondBaitu(), ...writeBaituYears()]);
  mocker = new mock.Mocker();
  puppet = new PuppetMock({ mocker });
  bot = WechatyBuilder.build({ puppet });
  channel = new WechatyChannel(bot, {
    answerer: h.engine,
    roomLimit: { limit: 20, windowMs: 60_000 },
    personLimit: { limit: 8, windowMs: 60_000 },
    logger: { info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`), error: (m) => logs.push(`error ${m}`) },
    onChart: (sent) => charts.push(sent),
  });
  await bot.start();
  me = mocker.createContact({ name: 'nianbao' });
  for (const name of ['alice', 'bob', 'carol', 'dave', 'erin', 'gina', 'hank', 'ivan', 'jo', 'f1', 'f2', 'f3', 'f4', 'f5', 'kay', 'lee']) {
    people[name] = mocker.createContact({ name });
    people[name].on('message', (m) => record(people[name].id, m));
  }
  mocker.login(me);
  const members = (names: string[]) => [me.id, ...names.map((n) => people[n].id)];
  rooms.a = mocker.createRoom({ topic: '丰城市政务公开群', memberIdList: members(['alice', 'bob', 'carol', 'erin', 'hank']) });
  rooms.b = mocker.createRoom({ topic: '南谯区政务群', memberIdList: members(['gina', 'ivan']) });
  rooms.c = mocker.createRoom({ topic: '个人限流群', memberIdList: members(['jo']) });
  rooms.flood = mocker.createRoom({ topic: '刷屏群', memberIdList: members(['f1', 'f2', 'f3', 'f4', 'f5']) });
  rooms.charts = mocker.createRoom({ topic: '图表群', memberIdList: members(['kay']) });
  for (const room of Object.values(rooms)) room.on('message', (m) => record(room.id, m));
  await waitFor(() => (bot.isLoggedIn ? true : undefined), 'login');
  await h.engine.ready();
});

afterAll(async () => {
  await channel?.drain(); // the flood's charts may still be rendering
  await bot?.stop();
  await h?.close();
});

describe('the WeChat bot in a group', () => {
  it('answers an @-mention with an @ to the asker, the right number and its source', async () => {
    expect(logs).toContain('info logged in as nianbao');
    const reply = await askInRoom(rooms.a, people.alice, '丰城市白土镇2020年政府采购金额');
    expect(reply.startsWith('@alice')).toBe(true);
    expect(reply).toContain('115,838元');
    expect(reply).toContain('来源：《白土镇2020年政府信息公开工作年度报告》');
    expect(reply).toContain('采购总金额');
  });

  it('stays silent without a mention, and answers a message starting with the prefix', async () => {
    const before = botSaid(rooms.a.id).length;
    people.bob.say('施集镇2020年政府采购金额').to(rooms.a);
    await quiet();
    expect(botSaid(rooms.a.id).length).toBe(before);
    const reply = await askInRoom(rooms.a, people.bob, '年报 施集镇2020年政府采购金额', false);
    expect(reply).toMatch(/^@bob/);
    expect(reply).toContain('7,380元');
  });

  it('keeps follow-up context per person: 那施集镇呢 continues alice, a stranger is asked which township', async () => {
    const followUp = await askInRoom(rooms.a, people.alice, '那施集镇呢');
    expect(followUp).toContain('施集镇2020年');
    expect(followUp).toContain('7,380元');
    const year = await askInRoom(rooms.a, people.alice, '那采购项目数呢');
    expect(year).toContain('采购项目数量');
    expect(year).toContain('2项');
    const stranger = await askInRoom(rooms.a, people.erin, '那采购项目数呢');
    expect(stranger).not.toContain('2项');
    expect(stranger).toContain('请说明是哪个乡镇');
  });

  it('asks back when two agencies share a name, and a digit reply continues', async () => {
    const question = await askInRoom(rooms.a, people.carol, '白土镇2020年政府采购金额');
    expect(question).toContain('您指的是：');
    expect(question).toContain('江西省丰城市白土镇');
    expect(question).toContain('安徽省萧县白土镇');
    const line = question.split('\n').find((l) => l.includes('江西省丰城市白土镇'));
    const digit = /(\d)\./.exec(line ?? '')?.[1];
    expect(digit).toBeDefined();
    const answer = await askInRoom(rooms.a, people.carol, digit as string);
    expect(answer).toContain('115,838元');
    const other = await askInRoom(rooms.a, people.carol, '白土镇2020年政府采购金额');
    const otherLine = other.split('\n').find((l) => l.includes('安徽省萧县白土镇'));
    const answer2 = await askInRoom(rooms.a, people.carol, /(\d)\./.exec(otherLine ?? '')?.[1] as string);
    expect(answer2).toContain('52,000元');
  });

  it('ignores stale messages (older than 2 minutes) and refuses an over-long one', async () => {
    const before = botSaid(rooms.a.id).length;
    const stale = mocker.MessageMock.create({
      id: 'stale-1', talkerId: people.hank.id, roomId: rooms.a.id, mentionIdList: [me.id],
      text: '@nianbao 施集镇2020年政府采购金额', timestamp: Date.now() - 5 * 60_000, type: PUPPET.types.Message.Text,
    });
    puppet.emit('message', { messageId: stale.id });
    await quiet();
    expect(botSaid(rooms.a.id).length).toBe(before);
    const reply = await askInRoom(rooms.a, people.hank, `施集镇${'的数据'.repeat(100)}`);
    expect(reply).toContain('问题太长了');
  });
});

describe('private chat', () => {
  it('always answers, without any mention', async () => {
    const dave = people.dave;
    dave.say('张家产镇2020年收到多少申请').to(me);
    const reply = await waitFor(() => botSaid(dave.id)[0], 'a private reply');
    expect(reply).toContain('张家产镇2020年');
    expect(reply).toContain('0件');
    expect(reply).toContain('本年新收政府信息公开申请数量');
  });
});

/** The bot's next image in a conversation after `before` messages, decoded, with the chart the channel drew it from. */
async function nextChart(conversationId: string, before: number): Promise<{ said: Said[]; png: Buffer; sent: SentChart }> {
  const image = await waitFor(() => botMessages(conversationId).slice(before).find((m) => m.type === PUPPET.types.Message.Image), 'a chart image');
  const box = await image.message.toFileBox();
  const png = await box.toBuffer();
  const sent = charts.find((c) => c.png.equals(png));
  if (!sent) throw new Error('the image is not a chart the channel rendered');
  return { said: botMessages(conversationId).slice(before), png, sent };
}

describe('charts after the text (issue 17)', () => {
  it('a ranking: the text first, then a PNG chart that decodes, has its size, is not blank and names metric and top agency', async () => {
    const room = rooms.charts;
    const before = botMessages(room.id).length;
    const text = await askInRoom(room, people.kay, '2020年哪个镇采购金额最高');
    expect(text).toContain('最高的是江西省丰城市白土镇：115,838元');
    const { said, png, sent } = await nextChart(room.id, before);
    // text, then the image: nothing else in between
    expect(said.map((m) => m.type)).toEqual([PUPPET.types.Message.Text, PUPPET.types.Message.Image]);
    expect(said[0].text).toBe(text);
    const { width, height, pixels } = decodePng(png);
    // 5 bars (both 白土镇, 施集镇 and two agencies with 0元): 800 wide, 150 + 5 × 32 = 310 → the 360 px minimum
    expect([width, height]).toEqual([800, 360]);
    const ink = inkStats(pixels);
    expect(ink.variance).toBeGreaterThan(300);
    expect(ink.inkShare).toBeGreaterThan(0.02);
    // 「哪个镇」 compares townships only
    expect(sent.title).toBe('全国各乡镇2020年政府集中采购·采购总金额');
    const texts = readSvg(sent.svg).texts;
    expect(texts).toContain(sent.title);
    expect(texts).toEqual(expect.arrayContaining(['江西省丰城市白土镇', '安徽省萧县白土镇', '施集镇', '11.58万元', '5.2万元', '0.74万元']));
    expect(texts).toContain('来源：5 份年度报告');
    expect(readSvg(sent.svg).dataShapes).toHaveLength(5);
  });

  it('a year series of one agency: a trend chart with one point per year, in calendar order', async () => {
    const room = rooms.charts;
    const before = botMessages(room.id).length;
    const text = await askInRoom(room, people.kay, '丰城市白土镇2018年、2019年和2020年政府采购金额');
    expect(text).toContain('2018年：98,765元');
    expect(text).toContain('2019年：43,210元');
    expect(text).toContain('2020年：115,838元');
    const { said, png, sent } = await nextChart(room.id, before);
    expect(said.map((m) => m.type)).toEqual([PUPPET.types.Message.Text, PUPPET.types.Message.Image]);
    const { width, height, pixels } = decodePng(png);
    expect([width, height]).toEqual([800, 500]);
    expect(inkStats(pixels).variance).toBeGreaterThan(300);
    expect(sent.title).toBe('江西省丰城市白土镇2018—2020年政府集中采购·采购总金额');
    const texts = readSvg(sent.svg).texts;
    const years = texts.filter((t) => /^20\d\d年$/.test(t));
    expect(years).toEqual(['2018年', '2019年', '2020年']);
    expect(texts).toEqual(expect.arrayContaining(['9.88万元', '4.32万元', '11.58万元', '来源：3 份年度报告']));
  });

  it('「近三年」 is the year series up to last year (the engine\'s clock: 2021), answered and charted as one', async () => {
    const a = await h.engine.ask('丰城市白土镇近三年政府采购金额');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('2018年：98,765元');
    expect(a.text).toContain('2019年：43,210元');
    expect(a.text).toContain('2020年：115,838元');
    expect(a.chart).toMatchObject({ kind: 'trend', title: '江西省丰城市白土镇2018—2020年政府集中采购·采购总金额' });
  });

  it('the engine puts the numbers of rankings, per-agency lists and comparisons in the answer\'s chart, not of single values', async () => {
    const each = await h.engine.ask('2020年各乡镇政府采购金额');
    expect(each.chart).toMatchObject({ kind: 'ranking', unit: '元', sourceCount: 5, title: '全国各乡镇2020年政府集中采购·采购总金额' });
    expect(each.chart?.series.filter((p) => p.value !== 0)).toEqual([
      { label: '江西省丰城市白土镇', value: 115838 }, { label: '安徽省萧县白土镇', value: 52000 }, { label: '施集镇', value: 7380 },
    ]);
    const compared = await h.engine.ask('施集镇和张家产镇2020年政府采购金额对比');
    expect(compared.chart).toEqual({
      kind: 'comparison', unit: '元', sourceCount: 2, title: '施集镇、张家产镇2020年政府集中采购·采购总金额',
      series: [{ label: '施集镇', value: 7380 }, { label: '张家产镇', value: 0 }],
    });
    const value = await h.engine.ask('施集镇2020年政府采购金额');
    expect(value.text).toContain('7,380元');
    expect(value.chart).toBeUndefined();
  });

  it('a single value gets no chart', async () => {
    const room = rooms.charts;
    const before = botMessages(room.id).length;
    const chartsBefore = channel.stats.charts;
    const text = await askInRoom(room, people.kay, '施集镇2020年政府采购金额');
    expect(text).toContain('7,380元');
    await quiet(600);
    expect(botMessages(room.id).slice(before).map((m) => m.type)).toEqual([PUPPET.types.Message.Text]);
    expect(channel.stats.charts).toBe(chartsBefore);
  });
});

describe('under stress', () => {
  it('limits one person politely: one notice, then silence', async () => {
    const jo = people.jo;
    for (let i = 0; i < 12; i++) jo.say('@nianbao 施集镇2020年政府采购金额', [me]).to(rooms.c);
    await waitFor(() => (botSaid(rooms.c.id).length >= 9 ? true : undefined), 'jo replies');
    await quiet();
    const replies = botSaid(rooms.c.id);
    // 8 per person per minute, then one notice, then nothing
    expect(replies.filter((t) => t.includes(RATE_NOTICE))).toHaveLength(1);
    expect(replies.filter((t) => t.includes('7,380元'))).toHaveLength(8);
    expect(replies).toHaveLength(9);
  });

  it('a 200-message flood from one group is limited politely while another group still gets answers', async () => {
    const flooders = ['f1', 'f2', 'f3', 'f4', 'f5'].map((n) => people[n]);
    for (let i = 0; i < 200; i++) flooders[i % 5].say('@nianbao 2020年哪个镇采购金额最高', [me]).to(rooms.flood);
    const other = await askInRoom(rooms.b, people.gina, '施集镇2020年收到多少申请');
    expect(other).toMatch(/^@gina/);
    expect(other).toContain('0件');
    await waitFor(() => (botSaid(rooms.flood.id).length >= 21 ? true : undefined), 'the flood replies');
    await quiet(600);
    const replies = botSaid(rooms.flood.id);
    expect(replies.filter((t) => t.includes(RATE_NOTICE))).toHaveLength(1);
    expect(replies.filter((t) => t.includes('最高的是江西省丰城市白土镇'))).toHaveLength(20);
    expect(replies).toHaveLength(21);
  });

  it('a puppet error is logged and does not end the bot', async () => {
    const errors = channel.stats.errors;
    puppet.emit('error', { data: 'simulated puppet failure' });
    await waitFor(() => (channel.stats.errors > errors ? true : undefined), 'the error to be logged');
    expect(logs.some((l) => l.startsWith('error puppet error'))).toBe(true);
    const reply = await askInRoom(rooms.b, people.ivan, '施集镇2020年规章新制作数量');
    expect(reply).toContain('3件');
  });

  it('says 暂时无法查询 while the GraphQL server is down and recovers when it returns', async () => {
    const port = h.http.port;
    await h.http.close();
    const down = await askInRoom(rooms.b, people.ivan, '甘河子镇2020年收到多少申请');
    expect(down).toContain(UNAVAILABLE);
    h.http = await h.server.listen(port, '127.0.0.1');
    const back = await askInRoom(rooms.b, people.ivan, '甘河子镇2020年收到多少申请');
    expect(back).toContain('甘河子镇2020年');
    expect(back).toContain('0件');
  });
});

describe('a group whitelist', () => {
  it('answers only in the listed groups', async () => {
    const mocker2 = new mock.Mocker();
    const puppet2 = new PuppetMock({ mocker: mocker2 });
    const bot2 = WechatyBuilder.build({ puppet: puppet2 });
    new WechatyChannel(bot2, { answerer: h.engine, rooms: ['白名单群'], logger: { info: () => {}, warn: () => {}, error: () => {} } });
    await bot2.start();
    try {
      const self = mocker2.createContact({ name: 'nianbao' });
      const kim = mocker2.createContact({ name: 'kim' });
      mocker2.login(self);
      const listed = mocker2.createRoom({ topic: '白名单群', memberIdList: [self.id, kim.id] });
      const other = mocker2.createRoom({ topic: '别的群', memberIdList: [self.id, kim.id] });
      const replies: Record<string, string[]> = { listed: [], other: [] };
      listed.on('message', (m) => {
        if (m.payload.talkerId === self.id) replies.listed.push(m.payload.text ?? '');
      });
      other.on('message', (m) => {
        if (m.payload.talkerId === self.id) replies.other.push(m.payload.text ?? '');
      });
      await waitFor(() => (bot2.isLoggedIn ? true : undefined), 'login');
      kim.say('@nianbao 施集镇2020年政府采购金额', [self]).to(other);
      kim.say('@nianbao 施集镇2020年政府采购金额', [self]).to(listed);
      const reply = await waitFor(() => replies.listed[0], 'the reply in the listed group');
      expect(reply).toContain('7,380元');
      await quiet();
      expect(replies.other).toEqual([]);
    } finally {
      await bot2.stop();
    }
  });
});
