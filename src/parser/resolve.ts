/**
 * Glued runs → cells, by the form's own rules (勾稽关系). Each run has its possible splits (splits.ts); a split is kept
 * only when the rules leave no other: all surviving combinations must agree on a cell for it to be given. A cell
 * they disagree on is left out with an `ambiguous_split` warning naming its candidates — never a guessed value.
 * Narrative numbers (「本年度制发88件」) are weaker evidence: used only to choose among splits the rules allow.
 */
import type { CellUnit, TableId } from './catalog';
import type { ParsedCell, ParseWarning } from './types';
import { parseValue } from './values';
import { splitRun } from './splits';

export interface GluedSlot {
  key: string;
  table: TableId;
  row: string;
  col: string;
  unit: CellUnit;
  tenThousands: boolean;
}

/** One glued run and the cells it holds, in order (one row, or 表四's three rows in one string). */
export interface GluedSpan {
  slots: GluedSlot[];
  raw: string;
  line: number;
}

/** sum(coef × value) op rhs over cell keys; blank cells count as 0. */
export interface Constraint {
  keys: readonly string[];
  coefs: readonly number[];
  op: 'eq' | 'ge';
  rhs: number;
}

/** Bounds of the search over combinations of ambiguous runs. */
const MAX_NODES = 20000;
const MAX_SOLUTIONS = 64;
const SHOWN_CANDIDATES = 4;

interface Candidate {
  pieces: string[];
  values: number[];
}

interface SpanState {
  span: GluedSpan;
  candidates: Candidate[];
}

/** A split's pieces as numbers, or null when a piece cannot be that cell (a decimal in a count column). */
function valuesOf(span: GluedSpan, pieces: string[]): number[] | null {
  const values: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const slot = span.slots[i];
    if (slot.unit !== '元' && /[.元]/.test(pieces[i])) return null;
    const parsed = parseValue(pieces[i], slot.tenThousands);
    if (!parsed || parsed.value === null) return null;
    values.push(parsed.value);
  }
  return values;
}

function holds(c: Constraint, value: (key: string) => number): boolean {
  let s = 0;
  for (let i = 0; i < c.keys.length; i++) s += c.coefs[i] * value(c.keys[i]);
  return c.op === 'eq' ? Math.abs(s - c.rhs) < 1e-6 : s >= c.rhs - 1e-6;
}

class Solver {
  private readonly owner = new Map<string, { span: number; index: number }>();

  constructor(
    private readonly states: SpanState[],
    private readonly fixed: ReadonlyMap<string, number>,
  ) {
    states.forEach((s, span) => s.span.slots.forEach((slot, index) => this.owner.set(slot.key, { span, index })));
  }

  /** The spans a constraint reads, or null when it needs a cell that is neither read nor glued. */
  spansOf(c: Constraint): number[] | null {
    const spans = new Set<number>();
    for (const k of c.keys) {
      const o = this.owner.get(k);
      if (o) spans.add(o.span);
      else if (!this.fixed.has(k)) return null;
    }
    return [...spans];
  }

  /** Keep only the candidates of each span that pass the constraints reading that span alone. */
  filterLocal(constraints: readonly Constraint[]): void {
    for (const c of constraints) {
      const spans = this.spansOf(c);
      if (!spans || spans.length !== 1) continue;
      const s = this.states[spans[0]];
      s.candidates = s.candidates.filter((cand) => holds(c, (k) => {
        const o = this.owner.get(k);
        return o ? cand.values[o.index] : this.fixed.get(k)!;
      }));
    }
  }

  /**
   * Every combination of candidates (one per span) that passes all constraints, up to MAX_SOLUTIONS;
   * null when the search is cut short (too many nodes or solutions): then nothing can be concluded.
   */
  solve(constraints: readonly Constraint[]): number[][] | null {
    const n = this.states.length;
    // Check each constraint as soon as the last span it reads is chosen.
    const due: Constraint[][] = Array.from({ length: n }, () => []);
    for (const c of constraints) {
      const spans = this.spansOf(c);
      if (spans && spans.length > 0) due[Math.max(...spans)].push(c);
    }
    const choice: number[] = new Array(n).fill(-1);
    const value = (k: string) => {
      const o = this.owner.get(k);
      return o ? this.states[o.span].candidates[choice[o.span]].values[o.index] : this.fixed.get(k)!;
    };
    const out: number[][] = [];
    let nodes = 0;
    let cut = false;
    const visit = (i: number): void => {
      if (cut) return;
      if (i === n) {
        if (out.length >= MAX_SOLUTIONS) cut = true;
        else out.push([...choice]);
        return;
      }
      const cands = this.states[i].candidates;
      for (let j = 0; j < cands.length && !cut; j++) {
        if (++nodes > MAX_NODES) {
          cut = true;
          return;
        }
        choice[i] = j;
        if (due[i].every((c) => holds(c, value))) visit(i + 1);
      }
      choice[i] = -1;
    };
    visit(0);
    return cut ? null : out;
  }
}

export interface Resolved {
  cells: ParsedCell[];
  warnings: ParseWarning[];
}

/** The splits of a run that can be its cells; null (with warnings) when the run has too many to try. */
function candidatesOf(span: GluedSpan, warnings: ParseWarning[]): Candidate[] | null {
  const splits = splitRun(span.raw, span.slots.length);
  if (splits === null) {
    warnings.push(...leftOut(span, `「${span.raw}」 has too many ways to split into ${span.slots.length} cells`));
    return null;
  }
  const out: Candidate[] = [];
  for (const pieces of splits) {
    const values = valuesOf(span, pieces);
    if (values) out.push({ pieces, values });
  }
  return out;
}

