import { WechatyBuilder } from 'wechaty';
import type { WechatyInterface } from 'wechaty/impls';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import * as PUPPET from 'wechaty-puppet';
import { WechatyChannel } from '../../src/bot/wechaty';
import { waitFor, startBotHarness, type BotHarness } from './harness';

/**
 * A chart that cannot be rendered never costs the answer (issue 17): with NIANBAO_CJK_FONT naming a font that does
 * not exist, every PNG render throws ChartFontError; the ranking's text still arrives, no image follows, the log says why.
 * Its own file: the renderer remembers the font it found once per process (module), so no render may succeed first.
 */

const MISSING_FONT = '/nonexistent/fonts/NotoSansCJK-Regular.ttc';
let h: BotHarness;
let bot: WechatyInterface;
let channel: WechatyChannel;
const logs: string[] = [];
const received: { type: PUPPET.types.Message; text: string }[] = [];
let me: mock.ContactMock;
let mia: mock.ContactMock;
const previousFont = process.env.NIANBAO_CJK_FONT;

beforeAll(async () => {
  process.env.NIANBAO_CJK_FONT = MISSING_FONT;
  h = await startBotHarness();
  const mocker = new mock.Mocker();
  bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
  channel = new WechatyChannel(bot, {
    answerer: h.engine,
    logger: { info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`), error: (m) => logs.push(`error ${m}`) },
  });
  await bot.start();
  me = mocker.createContact({ name: 'nianbao' });
  mia = mocker.createContact({ name: 'mia' });
  mocker.login(me);
  mia.on('message', (m) => {
    if (m.payload.talkerId === me.id) received.push({ type: m.payload.type, text: m.payload.text ?? '' });
  });
  await waitFor(() => (bot.isLoggedIn ? true : undefined), 'login');
});

afterAll(async () => {
  if (previousFont === undefined) delete process.env.NIANBAO_CJK_FONT;
  else process.env.NIANBAO_CJK_FONT = previousFont;
  await channel?.drain();
  await bot?.stop();
  await h?.close();
});


it('a ranking without a CJK font: the text arrives, no image, the failure is logged', async () => {
  mia.say('2020年哪个镇采购金额最高').to(me);
  const text = await waitFor(() => received[0], 'the text answer');
  expect(text.type).toBe(PUPPET.types.Message.Text);
  expect(text.text).toContain('最高的是白土镇：115,838元');
  const failure = await waitFor(() => logs.find((l) => l.includes('not sent')), 'the chart failure in the log');
  expect(failure).toBe(`warn chart 「全国各乡镇2020年政府集中采购·采购总金额」 not sent (CHART_FONT_MISSING): NIANBAO_CJK_FONT names ${MISSING_FONT}, which does not exist`);
  await new Promise((r) => setTimeout(r, 500));
  expect(received).toHaveLength(1);
  expect(channel.stats).toMatchObject({ answered: 1, charts: 0, errors: 0 });
});
