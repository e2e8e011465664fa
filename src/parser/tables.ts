/**
 * Cell tokens → canonical cells, aligned to the template's known rows and columns (the visual shape of a table is
 * unreliable: merged cells, header rows and layout cells come out as extra or empty tokens).
 */
import {
  ACTIVE_ROWS, APPEAL_COLS, APPEAL_ROWS, REQUEST_COLS, REQUEST_ROWS, activeColumns,
  type ColDef, type RowDef, type TableId, type TemplateFormat,
} from './catalog';
import type { ParsedCell, ParseWarning } from './types';
import type { CellToken, RowSpec } from './tableTypes';
import { labelKey, startsWithNumbering } from './normalize';
import { isPlausible, parseValue } from './values';
import type { GluedSpan } from './resolve';
import { placeFloating } from './loose';

export type { RowSpec } from './tableTypes';

/** A label cut by a line wrap (PDF text: 「5.要求行政机关确认或重新出具已获取」 + next line 「信息」) still names its row. */
const MIN_PREFIX = 6;

/**
 * 「无法提供1、本机关不掌握相关政府」 → 「本机关不掌握相关政府」: a group label glued before the row's numbering goes;
 * so does a few characters' fragment of a group label wrapped in its narrow cell before a 「（二）」 numbering
 * (「年度办（二）部分公开（区分处理」: 「三、本 / 年度办 / 理结果」 beside the rows).
 */
function stripGroup(key: string): string {
  let start = 0;
  for (const m of key.matchAll(ITEM_NUMBER)) start = (m.index ?? 0) + m[0].length;
  if (start === 0) {
    const m = GROUP_FRAGMENT.exec(key);
    if (m) start = m[0].length;
  }
  return key.slice(start);
}

const GROUP_FRAGMENT = /^[^（第\d]{1,4}（[一二三四五六七八九十]）/;
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const ITEM_NUMBER = /\d{1,2}[、.．](?=\D)/g;

/** 「三（五）5 要求…」「一、本年新收…」 → the words after the numbering, compacted like a printed label. */
function printedLabel(label: string): string {
  return labelKey(label.replace(/^[一二三四五六七八九十]*、?(?:（[一二三四五六七八九十]）)?\d*\s*/, '').split('·').pop() ?? '');
}

export interface TableResult {
  cells: ParsedCell[];
  warnings: ParseWarning[];
  /** Line of each row found (`table.row` → label line), so a missing cell can say where its row is. */
  rowLines: Map<string, number>;
  /** Runs of digits whose cell borders were lost, split later by the form's rules (resolve.ts). */
  glued: GluedSpan[];
}

const emptyResult = (): TableResult => ({ cells: [], warnings: [], rowLines: new Map(), glued: [] });

/** The cells a glued run holds: `count` columns of `spec` from column `from`. */
function gluedSpan(spec: RowSpec, tok: CellToken, from = 0): GluedSpan {
  // 表三 and 表四 rows end with 总计 = the sum of the row: the split search uses it as it goes.
  const summed = from === 0 && spec.table !== 'active' && spec.cols[spec.cols.length - 1].id === 'total';
  return {
    raw: tok.text,
    line: tok.line,
    ...(summed ? { summedRows: [spec.cols.length] } : {}),
    slots: spec.cols.slice(from).map((col, i) => ({
      key: spec.keys[from + i], table: spec.table, row: spec.row, col: col.id, unit: col.unit, tenThousands: spec.tenThousands,
    })),
  };
}

function spec(table: TableId, row: RowDef, cols: readonly ColDef[], tenThousands = false): RowSpec {
  return {
    table, row: row.id, match: row.match, cols, keys: cols.map((c) => `${table}.${row.id}.${c.id}`), tenThousands,
    printed: printedLabel(row.label),
  };
}

function cached<T>(build: (format: TemplateFormat) => T): (format: TemplateFormat) => T {
  const memo = new Map<TemplateFormat, T>();
  return (format) => {
    let v = memo.get(format);
    if (v === undefined) memo.set(format, (v = build(format)));
    return v;
  };
}

export const activeSpecs = cached((format): readonly RowSpec[] =>
  ACTIVE_ROWS.filter((r) => r.formats.includes(format))
    .map((r) => spec('active', r, activeColumns(r.id, format), format === '2021' && r.id === 'fees')));