function leftOut(span: GluedSpan, why: string, code = 'ambiguous_split'): ParseWarning[] {
  return span.slots.map((s) => ({ code, message: `${why}; ${s.key} is left out`, line: span.line, key: s.key }));
}

/**
 * @param fixed cells read normally (blank = 0), which the rules may need
 * @param rules the form's rules; @param evidence narrative numbers, applied one by one only while some split agrees
 */
export function resolveGlued(spans: readonly GluedSpan[], fixed: ReadonlyMap<string, number>, rules: readonly Constraint[], evidence: readonly Constraint[]): Resolved {
  const warnings: ParseWarning[] = [];
  const states: SpanState[] = [];
  for (const span of spans) {
    const candidates = candidatesOf(span, warnings);
    if (candidates) states.push({ span, candidates });
  }
  new Solver(states, fixed).filterLocal(rules);
  const usable: SpanState[] = [];
  for (const s of states) {
    // No split passes the row's own rules (or the run has too few digits): the source contradicts itself here.
    if (s.candidates.length === 0) warnings.push(...leftOut(s.span, `no split of 「${s.span.raw}」 into ${s.span.slots.length} cells satisfies the form's rules`, 'unsplit_value'));
    else usable.push(s);
  }
  return finish(usable, fixed, rules, evidence, warnings);
}

/** Spans linked by a rule are solved together; unlinked ones alone (their splits do not multiply). */
function components(states: SpanState[], fixed: ReadonlyMap<string, number>, constraints: readonly Constraint[]): SpanState[][] {
  const solver = new Solver(states, fixed);
  const parent = states.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const c of constraints) {
    const spans = solver.spansOf(c);
    if (spans) for (const s of spans.slice(1)) parent[root(s)] = root(spans[0]);
  }
  const groups = new Map<number, SpanState[]>();
  states.forEach((s, i) => {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(s);
    else groups.set(r, [s]);
  });
  return [...groups.values()];
}

function finish(states: SpanState[], fixed: ReadonlyMap<string, number>, rules: readonly Constraint[], evidence: readonly Constraint[], warnings: ParseWarning[]): Resolved {
  const cells: ParsedCell[] = [];
  for (const group of components(states, fixed, [...rules, ...evidence])) {
    const solutions = solveGroup(new Solver(group, fixed), rules, evidence);
    cells.push(...emit(group, solutions));
    warnings.push(...ambiguities(group, solutions));
  }
  return { cells, warnings };
}

function solveGroup(solver: Solver, rules: readonly Constraint[], evidence: readonly Constraint[]): number[][] | null {
  let accepted = [...rules];
  let solutions = solver.solve(accepted);
  if (solutions !== null && solutions.length === 0) {
    // The rules across rows fail whatever the split (an inconsistent source): only each row's own rules count.
    accepted = [];
    solutions = solver.solve(accepted);
  }
  for (const e of evidence) {
    if (solutions !== null && solutions.length === 1) break;
    const withIt = solver.solve([...accepted, e]);
    if (withIt !== null && withIt.length > 0) {
      accepted = [...accepted, e];
      solutions = withIt;
    }
  }
  return solutions;
}

/** The value every solution gives this slot, or undefined when they differ (or nothing could be concluded). */
function agreed(states: SpanState[], solutions: number[][] | null, span: number, index: number): Candidate | undefined {
  if (!solutions || solutions.length === 0) return undefined;
  const first = states[span].candidates[solutions[0][span]];
  for (const sol of solutions) if (states[span].candidates[sol[span]].values[index] !== first.values[index]) return undefined;
  return first;
}

function emit(states: SpanState[], solutions: number[][] | null): ParsedCell[] {
  const cells: ParsedCell[] = [];
  states.forEach((s, span) => s.span.slots.forEach((slot, index) => {
    const cand = agreed(states, solutions, span, index);
    if (!cand) return;
    cells.push({ key: slot.key, table: slot.table, row: slot.row, col: slot.col, raw: cand.pieces[index], value: cand.values[index], unit: slot.unit, line: s.span.line });
  }));
  return cells;
}

function ambiguities(states: SpanState[], solutions: number[][] | null): ParseWarning[] {
  const out: ParseWarning[] = [];
  states.forEach((s, span) => {
    const picks = solutions ? solutions.map((sol) => sol[span]) : s.candidates.map((_, j) => j);
    const splits = [...new Set(picks.map((j) => s.candidates[j].pieces.join('|')))];
    s.span.slots.forEach((slot, index) => {
      if (agreed(states, solutions, span, index)) return;
      const shown = splits.slice(0, SHOWN_CANDIDATES).join('; ') + (splits.length > SHOWN_CANDIDATES ? ` … (${splits.length} in all)` : '');
      out.push({
        code: 'ambiguous_split',
        message: solutions === null
          ? `「${s.span.raw}」: too many splits satisfy the form's rules to decide ${slot.key}; it is left out`
          : `「${s.span.raw}」 splits in more than one way that satisfies the form's rules (${shown}); ${slot.key} is left out`,
        line: s.span.line,
        key: slot.key,
      });
    });
  });
  return out;
}
