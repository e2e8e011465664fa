/**
 * Is the bot's text answer delayed by its chart? (issue 17). The bot as it runs in WeChat: the application on a
 * fresh embedded PostgreSQL with the samples, the engine in-process, the Wechaty channel on wechaty-puppet-mock.
 * Each question is asked by a new contact in a private chat; the script records when the text and when the chart
 * image arrive, measured from the question, and prints the medians per question.
 * Run: npx tsc -p tsconfig.json && node dist/bench/chartDelivery.js [runs per question, default 5]
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WechatyBuilder } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import * as PUPPET from 'wechaty-puppet';
import { startApp, WechatyChannel } from '../src/app';
import { silentLogger } from '../src/contracts';

const QUESTIONS = ['2020年哪个镇采购金额最高', '白土镇和施集镇2020年采购金额对比', '2020年各乡镇收到的申请数'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

async function until(probe: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!probe()) {
    if (Date.now() - started > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-chart-bench-'));
  chmodSync(dataDir, 0o755); // the embedded server runs as the OS user postgres
  const app = await startApp({ dataDir, logger: silentLogger, serverLogger: silentLogger, botLogger: silentLogger });
  const mocker = new mock.Mocker();
  const bot = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
  const channel = new WechatyChannel(bot, { answerer: app.engine, logger: silentLogger, personLimit: { limit: 100, windowMs: 60_000 } });
  try {
    await bot.start();
    const me = mocker.createContact({ name: 'nianbao' });
    mocker.login(me);
    await until(() => bot.isLoggedIn, 'login');
    await app.engine.ready();
    console.log(`| question | text (median ms) | chart image (median ms) | text first | runs |`);
    console.log(`|---|---|---|---|---|`);
    for (const question of QUESTIONS) {
      const text: number[] = [];
      const image: number[] = [];
      let textFirst = 0;
      for (let i = 0; i < runs; i++) {
        const asker = mocker.createContact({ name: `asker${text.length}-${question.length}-${i}` });
        const arrived: { type: PUPPET.types.Message; at: number }[] = [];
        asker.on('message', (m) => {
          if (m.payload.talkerId === me.id) arrived.push({ type: m.payload.type, at: performance.now() });
        });
        const t0 = performance.now();
        asker.say(question).to(me);
        await until(() => arrived.length >= 2, `text and chart for 「${question}」`);
        const t = arrived.find((a) => a.type === PUPPET.types.Message.Text)!;
        const img = arrived.find((a) => a.type === PUPPET.types.Message.Image)!;
        text.push(t.at - t0);
        image.push(img.at - t0);
        if (arrived[0] === t) textFirst++;
      }
      console.log(`| ${question} | ${median(text).toFixed(0)} | ${median(image).toFixed(0)} | ${textFirst}/${runs} | ${runs} |`);
    }
  } finally {
    await channel.drain();
    await bot.stop();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e: Error) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
