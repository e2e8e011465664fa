/**
 * Glued runs → cells, by the form's own rules (勾稽关系). Each run has its possible splits (splits.ts); a split is kept
 * only when the rules leave no other: all surviving combinations must agree on a cell for it to be given. A cell
 * they disagree on is left out with an `ambiguous_split` warning naming its candidates — never a guessed value.
 * Narrative numbers (「本年度制发88件」) are weaker evidence: used only to choose among splits the rules allow.
 */
import type { CellUnit, TableId } from './catalog';
import type { ParsedCell, ParseWarning } from './types';
import { parseValue, isPlausible } from './values';
import { MAX_RUN_DIGITS, runDigits, splitRun, splitSummed } from './splits';
import { Solver, type Constraint } from './solver';

export type { Constraint } from './solver';

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
  /** The span is whole rows whose last cell is the sum of the others (表三, 表四): their widths, in order. */
  summedRows?: readonly number[];
}


const SHOWN_CANDIDATES = 12;

interface Candidate {
  pieces: string[];
  values: number[];
}

interface SpanState {
  span: GluedSpan;
  candidates: Candidate[];
}

const PLAIN = /^\d{1,15}$/;

/** A split's pieces as numbers, or null when a piece cannot be that cell (a decimal in a count column). */
function valuesOf(span: GluedSpan, pieces: string[]): number[] | null {
  const values: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const slot = span.slots[i];
    const piece = pieces[i];
    if (PLAIN.test(piece) && !slot.tenThousands) {
      values.push(Number(piece));
      continue;
    }
    if (slot.unit !== '元' && /[.元]/.test(piece)) return null;
    // Only 本年增/减 can be negative: a signed piece elsewhere means the cut is wrong.
    if (piece.startsWith('-') && slot.col !== 'change') return null;
    const parsed = parseValue(piece, slot.tenThousands);
    if (!parsed || parsed.value === null || !isPlausible(parsed.value)) return null;
    values.push(parsed.value);
  }
  return values;
}

export interface Resolved {
  cells: ParsedCell[];
  warnings: ParseWarning[];
}

function leftOut(span: GluedSpan, why: string, code = 'ambiguous_split'): ParseWarning[] {
  return span.slots.map((s) => ({ code, message: `${why}; ${s.key} is left out`, line: span.line, key: s.key }));
}

/** The splits of a run that can be its cells; null (with warnings) when the run has too many to try. */
function candidatesOf(span: GluedSpan, warnings: ParseWarning[]): Candidate[] | null {
  if (runDigits(span.raw) > MAX_RUN_DIGITS) {
    warnings.push(...leftOut(span, `「${span.raw.slice(0, 40)}…」 has too many digits to be a table row`, 'unsplit_value'));
    return null;
  }
  const splits = span.summedRows ? splitSummed(span.raw, span.summedRows) : splitRun(span.raw, span.slots.length);
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

const solverOf = (states: readonly SpanState[], fixed: ReadonlyMap<string, number>) =>
  new Solver(states.map((s) => s.candidates.map((c) => c.values)), states.map((s) => s.span.slots.map((x) => x.key)), fixed);

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
  const solver = solverOf(states, fixed);
  // A rule that reads one run alone (a row's own sum) filters that run's splits before any search.
  for (const c of rules) {
    const read = solver.spansOf(c);
    if (read && read.length === 1) solver.filter(read[0], c);
  }
  states.forEach((s, i) => {
    const kept = new Set(solver.candidates[i]);
    s.candidates = s.candidates.filter((c) => kept.has(c.values));
    // No split passes the row's own rules (or the run has too few digits): the source contradicts itself here.
    if (s.candidates.length === 0) warnings.push(...leftOut(s.span, `no split of 「${s.span.raw}」 into ${s.span.slots.length} cells satisfies the form's rules`, 'unsplit_value'));
  });
  const cells: ParsedCell[] = [];
  for (const group of components(solver, rules, evidence)) {
    if (group.spans.some((i) => states[i].candidates.length === 0)) {
      // A run of the group cannot be read: the group's rules cannot be trusted; each other run stands alone.
      for (const i of group.spans) if (states[i].candidates.length > 0) settle([i], [], [], solver, states, cells, warnings);
    } else {
      settle(group.spans, group.rules, group.evidence, solver, states, cells, warnings);
    }
  }
  return { cells, warnings };
}

function settle(spans: number[], rules: Constraint[], evidence: Constraint[], solver: Solver, all: SpanState[], cells: ParsedCell[], warnings: ParseWarning[]): void {
  const states = spans.map((i) => all[i]);
  const solutions = solveGroup(solver, spans, rules, evidence);
  cells.push(...emit(states, solutions));
  warnings.push(...ambiguities(states, solutions));
}

interface Group {
  spans: number[];
  rules: Constraint[];
  evidence: Constraint[];
}

/** Runs linked by a constraint are solved together, each group with its own constraints (unlinked splits never multiply). */
function components(solver: Solver, rules: readonly Constraint[], evidence: readonly Constraint[]): Group[] {
  const parent = solver.candidates.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const reads: { c: Constraint; soft: boolean; first: number }[] = [];
  for (const [list, soft] of [[rules, false], [evidence, true]] as const) {
    for (const c of list) {
      const spans = solver.spansOf(c);
      if (!spans || spans.length === 0) continue;
      reads.push({ c, soft, first: spans[0] });
      for (const s of spans.slice(1)) parent[root(s)] = root(spans[0]);
    }
  }
  const groups = new Map<number, Group>();
  const groupOf = (i: number): Group => {
    const r = root(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { spans: [], rules: [], evidence: [] }));
    return g;
  };
  parent.forEach((_, i) => groupOf(i).spans.push(i));
  for (const r of reads) (r.soft ? groupOf(r.first).evidence : groupOf(r.first).rules).push(r.c);
  return [...groups.values()];
}

function solveGroup(solver: Solver, spans: readonly number[], rules: readonly Constraint[], evidence: readonly Constraint[]): number[][] | null {
  // One split per run (the usual case once each row's own rules are applied): the answer whatever the other rules say.
  if (spans.every((i) => solver.candidates[i].length === 1)) return [spans.map(() => 0)];
  let accepted = [...rules];
  let solutions = solver.solve(accepted, spans);
  if (solutions !== null && solutions.length === 0) {
    // The rules across rows fail whatever the split (an inconsistent source): only each row's own rules count.
    accepted = [];
    solutions = solver.solve(accepted, spans);
  }
  for (const e of evidence) {
    if (solutions !== null && solutions.length === 1) break;
    const withIt = solver.solve([...accepted, e], spans);
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
