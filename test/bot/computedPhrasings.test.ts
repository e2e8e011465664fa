import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../../bench/generate';
import { selectTownships, type Township } from '../../bench/divisions';
import { townshipValues, type YearValues } from '../../bench/values';
import type { BotEngine } from '../../src/bot/engine';
import type { AskAnswer } from '../../src/contracts';
import { inProcessEngine, startBotHarness, type BotHarness } from './harness';

/**
 * Questions whose answer is more than one printed cell, over the generated corpus of corpusPhrasings (six townships,
 * 2020 on the 2019 template and 2021 on the 2021 one, distinct non-zero values): two or three values asked at once
 * (each answered and cited), the applicant columns ranked (「哪类申请人最多」), provinces ranked by both kinds of
 * 行政诉讼, shares (part ÷ whole) and ratios (「是2020年的几倍」) with both numbers and the formula. Every expected
 * number is computed here from the generator's values, never read from the bot.
 */

const SEED = 'bot-phrasings';
const YEARS = [2020, 2021];
const TOWNSHIPS = 6;

const APPLICANTS: [string, string][] = [
  ['natural_person', '自然人'], ['commercial', '商业企业'], ['research', '科研机构'],
  ['social_org', '社会公益组织'], ['legal_service', '法律服务机构'], ['other_org', '其他'],
];
const DENIED = ['state_secret', 'law_forbidden', 'three_safety', 'third_party', 'internal', 'process', 'enforcement_file', 'query']
  .map((r) => `requests.denied.${r}.total`);
const UNABLE = ['not_held', 'need_creation', 'unclear'].map((r) => `requests.unable.${r}.total`);
const SUITS = ['appeals.suit_direct.total', 'appeals.suit_after_review.total'];

interface Report {
  t: Township;
  /** How the question names the township (「<县><镇>」, as corpusPhrasings does). */
  asked: string;
  values: YearValues;
}

let h: BotHarness;
let engine: BotEngine;
let corpus: string;

function reports(): Report[] {
  const out: Report[] = [];
  for (const t of selectTownships(TOWNSHIPS)) {
    for (const values of townshipValues(SEED, t.code, YEARS[YEARS.length - 1])) {
      if (YEARS.includes(values.year)) out.push({ t, asked: `${t.countyName}${t.name}`, values });
    }
  }
  return out;
}

const ALL = reports();

function v(r: Report, key: string): number {
  const cell = r.values.cells.get(key);
  if (!cell) throw new Error(`no ${key} in the generated ${r.values.year} report`);
  return cell.value;
}

const sum = (r: Report, keys: string[]) => keys.reduce((a, k) => a + v(r, k), 0);

