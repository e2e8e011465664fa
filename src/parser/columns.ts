/**
 * Blank cells of a table laid out by spaces (a PDF page rebuilt as text, `pdftotext -layout`): a blank cell prints
 * nothing, so 「一、本年新收…  26                26」 reads as two values where the row has seven columns, and the
 * second 26 would land in 商业企业 instead of 总计. The column headers above the rows still stand at their
 * columns (「自然」「商业」…「总」, wrapped over several lines): where they give exactly the table's columns, each value
 * of a short row goes to the column whose header centre is nearest, and the columns it skips become blank cells
 * (empty tokens the table walk reads as such). A row whose values do not fall into distinct columns in order, or
 * whose missing cells are printed on a neighbouring line (a cell aligned differently), is left as it is.
 */
import type { ColDef } from './catalog';
import type { CellToken } from './tableTypes';
import type { ParseWarning } from './types';
import { classify } from './values';

/** Display width in half-em columns, as the PDF layout renders it: ideographs and full-width forms take two. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

interface Field {
  text: string;
  /** Centre, in display columns from the line start. */
  centre: number;
  start: number;
}

function fieldsOf(line: string): Field[] {
  const out: Field[] = [];
  let at = 0;
  for (const m of line.matchAll(/\S+|\s+/g)) {
    const w = width(m[0]);
    if (!/^\s/.test(m[0])) out.push({ text: m[0], start: at, centre: at + w / 2 });
    at += w;
  }
  return out;
}

/** A field that is a cell value (「26」「2笔」), not a numbered label (「1.属于国家秘密」). */
const isNumber = (f: Field) => classify(f.text) === 'value';

/**
 * Column centres from the header lines (the region's lines before its first number): fields that begin a column
 * label (「自然」 of 自然人, 「总」 of 总计) at distinct positions. Null unless they give exactly `count` columns.
 */
function headerColumns(lines: readonly string[], from: number, to: number, labels: readonly string[], count: number): { centres: number[]; end: number } | null {
  const found: Field[] = [];
  let end = from;
  for (; end < to; end++) {
    const fields = fieldsOf(lines[end]);
    if (fields.some(isNumber)) break;
    for (const f of fields) if (labels.some((l) => l.startsWith(f.text))) found.push(f);
  }
  found.sort((a, b) => a.start - b.start);
  const starts: Field[] = [];
  for (const f of found) if (!starts.length || f.start - starts[starts.length - 1].start > 1) starts.push(f);
  return starts.length === count ? { centres: starts.map((f) => f.centre), end } : null;
}

/** A line laid out by spaces: no pipe table row, no TAB cells (those mark their blank cells themselves). */
function spaced(line: string): boolean {
  return !line.includes('|') && !line.includes('\t');
}

/** How much nearer (display columns) a value must be to its header than to any other. */
const CLEAR = 1.5;

/** Column index of each value by nearest centre; null when one is not clearly nearest, two share a column or the order breaks. */
function columnsOf(values: readonly Field[], centres: readonly number[]): number[] | null {
  const out: number[] = [];
  for (const v of values) {
    const distance = centres.map((c) => Math.abs(c - v.centre));
    const best = distance.indexOf(Math.min(...distance));
    // About as near to another header: the page's columns are too narrow to tell (a wrapped header, a small page).
    if (distance.some((d, c) => c !== best && d - distance[best] < CLEAR)) return null;
    if (out.length && best <= out[out.length - 1]) return null;
    out.push(best);
  }
  return out;
}

interface ValueLine {
  tokens: CellToken[];
  cols: number[];
}

/** The value tokens of one line matched to the line's number fields, in order; null if they do not match one to one. */
function valueLine(tokens: CellToken[], line: string, centres: readonly number[]): ValueLine | 'unclear' | null {
  const numbers = fieldsOf(line).filter(isNumber);
  if (numbers.length !== tokens.length || tokens.some((t, i) => !t.text.startsWith(numbers[i].text))) return null;
  const cols = columnsOf(numbers, centres);
  return cols ? { tokens, cols } : 'unclear';
}

