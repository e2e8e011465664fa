import type { DataSource } from 'typeorm';
import type { Agency, Cell, Check, Region, Report } from '../../entities';
import { CROSS_YEAR_KEYS, type TemplateFormat, type YearCells } from '../../parser';
import type { YearPair } from './crossYear';
import { executorOf } from './executor';
import { readersOf, type Projection, type SectionRow } from './readers';
import { sql, type Sql } from './sql';

/** What comes along with each report (a full report's page asks all of them). */
export interface BundleParts {
  agency: boolean;
  region: boolean;
  sections: boolean;
  /** Every cell of the report. */
  cells: boolean;
  /** Only these cell properties (the selection's projection); absent or null: whole cells. */
  cellColumns?: Projection;
  /** The report's own checks and the cells the cross-year rules read from it and from the year before. */
  checks: boolean;
}

export interface ReportBundle {
  report: Report;
  agency?: Agency | null;
  region?: Region | null;
  sections?: SectionRow[];
  /** With `cellColumns`, partial cells: only those properties. */
  cells?: Cell[];
  checks?: Check[];
  /** Only with `checks`: the pair the cross-year rules compare (no `prev` when the year before is not stored). */
  crossYear?: YearPair;
}

type Json = Record<string, unknown>;

/**
 * Reports with their agency, region, sections, cells and checks in one statement: each relation is a JSON value
 * beside the report's columns (json_agg in a correlated subquery on the same indexes the per-relation reads use), so
 * a full report is one round trip instead of seven, and the rows are parsed by JSON.parse instead of row by row.
 * The lists are arrays of positional arrays, and cells carry only `cellColumns`: building and parsing property names
 * and unread columns was most of the statement's cost (BENCHMARKS.md, perf15: 61 KB of JSON per report → 19 KB).
 * The same entities as the per-relation queries (readers' hydration; `test/db/queries/reportBundle.test.ts`).
 */
export async function reportBundles(ds: DataSource, ids: readonly string[], parts: BundleParts): Promise<ReportBundle[]> {
  if (ids.length === 0) return [];
  const read = readersOf(ds);
  const extra: Sql[] = [];
  if (parts.agency) extra.push(sql.raw(`(SELECT ${read.agency.jsonObject('a')} FROM agencies a WHERE a.id = r.agency_id) AS "b.agency"`));
  if (parts.region) extra.push(sql.raw(`(SELECT ${read.region.jsonObject('g')} FROM regions g WHERE g.code = r.region_code) AS "b.region"`));
  if (parts.sections) {
    extra.push(sql.raw(`(SELECT coalesce(json_agg(${read.section.jsonArray('s', childColumns(ds, 'Section'))} ORDER BY s.ordinal, s.id), '[]')
       FROM sections s WHERE s.report_id = r.id) AS "b.sections"`));
  }
  const cellShape = parts.cells ? cellsShape(ds, parts.cellColumns) : null;
  if (cellShape) {
    extra.push(sql.raw(`(SELECT coalesce(json_agg(${withId(cellShape.json, 'c')}), '[]') FROM cells c WHERE c.report_id = r.id) AS "b.cells"`));
  }
  if (parts.checks) {
    extra.push(sql.raw(`(SELECT coalesce(json_agg(${withId(read.check.jsonArray('k', childColumns(ds, 'Check')), 'k')}), '[]') FROM checks k WHERE k.report_id = r.id) AS "b.checks"`));
    const values = (alias: string) => sql`(SELECT json_object_agg(c.key, c.value) FROM cells c WHERE c.report_id = ${sql.raw(alias)}.id AND c.key = ANY(${CROSS_YEAR_KEYS}::text[]))`;
    // This year's values ride along with last year's: without a report of the year before they are never read.
    extra.push(sql`(SELECT json_build_object('year', p.year, 'format', p.format, 'values', ${values('p')}, 'curr', ${values('r')})
       FROM reports p WHERE p.agency_id = r.agency_id AND p.year = r.year - 1) AS "b.prev"`);
  }
  // One report (`report(id)`, the common case) by `r.id = $n`: its prepared statement's generic plan is the primary
  // key lookup, where `= ANY($n)` is planned for an array of unknown length.
  const which = ids.length === 1 ? sql`r.id = ${ids[0]}::uuid` : sql`r.id = ANY(${ids}::uuid[])`;
  const rows = await executorOf(ds).rows(sql`SELECT ${sql.raw(read.report.columns('r'))}, ${sql.join(extra, ', ')}
      FROM reports r WHERE ${which}`);
  const section = read.section.fromJsonArray(childColumns(ds, 'Section'));
  const cell = cellShape?.decode;
  const check = read.check.fromJsonArray(childColumns(ds, 'Check'));
  return rows.map((row) => {
    const bundle: Partial<ReportBundle> = {};
    const agency = row['b.agency'] as Json | null;
    const region = row['b.region'] as Json | null;
    if (parts.agency) bundle.agency = agency ? read.agency.fromJson(agency) : null;
    if (parts.region) bundle.region = region ? read.region.fromJson(region) : null;
    const reportId = row.id as string;
    if (parts.sections) bundle.sections = (row['b.sections'] as unknown[][]).map((v) => Object.assign(section(v), { reportId }));
    if (cell) bundle.cells = byId(row['b.cells'] as unknown[][]).map(cell);
    if (parts.checks) bundle.checks = byId(row['b.checks'] as unknown[][]).map((v) => Object.assign(check(v), { reportId }));
    const prev = row['b.prev'] as { year: number; format: string | null; values: Json | null; curr: Json | null } | null;
    for (const key of ['b.agency', 'b.region', 'b.sections', 'b.cells', 'b.checks', 'b.prev']) delete row[key];
    const report = read.report.hydrate(row);
    if (parts.checks) {
      bundle.crossYear = prev
        ? { prev: yearCells(prev.year, prev.format, prev.values), curr: yearCells(report.year, report.format, prev.curr) }
        : {};
    }
    return { ...bundle, report };
  });
}