function shown(value: number, unit = '件'): string {
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value)}${unit}`;
}

function percent(part: number, whole: number): string {
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}

beforeAll(async () => {
  corpus = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-computed-'));
  await generateCorpus({ outDir: corpus, seed: SEED, years: YEARS, reports: TOWNSHIPS });
  h = await startBotHarness(YEARS.map((y) => path.join(corpus, String(y))));
  engine = inProcessEngine(h.server, { now: () => new Date('2022-06-01T08:00:00Z') });
}, 240_000);
afterAll(async () => {
  await h?.close();
  if (corpus) rmSync(corpus, { recursive: true, force: true });
});

let n = 0;
async function ask(question: string): Promise<AskAnswer & { where: string }> {
  const answer = await engine.ask(question, `computed-${n++}`);
  return { ...answer, where: `「${question}」 →\n${answer.text}` };
}

function expectHas(a: AskAnswer & { where: string }, parts: string[]): void {
  for (const s of parts) expect({ where: a.where, has: s, ok: a.text.includes(s) }).toEqual({ where: a.where, has: s, ok: true });
}

/** What the answer's first line says of the row's applicant columns: the largest, or the tie. */
function rankHead(r: Report, row: string): string {
  const values = APPLICANTS.map(([col, label]) => ({ label, value: v(r, `${row}.${col}`) }));
  const best = Math.max(...values.map((x) => x.value));
  const top = values.filter((x) => x.value === best);
  return top.length > 1 ? `最多的有${top.length}类并列：${top.map((x) => x.label).join('、')}，均为${shown(best)}` : `最多的是${top[0].label}：${shown(best)}`;
}

const TABLE3 = '表三 收到和处理政府信息公开申请情况';
const each = ALL.map((r) => [`${r.asked} ${r.values.year}`, r] as const);

describe('two or more values in one question: each answered, each cited', () => {
  it.each(each)('%s 部分公开和不予公开各多少', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年部分公开和不予公开各多少`);
    expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: 'answered' });
    expectHas(a, [`「部分公开 · 总计」：${shown(v(r, 'requests.partial.total'))}`, `「不予公开」合计：${shown(sum(r, DENIED))}`, '「部分公开」行「总计」列', '「属于国家秘密」行「总计」列']);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.partial.total', ...DENIED]);
  });

  it.each(each)('%s 收到多少申请，予以公开多少', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年收到多少申请，予以公开多少`);
    expectHas(a, [`「本年新收政府信息公开申请数量 · 总计」：${shown(v(r, 'requests.new.total'))}`, `「予以公开 · 总计」：${shown(v(r, 'requests.granted.total'))}`, TABLE3]);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.new.total', 'requests.granted.total']);
  });

  it.each(each)('%s 予以公开、部分公开、不予公开分别多少 (joined by 「、」)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年予以公开、部分公开、不予公开分别多少`);
    expectHas(a, [`「予以公开 · 总计」：${shown(v(r, 'requests.granted.total'))}`, `「部分公开 · 总计」：${shown(v(r, 'requests.partial.total'))}`, `「不予公开」合计：${shown(sum(r, DENIED))}`]);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.granted.total', 'requests.partial.total', ...DENIED]);
  });

  it.each(each)('%s 不予公开和无法提供各多少 (two sums)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年不予公开和无法提供各多少`);
    expectHas(a, [`「不予公开」合计：${shown(sum(r, DENIED))}`, `「无法提供」合计：${shown(sum(r, UNABLE))}`]);
    expect(a.cells.map((c) => c.key)).toEqual([...DENIED, ...UNABLE]);
  });

  it.each(each)('%s 收到申请多少件，其中自然人多少件 (the row total, then its column)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年收到申请多少件，其中自然人多少件`);
    expectHas(a, [`「本年新收政府信息公开申请数量 · 总计」：${shown(v(r, 'requests.new.total'))}`, `「本年新收政府信息公开申请数量 · 自然人」：${shown(v(r, 'requests.new.natural_person'))}`, '「本年新收政府信息公开申请数量」行「自然人」列']);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.new.total', 'requests.new.natural_person']);
  });

  it.each(each)('%s 行政复议多少件，其中结果纠正几件 (表四)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年行政复议多少件，其中结果纠正几件`);
    expectHas(a, [`「行政复议 · 总计」：${shown(v(r, 'appeals.review.total'))}`, `「行政复议 · 结果纠正」：${shown(v(r, 'appeals.review.corrected'))}`]);
    expect(a.cells.map((c) => c.key)).toEqual(['appeals.review.total', 'appeals.review.corrected']);
  });

  it.each(each)('%s 行政复议及行政诉讼各多少件', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年行政复议及行政诉讼各多少件`);
    expectHas(a, [`「行政复议 · 总计」：${shown(v(r, 'appeals.review.total'))}`, `「行政诉讼」合计：${shown(sum(r, SUITS))}`, '「行政诉讼·复议后起诉」行「总计」列']);
    expect(a.cells.map((c) => c.key)).toEqual(['appeals.review.total', ...SUITS]);
  });
});

describe('「哪类申请人最多」ranks the applicant columns of 表三', () => {
  it.each(each)('%s 哪类申请人最多', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年哪类申请人最多`);
    const head = rankHead(r, 'requests.new');
    const best = Math.max(...APPLICANTS.map(([col]) => v(r, `requests.new.${col}`)));
    const top = APPLICANTS.filter(([col]) => v(r, `requests.new.${col}`) === best).map(([, label]) => ({ label }));
    expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: 'answered' });
    expectHas(a, [`「本年新收政府信息公开申请数量」按申请人分，${head}`, `1. ${top[0].label} ${shown(best)}`, `「本年新收政府信息公开申请数量」行「自然人」列（原文：${v(r, 'requests.new.natural_person')}）`]);
    expect(a.cells.map((c) => c.key)).toEqual(APPLICANTS.map(([col]) => `requests.new.${col}`));
  });

  it.each(each)('%s 各类申请人分别提出多少申请 (listed in the form order)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年各类申请人分别提出多少申请`);
    expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: 'answered' });
    const lines = APPLICANTS.map(([col, label]) => `${label}：${shown(v(r, `requests.new.${col}`))}`).join('\n');
    expectHas(a, [`「本年新收政府信息公开申请数量」按申请人分：\n${lines}`]);
    expect(a.text).not.toContain('最多');
    expect(a.cells.map((c) => c.key)).toEqual(APPLICANTS.map(([col]) => `requests.new.${col}`));
  });

  it.each(each)('%s 予以公开的申请中哪类申请人最多 (the named row, by applicant)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年予以公开的申请中哪类申请人最多`);
    expectHas(a, [`「予以公开」按申请人分，${rankHead(r, 'requests.granted')}`]);
    expect(a.cells.map((c) => c.key)).toEqual(APPLICANTS.map(([col]) => `requests.granted.${col}`));
  });

  it.each(YEARS)('%d年哪种申请人提出的申请最多: added up over every report of the year', async (year) => {
    const a = await ask(`${year}年哪种申请人提出的申请最多`);
    // the five samples add nothing but 港口乡 2021 and 白土镇 2020 (one 自然人 request)
    const extra = year === 2020 ? 1 : 0;
    const totals = APPLICANTS.map(([col, label]) => ({ label, value: ALL.filter((r) => r.values.year === year).reduce((s, r) => s + v(r, `requests.new.${col}`), 0) + (col === 'natural_person' ? extra : 0) }));
    const best = totals.reduce((x, y) => (y.value > x.value ? y : x));
    expectHas(a, [`全部报告${year}年「本年新收政府信息公开申请数量」按申请人分，最多的是${best.label}：${shown(best.value)}`, '按申请人汇总']);
    expect(a.text).not.toContain('街道：');
  });
});

