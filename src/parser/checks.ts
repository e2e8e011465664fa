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
