import path from 'node:path';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Agency, Cell, Report } from '../entities';
import { metric } from '../parser/catalog';
import { CELL_COLUMNS, cellKeysUnderNodes, fieldsAt, projectionAt, REPORT_COLUMNS, subfieldNames } from './lookahead';
import { attach, prefetched } from './prefetch';
import {
  AgencyType, CellTable, CellType, CheckType, Contact, RegionType, ReportConnection, ReportsArgs, ReportSourceType,
  ReportType, SectionKind, SectionType,
} from '../schema/types';
import type { NianbaoContext } from './context';
import { resolveCellKey, assertYear, given, regionPrefix } from './filters';
import { isUuid } from './errors';
import { bundleKey, cellsKey } from './loaders';
import { keyOfCursor, memo, pageOf, toConnection } from './pagination';
import { countReports, reportPage, type BundleParts, type ReportFilter } from '../db/queries';

@Resolver(() => ReportType)
export class ReportResolver {
  @Query(() => ReportType, { nullable: true, description: 'One report by id.' })
  report(@Arg('id', () => ID) id: string, @Ctx() ctx: NianbaoContext, @Info() info: GraphQLResolveInfo): Promise<Report | null> {
    // The relations the selection asks come in the same statement as the report (a full report: 1 statement, not 7).
    const parts = bundlePartsOf(info);
    return parts ? ctx.loaders.reportBundle.load(bundleKey(id, parts)) : ctx.loaders.report.load(id);
  }