function yearCells(year: number, format: string | null, values: Json | null): YearCells {
  const map = new Map<string, number | null>();
  for (const [key, value] of Object.entries(values ?? {})) map.set(key, value === null ? null : Number(value));
  return { year, format: format as TemplateFormat | null, values: map };
}

const CELL_IDS = ['tableId', 'rowId', 'colId'] as const;
type CellId = (typeof CELL_IDS)[number];
const isCellId = (p: string): p is CellId => (CELL_IDS as readonly string[]).includes(p);

/**
 * A cell's table, row and column are its key's three parts (`active.regulations.issued`) in every row ingest writes:
 * instead of repeating them (40 % of the cells' JSON), a cell whose key splits back into them exactly (the key is
 * their join and neither the table nor the column has a dot) carries null, and any other carries the three. PostgreSQL
 * builds 7 KB less JSON per full report (0.80 → 0.65 ms of its CPU for the cells, BENCHMARKS.md P10) and the server
 * parses less. The `key` is read for the split even when the selection does not ask for it (then left out again).
 */
function cellsShape(ds: DataSource, columns: Projection | undefined) {
  const read = readersOf(ds);
  const props = columns ?? ds.getMetadata('Cell').columns.map((c) => c.propertyName);
  const ids = props.filter(isCellId);
  if (ids.length === 0) return { json: read.cell.jsonArray('c', columns), decode: read.cell.fromJsonArray(columns) };
  const rest = [...new Set([...props.filter((p) => !isCellId(p)), 'key'])].sort();
  const withKey = props.includes('key');
  const base = read.cell.fromJsonArray(rest);
  const own = `CASE WHEN c.key = c.table_id || '.' || c.row_id || '.' || c.col_id AND strpos(c.table_id, '.') = 0
      AND strpos(c.col_id, '.') = 0 THEN NULL ELSE json_build_array(c.table_id, c.row_id, c.col_id) END`;
  const json = `${read.cell.jsonArray('c', rest).slice(0, -1)}, ${own})`; // one more element in json_build_array(…)
  const decode = (value: unknown[]): Cell => {
    const cell = base(value) as Cell;
    const given = value[rest.length] as [string, string, string] | null;
    const key = cell.key;
    const first = key.indexOf('.');
    const last = key.lastIndexOf('.');
    const parts: Record<CellId, string> = given
      ? { tableId: given[0], rowId: given[1], colId: given[2] }
      : { tableId: key.slice(0, first), rowId: key.slice(first + 1, last), colId: key.slice(last + 1) };
    for (const id of ids) cell[id] = parts[id];
    if (!withKey) delete (cell as Partial<Cell>).key;
    return cell;
  };
  return { json, decode };
}

const childColumnsCache = new WeakMap<DataSource, Map<string, Projection>>();

/**
 * The columns of a report's sections or checks in the bundle: all of their reader's but `reportId`, which is the
 * report's own id (filled in from it): 36 characters less JSON per row, ~1.7 KB per full report.
 */
function childColumns(ds: DataSource, entity: 'Section' | 'Check'): Projection {
  let cache = childColumnsCache.get(ds);
  if (!cache) childColumnsCache.set(ds, (cache = new Map()));
  let columns = cache.get(entity);
  if (!columns) {
    const omitted = entity === 'Section' ? ['reportId', 'searchWords'] : ['reportId'];
    columns = ds.getMetadata(entity).columns.map((c) => c.propertyName).filter((p) => !omitted.includes(p)).sort();
    cache.set(entity, columns);
  }
  return columns;
}

/**
 * The row's id as one more (last) element of its json_build_array(…): the cells and checks come in id order because
 * the server sorts them (`byId`), not PostgreSQL. An ordered json_agg sorts in every subquery (a tuplesort per report
 * and relation: ~0.2 ms of PostgreSQL's CPU per full report's cells, BENCHMARKS.md P10), while the rows a bitmap heap
 * scan returns are already nearly in id order (one report's rows are written together), which JavaScript's sort
 * (TimSort) checks in one pass. Ids are bigint: as JSON numbers they are exact below 2^53.
 */
const withId = (jsonArray: string, alias: string) => `${jsonArray.slice(0, -1)}, ${alias}.id)`;

/** Rows built by `withId`, sorted by that last element. */
function byId(rows: unknown[][]): unknown[][] {
  return rows.sort((a, b) => (a[a.length - 1] as number) - (b[b.length - 1] as number));
}
