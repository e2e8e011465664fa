import path from 'node:path';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Cell, Report } from '../entities';
import { metric } from '../parser/catalog';
import { cellKeysUnderNodes } from './lookahead';
import {
  AgencyType, CellTable, CellType, CheckType, Contact, RegionType, ReportConnection, ReportsArgs, ReportSourceType,
  ReportType, SectionKind, SectionType,
} from '../schema/types';
import type { NianbaoContext } from './context';
import { assertKnownKey, assertYear, whereRegion } from './filters';
import { isUuid } from './errors';
import { cellsKey } from './loaders';
import { keyOfCursor, pageOf, toConnection } from './pagination';
import { poolOf, readerOf, Where } from '../db/reader';

@Resolver(() => ReportType)
export class ReportResolver {
  @Query(() => ReportType, { nullable: true, description: 'One report by id.' })
  report(@Arg('id', () => ID) id: string, @Ctx() ctx: NianbaoContext): Promise<Report | null> {
    return ctx.loaders.report.load(id);
  }

  @Query(() => ReportConnection, { description: 'Reports, newest year first, as a Relay connection (keyset cursors).' })
  async reports(
    @Args(() => ReportsArgs) { filter, first, after }: ReportsArgs,
    @Ctx() ctx: NianbaoContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReportConnection> {
    const page = pageOf(first, after);
    assertYear(filter?.year);
    const where = new Where();
    if (filter?.agency) {
      if (isUuid(filter.agency)) where.add('r.agency_id = ?', filter.agency);
      else where.add('r.agency_id IN (SELECT a.id FROM agencies a WHERE a.name = ? OR a.full_name = ?)', filter.agency, filter.agency);
    }
    whereRegion(where, 'r.region_code', filter?.regionCode);
    if (filter?.year != null) where.add('r.year = ?', filter.year);
    if (filter?.format) where.add('r.format = ?', filter.format);
    const window = where.clone();
    const afterKey = keyOfCursor(page, isReportKey);
    // Keyset paging: the next page starts after (year, id) of the cursor, whatever its depth.
    if (afterKey) window.add('(r.year < ? OR (r.year = ? AND r.id > ?))', afterKey[0], afterKey[0], afterKey[1]);
    // The bot's lookup asks one cell of the page's reports: it comes in the same statement (one round trip, not two).
    const keys = [...cellKeysUnderNodes(info)];
    const reports = await readReportPage(ctx, window, {
      limit: page.limit + 1, offset: afterKey ? 0 : page.offset, cellKey: keys.length === 1 && metric(keys[0]) ? keys[0] : null,
    });
    const pool = poolOf(ctx.dataSource);
    const count = async () => (await pool.query(`SELECT count(*)::int AS n FROM reports r ${where}`, where.values)).rows[0].n as number;
    return toConnection(ReportConnection, reports, page, count, (r) => [r.year, r.id]);
  }

  @FieldResolver(() => AgencyType)
  async agency(@Root() report: Report, @Ctx() ctx: NianbaoContext) {
    return ctx.loaders.agency.load(report.agencyId);
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
    @Arg('keys', () => [String], { nullable: true }) keys?: string[] | null,
  ) {
    keys?.forEach(assertKnownKey);
    const wanted = keys ? new Set(keys) : null;
    const rows = await ctx.loaders.cellsOfReport.load(cellsKey(report.id, keys));
    return rows.filter((c) => (!wanted || wanted.has(c.key)) && (!table || c.tableId === table));
  }

  @FieldResolver(() => CellType, { nullable: true, description: 'One cell by key; null when the report lacks it.' })
  async cell(@Root() report: Report, @Ctx() ctx: NianbaoContext, @Arg('key') key: string) {
    assertKnownKey(key);
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

/**
 * One page of reports, newest year first, in one statement; with `cellKey`, each report's cell of that key comes
 * along (null when the report lacks it) and primes the cell loader, so `cell(key)` needs no second query.
 */
async function readReportPage(
  ctx: NianbaoContext, window: Where, o: { limit: number; offset: number; cellKey: string | null },
): Promise<Report[]> {
  const reader = readerOf(ctx.dataSource, Report);
  const cells = readerOf(ctx.dataSource, Cell);
  const page = `SELECT r.* FROM reports r ${window} ORDER BY r.year DESC, r.id ASC
                 LIMIT ${window.param(o.limit)} OFFSET ${window.param(o.offset)}`;
  const { rows } = await poolOf(ctx.dataSource).query(
    o.cellKey
      ? `SELECT ${reader.columns('r')}, ${cells.columns('c', 'cell.')}
           FROM (${page}) r LEFT JOIN cells c ON c.report_id = r.id AND c.key = ${window.param(o.cellKey)}
          ORDER BY r.year DESC, r.id ASC`
      : `SELECT ${reader.columns('r')} FROM (${page}) r ORDER BY r.year DESC, r.id ASC`,
    window.values,
  );
  return rows.map((row) => {
    const cell = o.cellKey ? cells.take(row, 'cell.') : null;
    const report = reader.hydrate(row);
    if (o.cellKey) ctx.loaders.cellsOfReport.prime(cellsKey(report.id, [o.cellKey]), cell ? [cell] : []);
    ctx.loaders.report.prime(report.id, report);
    return report;
  });
}

/** Ingest may record a server path: clients get the file name only (server paths are not theirs to see). */
function publicFileName(fileName: string): string {
  return path.basename(fileName.replace(/\\/g, '/'));
}

function isReportKey(key: unknown[]): key is [number, string] {
  return key.length === 2 && Number.isInteger(key[0]) && typeof key[1] === 'string' && isUuid(key[1]);
}
