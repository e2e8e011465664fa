import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Agency, Cell, Check, Region, Report, ReportSource, Section } from '../entities';
import { divisionByCode, type DivisionRef } from './regions';
import { isUuid } from './errors';
import { loadCrossYearChecks } from './crossYear';
import type { CheckResult } from '../parser';

/** A report source without its (possibly large) verbatim content. */
export type SourceSummary = Omit<ReportSource, 'content' | 'agency'>;

export interface Loaders {
  report: DataLoader<string, Report | null>;
  agency: DataLoader<string, Agency | null>;
  region: DataLoader<string, DivisionRef | null>;
  source: DataLoader<string, SourceSummary | null>;
  sourcesOfReport: DataLoader<string, SourceSummary[], string>;
  sectionsOfReport: DataLoader<string, Section[]>;
  /** Key: `${reportId}|${comma-separated keys}`, or just the report id for every cell. */
  cellsOfReport: DataLoader<string, Cell[]>;
  checksOfReport: DataLoader<string, Check[]>;
  /** The rules linking a report to the same agency's report of the year before (none when that is not stored). */
  crossYearChecksOfReport: DataLoader<string, CheckResult[]>;
  reportsOfAgency: DataLoader<string, Report[]>;
}

const SOURCE_COLUMNS = { id: true, sha256: true, fileName: true, encoding: true, agencyId: true, year: true, ingestedAt: true } as const;

/** One batched query per relation and request, whatever the number of parents (no N+1). */
/** The cellsOfReport key for a report and an optional key list (order-independent, so equal lists batch together). */
export function cellsKey(reportId: string, keys?: readonly string[] | null): string {
  return keys?.length ? `${reportId}|${[...new Set(keys)].sort().join(',')}` : reportId;
}

export function createLoaders(dataSource: DataSource): Loaders {
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

  return {
    report: new DataLoader(async (ids) =>
      byId(await dataSource.getRepository(Report).findBy({ id: In(uuids(ids)) }), ids)),
    agency: new DataLoader(async (ids) =>
      byId(await dataSource.getRepository(Agency).findBy({ id: In(uuids(ids)) }), ids)),
    region: new DataLoader(async (codes) => {
      const rows = await dataSource.getRepository(Region).findBy({ code: In([...codes]) });
      const map = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => {
        const r = map.get(c);
        return r ? { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode } : divisionByCode(c);
      });
    }),
    source: new DataLoader(async (ids) =>
      byId(await dataSource.getRepository(ReportSource).find({ select: SOURCE_COLUMNS, where: { id: In(uuids(ids)) } }), ids)),
    // History: every source ingested for the report's agency and year, newest first.
    sourcesOfReport: new DataLoader(async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const rows = await dataSource.getRepository(ReportSource).find({
        select: SOURCE_COLUMNS,
        where: pairs.map(([agencyId, year]) => ({ agencyId, year: Number(year) })),
        order: { ingestedAt: 'DESC' },
      });
      return groupBy(rows, (r) => `${r.agencyId}|${r.year}`, keys);
    }),
    sectionsOfReport: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Section).find({ where: { reportId: In(uuids(ids)) }, order: { ordinal: 'ASC' } });
      return groupBy(rows, (r) => r.reportId, ids);
    }),
    // Reports asking for the same keys share one query that reads only those keys (a report has ~200 cells).
    cellsOfReport: new DataLoader(async (requests) => {
      const byKeys = new Map<string, string[]>();
      for (const r of requests) {
        const [reportId, keys = ''] = r.split('|');
        byKeys.set(keys, [...(byKeys.get(keys) ?? []), reportId]);
      }
      const found = new Map<string, Cell[]>();
      for (const [keys, reportIds] of byKeys) {
        const where = keys ? { reportId: In(uuids(reportIds)), key: In(keys.split(',')) } : { reportId: In(uuids(reportIds)) };
        const rows = await dataSource.getRepository(Cell).find({ where, order: { id: 'ASC' } });
        groupBy(rows, (c) => c.reportId, reportIds).forEach((cells, i) => found.set(`${reportIds[i]}|${keys}`, cells));
      }
      return requests.map((r) => found.get(r.includes('|') ? r : `${r}|`) ?? []);
    }),
    checksOfReport: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Check).find({ where: { reportId: In(uuids(ids)) }, order: { id: 'ASC' } });
      return groupBy(rows, (r) => r.reportId, ids);
    }),
    crossYearChecksOfReport: new DataLoader((ids) => loadCrossYearChecks(dataSource, ids)),
    reportsOfAgency: new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Report).find({ where: { agencyId: In(uuids(ids)) }, order: { year: 'DESC' } });
      return groupBy(rows, (r) => r.agencyId, ids);
    }),
  };
}
