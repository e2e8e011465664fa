import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { Agency, Cell, Check, Region, Report, ReportSource, Section } from '../entities';
import { poolOf, readerOf } from '../db/reader';
import { divisionByCode, type DivisionRef } from './regions';
import { isUuid } from './errors';
import { loadCrossYearChecks } from './crossYear';
import type { CheckResult } from '../parser';

/** A report source without its (possibly large) verbatim content. */
export type SourceSummary = Omit<ReportSource, 'content' | 'agency'>;
/** A section without the segmented words kept for full-text search. */
export type SectionRow = Omit<Section, 'searchWords' | 'report'>;

export interface Loaders {
  report: DataLoader<string, Report | null>;
  agency: DataLoader<string, Agency | null>;
  region: DataLoader<string, DivisionRef | null>;
  source: DataLoader<string, SourceSummary | null>;
  sourcesOfReport: DataLoader<string, SourceSummary[], string>;
  sectionsOfReport: DataLoader<string, SectionRow[]>;
  /** Key: `${reportId}|${comma-separated keys}`, or just the report id for every cell. */
  cellsOfReport: DataLoader<string, Cell[]>;
  checksOfReport: DataLoader<string, Check[]>;
  /** The rules linking a report to the same agency's report of the year before (none when that is not stored). */
  crossYearChecksOfReport: DataLoader<string, CheckResult[]>;
  reportsOfAgency: DataLoader<string, Report[]>;
}

/** The cellsOfReport key for a report and an optional key list (order-independent, so equal lists batch together). */
export function cellsKey(reportId: string, keys?: readonly string[] | null): string {
  return keys?.length ? `${reportId}|${[...new Set(keys)].sort().join(',')}` : reportId;
}

const byId = <T extends { id: string }>(rows: T[], ids: readonly string[]) => {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
};
const groupBy = <T>(rows: T[], keyOf: (r: T) => string, keys: readonly string[]) => {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(keyOf(r))?.push(r);
  return keys.map((k) => map.get(k) ?? []);
};
const uuids = (ids: readonly string[]) => ids.filter(isUuid);

/**
 * One batched query per relation and request, whatever the number of parents (no N+1). Plain SQL with fixed texts
 * (named, so each connection plans them once) on TypeORM's pool: these run on every request of the hot paths.
 */
