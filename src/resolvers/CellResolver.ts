import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Cell, Report } from '../entities';
import { AGENCY_COLUMNS, CELL_COLUMNS, fieldsAt, projectionAt, REPORT_COLUMNS } from './lookahead';
import { attach, prefetched } from './prefetch';
import { metric } from '../parser/catalog';
import { CellConnection, CellOrder, CellsArgs, CellType, MetricType, ReportType } from '../schema/types';
import type { NianbaoContext } from './context';
import { isUuid } from './errors';
import { isBigintId } from './globalIds';
import { resolveCellKey, assertYear, given, regionPrefix } from './filters';
import { toMetric } from './MetricResolver';
import { keyOfCursor, memo, pageOf, toConnection } from './pagination';
import { cellPage, countCells, type CellFilter } from '../db/queries';

@Resolver(() => CellType)
export class CellResolver {
  @Query(() => CellConnection, { description: 'One cell key across reports, for rankings (blank cells last).' })
  async cells(
    @Args(() => CellsArgs) { filter, orderBy, ...paging }: CellsArgs,
    @Ctx() ctx: NianbaoContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CellConnection> {
    assertYear(filter.year);
    const where: CellFilter = {
      key: resolveCellKey(filter.key),
      year: given(filter.year),
      regionPrefix: regionPrefix(filter.regionCode),
      valueGt: given(filter.valueGt), valueGte: given(filter.valueGte), valueLt: given(filter.valueLt), valueLte: given(filter.valueLte),
      // An id that is not a UUID cannot exist: it matches no cell.
      ...(filter.agencyId ? { agencyId: isUuid(filter.agencyId) ? filter.agencyId : null } : {}),
    };
    const count = memo(() => countCells(ctx.dataSource, where));
    const page = await pageOf(paging, count);
    const afterKey = keyOfCursor(page, isCellKey);
    const withReport = fieldsAt(info, ['edges', 'node', 'report']).length > 0;
    const withAgency = withReport && fieldsAt(info, ['edges', 'node', 'report', 'agency']).length > 0;
    // Only the columns the selection reads (the cursor needs value and id); whole entities also prime the loaders.
    const reportColumns = withReport ? projectionAt(info, ['edges', 'node', 'report'], REPORT_COLUMNS, ['id']) : null;
    const agencyColumns = withAgency ? projectionAt(info, ['edges', 'node', 'report', 'agency'], AGENCY_COLUMNS, ['id']) : null;
    const rows = await cellPage(ctx.dataSource, where, {
      direction: orderBy === CellOrder.VALUE_ASC ? 'ASC' : 'DESC', after: afterKey, limit: page.fetch, offset: afterKey ? 0 : page.offset,
      withReport, withAgency, reportColumns, agencyColumns,
      cellColumns: projectionAt(info, ['edges', 'node'], CELL_COLUMNS, ['id', 'value']),
    });
    const cells = rows.map(({ cell, report, agency }) => {
      if (report) {
        attach(cell, 'report', report);
        if (!reportColumns) ctx.loaders.report.prime(report.id, report);
      }
      if (report && withAgency) {
        attach(report, 'agency', agency);
        if (agency && !agencyColumns) ctx.loaders.agency.prime(agency.id, agency);
      }
      return cell;
    });
    return toConnection(CellConnection, cells, page, count, (c) => [c.value, c.id]);
  }

  @FieldResolver(() => String, { description: 'Chinese label, e.g. 政府集中采购 · 采购总金额.' })
  label(@Root() cell: Cell): string {
    return metric(cell.key)?.label ?? cell.key;
  }

  @FieldResolver(() => MetricType, { nullable: true, description: 'The catalog entry of this key.' })
  metric(@Root() cell: Cell): MetricType | null {
    const def = metric(cell.key);
    return def ? toMetric(def) : null;
  }

  @FieldResolver(() => ReportType)
  report(@Root() cell: Cell, @Ctx() ctx: NianbaoContext) {
    return prefetched<Report>(cell, 'report') ?? ctx.loaders.report.load(cell.reportId);
  }
}

type CellKey = [number | null, string];

function isCellKey(key: unknown[]): key is CellKey {
  return key.length === 2 && (key[0] === null || typeof key[0] === 'number') && typeof key[1] === 'string' && isBigintId(key[1]);
}
