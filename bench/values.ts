import {
  ACTIVE_ROWS, APPEAL_COLS, APPEAL_ROWS, REQUEST_COLS, REQUEST_ROWS, activeColumns, keysFor, metric,
  type TableId, type TemplateFormat,
} from '../src/parser/catalog';
import { createRng, smallCount, type Rng } from './prng';

/** One generated cell: what the report prints (raw) and what the parser must read back (value, money in 元). */
export interface CellValue {
  raw: string;
  value: number;
}

export interface YearValues {
  year: number;
  format: TemplateFormat;
  /** Every key of the format, in catalog order. */
  cells: Map<string, CellValue>;
}

/** The first year of the national template; reports before it have no tables. */
export const FIRST_YEAR = 2019;

export function formatOfYear(year: number): TemplateFormat {
  return year <= 2020 ? '2019' : '2021';
}

// The rows of 表三 that are not outcomes; every other row of the format is an outcome summing to `total`.
const FLOW_ROWS = new Set(['new', 'carried_over', 'total', 'carried_forward']);
const APPLICANT_COLS = REQUEST_COLS.filter((c) => c.id !== 'total').map((c) => c.id);
const APPEAL_PARTS = APPEAL_COLS.filter((c) => c.id !== 'total').map((c) => c.id);

/** How often each outcome is chosen for a handled request (most are granted or the information is not held). */
const OUTCOME_WEIGHT: Record<string, number> = { granted: 50, partial: 8, 'unable.not_held': 15, other: 3 };
const DEFAULT_OUTCOME_WEIGHT = 1;

export function outcomeRows(format: TemplateFormat): string[] {
  return REQUEST_ROWS.filter((r) => r.formats.includes(format) && !FLOW_ROWS.has(r.id)).map((r) => r.id);
}

function key(table: TableId, row: string, col: string): string {
  const k = `${table}.${row}.${col}`;
  if (!metric(k)) throw new Error(`generator bug: ${k} is not in the catalog`);
  return k;
}

/** What carries from one year to the next for one township. */
interface State {
  carriedForward: number[];
  /** Per document row (regulations, normative_docs): documents in force / publicly available. */
  inForce: Record<string, number>;
  /** Per item row of format 2019: last year's item count plus its change. */
  items: Record<string, number>;
}

/**
 * The values of one township's reports for every year from 2019 to `lastYear`. Years are generated in order from
 * one PRNG stream per township, so a year's numbers do not depend on which other years a run writes, and the
 * cross-year rules hold: carried_forward → next carried_over, in_force + issued − repealed → next in_force.
 */
export function townshipValues(seed: string, code: string, lastYear: number): YearValues[] {
  const rng = createRng(`${seed}:${code}`);
  const scale = 0.3 + rng.next() * 4; // busy and quiet townships, so rankings have something to rank
  const state: State = {
    carriedForward: APPLICANT_COLS.map((_, i) => smallCount(rng, 0.85, i === 0 ? scale / 3 : 0.3)),
    inForce: { regulations: rng.chance(0.9) ? 0 : rng.int(1, 5), normative_docs: rng.int(0, 40) },
    items: {},
  };
  const years: YearValues[] = [];
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    const format = formatOfYear(year);
    const cells = new Map<string, CellValue>();
    activeValues(rng, format, state, cells);
    requestValues(rng, format, state, scale, cells);
    appealValues(rng, cells);
    years.push({ year, format, cells: inCatalogOrder(format, cells) });
  }
  return years;
}

function inCatalogOrder(format: TemplateFormat, cells: Map<string, CellValue>): Map<string, CellValue> {
  const ordered = new Map<string, CellValue>();
  for (const k of keysFor(format)) {
    const cell = cells.get(k);
    if (!cell) throw new Error(`generator bug: no value for ${k}`);
    ordered.set(k, cell);
  }
  return ordered;
}

const count = (value: number): CellValue => ({ raw: String(value), value });