/**
 * Tokens of a table region with the blank cells of its short, space-aligned rows made explicit. `labels` are the
 * table's columns (`groups` times over: 表四 prints its five columns for three rows on one line); `lines` are the
 * document's lines, [from, to) the region (tokens carry 1-based line numbers).
 */
export function alignBlankCells(tokens: readonly CellToken[], lines: readonly string[], from: number, to: number, cols: readonly ColDef[], groups = 1, warnings: ParseWarning[] = []): CellToken[] {
  const count = cols.length * groups;
  const header = headerColumns(lines, from, to, cols.map((c) => c.label), count);
  if (!header) return [...tokens];
  const { centres } = header;
  const byLine = new Map<number, CellToken[]>();
  const labelled = new Set<number>();
  for (const t of tokens) {
    if (t.kind === 'label') labelled.add(t.line);
    if (t.kind === 'glued') byLine.set(t.line, []); // a glued run is split by other rules
    else if (t.kind === 'value' && byLine.get(t.line)?.length !== 0) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  }
  const rows = new Map<number, ValueLine>();
  // A short row whose values stand between two headers (columns too narrow to tell): read from the left they would
  // land in wrong columns, so they are left out, with a warning (the row's cells are reported missing).
  const unclear = new Set<number>();
  for (const [line, values] of byLine) {
    if (values.length === 0 || values.length >= count || !spaced(lines[line - 1])) continue;
    const row = valueLine(values, lines[line - 1], centres);
    if (row === 'unclear') unclear.add(line);
    else if (row) rows.set(line, row);
  }
  for (const line of unclear) {
    warnings.push({ code: 'column_unclear', message: `values 「${byLine.get(line)!.map((t) => t.text).join(' ')}」 of a row with blank cells do not stand clearly under column headers: not read`, line });
  }
  // Cells of one row printed on two lines (a total aligned to the top of its cell): the neighbour holds what this
  // line lacks, so neither line's gaps are blank cells.
  const complementary = (a: ValueLine, b: ValueLine | undefined) => b !== undefined && b.cols.every((c) => !a.cols.includes(c));
  const aligned = new Map<number, ValueLine>();
  for (const [line, row] of rows) {
    if (!complementary(row, rows.get(line - 1)) && !complementary(row, rows.get(line + 1)) && !complementary(row, rows.get(line - 2)) && !complementary(row, rows.get(line + 2))) aligned.set(line, row);
  }
  if (aligned.size === 0 && unclear.size === 0) return [...tokens];
  // Rows print their label and values on one line (not labels stacked above a block of values): a label line with
  // no values is a row of blank cells, or the wrapped part of a label (the table walk tells which).
  const inline = [...aligned.keys()].filter((l) => labelled.has(l)).length * 2 > aligned.size;
  const lastOfLine = new Map<number, CellToken>();
  for (const t of tokens) lastOfLine.set(t.line, t);
  const out: CellToken[] = [];
  const blank = (t: CellToken, kind: 'cell' | 'row' = 'cell'): CellToken => ({ text: '', kind: 'empty', line: t.line, block: t.block, aligned: kind });
  for (const t of tokens) {
    if (t.kind === 'value' && unclear.has(t.line)) continue;
    const row = t.kind === 'value' ? aligned.get(t.line) : undefined;
    if (!row) {
      out.push(t);
      const blankRow = inline && t.kind === 'label' && t.line > header.end && lastOfLine.get(t.line) === t && !byLine.has(t.line) && spaced(lines[t.line - 1]);
      if (blankRow) for (let k = 0; k < count; k++) out.push(blank(t, 'row'));
      continue;
    }
    const i = row.tokens.indexOf(t);
    const before = i === 0 ? row.cols[0] : row.cols[i] - row.cols[i - 1] - 1;
    for (let k = 0; k < before; k++) out.push(blank(t));
    out.push(t);
    if (i === row.tokens.length - 1) for (let k = row.cols[i] + 1; k < count; k++) out.push(blank(t));
  }
  return out;
}
