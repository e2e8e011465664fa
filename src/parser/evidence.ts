/**
 * What the split of glued rows may rely on: the form's rules as constraints, and the numbers the narrative states
 * (「动态更新本年度制发的规范性文件88件」「行政复议36起，行政诉讼9起」), which are weaker (a narrative may count
 * differently from its table) and only choose among splits the rules allow.
 */
import type { TemplateFormat } from './catalog';
import { formEquations } from './checks';
import type { Constraint } from './resolve';

const equation = (left: readonly string[], right: readonly string[], rhs = 0): Constraint => ({
  keys: [...left, ...right], coefs: [...left.map(() => 1), ...right.map(() => -1)], op: 'eq', rhs,
});

const CACHE = new Map<TemplateFormat, Constraint[]>();

/** The rules of the form; in format 2021 also 现行有效 ≥ 制发 − 废止 (last year's 现行有效 is never negative). */
export function formConstraints(format: TemplateFormat): readonly Constraint[] {
  let out = CACHE.get(format);
  if (out) return out;
  out = formEquations(format).map((r) => equation(r.left, r.right));
  if (format === '2021') {
    for (const row of ['regulations', 'normative_docs']) {
      out.push({ keys: [`active.${row}.in_force`, `active.${row}.issued`, `active.${row}.repealed`], coefs: [1, -1, 1], op: 'ge', rhs: 0 });
    }
  }
  CACHE.set(format, out);
  return out;
}

const N = '(\\d{1,7})';
/** Sentences of the narrative that state a table's number, and the cells they state it for. */
const STATEMENTS: readonly { pattern: RegExp; keys: readonly string[]; formats: readonly TemplateFormat[] }[] = [
  { pattern: new RegExp(`现行有效(?:的)?(?:行政)?规范性文件(?:共计?)?${N}件`), keys: ['active.normative_docs.in_force'], formats: ['2021'] },
  { pattern: new RegExp(`制发(?:的)?(?:行政)?规范性文件(?:共计?)?${N}件`), keys: ['active.normative_docs.issued'], formats: ['2021'] },
  { pattern: new RegExp(`废止(?:的)?(?:行政)?规范性文件(?:共计?)?${N}件`), keys: ['active.normative_docs.repealed'], formats: ['2021'] },
  { pattern: new RegExp(`行政复议(?:案件)?(?:共计?)?${N}(?:件|起|宗)`), keys: ['appeals.review.total'], formats: ['2019', '2021'] },
  { pattern: new RegExp(`行政诉讼(?:案件)?(?:共计?)?${N}(?:件|起|宗)`), keys: ['appeals.suit_direct.total', 'appeals.suit_after_review.total'], formats: ['2019', '2021'] },
];

/** Each statement found once in the narrative (the first mention) becomes a soft constraint. */
export function narrativeEvidence(text: string, format: TemplateFormat): Constraint[] {
  const out: Constraint[] = [];
  for (const s of STATEMENTS) {
    if (!s.formats.includes(format)) continue;
    const m = s.pattern.exec(text);
    if (m) out.push({ keys: s.keys, coefs: s.keys.map(() => 1), op: 'eq', rhs: Number(m[1]) });
  }
  return out;
}
