/** The committed samples, their hand-read expected values, and the template order of cell keys. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTIVE_ROWS, APPEAL_COLS, APPEAL_ROWS, REQUEST_COLS, REQUEST_ROWS, activeColumns, type TemplateFormat,
} from '../../../src/parser/catalog';

export const SAMPLES_DIR = join(__dirname, '..', '..', '..', 'samples');

/** Every report sample (its hand-read expected values are in samples/expected/). */
export const SAMPLE_FILES = [
  'baitu-2020.txt', 'zhangjiachan-2020.txt', 'ganhezi-2020.txt', 'gangkou-2021.txt', 'shiji-2020.txt',
  'baitu-2020.html', 'gangkou-2021.docx',
];
/** The Word-text samples (TAB cells). */
export const TAB_SAMPLES = ['baitu-2020.txt', 'zhangjiachan-2020.txt', 'ganhezi-2020.txt', 'gangkou-2021.txt'];

export interface Expected {
  title: string;
  year: number;
  format: TemplateFormat;
  publishedAt: string | null;
  agency: { name: string; fullName: string; regionCode: string };
  contact: Record<string, string>;
  sections: string[];
  cells: Record<'active' | 'requests' | 'appeals', Record<string, (number | null)[]>>;
  raw: Record<string, string>;
}

export function sampleBytes(file: string): Buffer {
  return readFileSync(join(SAMPLES_DIR, file));
}

export function sampleText(file: string): string {
  return readFileSync(join(SAMPLES_DIR, file), 'utf8');
}

export function expectedFor(file: string): Expected {
  const name = file.endsWith('.txt') ? file.replace(/\.txt$/, '') : file;
  return JSON.parse(readFileSync(join(SAMPLES_DIR, 'expected', `${name}.expected.json`), 'utf8')) as Expected;
}

function columnIds(table: string, row: string, format: TemplateFormat): string[] {
  if (table === 'active') return activeColumns(row, format).map((c) => c.id);
  return (table === 'requests' ? REQUEST_COLS : APPEAL_COLS).map((c) => c.id);
}

/** The expected file's per-row arrays → key → value. */
export function expectedValues(e: Expected): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [table, rows] of Object.entries(e.cells)) {
    for (const [row, values] of Object.entries(rows)) {
      const cols = columnIds(table, row, e.format);
      if (cols.length !== values.length) throw new Error(`expected file: ${table}.${row} has ${values.length} values, template ${cols.length}`);
      cols.forEach((col, i) => out.set(`${table}.${row}.${col}`, values[i]));
    }
  }
  return out;
}

/** Cell keys in the order the printed form shows them (表二 rows, 表三 rows × columns, 表四 row by row). */
export function templateOrder(format: TemplateFormat): string[] {
  const keys: string[] = [];
  for (const r of ACTIVE_ROWS) if (r.formats.includes(format)) for (const c of activeColumns(r.id, format)) keys.push(`active.${r.id}.${c.id}`);
  for (const r of REQUEST_ROWS) if (r.formats.includes(format)) for (const c of REQUEST_COLS) keys.push(`requests.${r.id}.${c.id}`);
  for (const r of APPEAL_ROWS) for (const c of APPEAL_COLS) keys.push(`appeals.${r.id}.${c.id}`);
  return keys;
}
