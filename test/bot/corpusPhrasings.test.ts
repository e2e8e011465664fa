import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../../bench/generate';
import { selectTownships } from '../../bench/divisions';
import { townshipValues } from '../../bench/values';
import type { BotEngine } from '../../src/bot/engine';
import { labelForms } from '../../src/bot/vocabulary';
import { inProcessEngine, startBotHarness, type BotHarness } from './harness';

/**
 * Questions about a generated corpus (bench/generate.ts: six townships, 2020 on the 2019 template and 2021 on the
 * 2021 one, every layout), one per non-zero cell of a rotating set of keys: the answer must carry the generator's
 * value with its unit and name exactly that cell (its key), so a neighbouring cell with the same number cannot pass.
 * The township is written with its county (「<县><镇>」), as officials do when names repeat across the country.
 */

const SEED = 'bot-phrasings';
const YEARS = [2020, 2021];
const TOWNSHIPS = 6;
/** Keys asked per report (every k-th non-zero cell), to keep the test small. */
const STRIDE = 2;

interface Case {
  question: string;
  key: string;
  value: number;
  year: number;
}

const WORDINGS: ((a: string, y: string, row: string, col: string) => string)[] = [
  (a, y, row, col) => `${a}${y}${row}${col}`,
  (a, y, row, col) => `${y}${a}的${row}${col}是多少`,
  (a, y, row, col) => `请问${a}${y}${row}${col}有多少`,
];

const ROW_WORDS: Record<string, string> = { 'requests.total': '办理结果总计', 'requests.other.other': '其他情形', 'requests.other': '其他处理' };

let h: BotHarness;
let engine: BotEngine;
let corpus: string;
let labels = new Map<string, { rowLabel: string; colLabel: string; unit: string }>();

function cases(): Case[] {
  const out: Case[] = [];
  let n = 0;
  for (const t of selectTownships(TOWNSHIPS)) {
    for (const values of townshipValues(SEED, t.code, YEARS[YEARS.length - 1])) {
      if (!YEARS.includes(values.year)) continue;
      let i = 0;
      for (const [key, cell] of values.cells) {
        if (cell.value === 0 || i++ % STRIDE !== 0) continue;
        n++;
        out.push({ question: `${n}|${t.countyName}${t.name}|${values.year}年`, key, value: cell.value, year: values.year });
      }
    }
  }
  return out;
}

const ALL = cases();

beforeAll(async () => {
  corpus = mkdtempSync(path.join(tmpdir(), 'nianbao-bot-corpus-'));
  await generateCorpus({ outDir: corpus, seed: SEED, years: YEARS, reports: TOWNSHIPS });
  h = await startBotHarness(YEARS.map((y) => path.join(corpus, String(y))));
  engine = inProcessEngine(h.server, { now: () => new Date('2022-06-01T08:00:00Z') });
  const res = await h.server.execute('{ metrics { key rowLabel colLabel unit } }');
  labels = new Map((res.data as { metrics: { key: string; rowLabel: string; colLabel: string; unit: string }[] }).metrics.map((m) => [m.key, m]));
}, 240_000);
afterAll(async () => {
  await h?.close();
  if (corpus) rmSync(corpus, { recursive: true, force: true });
});

function questionOf(c: Case): string {
  const [n, agency, year] = c.question.split('|');
  const m = labels.get(c.key)!;
  const rowKey = c.key.slice(0, c.key.lastIndexOf('.'));
  const row = ROW_WORDS[rowKey] ?? labelForms(m.rowLabel)[0];
  const col = row.endsWith('总计') && c.key.endsWith('.total') ? '' : labelForms(m.colLabel)[0];
  return WORDINGS[Number(n) % WORDINGS.length](agency, year, row, col);
}

function shown(value: number, unit: string): string {
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value)}${unit}`;
}

describe('questions about a generated corpus, one per second non-zero cell', () => {
  it('has more than 100 of them', () => {
    expect(ALL.length).toBeGreaterThan(100);
  });

  it.each(ALL.map((c) => [c.key, c.year, c] as const))('%s %d', async (_key, _year, c) => {
    const question = questionOf(c);
    const m = labels.get(c.key)!;
    const answer = await engine.ask(question, `corpus-${c.key}-${c.year}`);
    const where = `「${question}」 →\n${answer.text}`;
    expect({ where, status: answer.status }).toEqual({ where, status: 'answered' });
    expect({ where, value: answer.text.includes(`：${shown(c.value, m.unit)}`) }).toEqual({ where, value: true });
    expect({ where, cites: answer.text.includes(`「${labelForms(m.rowLabel)[0]}」行「${labelForms(m.colLabel)[0]}」列`) }).toEqual({ where, cites: true });
    expect(answer.cells.map((x) => x.key)).toEqual([c.key]);
  });
});
