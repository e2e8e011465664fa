import type { DataSource } from 'typeorm';
import type { Agency, Cell, Report } from '../../entities';
import { executorOf } from './executor';
import { readersOf, type Projection } from './readers';
import { sql, type Sql } from './sql';

/** One cell key across reports, already validated by the caller. */
export interface CellFilter {
  key: string;
  year?: number;
  regionPrefix?: string;
  /** null matches no cell (an id that cannot exist). */
  agencyId?: string | null;
  /** Bounds on the value: a blank cell (null value) never passes a bound. */
  valueGt?: number;
  valueGte?: number;
  valueLt?: number;
  valueLte?: number;
}

function conditions(f: CellFilter): Sql[] {
  const c = [sql`c.key = ${f.key}`];
  if (f.year !== undefined) c.push(sql`c.year = ${f.year}`);
  if (f.regionPrefix !== undefined) c.push(sql`c.region_code LIKE ${`${f.regionPrefix}%`}`);
  if (f.agencyId !== undefined) c.push(sql`c.agency_id = ${f.agencyId}`);
  if (f.valueGt !== undefined) c.push(sql`c.value > ${f.valueGt}`);
  if (f.valueGte !== undefined) c.push(sql`c.value >= ${f.valueGte}`);
  if (f.valueLt !== undefined) c.push(sql`c.value < ${f.valueLt}`);
  if (f.valueLte !== undefined) c.push(sql`c.value <= ${f.valueLte}`);
  return c;
}

export interface CellWindow {
  direction: 'ASC' | 'DESC';
  /** Keyset: rows after this (value, id) in `value <direction> NULLS LAST, id ASC` order. */
  after: [number | null, string] | null;
  limit: number;
  offset: number;
  /** Each cell's report (and its agency) read in the same statement. */
  withReport: boolean;
  withAgency: boolean;
  /** Only these properties of each entity (the GraphQL selection's); every column when absent. */
  cellColumns?: Projection;
  reportColumns?: Projection;
  agencyColumns?: Projection;
}

function afterCell(direction: 'ASC' | 'DESC', [value, id]: [number | null, string]): Sql {
  if (value === null) return sql`(c.value IS NULL AND c.id > ${id})`;
  const beyond = sql.raw(direction === 'DESC' ? '<' : '>');
  return sql`(c.value ${beyond} ${value} OR c.value IS NULL OR (c.value = ${value} AND c.id > ${id}))`;
}

/**
 * One page of a ranking in one statement. Late row lookup: the order and the window come from the index alone
 * (key, year, region → value, id); only the page's rows are read from the table.
 */
export async function cellPage(
  ds: DataSource, f: CellFilter, w: CellWindow,
): Promise<{ cell: Cell; report: Report | null; agency: Agency | null }[]> {
  const read = readersOf(ds);
  const withAgency = w.withReport && w.withAgency;
  const columns = [
    read.cell.columns('c', '', w.cellColumns),
    ...(w.withReport ? [read.report.columns('r', 'report.', w.reportColumns)] : []),
    ...(withAgency ? [read.agency.columns('a', 'agency.', w.agencyColumns)] : []),
  ].join(', ');
  const c = conditions(f);
  if (w.after) c.push(afterCell(w.direction, w.after));
  const direction = sql.raw(w.direction === 'ASC' ? 'ASC' : 'DESC');
  const rows = await executorOf(ds).rows(sql`SELECT ${sql.raw(columns)}
       FROM (SELECT c.id, c.value FROM cells c ${sql.where(c)} ORDER BY c.value ${direction} NULLS LAST, c.id ASC
              LIMIT ${w.limit} OFFSET ${w.offset}) w
       JOIN cells c ON c.id = w.id
       ${w.withReport ? sql`JOIN reports r ON r.id = c.report_id` : sql.empty} ${withAgency ? sql`JOIN agencies a ON a.id = r.agency_id` : sql.empty}
      ORDER BY w.value ${direction} NULLS LAST, w.id ASC`);
  return rows.map((row) => {
    const report = w.withReport ? read.report.take(row, 'report.', w.reportColumns) : null;
    const agency = withAgency ? read.agency.take(row, 'agency.', w.agencyColumns) : null;
    return { cell: read.cell.hydrate(row), report, agency };
  });
}

export async function countCells(ds: DataSource, f: CellFilter): Promise<number> {
  const [row] = await executorOf(ds).rows(sql`SELECT count(*)::int AS n FROM cells c ${sql.where(conditions(f))}`);
  return row.n as number;
}

/** Cells of these reports, every key or only `keys`, in stored order. */
export async function cellsOfReports(ds: DataSource, reportIds: readonly string[], keys: readonly string[] | null): Promise<Cell[]> {
  const read = readersOf(ds).cell;
  const onlyKeys = keys ? sql` AND c.key = ANY(${keys}::text[])` : sql.empty;
  const rows = await executorOf(ds).rows(
    sql`SELECT ${sql.raw(read.columns('c'))} FROM cells c WHERE c.report_id = ANY(${reportIds}::uuid[])${onlyKeys} ORDER BY c.id`,
    keys ? 'nb_cells_of_reports_keys' : 'nb_cells_of_reports',
  );
  return rows.map(read.hydrate);
}

/** Cells by id (the ids are checked to be bigints by the caller). */
export async function cellsByIds(ds: DataSource, ids: readonly string[]): Promise<Cell[]> {
  const read = readersOf(ds).cell;
  const rows = await executorOf(ds).rows(sql`SELECT ${sql.raw(read.columns('c'))} FROM cells c WHERE c.id = ANY(${ids}::bigint[])`, 'nb_cells_by_ids');
  return rows.map(read.hydrate);
}