  @Query(() => ReportConnection, { description: 'Reports, newest year first, as a Relay connection (keyset cursors).' })
  async reports(
    @Args(() => ReportsArgs) { filter, ...paging }: ReportsArgs,
    @Ctx() ctx: NianbaoContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReportConnection> {
    assertYear(filter?.year);
    const agency = filter?.agency?.trim();
    const where: ReportFilter = {
      ...(agency ? (isUuid(agency) ? { agencyId: agency } : { agencyName: agency }) : {}),
      regionPrefix: regionPrefix(filter?.regionCode),
      year: given(filter?.year),
      format: given(filter?.format) || undefined,
    };
    const count = memo(() => countReports(ctx.dataSource, where));
    const page = await pageOf(paging, count);
    const afterKey = keyOfCursor(page, isReportKey);
    // The bot's lookup asks one cell of the page's reports: it comes in the same statement (one round trip, not two).
    const keys = [...cellKeysUnderNodes(info)];
    const cellKey = keys.length === 1 && metric(keys[0]) ? keys[0] : null;
    // Only the columns the selection reads (the cursor needs year and id); whole entities also prime the loaders.
    const reportColumns = projectionAt(info, ['edges', 'node'], REPORT_COLUMNS, ['id', 'year']);
    const cellColumns = cellKey ? projectionAt(info, ['edges', 'node', 'cell'], CELL_COLUMNS, ['id']) : null;
    const rows = await reportPage(ctx.dataSource, where, {
      after: afterKey, limit: page.fetch, offset: afterKey ? 0 : page.offset, cellKey, reportColumns, cellColumns,
    });
    const reports = rows.map(({ report, cell }) => {
      if (cellKey) {
        attach(report, `cell:${cellKey}`, cell);
        if (!cellColumns) ctx.loaders.cellsOfReport.prime(cellsKey(report.id, [cellKey]), cell ? [cell] : []);
      }
      if (!reportColumns) ctx.loaders.report.prime(report.id, report);
      return report;
    });
    return toConnection(ReportConnection, reports, page, count, (r) => [r.year, r.id]);
  }

  @FieldResolver(() => AgencyType)
  async agency(@Root() report: Report, @Ctx() ctx: NianbaoContext) {
    return prefetched<Agency | null>(report, 'agency') ?? ctx.loaders.agency.load(report.agencyId);
  }

  @FieldResolver(() => RegionType, { nullable: true, description: 'The region of the issuing agency.' })
  region(@Root() report: Report, @Ctx() ctx: NianbaoContext) {
    return report.regionCode ? ctx.loaders.region.load(report.regionCode) : null;
  }

  @FieldResolver(() => String, { description: 'File name of the source the report was parsed from.' })
  async sourceName(@Root() report: Report, @Ctx() ctx: NianbaoContext): Promise<string> {
    const fileName = (await ctx.loaders.source.load(report.sourceId))?.fileName ?? '';
    return publicFileName(fileName);
  }

  @FieldResolver(() => [ReportSourceType], { description: 'Every file ingested for this agency and year, newest first.' })
  async sources(@Root() report: Report, @Ctx() ctx: NianbaoContext): Promise<ReportSourceType[]> {
    const rows = await ctx.loaders.sourcesOfReport.load(`${report.agencyId}|${report.year}`);
    return rows.map((s) => ({ ...s, fileName: publicFileName(s.fileName), current: s.id === report.sourceId }));
  }

  @FieldResolver(() => Contact)
  contact(@Root() report: Report): Contact {
    return report.contact ?? {};
  }

  @FieldResolver(() => [SectionType])
  async sections(
    @Root() report: Report,
    @Ctx() ctx: NianbaoContext,
    @Arg('kind', () => SectionKind, { nullable: true }) kind?: SectionKind | null,
  ) {
    const rows = await ctx.loaders.sectionsOfReport.load(report.id);
    return kind ? rows.filter((s) => s.kind === kind) : rows;
  }

  @FieldResolver(() => SectionType, { nullable: true, description: 'The first section of this kind.' })
  async section(@Root() report: Report, @Ctx() ctx: NianbaoContext, @Arg('kind', () => SectionKind) kind: SectionKind) {
    const rows = await ctx.loaders.sectionsOfReport.load(report.id);
    return rows.find((s) => s.kind === kind) ?? null;
  }

  @FieldResolver(() => [CellType], { description: 'Cells of this report, optionally only these keys and/or one table.' })
  async cells(
    @Root() report: Report,
    @Ctx() ctx: NianbaoContext,
    // Parameter decorators run last-to-first: this order prints `cells(keys, table)` in the SDL.
    @Arg('table', () => CellTable, { nullable: true }) table?: CellTable | null,
    @Arg('keys', () => [String], { nullable: true, description: 'Cell keys, labels or aliases (see `metrics(search:)`).' }) keyTexts?: string[] | null,
  ) {
    const keys = keyTexts?.map(resolveCellKey) ?? null;
    const wanted = keys ? new Set(keys) : null;
    // report(id) read the selection's columns of every cell ahead (the bundle), for each `cells` of its selection.
    const rows = prefetched<Cell[]>(report, 'cells') ?? await ctx.loaders.cellsOfReport.load(cellsKey(report.id, keys));
    return rows.filter((c) => (!wanted || wanted.has(c.key)) && (!table || c.tableId === table));
  }

  @FieldResolver(() => CellType, { nullable: true, description: 'One cell by key; null when the report lacks it.' })
  async cell(@Root() report: Report, @Ctx() ctx: NianbaoContext, @Arg('key', { description: 'A cell key, label or alias (see `metrics(search:)`), e.g. active.procurement.amount or 采购总金额.' }) keyText: string) {
    const key = resolveCellKey(keyText);
    const ahead = prefetched<Cell | null>(report, `cell:${key}`);
    if (ahead !== undefined) return ahead;
    // One-key lookups of many reports batch into one query reading that key only.
    const rows = await ctx.loaders.cellsOfReport.load(cellsKey(report.id, [key]));
    return rows[0] ?? null;
  }

  @FieldResolver(() => [CheckType], {
    description: "The report's own consistency rules (勾稽关系), then the rules linking it to the same agency's report of the year before, when that is stored.",
  })
  async checks(@Root() report: Report, @Ctx() ctx: NianbaoContext) {
    const [own, acrossYears] = await Promise.all([
      ctx.loaders.checksOfReport.load(report.id),
      ctx.loaders.crossYearChecksOfReport.load(report.id),
    ]);
    return [...own, ...acrossYears];
  }
}

/** Ingest may record a server path: clients get the file name only (server paths are not theirs to see). */
export function publicFileName(fileName: string): string {
  return path.basename(fileName.replace(/\\/g, '/'));
}

function isReportKey(key: unknown[]): key is [number, string] {
  // A year outside int4 would make PostgreSQL refuse the comparison (a 500): such a cursor is not ours.
  return key.length === 2 && Number.isInteger(key[0]) && Math.abs(key[0] as number) <= 2_147_483_647 && typeof key[1] === 'string' && isUuid(key[1]);
}

/** The relations a `report(id)` selection reads, or null when it reads none of them (the report alone). */
function bundlePartsOf(info: GraphQLResolveInfo): BundleParts | null {
  const names = subfieldNames(info, []);
  const parts: BundleParts = {
    agency: names.has('agency'),
    region: names.has('region'),
    sections: names.has('sections') || names.has('section'),
    // `cells(keys:)` reads only its keys: the bundle brings every cell only for a `cells` without keys.
    cells: fieldsAt(info, ['cells']).some((f) => !f.arguments?.some((a) => a.name.value === 'keys')),
    checks: names.has('checks'),
  };
  if (!Object.values(parts).some(Boolean)) return null;
  // The columns every `cells` below reads (key and table: its arguments filter on them).
  if (parts.cells) parts.cellColumns = projectionAt(info, ['cells'], CELL_COLUMNS, ['key', 'tableId']);
  return parts;
}
