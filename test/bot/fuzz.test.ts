import { WechatyBuilder } from 'wechaty';
import type { WechatyInterface } from 'wechaty/impls';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import type { BotEngine } from '../../src/bot/engine';
import { SAY } from '../../src/bot/vocabulary';
import { WechatyChannel } from '../../src/bot/wechaty';
import { ASK_STATUSES, type AskAnswer, type Logger } from '../../src/contracts';
import { waitFor, inProcessEngine, startBotHarness, writeSecondBaitu, type BotHarness } from './harness';
import { seeded } from '../support/seeded';

/**
 * No exception reaches a user: a fixed number of seeded random and mutated questions (and follow-ups in the same
 * session) through `ask`, and a share of them through the Wechaty channel (wechaty-puppet-mock). Every answer has a
 * status, a non-empty text, no 「查询出错」 and no fallback of a failed question; the engine logs no error.
 */


const PLACES = ['白土镇', '白土', '丰城市白土镇', '白士镇', '百土镇', '施集镇', '施集', '南谯区', '港口乡', '甘河子镇', '张家产镇', '丰城市', '江西省', '上海市科委', '大河镇', '平潭', '白土鎮', ''];
const YEARS = ['2020年', '2021年', '二〇二〇年', '去年', '今年', '1850年', '9999年', '20年', '2020', '2019年度', '上一年', ''];
const METRICS = ['政府采购金额', '采购项目数', '收到多少申请', '予以公开', '自然人提出了多少件申请', '被起诉', '行政复议', '规章', '规范性文件', '收费情况', '联系电话', '存在什么问题', '什么时候发布', '其他处理', '部分公开', '上一年项目数量', '采购', '多少钱', ''];
const TAILS = ['', '是多少', '？', '呢', '最高', '最多', '前3名', '合计', '平均', '对比', '同比', '哪个省最多', '哪个街道最多', '各乡镇', '有哪几年的报告', '有没有勾稽错误'];
const FOLLOW_UPS = ['1', '2', '9', '是', '那施集镇呢', '2021年呢', '和2020年比呢', '跟去年比呢', '同比呢', '那采购项目数呢', '前3名', '0', '第二个'];
const NOISE = ['', '\u0000', '😀', '<script>', "'; drop table reports; --", '？？？', '　', '\n', 'ＡＢＣ', '%s%n', '{{x}}', '鎮採購', '㐀𠀀'];

const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

function randomQuestion(r: () => number): string {
  const parts = [pick(r, PLACES), pick(r, YEARS), pick(r, METRICS), pick(r, TAILS)];
  if (r() < 0.3) parts.splice(Math.floor(r() * parts.length), 0, pick(r, NOISE));
  if (r() < 0.2) parts.reverse();
  return parts.join(r() < 0.2 ? ' ' : '');
}

/** Delete, repeat, swap or insert characters of a question (mistypes and garbage). */
function mutate(r: () => number, q: string): string {
  const chars = [...q];
  const times = 1 + Math.floor(r() * 3);
  for (let i = 0; i < times && chars.length > 0; i++) {
    const at = Math.floor(r() * chars.length);
    const op = Math.floor(r() * 4);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, chars[at]);
    else if (op === 2 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
    else chars.splice(at, 0, String.fromCodePoint(0x4e00 + Math.floor(r() * 0x5000)));
  }
  return chars.join('');
}

const CASES = 500;
const CHANNEL_CASES = 60;

function questions(seed: number, n: number): { q: string; session: string }[] {
  const r = seeded(seed);
  const out: { q: string; session: string }[] = [];
  for (let i = 0; i < n; i++) {
    const session = `fuzz-${Math.floor(i / 5)}`;
    const roll = r();
    const q = roll < 0.45 ? randomQuestion(r) : roll < 0.8 ? mutate(r, randomQuestion(r)) : roll < 0.95 ? pick(r, FOLLOW_UPS) : pick(r, NOISE).repeat(1 + Math.floor(r() * 80));
    out.push({ q, session });
  }
  return out;
}

let h: BotHarness;
let engine: BotEngine;
const errors: string[] = [];
const logger: Logger = { info: () => {}, warn: () => {}, error: (m) => errors.push(m) };

beforeAll(async () => {
  h = await startBotHarness([writeSecondBaitu()]);
  // in process: 500 questions of a few operations each would pass the HTTP rate limit, which is not under test here
  engine = inProcessEngine(h.server, { now: () => new Date('2021-06-01T08:00:00Z'), logger });
  await engine.ready();
}, 180_000);
afterAll(() => h?.close());

function checkAnswer(q: string, a: AskAnswer): void {
  const where = `「${q}」 → ${a.text}`;
  expect({ where, status: ASK_STATUSES.includes(a.status) }).toEqual({ where, status: true });
  expect({ where, empty: a.text.trim().length === 0 }).toEqual({ where, empty: false });
  expect({ where, failed: a.text.includes('查询出错') || a.text === SAY.failed || a.status === 'unavailable' }).toEqual({ where, failed: false });
}

describe('seeded fuzz through ask', () => {
  it(`answers ${CASES} random and mutated questions without an exception reaching the user`, async () => {
    const statuses = new Map<string, number>();
    for (const { q, session } of questions(20261201, CASES)) {
      const a = await engine.ask(q, session);
      checkAnswer(q, a);
      statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    }
    expect(errors).toEqual([]);
    // the seeded questions reach every way a question can end except the graph being down
    expect([...statuses.keys()].sort()).toEqual(['answered', 'asked_back', 'no_data', 'refused']);
  }, 240_000);
});

describe('seeded fuzz through the Wechaty channel', () => {
  let bot: WechatyInterface;
  let mocker: mock.Mocker;
  let me: mock.ContactMock;
  const channelErrors: string[] = [];

  beforeAll(async () => {
    mocker = new mock.Mocker();
    bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
    new WechatyChannel(bot, {
      answerer: engine,
      personLimit: { limit: 1000, windowMs: 60_000 },
      logger: { info: () => {}, warn: () => {}, error: (m) => channelErrors.push(m) },
    });
    await bot.start();
    me = mocker.createContact({ name: 'nianbao' });
    mocker.login(me);
    await waitFor(() => (bot.isLoggedIn ? true : undefined), 'the bot to log in');
  });
  afterAll(() => bot?.stop());

  it(`replies to ${CHANNEL_CASES} seeded messages in a private chat, each with a real answer`, async () => {
    const user = mocker.createContact({ name: 'fuzzer' });
    const replies: string[] = [];
    user.on('message', (m) => {
      if (m.payload.talkerId === me.id) replies.push(m.payload.text ?? '');
    });
    for (const { q } of questions(7, CHANNEL_CASES)) {
      // an empty or blank message is no question for the bot (it stays silent): ask something instead
      const text = q.trim() ? q : '帮助';
      const before = replies.length;
      user.say(text).to(me);
      const reply = await waitFor(() => replies[before], 'the bot');
      expect({ q: text, reply, bad: reply.includes('查询出错') || reply.includes(SAY.failed) }).toEqual({ q: text, reply, bad: false });
    }
    expect(channelErrors).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});