/**
 * Money columns whose header declares the unit: 「采购总金额（万元）」 makes bare numbers 万元; the 2021 fee column is in
 * 万元 by the template unless its header says 元.
 */
export function activeSpecsFor(format: TemplateFormat, tokens: readonly CellToken[]): readonly RowSpec[] {
  let procurementWan = false;
  let feesWan = format === '2021';
  for (const t of tokens) {
    if (t.kind !== 'label') continue;
    if (t.text.includes('采购总金额') && t.text.includes('万元')) procurementWan = true;
    if (t.text.includes('收费金额') && !t.text.includes('万元') && /[（(:：]\s*元|单位\s*[:：]?\s*元/.test(t.text)) feesWan = false;
  }
  const wanted = (row: string) => (row === 'procurement' ? procurementWan : row === 'fees' ? feesWan : false);
  const base = activeSpecs(format);
  if (base.every((s) => s.tenThousands === wanted(s.row))) return base;
  return base.map((s) => (s.tenThousands === wanted(s.row) ? s : { ...s, tenThousands: wanted(s.row) }));
}

export const requestSpecs = cached((format): readonly RowSpec[] =>
  REQUEST_ROWS.filter((r) => r.formats.includes(format)).map((r) => spec('requests', r, REQUEST_COLS)));

const APPEAL_SPECS: readonly RowSpec[] = APPEAL_ROWS.map((r) => spec('appeals', r, APPEAL_COLS));

export function appealSpecs(): readonly RowSpec[] {
  return APPEAL_SPECS;
}

/** Turn the tokens placed in one row into cells (a null token = a blank cell). */
function emitRow(spec: RowSpec, placed: readonly CellToken[], out: TableResult, line: number): void {
  out.rowLines.set(`${spec.table}.${spec.row}`, line);
  placed.forEach((tok, i) => {
    const col = spec.cols[i];
    const key = spec.keys[i];
    const parsed = parseValue(tok.text, spec.tenThousands);
    if (parsed && !isPlausible(parsed.value)) {
      // A count or an amount in 元 of more than 15 digits is no real figure (and past 2^53 not even exact): the
      // cell stays missing rather than carrying a number that breaks every sum.
      const shown = tok.text.length > 40 ? `${tok.text.slice(0, 40)}…` : tok.text;
      out.warnings.push({ code: 'value_implausible', message: `「${shown}」 (${tok.text.length} characters) is not a plausible value: dropped`, line: tok.line, key });
      return;
    }
    if (parsed?.words) {
      out.warnings.push({ code: 'number_in_words', message: `「${tok.text}」 is written in words; read as ${parsed.value}`, line: tok.line, key });
    }
    out.cells.push({
      key, table: spec.table, row: spec.row, col: col.id, raw: tok.text,
      value: parsed ? parsed.value : null, unit: col.unit, line: tok.line,
    });
  });
}

interface OpenRow {
  index: number;
  spec: RowSpec;
  placed: CellToken[];
  /** A glued run that holds the rest of the row's cells. */
  glued?: CellToken;
  labelBlock: number;
  labelLine: number;
  /** The row has received values: rows skipped before it are settled. */
  committed: boolean;
  /**
   * Its label came right after another row label that got no values (PDF conversion stacks the labels of several
   * rows, then prints their value rows): which value row is whose is unknown, so the values on later lines are
   * orphans, placed by template order between the rows that do have values, or left out. Values on the label's own
   * line are its row's.
   */
  stacked: boolean;
}

/**
 * Orphan values printed one row per line, plus a lone number on a line of its own (a page or note number a PDF
 * conversion dropped between the rows): when the whole lines are exactly the skipped rows, the lone ones are noise.
 */
function withoutStrays(tokens: CellToken[], widths: readonly number[], warnings: ParseWarning[]): CellToken[] {
  const width = widths.reduce((a, b) => a + b, 0);
  if (tokens.length <= width || widths.length === 0) return tokens;
  const lines = new Map<number, CellToken[]>();
  for (const t of tokens) lines.set(t.line, [...(lines.get(t.line) ?? []), t]);
  const groups = [...lines.values()];
  const rows = groups.filter((g) => g.length > 1);
  const strays = groups.filter((g) => g.length === 1);
  if (rows.length !== widths.length || rows.some((g, i) => g.length !== widths[i])) return tokens;
  for (const [t] of strays) warnings.push({ code: 'stray_value', message: `lone value 「${t.text}」 between rows printed without labels is not a cell`, line: t.line });
  return rows.flat();
}

/** Values no label claimed (a row printed without its label, a label the template lacks), and what to say if they stay unused. */
interface Orphans {
  tokens: CellToken[];
  warnings: ParseWarning[];
}

export interface WalkOptions {
  /** How many leading template rows may open the table (column headers such as 「总计」 come first). */
  gate?: number;
  /** Rows may come out of template order (a PDF conversion that moved a block): a label may name any row not yet read. */
  anyOrder?: boolean;
  /** Values may float outside the table (PDF conversion, loose.ts): a row short of values waits for them. */
  floatingValues?: boolean;
}

/**
 * Walks the tokens forward through the template rows: a row label is followed by its values in column order;
 * empty tokens count as blank cells only when a value follows them inside the row, or when they end the row's own
 * block (Word text); otherwise they are layout. A label with no values before the next label (a label displaced by
 * a PDF conversion) does not move the walk on. Values no label claimed are given to the rows skipped before the next
 * row that has values, in order, only when they fill exactly those rows; otherwise they are left out with a warning.
 */
class TableWalker {
  readonly out: TableResult = emptyResult();
  private next = 0;
  /** Index after the last row that received values. */
  private committed = 0;
  private readonly done = new Set<number>();
  private open: OpenRow | null = null;
  private pending: CellToken[] = [];
  /** A label that named no row, with the values that followed it (its wrapped end may still come). */
  private unknown: { label: CellToken; values: CellToken[] } | null = null;
  private orphans: Orphans = { tokens: [], warnings: [] };
  /** Orphan values that fitted no gap, kept for a table-specific repair (loose.ts). */
  readonly unused: CellToken[] = [];
  /** Rows that got fewer values than columns (no blank cells): `row index → tokens`, for the same repair. */
  readonly short = new Map<number, { spec: RowSpec; placed: CellToken[]; line: number }>();

  constructor(private readonly specs: readonly RowSpec[], private readonly gate: number, private readonly anyOrder = false, private readonly deferShort = false) {}

  feed(tok: CellToken): void {
    if (tok.kind === 'empty') this.pending.push(tok);
    else if (tok.kind === 'label') this.onLabel(tok);
    else this.onValue(tok);
  }

  finish(): TableResult {
    this.close();
    this.reportUnknownRow();
    this.dropOrphans();
    return this.out;
  }

  private findRow(key: string): number {
    const limit = this.next === 0 ? Math.min(this.gate, this.specs.length) : this.specs.length;
    for (let j = this.next; j < limit; j++) if (this.specs[j].match.test(key)) return j;
    if (this.anyOrder && this.next > 0) {
      for (let j = 0; j < this.next; j++) if (!this.done.has(j) && j !== this.open?.index && this.specs[j].match.test(key)) return j;
    }
    // Not a whole label: a wrapped one is the start of the next printed label (only the next, to stay in order).
    const part = stripGroup(key);
    const next = this.specs[this.next];
    if (part.length < MIN_PREFIX || !next || this.next >= limit) return -1;
    if (next.printed.length > part.length && next.printed.startsWith(part)) return this.next;
    // Two columns' wrapped text interleaved (「2.没有现成信息需要另」+「法提供」+「行制作」): a row ahead still leads
    // the label, for most of its own length.
    for (let j = this.next; j < limit; j++) {
      const shared = commonPrefix(part, this.specs[j].printed);
      if (!this.done.has(j) && shared >= MIN_PREFIX && shared * 2 >= this.specs[j].printed.length) return j;
    }
    return -1;
  }

  private close(): void {
    const row = this.open;
    if (row) {
      const blankRow = row.placed.length === 0;
      // An aligned blank of a value-less label line (columns.ts) counts only for a row that got no value at all.
      // A stacked row's values are printed elsewhere: its label line's blanks say nothing.
      const usable = (e: CellToken) => e.block === row.labelBlock && (e.aligned !== 'row' || (blankRow && !row.stacked));
      if (!row.glued) for (const e of this.pending) if (row.placed.length < row.spec.cols.length && usable(e)) row.placed.push(e);
      if (row.placed.length > 0 || row.glued) this.commit(row);
      const short = row.placed.length > 0 && row.placed.length < row.spec.cols.length && !row.glued;
      if (short && this.deferShort) this.short.set(row.index, { spec: row.spec, placed: row.placed, line: row.labelLine });
      else emitRow(row.spec, row.placed, this.out, row.labelLine);
      if (row.glued) this.out.glued.push(gluedSpan(row.spec, row.glued, row.placed.length));
      this.done.add(row.index);
    }
    this.open = null;
    this.pending = [];
  }

  /** The row has values: the orphans since the last such row fill the rows skipped in between, or are dropped. */
  private commit(row: OpenRow): void {
    if (row.committed) return;
    row.committed = true;
    const skipped: number[] = [];
    for (let j = this.committed; j < row.index; j++) if (!this.done.has(j)) skipped.push(j);
    const width = skipped.reduce((n, j) => n + this.specs[j].cols.length, 0);
    const tokens = withoutStrays(this.orphans.tokens, skipped.map((j) => this.specs[j].cols.length), this.out.warnings);
    if (skipped.length > 0 && tokens.length === width && tokens.every((t) => t.kind === 'value')) {
      let at = 0;
      for (const j of skipped) {
        const spec = this.specs[j];
        const part = tokens.slice(at, at + spec.cols.length);
        at += spec.cols.length;
        emitRow(spec, part, this.out, part[0].line);
        this.done.add(j);
      }
      this.orphans = { tokens: [], warnings: [] };
    } else {
      this.dropOrphans();
    }
    this.committed = Math.max(this.committed, row.index + 1);
  }

  private dropOrphans(): void {
    this.out.warnings.push(...this.orphans.warnings);
    this.unused.push(...this.orphans.tokens);
    this.orphans = { tokens: [], warnings: [] };
  }

  private orphan(tokens: CellToken[], warning: ParseWarning): void {
    this.orphans.tokens.push(...tokens);
    this.orphans.warnings.push(warning);
  }

  private onLabel(tok: CellToken): void {
    const key = labelKey(tok.text);
    let found = this.findRow(key);
    let stacked = false;
    const row = this.open;
    // A label line of a space-aligned table with no values (columns.ts) is a row of blank cells once the next row's
    // label comes (one the template names, or a numbered one whose wrapped end may follow), not a wrapped continuation.
    const next = found >= 0 || startsWithNumbering(tok.text);
    const blankRow = row && row.placed.length === 0 && !row.glued && next && this.pending.some((e) => e.aligned === 'row' && e.line === row.labelLine);
    if (blankRow) this.close();
    else if (row && row.placed.length === 0 && !row.glued && !this.pending.some((e) => e.block === row.labelBlock && e.aligned !== 'row')) {
      // The open row's label had no values of its own: if this label names a row from where the walk stood, it wins.
      const saved = this.next;
      this.next = this.committed;
      const again = this.findRow(key);
      if (again >= 0) {
        found = again;
        this.open = null;
      } else {
        this.next = saved;
      }
      stacked = found >= 0;
    }
    if (found < 0 && this.unknown && this.unknown.values.length > 0) {
      // 「5、属于第三类内部事务信」 0 0 … then 「息」: the label wrapped after its values (PDF text).
      const joined = this.findRow(labelKey(this.unknown.label.text + tok.text));
      if (joined >= 0) {
        this.openRow(joined, this.unknown.label, this.withTrailingBlanks(this.unknown.values).slice(0, this.specs[joined].cols.length));
        this.unknown = null;
        return;
      }
    }
    if (found >= 0 && this.unknown && this.unknown.values.length > 0 && !stacked) {
      // 「3.补正后申请」 0 0 … then 「内容仍不明确」 (a narrow label column wrapped around the row's values): the end
      // alone names the row too, but the values before it are that row's, not the next line's.
      const unknown = this.unknown;
      const start = stripGroup(labelKey(unknown.label.text));
      if (start.length > 0 && this.specs[found].printed.startsWith(start) && this.findRow(labelKey(unknown.label.text + tok.text)) === found) {
        this.openRow(found, unknown.label, this.withTrailingBlanks(unknown.values).slice(0, this.specs[found].cols.length));
        this.pending = [];
        return;
      }
    }
    if (found >= 0) {
      this.reportUnknownRow();
      this.openRow(found, tok, [], stacked);
    } else {
      // A sub-label (「（三）不予公开」) before any value keeps the row open; after values it ends the row.
      if (this.open && (this.open.placed.length > 0 || this.open.glued)) this.close();
      if (!this.open) {
        this.reportUnknownRow();
        this.unknown = { label: tok, values: [] };
      }
    }
    // A wrapped part of the open row's label (no row of its own) keeps the aligned blanks seen so far.
    this.pending = [];
  }

  /** Values of a label not yet named, with the blank cells placed by column after the last of them on its line. */
  private withTrailingBlanks(values: CellToken[]): CellToken[] {
    const last = values[values.length - 1];
    return [...values, ...this.pending.filter((e) => e.aligned === 'cell' && e.line === last?.line)];
  }

  private openRow(index: number, label: CellToken, placed: CellToken[], stacked = false): void {
    this.close();
    this.open = { index, spec: this.specs[index], placed, labelBlock: label.block, labelLine: label.line, committed: false, stacked };
    if (placed.length > 0) this.commit(this.open);
    this.next = Math.max(this.next, index + 1);
    this.unknown = null;
  }

  private onValue(tok: CellToken): void {
    const row = this.open;
    const pending = this.pending;
    this.pending = [];
    if (row?.stacked && tok.line === row.labelLine) row.stacked = false; // a table row of its own: label and values
    if (row?.stacked) {
      this.orphan([tok], {
        code: 'stacked_labels',
        message: `value 「${tok.text}」 follows several row labels printed one after another (the last: row ${row.spec.table}.${row.spec.row}): it is placed only by template order`,
        line: tok.line,
      });
    } else if (tok.kind === 'glued' && row && !row.glued && row.placed.length < row.spec.cols.length) {
      row.glued = tok;
      this.commit(row);
    } else if (row && !row.glued && row.placed.length < row.spec.cols.length) {
      // Aligned blanks (columns.ts) count only on the value's own line: a value-less line above was a wrapped label.
      for (const e of pending) if (row.placed.length < row.spec.cols.length - 1 && (!e.aligned || (e.aligned === 'cell' && e.line === tok.line))) row.placed.push(e);
      row.placed.push(tok);
      this.commit(row);
    } else if (!row && this.unknown) {
      // Blank cells placed by column (columns.ts) before the value, on its line, are the row's cells too.
      this.unknown.values.push(...pending.filter((e) => e.aligned === 'cell' && e.line === tok.line), tok);
    } else {
      this.orphan([tok], {
        code: row ? 'extra_value' : 'unplaced_value',
        message: row
          ? `value 「${tok.text}」 after the ${row.spec.cols.length} columns of row ${row.spec.table}.${row.spec.row}`
          : `value 「${tok.text}」 does not follow any known row label`,
        line: tok.line,
      });
    }
  }

  /** Values under a label the template does not have: said once for the row unless they fill rows printed without labels. */
  private reportUnknownRow(): void {
    const unknown = this.unknown;
    this.unknown = null;
    if (!unknown || unknown.values.length === 0) return;
    this.orphan(unknown.values, {
      code: 'unknown_row',
      message: `row 「${unknown.label.text}」 is not in the template; its ${unknown.values.length} values are ignored`,
      line: unknown.label.line,
    });
  }
}

export function readLabelledTable(tokens: readonly CellToken[], specs: readonly RowSpec[], options: WalkOptions = {}): TableResult {
  const walker = new TableWalker(specs, options.gate ?? specs.length, options.anyOrder ?? false, options.floatingValues ?? false);
  for (const tok of tokens) walker.feed(tok);
  const out = walker.finish();
  if (walker.short.size > 0) {
    const rows = [...walker.short.values()];
    // Values floating outside the table may be the short rows' missing cells; only without them is a short row read as it is.
    if (walker.unused.some((t) => t.kind === 'value')) {
      const placed = placeFloating(rows, walker.unused);
      out.warnings.push(...placed.warnings);
      rows.forEach((r, i) => emitPlaced(r.spec, placed.rows[i], out, r.line));
    } else {
      for (const r of rows) emitRow(r.spec, r.placed, out, r.line);
    }
  }
  return out;
}

function emitPlaced(spec: RowSpec, cells: readonly (CellToken | null)[], out: TableResult, line: number): void {
  out.rowLines.set(`${spec.table}.${spec.row}`, line);
  cells.forEach((tok, i) => {
    if (!tok) return;
    const one = { ...spec, cols: [spec.cols[i]], keys: [spec.keys[i]] };
    emitRow(one, [tok], out, line);
  });
}

const APPEAL_HEADER = /行政复议|行政诉讼|复议后起诉|未经复议直接起诉/;
/** The glued header of an unlabelled 表四 (「行政复议行政诉讼结果维持…总计」): its run is the value row, not a row of its own. */
const HEADER_ONLY = /结果维持.*总计$/;

/**
 * 表四 printed as one small table per row (「### 行政复议」 over 结果维持 … 总计 and one value row; PDF → Markdown):
 * each run of exactly five values belongs to the row its nearest heading names. Null unless at least two rows are
 * named that way, each once.
 */
function readAppealBlocks(tokens: readonly CellToken[], specs: readonly RowSpec[]): TableResult | null {
  const width = APPEAL_COLS.length;
  const byRow = new Map<RowSpec, CellToken[]>();
  let named: RowSpec | null = null;
  let run: CellToken[] = [];
  let clash = false;
  const finishRun = () => {
    const values = run.filter((t) => t.kind === 'value');
    if (values.length > 0) {
      if (!named || values.length !== width || run.some((t) => t.kind === 'glued') || byRow.has(named)) clash = true;
      else byRow.set(named, values);
      named = null;
    }
    run = [];
  };
  for (const tok of tokens) {
    if (tok.kind !== 'label') {
      run.push(tok);
      continue;
    }
    finishRun();
    // The later, more specific rows first: 「行政诉讼（复议后起诉）」 also says 复议.
    const row = [...specs].reverse().find((sp) => sp.match.test(labelKey(tok.text)));
    if (row) named = row;
  }
  finishRun();
  if (clash || byRow.size < 2) return null;
  const out = emptyResult();
  for (const spec of specs) {
    const values = byRow.get(spec);
    if (values) emitRow(spec, values, out, values[0].line);
  }
  return out;
}

/**
 * 表四 prints no row labels on its value row: after two header rows come 15 values, review(5), suit_direct(5),
 * suit_after_review(5). Some sites add the labels (「行政复议 0 0 0 0 0」): then the labelled reader is used.
 */
export function readAppeals(tokens: readonly CellToken[]): TableResult {
  const labelled = tokens.some((t, i) => t.kind === 'label' && APPEAL_HEADER.test(t.text) && (tokens[i + 1]?.kind === 'value' || tokens[i + 1]?.kind === 'glued')
    && !HEADER_ONLY.test(t.text));
  const specs = appealSpecs();
  if (labelled) return readLabelledTable(tokens, specs);
  const blocks = readAppealBlocks(tokens, specs);
  if (blocks) return blocks;
  // The value row: the run of value/empty tokens with the most values.
  let best: CellToken[] = [];
  let bestValues = 0;
  let run: CellToken[] = [];
  const finishRun = () => {
    const values = run.filter((t) => t.kind === 'value' || t.kind === 'glued').length;
    if (values > bestValues) {
      best = run;
      bestValues = values;
    }
    run = [];
  };
  for (const tok of tokens) {
    if (tok.kind === 'label') finishRun();
    else run.push(tok);
  }
  finishRun();
  const start = best.findIndex((t) => t.kind === 'value' || t.kind === 'glued' || t.aligned === 'cell');
  const width = APPEAL_COLS.length;
  let end = best.length;
  while (end > 0 && best[end - 1].kind === 'empty') end--;
  // Blank cells that end the row are cells when the row has them all in one block (an HTML <tr>, a TAB line).
  const full = start + specs.length * width;
  if (start >= 0 && end < full && best.length >= full && best.slice(start, full).every((t) => t.block === best[start].block)) end = full;
  const row = start < 0 ? [] : best.slice(start, end);
  const out = emptyResult();
  if (row.some((t) => t.kind === 'glued')) {
    // 「25380363300630003」: the three rows in one run; split with the rows' rules like any glued row.
    const raw = row.filter((t) => t.kind !== 'empty').map((t) => t.text).join(' ');
    const slots = specs.flatMap((spec) => gluedSpan(spec, row[0]).slots);
    out.glued.push({ raw, line: row[0].line, slots, summedRows: specs.map((spec) => spec.cols.length) });
    for (const spec of specs) out.rowLines.set(`${spec.table}.${spec.row}`, row[0].line);
    return out;
  }
  specs.forEach((spec, r) => {
    const part = row.slice(r * width, (r + 1) * width);
    if (part.length > 0) emitRow(spec, part, out, part[0].line);
  });
  if (row.length > specs.length * width) {
    out.warnings.push({
      code: 'extra_value',
      message: `表四 has ${row.length} value cells, the template has ${specs.length * width}`,
      line: row[specs.length * width].line,
    });
  }
  return out;
}
