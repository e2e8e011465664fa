/**
 * The consistency rules (勾稽关系) the form itself implies. They report; they never change a value.
 * Blank cells count as 0; a rule instance that needs a missing cell has passed = null.
 */
import { APPEAL_COLS, REQUEST_COLS, REQUEST_ROWS, type TemplateFormat } from './catalog';
import type { CheckResult, ParsedCell, ParseWarning } from './types';

interface RuleDef {
  rule: string;
  scope: string;
  description: string;
  left: string[];
  right: string[];
}

function sum(keys: readonly string[], values: ReadonlyMap<string, number>): number | null {
  let s = 0;
  for (const k of keys) {
    const v = values.get(k);
    if (v === undefined) return null;
    s += v;
  }
  return s;
}

function evaluate(def: RuleDef, values: ReadonlyMap<string, number>): CheckResult {
  const l = sum(def.left, values);
  const r = sum(def.right, values);
  // Compare with a tolerance: money cells may carry decimals.
  const passed = l === null || r === null ? null : Math.abs(l - r) < 1e-6;
  return { rule: def.rule, scope: def.scope, description: def.description, keys: [...def.left, ...def.right], passed, left: l, right: r };
}

const check = (rule: string, scope: string, description: string, left: string[], right: string[]): RuleDef => ({ rule, scope, description, left, right });

/** The rule instances of a format, built once (the parser runs thousands of reports per second). */
const RULES = new Map<TemplateFormat, RuleDef[]>();

function rulesFor(format: TemplateFormat): RuleDef[] {
  const cached = RULES.get(format);
  if (cached) return cached;
  const rows = REQUEST_ROWS.filter((r) => r.formats.includes(format)).map((r) => r.id);
  const outcomeRows = rows.slice(rows.indexOf('granted'), rows.indexOf('total'));
  const applicantCols = REQUEST_COLS.filter((c) => c.id !== 'total').map((c) => c.id);
  const checks: RuleDef[] = [];
  for (const col of REQUEST_COLS) {
    const k = (row: string) => `requests.${row}.${col.id}`;
    checks.push(check('requests.balance', col.id, `${col.label}: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
      [k('new'), k('carried_over')], [k('total'), k('carried_forward')]));
    checks.push(check('requests.outcomes', col.id, `${col.label}: 各项办理结果之和 = 办理结果总计`,
      outcomeRows.map(k), [k('total')]));
  }
  for (const row of rows) {
    checks.push(check('requests.applicants', row, `${row}: 各类申请人之和 = 总计`,
      applicantCols.map((c) => `requests.${row}.${c}`), [`requests.${row}.total`]));
  }
  for (const row of ['review', 'suit_direct', 'suit_after_review']) {
    const parts = APPEAL_COLS.filter((c) => c.id !== 'total').map((c) => `appeals.${row}.${c.id}`);
    checks.push(check('appeals.row', row, `${row}: 维持 + 纠正 + 其他 + 尚未审结 = 总计`, parts, [`appeals.${row}.total`]));
  }
  RULES.set(format, checks);
  return checks;
}

/** The rules of a format as equations (left = right), for reading glued rows by them (resolve.ts). */
export function formEquations(format: TemplateFormat): readonly { left: readonly string[]; right: readonly string[] }[] {
  return rulesFor(format);
}

export function runChecks(cells: readonly ParsedCell[], format: TemplateFormat): { checks: CheckResult[]; warnings: ParseWarning[] } {
  const values = new Map<string, number>();
  for (const c of cells) values.set(c.key, c.value ?? 0);
  const checks = rulesFor(format).map((d) => evaluate(d, values));
  const warnings: ParseWarning[] = checks.filter((c) => c.passed === false).map((c) => ({
    code: 'check_failed',
    message: `${c.rule} (${c.scope}) fails: ${c.left} ≠ ${c.right} — ${c.description}`,
    key: c.keys[c.keys.length - 1],
  }));
  return { checks, warnings };
}

/** One year's cells of an agency, as the cross-year rules need them. */
export interface YearCells {
  year: number;
  format: TemplateFormat | null;
  /** key → value (null = blank). A key absent from the map is a missing cell. */
  values: ReadonlyMap<string, number | null>;
}

/**
 * The rules that link two consecutive years of one agency (spec: across years): last year's 结转下年度 = this year's
 * 上年结转, per applicant column; and in format 2021, last year's 现行有效 + this year's 制发 − 废止 = this year's 现行有效.
 * Keys name the year they come from (`2020:requests.carried_forward.total`) because both years' cells take part.
 */
export function crossYearChecks(previous: YearCells, current: YearCells): CheckResult[] {
  if (previous.year !== current.year - 1) return [];
  const prev = (key: string) => ({ label: `${previous.year}:${key}`, value: lookup(previous.values, key) });
  const curr = (key: string) => ({ label: `${current.year}:${key}`, value: lookup(current.values, key) });
  const results: CheckResult[] = [];
  for (const col of REQUEST_COLS) {
    results.push(compare('years.carried', col.id,
      `${col.label}: ${previous.year}年结转下年度 = ${current.year}年上年结转`,
      [prev(`requests.carried_forward.${col.id}`)], [curr(`requests.carried_over.${col.id}`)]));
  }
  if (previous.format === '2021' && current.format === '2021') {
    for (const row of ['regulations', 'normative_docs']) {
      // Written as additions on both sides (old + issued = new + repealed) so every term is a plain cell.
      results.push(compare('years.in_force', row,
        `${row}: ${previous.year}年现行有效 + ${current.year}年制发 = ${current.year}年现行有效 + ${current.year}年废止`,
        [prev(`active.${row}.in_force`), curr(`active.${row}.issued`)],
        [curr(`active.${row}.in_force`), curr(`active.${row}.repealed`)]));
    }
  }
  return results;
}

/**
 * Every cell key the cross-year rules read, from either year: what a reader must fetch for them. Taken from the rules
 * themselves (format 2021 has every rule), so it cannot drift from them.
 */
export const CROSS_YEAR_KEYS: readonly string[] = [...new Set(
  crossYearChecks({ year: 2000, format: '2021', values: new Map() }, { year: 2001, format: '2021', values: new Map() })
    .flatMap((c) => c.keys.map((k) => k.slice(k.indexOf(':') + 1))),
)];

/** undefined = missing cell; a blank cell counts as 0 like in the per-report rules. */
function lookup(values: ReadonlyMap<string, number | null>, key: string): number | undefined {
  if (!values.has(key)) return undefined;
  return values.get(key) ?? 0;
}

type Term = { label: string; value: number | undefined };

function compare(rule: string, scope: string, description: string, left: Term[], right: Term[]): CheckResult {
  const total = (terms: Term[]) => (terms.some((t) => t.value === undefined) ? null : terms.reduce((s, t) => s + (t.value ?? 0), 0));
  const l = total(left);
  const r = total(right);
  const passed = l === null || r === null ? null : Math.abs(l - r) < 1e-6;
  return { rule, scope, description, keys: [...left, ...right].map((t) => t.label), passed, left: l, right: r };
}
