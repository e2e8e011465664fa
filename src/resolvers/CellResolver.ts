import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Cell } from '../entities';
import { metric } from '../parser/catalog';
import { CellConnection, CellFilter, CellOrder, CellType, MetricType, ReportType } from '../schema/types';
import type { NianbaoContext } from './context';
import { isUuid } from './errors';
import { assertKnownKey, assertYear, whereRegion } from './filters';
import { toMetric } from './MetricResolver';
import { pageOf, toConnection } from './pagination';

@Resolver(() => CellType)
export class CellResolver {
  @Query(() => CellConnection, { description: 'One cell key across reports, for rankings (blank cells last).' })
  async cells(
    @Ctx() ctx: NianbaoContext,
    @Arg('filter', () => CellFilter) filter: CellFilter,
    @Arg('orderBy', () => CellOrder, { defaultValue: CellOrder.VALUE_DESC }) orderBy: CellOrder,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<CellConnection> {
    const page = pageOf(first, after);
    assertKnownKey(filter.key);
    assertYear(filter.year);
    const qb = ctx.dataSource.getRepository(Cell).createQueryBuilder('c').where('c.key = :key', { key: filter.key });
    if (filter.year != null) qb.andWhere('c.year = :year', { year: filter.year });
    whereRegion(qb, 'c.region_code', filter.regionCode);
    if (filter.agencyId) qb.andWhere('c.agency_id = :agencyId', { agencyId: isUuid(filter.agencyId) ? filter.agencyId : null });
    const direction = orderBy === CellOrder.VALUE_ASC ? 'ASC' : 'DESC';
    const rows = await qb.clone()
      .orderBy('c.value', direction, 'NULLS LAST').addOrderBy('c.id', 'ASC')
      .offset(page.offset).limit(page.limit + 1).getMany();
    return toConnection(CellConnection, rows, page, () => qb.getCount());
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
    return ctx.loaders.report.load(cell.reportId);
  }
}
