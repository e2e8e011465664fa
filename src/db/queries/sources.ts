import type { DataSource } from 'typeorm';
import type { Check, Region } from '../../entities';
import { executorOf } from './executor';
import { readersOf, type SourceSummary } from './readers';
import { sql } from './sql';

export async function sourcesByIds(ds: DataSource, ids: readonly string[]): Promise<SourceSummary[]> {
  const read = readersOf(ds).source;
  const rows = await executorOf(ds).rows(
    sql`SELECT ${sql.raw(read.columns('s'))} FROM report_sources s WHERE s.id = ANY(${ids}::uuid[])`, 'nb_sources_by_id');
  return rows.map(read.hydrate);
}

/** History: every source ingested for each (agency, year), newest first. */
export async function sourcesOfAgencyYears(
  ds: DataSource, pairs: readonly { agencyId: string | null; year: number | null }[],
): Promise<SourceSummary[]> {
  const read = readersOf(ds).source;
  const rows = await executorOf(ds).rows(sql`SELECT ${sql.raw(read.columns('s'))} FROM report_sources s
      WHERE (s.agency_id, s.year) IN (SELECT * FROM unnest(${pairs.map((p) => p.agencyId)}::uuid[], ${pairs.map((p) => p.year)}::int[]))
      ORDER BY s.ingested_at DESC`, 'nb_sources_of_reports');
  return rows.map(read.hydrate);
}

export async function regionsByCodes(ds: DataSource, codes: readonly string[]): Promise<Region[]> {
  const read = readersOf(ds).region;
  const rows = await executorOf(ds).rows(
    sql`SELECT ${sql.raw(read.columns('g'))} FROM regions g WHERE g.code = ANY(${codes}::text[])`, 'nb_regions_by_code');
  return rows.map(read.hydrate);
}

export async function checksOfReports(ds: DataSource, reportIds: readonly string[]): Promise<Check[]> {
  const read = readersOf(ds).check;
  const rows = await executorOf(ds).rows(
    sql`SELECT ${sql.raw(read.columns('k'))} FROM checks k WHERE k.report_id = ANY(${reportIds}::uuid[]) ORDER BY k.id`,
    'nb_checks_of_reports');
  return rows.map(read.hydrate);
}

/** The database answers (and how many reports it holds). */
export async function storedReportCount(ds: DataSource): Promise<number> {
  const [row] = await executorOf(ds).rows(sql`SELECT count(*)::int AS n FROM reports`);
  return (row?.n as number) ?? 0;
}
