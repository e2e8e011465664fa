import { parseReport, ReportParseError, keysFor, type TemplateFormat } from '../../src/parser';
import { SAMPLE_FILES, sampleBytes } from './support/samples';

/**
 * Mutates the samples (delete / duplicate / shuffle lines, insert garbage, truncate, flip bytes) a fixed number of
 * times from a fixed seed (the same cases on every run) and asserts that nothing but ReportParseError escapes and that every returned cell is a catalog key of the detected
 * format, once, on a line that exists.
 */
const RUNS = 1500;
/** Only an upper bound: a parser stuck in a slow path fails the test instead of hanging the run. */
const TIMEOUT_MS = 120_000;
const GARBAGE = ['\t', '\t0', '\t总计', '\t其他', '| 规章 | 1 | 2 | 3 |', '行政复议', '四、政府信息公开行政复议、行政诉讼情况',
  '三、收到和处理政府信息公开申请情况', '\t（七）总计', '一、本年新收政府信息公开申请数量 1 2 3', '\u0000\u0001', '<table><tr><td>',
  '999999999999999999999', '-', '十二', '\t\t\t', '2021年1月29日', '发布时间:2021-13-45', '本年制发件数', '[bookmark: x]', '\ufffd'];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

type Mutation = (lines: string[], rnd: () => number) => string[];
const pick = (n: number, rnd: () => number) => Math.floor(rnd() * n);

const MUTATIONS: Mutation[] = [
  (l, r) => { l.splice(pick(l.length, r), 1 + pick(5, r)); return l; },
  (l, r) => { const i = pick(l.length, r); l.splice(i, 0, ...l.slice(i, i + 1 + pick(8, r))); return l; },
  (l, r) => {
    const i = pick(l.length, r);
    const part = l.slice(i, i + 2 + pick(12, r));
    for (let k = part.length - 1; k > 0; k--) { const j = pick(k + 1, r); [part[k], part[j]] = [part[j], part[k]]; }
    l.splice(i, part.length, ...part);
    return l;
  },
  (l, r) => { l.splice(pick(l.length, r), 0, GARBAGE[pick(GARBAGE.length, r)]); return l; },
  (l, r) => l.slice(0, pick(l.length, r)),
  (l, r) => { const i = pick(l.length, r); l[i] = l[i].slice(0, pick(l[i].length + 1, r)); return l; },
];

function mutateText(text: string, rnd: () => number): string {
  let lines = text.split('\n');
  const rounds = 1 + pick(4, rnd);
  for (let k = 0; k < rounds; k++) lines = MUTATIONS[pick(MUTATIONS.length, rnd)](lines, rnd);
  return lines.join('\n');
}

function mutateBytes(bytes: Buffer, rnd: () => number): Buffer {
  const out = Buffer.from(bytes.subarray(0, 1 + pick(bytes.length, rnd)));
  for (let k = pick(8, rnd); k > 0; k--) out[pick(out.length, rnd)] = pick(256, rnd);
  return out;
}

it(`survives ${RUNS} seeded mutations of the samples`, async () => {
  const sources = SAMPLE_FILES.map((f) => ({ f, bytes: sampleBytes(f) }));
  const allowed: Record<TemplateFormat, Set<string>> = { '2019': new Set(keysFor('2019')), '2021': new Set(keysFor('2021')) };
  const rnd = prng(20260122);
  let runs = 0;
  let rejected = 0;
  while (runs < RUNS) {
    const { f, bytes } = sources[runs % sources.length];
    const textual = f.endsWith('.txt') || f.endsWith('.html');
    const content = textual && rnd() < 0.8 ? Buffer.from(mutateText(bytes.toString('utf8'), rnd)) : mutateBytes(bytes, rnd);
    runs++;
    try {
      const r = await parseReport({ fileName: f, content });
      const lineCount = content.toString('utf8').split(/\r\n|\r|\n/).length;
      if (r.format === null) expect(r.cells).toEqual([]);
      const seen = new Set<string>();
      for (const c of r.cells) {
        if (!allowed[r.format!].has(c.key) || seen.has(c.key)) throw new Error(`run ${runs} (${f}): invented or duplicate cell ${c.key}`);
        seen.add(c.key);
        if (!f.endsWith('.txt')) continue; // HTML and DOCX lines are those of the converted text
        if (c.line < 1 || c.line > lineCount) throw new Error(`run ${runs} (${f}): cell ${c.key} on line ${c.line} of ${lineCount}`);
      }
    } catch (e) {
      if (!(e instanceof ReportParseError)) throw new Error(`run ${runs} (${f}): ${e instanceof Error ? e.stack : String(e)}`);
      rejected++;
    }
  }
  if (process.env.FUZZ_REPORT) process.stdout.write(`fuzz: ${runs} runs, ${rejected} rejected\n`);
  // Some mutations must still parse: otherwise the loop only tested the rejection path.
  expect(rejected).toBeLessThan(runs);
}, TIMEOUT_MS);