export function createLoaders(dataSource: DataSource): Loaders {
  const pool = poolOf(dataSource);
  const read = readers(dataSource);
  const rowsOf = async <T>(name: string, text: string, values: unknown[], hydrate: (row: Record<string, unknown>) => T) =>
    (await pool.query({ name, text, values })).rows.map(hydrate);

  return {
    report: new DataLoader(async (ids) =>
      byId(await rowsOf('nb_reports_by_id', `SELECT ${read.report.columns('r')} FROM reports r WHERE r.id = ANY($1::uuid[])`,
        [uuids(ids)], read.report.hydrate), ids)),
    agency: new DataLoader(async (ids) =>
      byId(await rowsOf('nb_agencies_by_id', `SELECT ${read.agency.columns('a')} FROM agencies a WHERE a.id = ANY($1::uuid[])`,
        [uuids(ids)], read.agency.hydrate), ids)),
    region: new DataLoader(async (codes) => {
      const rows = await rowsOf('nb_regions_by_code', `SELECT ${read.region.columns('g')} FROM regions g WHERE g.code = ANY($1::text[])`,
        [[...codes]], read.region.hydrate);
      const map = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => {
        const r = map.get(c);
        return r ? { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode } : divisionByCode(c);
      });
    }),
    source: new DataLoader(async (ids) =>
      byId(await rowsOf('nb_sources_by_id', `SELECT ${read.source.columns('s')} FROM report_sources s WHERE s.id = ANY($1::uuid[])`,
        [uuids(ids)], read.source.hydrate), ids)),
    // History: every source ingested for the report's agency and year, newest first.
    sourcesOfReport: new DataLoader(async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const rows = await rowsOf('nb_sources_of_reports',
        `SELECT ${read.source.columns('s')} FROM report_sources s
          WHERE (s.agency_id, s.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))
          ORDER BY s.ingested_at DESC`,
        [pairs.map(([agencyId]) => (isUuid(agencyId) ? agencyId : null)), pairs.map(([, year]) => Number(year) || null)],
        read.source.hydrate);
      return groupBy(rows, (r) => `${r.agencyId}|${r.year}`, keys);
    }),
    sectionsOfReport: new DataLoader(async (ids) => {
      const rows = await rowsOf('nb_sections_of_reports',
        `SELECT ${read.section.columns('s')} FROM sections s WHERE s.report_id = ANY($1::uuid[]) ORDER BY s.ordinal`,
        [uuids(ids)], read.section.hydrate);
      return groupBy(rows, (r) => r.reportId, ids);
    }),
    // Reports asking for the same keys share one query that reads only those keys (a report has ~200 cells).
    cellsOfReport: new DataLoader((requests) => loadCells(pool, read.cell, requests)),
    checksOfReport: new DataLoader(async (ids) => {
      const rows = await rowsOf('nb_checks_of_reports',
        `SELECT ${read.check.columns('k')} FROM checks k WHERE k.report_id = ANY($1::uuid[]) ORDER BY k.id`,
        [uuids(ids)], read.check.hydrate);
      return groupBy(rows, (r) => r.reportId, ids);
    }),
    crossYearChecksOfReport: new DataLoader((ids) => loadCrossYearChecks(pool, ids)),
    reportsOfAgency: new DataLoader(async (ids) => {
      const rows = await rowsOf('nb_reports_of_agencies',
        `SELECT ${read.report.columns('r')} FROM reports r WHERE r.agency_id = ANY($1::uuid[]) ORDER BY r.year DESC`,
        [uuids(ids)], read.report.hydrate);
      return groupBy(rows, (r) => r.agencyId, ids);
    }),
  };
}

type Readers = ReturnType<typeof buildReaders>;
const readersBySource = new WeakMap<DataSource, Readers>();

/** Built once per data source: createLoaders runs on every request. */
function readers(dataSource: DataSource): Readers {
  let found = readersBySource.get(dataSource);
  if (!found) readersBySource.set(dataSource, (found = buildReaders(dataSource)));
  return found;
}

function buildReaders(dataSource: DataSource) {
  return {
    report: readerOf(dataSource, Report),
    agency: readerOf(dataSource, Agency),
    region: readerOf(dataSource, Region),
    source: readerOf(dataSource, ReportSource, ['content']),
    section: readerOf(dataSource, Section, ['searchWords']),
    cell: readerOf(dataSource, Cell),
    check: readerOf(dataSource, Check),
  };
}

async function loadCells(pool: Pool, reader: Readers['cell'], requests: readonly string[]): Promise<Cell[][]> {
  const byKeys = new Map<string, string[]>();
  for (const r of requests) {
    const [reportId, keys = ''] = r.split('|');
    byKeys.set(keys, [...(byKeys.get(keys) ?? []), reportId]);
  }
  const found = new Map<string, Cell[]>();
  await Promise.all([...byKeys].map(async ([keys, reportIds]) => {
    const onlyKeys = keys ? ' AND c.key = ANY($2::text[])' : '';
    const { rows } = await pool.query({
      name: keys ? 'nb_cells_of_reports_keys' : 'nb_cells_of_reports',
      text: `SELECT ${reader.columns('c')} FROM cells c WHERE c.report_id = ANY($1::uuid[])${onlyKeys} ORDER BY c.id`,
      values: keys ? [uuids(reportIds), keys.split(',')] : [uuids(reportIds)],
    });
    groupBy(rows.map(reader.hydrate), (c) => c.reportId, reportIds).forEach((cells, i) => found.set(`${reportIds[i]}|${keys}`, cells));
  }));
  return requests.map((r) => found.get(r.includes('|') ? r : `${r}|`) ?? []);
}
