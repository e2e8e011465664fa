import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BotEngine } from '../../src/bot/engine';
import { inProcessEngine, startBotHarness, type BotHarness } from './harness';

/**
 * How a question's agency is found among the agencies of the data (issue 14): a named agency that the data lacks is
 * never answered with its region's or its parent's reports; a name one character off is asked back within its own
 * place only; a department's own short name (「区行政审批局」) is that department; a place and a department's stem
 * (「平潭公安」) are that place's department. Real reports of 平潭综合实验区 (the zone, its 财政金融局, 行政审批局,
 * 公安局), 沭阳县 (its government and 发展和改革局), 上海市 (科委, 办公厅), plus a 泗阳县发展和改革局 written from the
 * 沭阳 one with its own number of new requests (31, the 沭阳 report says 26), so that two counties share 「县发改局」.
 */
const REAL = path.join(__dirname, '..', 'fixtures', 'real', 'reports');
const EXTRA = path.join(__dirname, '..', 'fixtures', 'real-extra', 'reports');

function writeSiyang(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-siyang-'));
  const text = readFileSync(path.join(REAL, 'shuyang-fgj-2023.html'), 'utf8')
    .replaceAll('沭阳', '泗阳')
    .replaceAll('沭城', '泗城')
    .replace('<td colspan="3">一、本年新收政府信息公开申请数量</td><td>26</td>', '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>31</td>')
    .replace('<td> </td><td>26</td></tr>', '<td> </td><td>31</td></tr>');
  const file = path.join(dir, 'siyang-fgj-2023.html');
  writeFileSync(file, text);
  return file;
}

let h: BotHarness;
let engine: BotEngine;

beforeAll(async () => {
  h = await startBotHarness([
    path.join(REAL, 'pingtan-2022.txt'),
    path.join(REAL, 'pingtan-2023.txt'),
    path.join(REAL, 'shuyang-fgj-2023.html'),
    path.join(REAL, 'shanghai-office-2025.md'),
    path.join(EXTRA, 'pingtan-approval-2023.txt'),
    path.join(EXTRA, 'pingtan-finance-2022.txt'),
    path.join(EXTRA, 'pingtan-police-2021.txt'),
    path.join(EXTRA, 'shanghai-stcsm-2024.md'),
    path.join(EXTRA, 'shuyang-gov-2025.txt'),
    writeSiyang(),
  ]);
  engine = inProcessEngine(h.server, { now: () => new Date('2026-06-01T08:00:00Z') });
}, 180_000);
afterAll(async () => {
  await h?.close();
});

async function ask(q: string, session = `mention-${q}`) {
  const answer = await engine.ask(q, session);
  return { where: `「${q}」 →\n${answer.text}`, ...answer };
}

/** The number a question back lists the option containing `name` under. */
function optionOf(text: string, name: string): string {
  const line = text.split('\n').find((l) => /^\d\. /.test(l) && l.includes(name));
  return line ? line.slice(0, line.indexOf('.')) : 'none';
}

describe('an agency the data lacks is not answered with its region or its parent', () => {
  it.each([
    ['福州市人民政府2023年收到多少申请', '福州市人民政府', ['81']],
    ['宿迁市人民政府2023年收到多少申请', '宿迁市人民政府', ['26', '31']],
    ['上海市人民政府2025年收到多少申请', '上海市人民政府', ['1,295', '1295']],
    ['平潭综合实验区教育局2023年收到多少申请', '平潭综合实验区教育局', ['81']],
    ['沭阳县教育局2023年收到多少申请', '沭阳县教育局', ['26']],
    ['沭阳县人民政府办公室2025年收到多少申请', '沭阳县人民政府办公室', ['713']],
    ['上海市公安局2024年行政许可多少件', '上海市公安局', ['97']],
    ['沭阳公安2023年收到多少申请', '沭阳公安', ['26']],
    ['上海市浦东新区人民政府2025年行政复议几件', '上海市浦东新区人民政府', ['55']],
    ['江苏省沭阳县教育局2023年收到多少申请', '江苏省沭阳县教育局', ['26']],
  ])('%s', async (q, name, notValues) => {
    const a = await ask(q);
    expect({ where: a.where, status: a.status, named: a.text.includes(`「${name}」`) }).toEqual({ where: a.where, status: 'no_data', named: true });
    for (const v of notValues) expect({ where: a.where, has: a.text.includes(v) }).toEqual({ where: a.where, has: false });
    expect(a.cells).toEqual([]);
  });

  it('a region-level question without an agency word still adds up the region', async () => {
    const a = await ask('福州市各单位2022年收到多少申请');
    expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: 'answered' });
    expect(a.text).toContain('平潭综合实验区 74件');
    expect(a.text).toContain('平潭综合实验区财政金融局 1件');
    expect(a.text).toContain('合计：75件');
  });
});

