import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/ingest';
import { BotEngine } from '../../src/bot/engine';
import { HttpGraphQLClient } from '../../src/bot/client';
import { SAMPLES, startBotHarness, type BotHarness } from './harness';

/**
 * Reports ingested after the bot loaded its agency index are found (an unknown township name reloads the index), and
 * a report whose tables do not add up is reported with the failed rules.
 */

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness([], { minReloadMs: 0 });
});
afterAll(() => h?.close());

it('answers about a township ingested after start-up instead of repeating 没有这份报告', async () => {
  const before = await h.engine.ask('章广镇2020年政府采购金额');
  expect(before.text).toContain('没有这份报告');
  // 施集镇's neighbour in 南谯区, written from the 施集镇 sample with its own procurement amount
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-'));
  const file = path.join(dir, 'zhangguang-2020.txt');
  writeFileSync(file, readFileSync(path.join(SAMPLES, 'shiji-2020.txt'), 'utf8').replaceAll('施集镇', '章广镇').replace('7380元整', '9150元整'));
  const summary = await ingestPaths([file], { dataSource: h.db.dataSource, workers: 0 });
  expect(summary.failed).toEqual([]);
  const after = await h.engine.ask('章广镇2020年政府采购金额');
  expect(after.text).toContain('章广镇2020年「政府集中采购 · 采购总金额」：9,150元');
});

it('lists the failed consistency checks of a report whose totals do not add up', async () => {
  // the 丰城市白土镇 sample moved to 曲江区 (韶关市, another 白土镇), with 新收申请 总计 3 while its columns sum to 1
  const lines = readFileSync(path.join(SAMPLES, 'baitu-2020.txt'), 'utf8').replaceAll('江西省丰城市', '广东省韶关市曲江区').replaceAll('丰城市', '曲江区').split('\n');
  const row = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  expect(lines[row + 7]).toBe('\t1');
  lines[row + 7] = '\t3';
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-'));
  const file = path.join(dir, 'baitu-qujiang-2020.txt');
  writeFileSync(file, lines.join('\n'));
  expect((await ingestPaths([file], { dataSource: h.db.dataSource, workers: 0 })).failed).toEqual([]);
  h.engine.invalidate();
  const clean = await h.engine.ask('丰城市白土镇2020年报告有没有勾稽错误');
  expect(clean.text).toContain('全部通过');
  const broken = await h.engine.ask('曲江区白土镇2020年报告有没有勾稽错误');
  expect(broken.text).toMatch(/有\d+条不符/);
  expect(broken.text).toContain('左边3');
  expect(broken.cells.map((c) => c.key)).toContain('requests.new.total');
});

describe('an agency with two years of reports', () => {
  beforeAll(async () => {
    // 白土镇 (丰城市) gets a 2021 report: the 港口乡 (铜鼓县) sample, format 2021, renamed
    const text = readFileSync(path.join(SAMPLES, 'gangkou-2021.txt'), 'utf8').replaceAll('港口乡', '白土镇').replaceAll('铜鼓县', '丰城市').replaceAll('tonggu', 'fengcheng');
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-'));
    const file = path.join(dir, 'baitu-2021.txt');
    writeFileSync(file, text);
    expect((await ingestPaths([file], { dataSource: h.db.dataSource, workers: 0 })).failed).toEqual([]);
    h.engine.invalidate();
  });

  it('asks which year when none is given, and the digit picks it', async () => {
    const question = await h.engine.ask('丰城市白土镇政府采购金额', 'years');
    expect(question.text).toContain('您问的是哪一年：\n1. 2021年\n2. 2020年\n请回复序号。');
    expect((await h.engine.ask('2', 'years')).text).toContain('115,838元');
    // in the same session the year would now carry over as context: a new session is asked again
    await h.engine.ask('丰城市白土镇政府采购金额', 'years-2');
    const format = await h.engine.ask('1', 'years-2');
    expect(format.text).toContain('2021年的报告用的是2021年版表格，这一版没有「政府集中采购 · 采购总金额」这一项');
    expect(format.text).not.toContain('115,838');
  });

  it('compares a year with the year before (同比)', async () => {
    const answer = await h.engine.ask('丰城市白土镇2021年收到多少申请同比');
    expect(answer.text).toContain('白土镇2021年：0件');
    expect(answer.text).toContain('白土镇2020年：1件');
    expect(answer.text).toMatch(/白土镇2021年比(江西省丰城市)?白土镇2020年减少1件（-100%）/);
  });
});

describe('a county-level report beside the townships', () => {
  beforeAll(async () => {
    // 丰城市人民政府's own report (a county-level city), written from the 白土镇 sample with a larger procurement amount
    const text = readFileSync(path.join(SAMPLES, 'baitu-2020.txt'), 'utf8')
      .replaceAll('丰城市白土镇', '丰城市').replaceAll('白土镇', '丰城市').replaceAll('我镇', '我市').replace('115838元', '999999元');
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-'));
    const file = path.join(dir, 'fengcheng-2020.txt');
    writeFileSync(file, text);
    expect((await ingestPaths([file], { dataSource: h.db.dataSource, workers: 0 })).failed).toEqual([]);
    h.engine.invalidate();
  });

  it('「哪个镇」 ranks only townships, while an open question ranks every agency', async () => {
    const township = await h.engine.ask('2020年哪个镇采购金额最高');
    // the two 白土镇 (丰城市 and its copy in 曲江区) tie at the top of the townships
    expect(township.text).toContain('最高的有2个并列，均为115,838元');
    expect(township.text).toContain('共7份报告，只比较乡镇，另有1份其他机关的报告未列入');
    expect(township.text).not.toContain('999,999');
    const anyone = await h.engine.ask('2020年采购金额最高的是谁');
    expect(anyone.text).toContain('最高的是丰城市：999,999元');
  });

  it('reads 丰城市 as the agency in a value question and as the region in 「各乡镇」', async () => {
    expect((await h.engine.ask('丰城市2020年政府采购金额')).text).toContain('丰城市2020年「政府集中采购 · 采购总金额」：999,999元');
    const each = await h.engine.ask('丰城市2020年各乡镇政府采购金额');
    expect(each.text).toMatch(/1\. (江西省丰城市)?白土镇 115,838元/);
    expect(each.text).not.toContain('999,999');
  });
});

describe('an agency of another kind ingested after start-up (issue 14: names kept fresh as reports are ingested)', () => {
  const real = path.join(__dirname, '..', 'fixtures', 'real-extra');
  const expected = JSON.parse(readFileSync(path.join(real, 'expected', 'shanghai-stcsm-2024.json'), 'utf8'));

  it('is found by the next question: the stored agencies were counted again, not only a township name', async () => {
    const engine = new BotEngine({ client: new HttpGraphQLClient(h.endpoint), agencyCheckMs: 0 });
    const before = await engine.ask('上海市科委2024年收到多少申请');
    expect(before.status).not.toBe('answered');
    const summary = await ingestPaths([path.join(real, 'reports', 'shanghai-stcsm-2024.md')], { dataSource: h.db.dataSource, workers: 0 });
    expect(summary.failed).toEqual([]);
    const after = await engine.ask('上海市科委2024年收到多少申请');
    expect(after.status).toBe('answered');
    expect(after.text).toContain(`${expected.agency}`);
    expect(after.cells.map((c) => c.key)).toEqual(['requests.new.total']);
    expect(after.text).toContain(`：${expected.cells['requests.new.total']}件`);
  });
});
