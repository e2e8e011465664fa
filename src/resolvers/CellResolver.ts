import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Cell } from '../entities';
import { metric } from '../parser/catalog';
import { CellConnection, CellOrder, CellsArgs, CellType, MetricType, ReportType } from '../schema/types';
import type { NianbaoContext } from './context';
import { isUuid } from './errors';
import { assertKnownKey, assertYear, whereRegion } from './filters';
import { toMetric } from './MetricResolver';
import { keyOfCursor, pageOf, toConnection } from './pagination';
import type { SelectQueryBuilder } from 'typeorm';

@Resolver(() => CellType)
export class CellResolver {
  @Query(() => CellConnection, { description: 'One cell key across reports, for rankings (blank cells last).' })
  async cells(
    @Args(() => CellsArgs) { filter, orderBy, first, after }: CellsArgs,
    @Ctx() ctx: NianbaoContext,
  ): Promise<CellConnection> {
    const page = pageOf(first, after);
    assertKnownKey(filter.key);
    assertYear(filter.year);
    const qb = ctx.dataSource.getRepository(Cell).createQueryBuilder('c').where('c.key = :key', { key: filter.key });
    if (filter.year != null) qb.andWhere('c.year = :year', { year: filter.year });
    whereRegion(qb, 'c.region_code', filter.regionCode);
    if (filter.agencyId) qb.andWhere('c.agency_id = :agencyId', { agencyId: isUuid(filter.agencyId) ? filter.agencyId : null });
    const direction = orderBy === CellOrder.VALUE_ASC ? 'ASC' : 'DESC';
    const window = qb.clone();
    const afterKey = keyOfCursor(page, isCellKey);
    if (afterKey) whereAfterCell(window, direction, afterKey);
    else window.offset(page.offset);
    const rows = await window
      .orderBy('c.value', direction, 'NULLS LAST').addOrderBy('c.id', 'ASC')
      .limit(page.limit + 1).getMany();
    return toConnection(CellConnection, rows, page, () => qb.getCount(), (c) => [c.value, c.id]);
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

type CellKey = [number | null, string];

function isCellKey(key: unknown[]): key is CellKey {
  return key.length === 2 && (key[0] === null || typeof key[0] === 'number') && typeof key[1] === 'string' && /^\d{1,19}$/.test(key[1]);
}

/** Rows after (value, id) in `value <direction> NULLS LAST, id ASC` order (keyset paging). */
function whereAfterCell(qb: SelectQueryBuilder<Cell>, direction: 'ASC' | 'DESC', [value, id]: CellKey): void {
  if (value === null) {
    qb.andWhere('(c.value IS NULL AND c.id > :afterId)', { afterId: id });
    return;
  }
  const beyond = direction === 'DESC' ? '<' : '>';
  qb.andWhere(`(c.value ${beyond} :afterValue OR c.value IS NULL OR (c.value = :afterValue AND c.id > :afterId))`, {
    afterValue: value, afterId: id,
  });
}