describe('a near name is asked back within its own place, never across places', () => {
  it.each([
    ['平潭综合实验区财政金触局2022年行政规范性文件制发几件', '平潭综合实验区财政金融局', '8件'],
    ['平潭综合实验区行政审枇局2023年收到多少申请', '平潭综合实验区行政审批局', '7件'],
    ['沭阳县发展和改草局2023年现行有效规范性文件多少', '沭阳县发展和改革局', '18件'],
    ['泗阳县发展和改草局2023年收到多少申请', '泗阳县发展和改革局', '31件'],
    ['上海市科学技木委员会2024年行政许可多少件', '上海市科学技术委员会', '97件'],
  ])('%s', async (q, name, value) => {
    const session = `near-${q}`;
    const asked = await ask(q, session);
    expect({ where: asked.where, status: asked.status, first: asked.text.split('\n')[0] }).toEqual({ where: asked.where, status: 'asked_back', first: `您是不是要问${name}？` });
    const a = await ask('1', session);
    expect({ where: a.where, status: a.status, value: a.text.includes(`：${value}`), cited: a.text.startsWith(name) }).toEqual({ where: a.where, status: 'answered', value: true, cited: true });
  });

  it.each([
    ['北京市人民政府办公厅2025年收到多少申请', '北京市人民政府办公厅', '1,295'],
    ['北京市科学技术委员会2024年行政许可多少件', '北京市科学技术委员会', '97'],
    ['江苏省人民政府办公厅2025年收到多少申请', '江苏省人民政府办公厅', '1,295'],
  ])('%s is another place\'s agency: no data', async (q, name, notValue) => {
    const a = await ask(q);
    expect({ where: a.where, status: a.status, named: a.text.includes(`「${name}」`), value: a.text.includes(notValue), shanghai: a.text.includes('上海') })
      .toEqual({ where: a.where, status: 'no_data', named: true, value: false, shanghai: false });
  });
});

describe('a department\'s short name and a place\'s department stem', () => {
  it.each([
    ['区行政审批局2023年收到多少申请', '平潭综合实验区行政审批局', '7件'],
    ['区行政审批局2023年行政许可决定多少', '平潭综合实验区行政审批局', '3件'],
    ['区财政金融局2022年行政规范性文件制发几件', '平潭综合实验区财政金融局', '8件'],
    ['平潭公安2021年行政处罚决定多少', '平潭综合实验区公安局', '141件'],
    ['平潭财政2022年行政规范性文件制发几件', '平潭综合实验区财政金融局', '8件'],
    ['平潭县人民政府2022年收到多少申请', '平潭综合实验区', '74件'],
  ])('%s', async (q, name, value) => {
    const a = await ask(q);
    expect({ where: a.where, status: a.status, value: a.text.includes(`：${value}`), cited: a.text.startsWith(`${name}20`) }).toEqual({ where: a.where, status: 'answered', value: true, cited: true });
  });

  it.each([
    ['县发改局2023年收到多少申请'],
    ['县发展和改革局2023年收到多少申请'],
  ])('%s fits two counties: both listed, the reply picks one', async (q) => {
    const session = `short-${q}`;
    const asked = await ask(q, session);
    expect({ where: asked.where, status: asked.status }).toEqual({ where: asked.where, status: 'asked_back' });
    expect(asked.text).toContain('沭阳县发展和改革局');
    expect(asked.text).toContain('泗阳县发展和改革局');
    const a = await ask(optionOf(asked.text, '泗阳县发展和改革局'), session);
    expect({ where: a.where, status: a.status, value: a.text.includes('：31件'), cited: a.text.startsWith('泗阳县发展和改革局2023年') }).toEqual({ where: a.where, status: 'answered', value: true, cited: true });
  });
});

describe('a question that names no agency lists the agencies that fit', () => {
  it('the agencies with a report of the year asked', async () => {
    const session = 'which-2022';
    const asked = await ask('2022年收到多少申请', session);
    expect({ where: asked.where, status: asked.status, first: asked.text.split('\n')[0] }).toEqual({ where: asked.where, status: 'asked_back', first: '您问的是哪个机关的报告：' });
    expect(asked.text).toContain('平潭综合实验区财政金融局');
    expect(asked.text).not.toContain('行政审批局');
    const a = await ask(optionOf(asked.text, '财政金融局'), session);
    expect({ where: a.where, status: a.status, value: a.text.includes('：1件'), cited: a.text.startsWith('平潭综合实验区财政金融局2022年') }).toEqual({ where: a.where, status: 'answered', value: true, cited: true });
  });

  it('the one agency the department word fits is that agency (现行有效 is printed in its 2023 report only)', async () => {
    const asked = await ask('行政审批局规范性文件现行有效多少件');
    expect({ where: asked.where, status: asked.status }).toEqual({ where: asked.where, status: 'answered' });
    const inForce = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'real-extra', 'expected', 'pingtan-approval-2023.json'), 'utf8')).cells['active.normative_docs.in_force'];
    expect(asked.text).toContain(`平潭综合实验区行政审批局2023年「规范性文件 · 现行有效件数」：${inForce}件`);
  });
});
