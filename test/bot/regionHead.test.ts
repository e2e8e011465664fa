import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BotEngine } from '../../src/bot/engine';
import { inProcessEngine, startBotHarness, type BotHarness } from './harness';

/**
 * A region whose zone and one of its departments both report for the year (平潭综合实验区 and 平潭综合实验区财政金融局,
 * written here from the zone's 2022 report under the department's title, so only the agency named tells them apart):
 * 「平潭2022年…」 questions that only one agency's report can answer are about the zone itself, never the department,
 * and not asked back between them.
 */
const REAL = path.join(__dirname, '..', 'fixtures', 'real', 'reports');

function writeDepartment(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-dept-'));
  const text = readFileSync(path.join(REAL, 'pingtan-2022.txt'), 'utf8')
    .replaceAll('平潭综合实验区2022年度政府信息公开工作年度报告', '平潭综合实验区财政金融局2022年度政府信息公开工作年度报告')
    .replace('本报告根据', '平潭综合实验区财政金融局本报告根据');
  const file = path.join(dir, 'pingtan-finance-2022.txt');
  writeFileSync(file, text);
  return file;
}

let h: BotHarness;
let engine: BotEngine;

beforeAll(async () => {
  h = await startBotHarness([path.join(REAL, 'pingtan-2022.txt'), path.join(REAL, 'pingtan-2021.txt'), writeDepartment()]);
  engine = inProcessEngine(h.server, { now: () => new Date('2026-06-01T08:00:00Z') });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('a region stands for its own zone over its departments', () => {
  it('the department is stored as its own agency of 平潭县 (the fixture is what it says)', async () => {
    const res = await h.server.execute('{ reports(filter: { year: 2022 }, first: 20) { edges { node { agency { name kind regionCode } } } } }');
    const agencies = (res.data as { reports: { edges: { node: { agency: { name: string; kind: string; regionCode: string } } }[] } }).reports.edges.map((e) => e.node.agency);
    expect(agencies).toEqual(expect.arrayContaining([
      { name: '平潭综合实验区', kind: 'zone', regionCode: '350128' },
      expect.objectContaining({ name: '平潭综合实验区财政金融局', kind: 'department', regionCode: '350128' }),
    ]));
  });

  it.each([
    ['平潭2022年行政诉讼一共多少件', '平潭综合实验区2022年「行政诉讼」合计：1件（未经复议直接起诉1件 + 复议后起诉0件）'],
    ['平潭2022年收到的申请比2021年多多少', '平潭综合实验区2022年：74件'],
    ['平潭2022年联系电话', '平潭综合实验区2022年报告的联系方式'],
  ])('%s', async (q, expected) => {
    const answer = await engine.ask(q, `head-${q}`);
    const where = `「${q}」 →\n${answer.text}`;
    expect({ where, status: answer.status }).toEqual({ where, status: 'answered' });
    expect({ where, ok: answer.text.includes(expected) }).toEqual({ where, ok: true });
    expect(answer.text).not.toContain('财政金融局');
  });
});
