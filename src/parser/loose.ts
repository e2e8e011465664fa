/**
 * PDF conversion pulls a cell with a note under its number (「22」 over 「（其中修订16件）」) out of its table row:
 * the row keeps one value fewer than its columns, and the values float above the table. They are put back only when
 * the count matches (one floating value per short row, in order) and a note names the column they all came from
 * (「含自然失效」 → 本年废止件数); otherwise the short rows' cells are left out with a warning, never shifted.
 */
import type { ParseWarning } from './types';
import type { CellToken } from './tableTypes';
import type { RowSpec } from './tableTypes';

export interface ShortRow {
  spec: RowSpec;
  placed: CellToken[];
  line: number;
}

/** Words of a note and the column they belong to. */
const COLUMN_WORDS: readonly { col: string; words: RegExp }[] = [
  { col: 'repealed', words: /废止|失效|撤销|宣布失效/ },
  { col: 'in_force', words: /现行有效/ },
  { col: 'issued', words: /制发|印发|出台|新制定/ },
];

const NOTE = /[（(]([^（()）]*)[）)]/;

/** The one column the floating values' notes name, or null when none names one or they disagree. */
function namedColumn(floating: readonly CellToken[]): string | null {
  const named = new Set<string>();
  for (const t of floating) {
    const note = NOTE.exec(t.text)?.[1] ?? '';
    for (const c of COLUMN_WORDS) if (c.words.test(note)) named.add(c.col);
  }
  return named.size === 1 ? [...named][0] : null;
}

/**
 * @returns for each short row the tokens in column order (null = a cell left out), plus warnings
 */
export function placeFloating(rows: readonly ShortRow[], unused: readonly CellToken[]): { rows: (CellToken | null)[][]; warnings: ParseWarning[] } {
  const floating = unused.filter((t) => t.kind === 'value' && NOTE.test(t.text));
  const fits = rows.every((r) => r.placed.length === r.spec.cols.length - 1) && floating.length === rows.length;
  const col = fits ? namedColumn(floating) : null;
  if (col !== null && rows.every((r) => r.spec.cols.some((c) => c.id === col))) {
    return {
      rows: rows.map((r, i) => {
        const at = r.spec.cols.findIndex((c) => c.id === col);
        return [...r.placed.slice(0, at), floating[i], ...r.placed.slice(at)];
      }),
      warnings: [],
    };
  }
  const warnings = rows.flatMap((r) => r.spec.keys.map((key) => ({
    code: 'short_row',
    message: `row ${r.spec.table}.${r.spec.row} has ${r.placed.length} values for ${r.spec.cols.length} columns and values float outside the table: which column each fills is unknown, ${key} is left out`,
    line: r.line,
    key,
  })));
  return { rows: rows.map((r) => r.spec.cols.map(() => null)), warnings };
}