function activeValues(rng: Rng, format: TemplateFormat, state: State, out: Map<string, CellValue>): void {
  for (const row of ACTIVE_ROWS) {
    if (!row.formats.includes(format)) continue;
    const cols = activeColumns(row.id, format).map((c) => c.id);
    const set = (col: string, v: CellValue) => out.set(key('active', row.id, col), v);
    if (cols.includes('made')) {
      const made = row.id === 'regulations' ? smallCount(rng, 0.95, 1) : smallCount(rng, 0.4, 3);
      const published = made > 0 && rng.chance(0.2) ? made - 1 : made; // some drafts stay unpublished
      state.inForce[row.id] += published;
      set('made', count(made));
      set('published', count(published));
      set('total_public', count(state.inForce[row.id]));
    } else if (cols.includes('issued')) {
      const issued = row.id === 'regulations' ? smallCount(rng, 0.95, 1) : smallCount(rng, 0.4, 3);
      const repealed = Math.min(state.inForce[row.id] + issued, smallCount(rng, 0.7, 1));
      state.inForce[row.id] += issued - repealed;
      set('issued', count(issued));
      set('repealed', count(repealed));
      set('in_force', count(state.inForce[row.id]));
    } else if (row.id === 'procurement') {
      const projects = smallCount(rng, 0.5, 4);
      set('projects', count(projects));
      set('amount', projects === 0 ? { raw: '0', value: 0 } : money(rng, projects));
    } else if (row.id === 'fees' && format === '2021') {
      // Printed in 万元 with two decimals; the value is in 元.
      const yuan = rng.chance(0.8) ? 0 : rng.int(1, 50000) * 100;
      set('amount', { raw: (yuan / 10000).toFixed(yuan % 10000 === 0 ? 0 : 2), value: yuan });
    } else {
      itemValues(rng, row.id, cols, state, set);
    }
  }
}

/** 采购总金额 in 元, sometimes with fen, as printed in real reports (115838元, 73802895.90元). */
function money(rng: Rng, projects: number): CellValue {
  const fen = projects * rng.int(1000, 400000) * 100 + (rng.chance(0.4) ? rng.int(1, 99) : 0);
  const raw = fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
  return { raw: `${raw}元`, value: Number(raw) };
}

function itemValues(rng: Rng, rowId: string, cols: string[], state: State, set: (col: string, v: CellValue) => void): void {
  if (cols.includes('prev_count')) {
    const prev = state.items[rowId] ?? smallCount(rng, 0.5, 8);
    const change = Math.max(-prev, rng.chance(0.7) ? 0 : rng.int(-3, 5));
    state.items[rowId] = prev + change;
    set('prev_count', count(prev));
    const signed = change > 0 && rng.chance(0.5) ? `+${change}` : String(change);
    set('change', { raw: signed, value: change });
  }
  if (cols.includes('decisions')) set('decisions', count(smallCount(rng, 0.5, rowId === 'penalty' ? 12 : 5)));
}

function requestValues(rng: Rng, format: TemplateFormat, state: State, scale: number, out: Map<string, CellValue>): void {
  const outcomes = outcomeRows(format);
  const weights = outcomes.map((r) => OUTCOME_WEIGHT[r] ?? DEFAULT_OUTCOME_WEIGHT);
  const grid = new Map<string, number[]>(); // row → per applicant column
  const rows = ['new', 'carried_over', ...outcomes, 'total', 'carried_forward'];
  for (const r of rows) grid.set(r, APPLICANT_COLS.map(() => 0));
  APPLICANT_COLS.forEach((_, c) => {
    const fresh = smallCount(rng, c === 0 ? 0.3 : 0.85, c === 0 ? scale * 2 : 0.4);
    const available = fresh + state.carriedForward[c];
    let forward = 0;
    for (let i = 0; i < available; i++) if (rng.chance(0.08)) forward++;
    const handled = available - forward;
    grid.get('new')![c] = fresh;
    grid.get('carried_over')![c] = state.carriedForward[c];
    grid.get('total')![c] = handled;
    grid.get('carried_forward')![c] = forward;
    for (let i = 0; i < handled; i++) grid.get(outcomes[weightedIndex(rng, weights)])![c]++;
    state.carriedForward[c] = forward;
  });
  for (const r of rows) {
    const values = grid.get(r)!;
    APPLICANT_COLS.forEach((col, c) => out.set(key('requests', r, col), count(values[c])));
    out.set(key('requests', r, 'total'), count(values.reduce((a, b) => a + b, 0)));
  }
}

function weightedIndex(rng: Rng, weights: number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  let x = rng.next() * sum;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function appealValues(rng: Rng, out: Map<string, CellValue>): void {
  for (const row of APPEAL_ROWS) {
    let total = 0;
    for (const col of APPEAL_PARTS) {
      const v = smallCount(rng, 0.93, 0.5);
      total += v;
      out.set(key('appeals', row.id, col), count(v));
    }
    out.set(key('appeals', row.id, 'total'), count(total));
  }
}
