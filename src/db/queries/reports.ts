import type { DataSource } from 'typeorm';
import type { Cell, Report } from '../../entities';
import { executorOf } from './executor';
import { readersOf, type Projection } from './readers';
import { agencyNameMatches } from './agencyMatch';
import { sql, type Sql } from './sql';

/** Filters of the report list, already validated by the caller. */
export interface ReportFilter {
  agencyId?: string;
  /** An agency name, matched by the one agency rule (agencyMatch.ts): a substring of the short or full name. */
  agencyName?: string;
  /** A region code prefix: codes are hierarchical, a prefix selects everything below. */
  regionPrefix?: string;
  year?: number;
  format?: string;
}

function conditions(f: ReportFilter): Sql[] {
  const c: Sql[] = [];
  if (f.agencyId !== undefined) c.push(sql`r.agency_id = ${f.agencyId}`);
  if (f.agencyName !== undefined) {
    c.push(sql`r.agency_id IN (SELECT a.id FROM agencies a WHERE ${agencyNameMatches('a', f.agencyName)})`);
  }
  if (f.regionPrefix !== undefined) c.push(sql`r.region_code LIKE ${`${f.regionPrefix}%`}`);
  if (f.year !== undefined) c.push(sql`r.year = ${f.year}`);
  if (f.format !== undefined) c.push(sql`r.format = ${f.format}`);
  return c;
}

export interface ReportWindow {
  /** Keyset: rows after this (year, id) in `year DESC, id ASC` order. */
  after: [number, string] | null;
  limit: number;
  offset: number;
  /** With a key, each report's cell of that key comes along in the same statement (null when it lacks it). */
  cellKey: string | null;
  /** Only these properties of the report / of the cell (the GraphQL selection's); every column when absent. */
  reportColumns?: Projection;
  cellColumns?: Projection;
}

/** One page of reports, newest year first, in one statement. */
export async function reportPage(ds: DataSource, f: ReportFilter, w: ReportWindow): Promise<{ report: Report; cell: Cell | null }[]> {
  const read = readersOf(ds);
  const c = conditions(f);
  if (w.after) c.push(sql`(r.year < ${w.after[0]} OR (r.year = ${w.after[0]} AND r.id > ${w.after[1]}))`);
  const page = sql`SELECT r.* FROM reports r ${sql.where(c)} ORDER BY r.year DESC, r.id ASC LIMIT ${w.limit} OFFSET ${w.offset}`;
  const rows = await executorOf(ds).rows(
    w.cellKey
      ? sql`SELECT ${sql.raw(read.report.columns('r', '', w.reportColumns))}, ${sql.raw(read.cell.columns('c', 'cell.', w.cellColumns))}
              FROM (${page}) r LEFT JOIN cells c ON c.report_id = r.id AND c.key = ${w.cellKey}
             ORDER BY r.year DESC, r.id ASC`
      : sql`SELECT ${sql.raw(read.report.columns('r', '', w.reportColumns))} FROM (${page}) r ORDER BY r.year DESC, r.id ASC`,
  );
  return rows.map((row) => {
    const cell = w.cellKey ? read.cell.take(row, 'cell.', w.cellColumns) : null;
    return { report: read.report.hydrate(row), cell };
  });
}

export async function countReports(ds: DataSource, f: ReportFilter): Promise<number> {
  const [row] = await executorOf(ds).rows(sql`SELECT count(*)::int AS n FROM reports r ${sql.where(conditions(f))}`);
  return row.n as number;
}

export async function reportsByIds(ds: DataSource, ids: readonly string[]): Promise<Report[]> {
  const read = readersOf(ds).report;
  const rows = await executorOf(ds).rows(sql`SELECT ${sql.raw(read.columns('r'))} FROM reports r WHERE r.id = ANY(${ids}::uuid[])`, 'nb_reports_by_id');
  return rows.map(read.hydrate);
}

/** The current reports of these agencies, newest year first. */
export async function reportsOfAgencies(ds: DataSource, agencyIds: readonly string[]): Promise<Report[]> {
  const read = readersOf(ds).report;
  const rows = await executorOf(ds).rows(
    sql`SELECT ${sql.raw(read.columns('r'))} FROM reports r WHERE r.agency_id = ANY(${agencyIds}::uuid[]) ORDER BY r.year DESC`,
    'nb_reports_of_agencies',
  );
  return rows.map(read.hydrate);
}