describe('「哪个省被起诉最多」 adds both kinds of 行政诉讼 per province', () => {
  it.each(YEARS)('%d年哪个省被起诉最多', async (year) => {
    const a = await ask(`${year}年哪个省被起诉最多`);
    const byProvince = new Map<string, number>();
    for (const r of ALL.filter((x) => x.values.year === year)) byProvince.set(r.t.provinceName, (byProvince.get(r.t.provinceName) ?? 0) + sum(r, SUITS));
    const best = Math.max(...byProvince.values());
    const top = [...byProvince].filter(([, x]) => x === best).map(([p]) => p);
    expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: 'answered' });
    expectHas(a, [top.length === 1 ? `按省份汇总「行政诉讼」，最多的是${top[0]}：${shown(best)}` : `最多的有${top.length}个省份并列，均为${shown(best)}`, '「行政诉讼·未经复议直接起诉」行「总计」列 + 「行政诉讼·复议后起诉」行「总计」列']);
  });
});

describe('shares and ratios: both numbers, the formula, every cell cited', () => {
  it.each(each)('%s 予以公开占总数的比例 = 予以公开 ÷ 办理结果总计', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年予以公开占总数的比例`);
    const part = v(r, 'requests.granted.total');
    const whole = v(r, 'requests.total.total');
    expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: whole === 0 ? 'no_data' : 'answered' });
    if (whole > 0) expectHas(a, [`「予以公开 · 总计」占「办理结果总计」的比例：${percent(part, whole)}（${shown(part)} ÷ ${shown(whole)}）`, `${TABLE3}，「予以公开」行「总计」列（原文：${part}）、「总计」行「总计」列（原文：${whole}）`]);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.granted.total', 'requests.total.total']);
  });

  it.each(each)('%s 办理结果总计中部分公开的比例 (the whole named first)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年办理结果总计中部分公开的比例`);
    const part = v(r, 'requests.partial.total');
    const whole = v(r, 'requests.total.total');
    if (whole > 0) expectHas(a, [`「部分公开 · 总计」占「办理结果总计」的比例：${percent(part, whole)}（${shown(part)} ÷ ${shown(whole)}）`]);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.partial.total', 'requests.total.total']);
  });

  it.each(each)('%s 自然人申请占比 = 新收申请 自然人 ÷ 总计', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年自然人申请占比`);
    const part = v(r, 'requests.new.natural_person');
    const whole = v(r, 'requests.new.total');
    if (whole > 0) expectHas(a, [`「本年新收政府信息公开申请数量 · 自然人」占「本年新收政府信息公开申请数量 · 总计」的比例：${percent(part, whole)}（${shown(part)} ÷ ${shown(whole)}）`, `「本年新收政府信息公开申请数量」行「自然人」列（原文：${part}）`]);
    else expectHas(a, ['无法计算比例：作为分母的「本年新收政府信息公开申请数量 · 总计」是0']);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.new.natural_person', 'requests.new.total']);
  });

  it.each(each)('%s 予以公开占收到申请的百分之几 (two named cells)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年予以公开占收到申请的百分之几`);
    const part = v(r, 'requests.granted.total');
    const whole = v(r, 'requests.new.total');
    if (whole > 0) expectHas(a, [`「予以公开 · 总计」占「本年新收政府信息公开申请数量 · 总计」的比例：${percent(part, whole)}（${shown(part)} ÷ ${shown(whole)}）`]);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.granted.total', 'requests.new.total']);
  });

  it.each(each)('%s 行政复议纠错率 = 结果纠正 ÷ 行政复议总计 (refused with both numbers when the whole is 0)', async (_n, r) => {
    const a = await ask(`${r.asked}${r.values.year}年行政复议纠错率`);
    const part = v(r, 'appeals.review.corrected');
    const whole = v(r, 'appeals.review.total');
    if (whole > 0) expectHas(a, [`「行政复议 · 结果纠正」占「行政复议 · 总计」的比例：${percent(part, whole)}（${shown(part)} ÷ ${shown(whole)}）`, '表四']);
    else {
      expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: 'no_data' });
      expectHas(a, ['无法计算比例：作为分母的「行政复议 · 总计」是0', `「行政复议 · 结果纠正」：${shown(part)}`]);
      expect(a.text).not.toContain('%');
    }
  });

  const pairs = ALL.filter((r) => r.values.year === 2021).map((r) => [r.asked, r, ALL.find((x) => x.t.code === r.t.code && x.values.year === 2020)!] as const);
  it.each(pairs)('%s 2021年收到的申请是2020年的几倍', async (_n, r, before) => {
    const a = await ask(`${r.asked}2021年收到的申请是2020年的几倍`);
    const x = v(r, 'requests.new.total');
    const y = v(before, 'requests.new.total');
    if (y > 0) {
      const ratio = Math.round((x / y) * 100) / 100;
      expectHas(a, [`2021年「本年新收政府信息公开申请数量 · 总计」是`, `2020年的${ratio}倍（${shown(x)} ÷ ${shown(y)} ${ratio === x / y ? '=' : '≈'} ${ratio}）`]);
    } else expectHas(a, ['无法计算比例']);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.new.total', 'requests.new.total']);
    expect(new Set(a.cells.map((c) => c.reportId)).size).toBe(2);
  });

  it.each(pairs)('%s 2020年收到的申请是2021年的百分之几 (one cell of two years, as a percentage)', async (_n, r, before) => {
    const a = await ask(`${r.asked}2020年收到的申请是2021年的百分之几`);
    const x = v(before, 'requests.new.total');
    const y = v(r, 'requests.new.total');
    if (y > 0) expectHas(a, [`2020年「本年新收政府信息公开申请数量 · 总计」是`, `2021年的${percent(x, y)}（${shown(x)} ÷ ${shown(y)}）`]);
    else expectHas(a, ['无法计算比例']);
    expect(a.cells.map((c) => c.key)).toEqual(['requests.new.total', 'requests.new.total']);
  });

  it.each(pairs)('%s 2021年收到申请比2020年增长了百分之几 (a change, not a share)', async (_n, r, before) => {
    const a = await ask(`${r.asked}2021年收到申请比2020年增长了百分之几`);
    const x = v(r, 'requests.new.total');
    const y = v(before, 'requests.new.total');
    expectHas(a, [`2021年：${shown(x)}`, `2020年：${shown(y)}`]);
    const pct = Math.round(((x - y) / y) * 1000) / 10;
    if (y > 0 && x !== y) expectHas(a, [`（${pct > 0 ? '+' : ''}${pct}%）`]);
  });

  it('refuses a share whose whole neither the question nor the form names', async () => {
    const a = await ask(`${ALL[1].asked}2021年收到申请占比`);
    expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: 'refused' });
    expectHas(a, ['占什么的比例？请说明整体']);
    expect(a.text).not.toContain('%');
  });

  it('refuses a ranking by share (no printed cell, no single report)', async () => {
    const a = await ask('2021年哪个镇予以公开占比最高');
    expect({ where: a.where, status: a.status }).toEqual({ where: a.where, status: 'refused' });
    expect(a.text).not.toContain('%');
  });
});
