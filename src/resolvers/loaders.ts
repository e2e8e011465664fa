import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Agency, Cell, Check, Report } from '../entities';
import {
  agenciesByIds, cellsByIds, cellsOfReports, checksOfReports, crossYearPairs, regionsByCodes, reportBundles, reportsByIds,
  reportsOfAgencies, sectionsByIds, sectionsOfReports, sourcesByIds, sourcesOfAgencyYears,
  type BundleParts, type SectionRow, type SourceSummary,
} from '../db/queries';
import { crossYearChecks, type CheckResult } from '../parser';
import { attach } from './prefetch';
import { divisionByCode, type DivisionRef } from './regions';
import { isUuid } from './errors';
import { isBigintId } from './globalIds';

export type { SectionRow, SourceSummary };

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
  /** By id, for `node(id:)`: the ids were checked to be bigints when the global id was decoded. */
  cell: DataLoader<string, Cell | null>;
  section: DataLoader<string, SectionRow | null>;
  /**
   * A report with the relations its selection asks (key: bundleKey), in one statement that also primes the loaders
   * of those relations: a full report is one round trip. Cells read with a projection are attached to the report
   * (a copy of it, see prefetch.ts) instead of priming cellsOfReport.
   */
  reportBundle: DataLoader<string, Report | null>;
}

const PART_NAMES = ['agency', 'region', 'sections', 'cells', 'checks'] as const;

/** The reportBundle key: the id, the parts and the cell projection, e.g. `<id>|agency,cells|key,raw,tableId` (`*`: whole cells). */
export function bundleKey(reportId: string, parts: BundleParts): string {
  return `${reportId}|${PART_NAMES.filter((p) => parts[p]).join(',')}|${parts.cellColumns?.join(',') ?? '*'}`;
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

/** One batched query per relation and request, whatever the number of parents (no N+1). */
export function createLoaders(ds: DataSource): Loaders {
  const loaders: Loaders = {
    report: new DataLoader(async (ids) => byId(await reportsByIds(ds, uuids(ids)), ids)),
    agency: new DataLoader(async (ids) => byId(await agenciesByIds(ds, uuids(ids)), ids)),
    region: new DataLoader(async (codes) => {
      const map = new Map((await regionsByCodes(ds, codes)).map((r) => [r.code, r]));
      return codes.map((c) => {
        const r = map.get(c);
        return r ? { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode } : divisionByCode(c);
      });
    }),
    source: new DataLoader(async (ids) => byId(await sourcesByIds(ds, uuids(ids)), ids)),
    sourcesOfReport: new DataLoader(async (keys) => {
      const pairs = keys.map((k) => k.split('|')).map(([agencyId, year]) => ({ agencyId: isUuid(agencyId) ? agencyId : null, year: Number(year) || null }));
      return groupBy(await sourcesOfAgencyYears(ds, pairs), (r) => `${r.agencyId}|${r.year}`, keys);
    }),
    sectionsOfReport: new DataLoader(async (ids) => groupBy(await sectionsOfReports(ds, uuids(ids)), (r) => r.reportId, ids)),
    // Reports asking for the same keys share one query that reads only those keys (a report has ~200 cells).
    cellsOfReport: new DataLoader((requests) => loadCells(ds, requests)),
    checksOfReport: new DataLoader(async (ids) => groupBy(await checksOfReports(ds, uuids(ids)), (r) => r.reportId, ids)),
    // Computed when asked rather than stored, so a replaced or deleted neighbour year never leaves a stale result.
    crossYearChecksOfReport: new DataLoader(async (ids) => {
      const pairs = await crossYearPairs(ds, uuids(ids));
      return ids.map((id) => {
        const pair = pairs.get(id);
        return pair?.prev && pair.curr ? crossYearChecks(pair.prev, pair.curr) : [];
      });
    }),
    reportsOfAgency: new DataLoader(async (ids) => groupBy(await reportsOfAgencies(ds, uuids(ids)), (r) => r.agencyId, ids)),
    cell: new DataLoader(async (ids) => byId(await cellsByIds(ds, ids.filter(isBigintId)), ids)),
    section: new DataLoader(async (ids) => byId(await sectionsByIds(ds, ids.filter(isBigintId)), ids)),
    reportBundle: new DataLoader((keys) => loadBundles(ds, keys, loaders)),
  };
  return loaders;
}

async function loadBundles(ds: DataSource, keys: readonly string[], loaders: Loaders): Promise<(Report | null)[]> {
  const byParts = new Map<string, string[]>();
  for (const k of keys) {
    const at = k.indexOf('|');
    const [id, shape] = [k.slice(0, at), k.slice(at + 1)];
    byParts.set(shape, [...(byParts.get(shape) ?? []), id]);
  }
  const found = new Map<string, Report>();
  await Promise.all([...byParts].map(async ([shape, ids]) => {
    const [names, columns] = shape.split('|');
    const list = names.split(',');
    const parts = Object.fromEntries(PART_NAMES.map((p) => [p, list.includes(p)])) as unknown as BundleParts;
    if (columns !== '*') parts.cellColumns = columns.split(',');
    for (const b of await reportBundles(ds, uuids(ids), parts)) {
      const id = b.report.id;
      loaders.report.prime(id, b.report);
      // Partial cells answer this selection only: they ride on a copy of the report that no loader hands out.
      found.set(`${id}|${shape}`, parts.cellColumns && b.cells ? attach({ ...b.report }, 'cells', b.cells) : b.report);
      if (b.agency) loaders.agency.prime(b.agency.id, b.agency);
      if (parts.region && b.report.regionCode) {
        const r = b.region;
        loaders.region.prime(b.report.regionCode, r ? { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode } : divisionByCode(b.report.regionCode));
      }
      if (b.sections) loaders.sectionsOfReport.prime(id, b.sections);
      if (b.cells && !parts.cellColumns) loaders.cellsOfReport.prime(cellsKey(id), b.cells);
      if (b.checks) loaders.checksOfReport.prime(id, b.checks);
      if (b.crossYear) {
        const { prev, curr } = b.crossYear;
        loaders.crossYearChecksOfReport.prime(id, prev && curr ? crossYearChecks(prev, curr) : []);
      }
    }
  }));
  return keys.map((k) => found.get(k) ?? null);
}

async function loadCells(ds: DataSource, requests: readonly string[]): Promise<Cell[][]> {
  const byKeys = new Map<string, string[]>();
  for (const r of requests) {
    const [reportId, keys = ''] = r.split('|');
    byKeys.set(keys, [...(byKeys.get(keys) ?? []), reportId]);
  }
  const found = new Map<string, Cell[]>();
  await Promise.all([...byKeys].map(async ([keys, reportIds]) => {
    const cells = await cellsOfReports(ds, uuids(reportIds), keys ? keys.split(',') : null);
    groupBy(cells, (c) => c.reportId, reportIds).forEach((list, i) => found.set(`${reportIds[i]}|${keys}`, list));
  }));
  return requests.map((r) => found.get(r.includes('|') ? r : `${r}|`) ?? []);
}
