import { GraphQLError } from 'graphql';
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { ChartInputError, type ChartSpec } from '../charts/types';
import { chartTitle, metricName } from '../charts/title';
import { aggregateCells, cellPage } from '../db/queries';
import { metric } from '../parser/catalog';
import { AggregateGroupBy, ChartArgs, ChartKindEnum, ChartType } from '../schema/types';
import { ErrorCode } from '../contracts/errors';
import type { NianbaoContext } from './context';
import { badInput, isUuid } from './errors';
import { assertYear, given, regionPrefix } from './filters';
import { resolveCellKey } from './cellKeys';

type Series = ChartSpec['series'];
interface Drawn { series: Series; sourceCount: number; scope: string; groups?: string; years: number | [number, number] }

/** Bars read for a ranking before the renderer cuts to `first`: the rest is counted, not drawn. */
const RANKING_READ = 1000;
const LEVEL: Partial<Record<AggregateGroupBy, { name: ChartSpec['groupBy']; groups: string }>> = {
  [AggregateGroupBy.PROVINCE]: { name: 'province', groups: '各省' },
  [AggregateGroupBy.CITY]: { name: 'city', groups: '各市' },
  [AggregateGroupBy.COUNTY]: { name: 'county', groups: '各县（市、区）' },
};

@Resolver(() => ChartType)
export class ChartResolver {
  @Query(() => ChartType, { description: 'A chart of one cell key as SVG, with the series it drew (issue 17).' })
  async chart(@Args(() => ChartArgs) args: ChartArgs, @Ctx() ctx: NianbaoContext): Promise<ChartType> {
    try {
      return await this.draw(args, ctx);
    } catch (e) {
      // A chart nobody can draw is the client's input: answer 400 (Apollo reads extensions.http), not 200 with errors.
      if (e instanceof GraphQLError && e.extensions.code === ErrorCode.BAD_USER_INPUT) e.extensions.http = { status: 400 };
      throw e;
    }
  }

  private async draw(args: ChartArgs, ctx: NianbaoContext): Promise<ChartType> {
    args = { ...args, key: resolveCellKey(args.key) }; // a label or alias names its key, as everywhere else
    [args.year, args.yearFrom, args.yearTo].forEach(assertYear);
    const def = metric(args.key)!;
    const drawn = await this.read(args, ctx);
    const groupBy = LEVEL[args.groupBy ?? AggregateGroupBy.CITY];
    const spec: ChartSpec = {
      kind: args.kind, unit: def.unit, series: drawn.series, sourceCount: drawn.sourceCount,
      title: chartTitle({ scope: drawn.scope, groups: drawn.groups, years: drawn.years, metric: metricName(def.rowLabel, def.colLabel) }),
      ...(args.first != null ? { topN: args.first } : {}),
      ...(args.kind === ChartKindEnum.REGIONS ? { groupBy: groupBy?.name } : {}),
    };
    try {
      const { svg, data } = renderer().renderChart(spec);
      return { svg, title: data.title, unit: data.displayUnit, points: data.points, restCount: data.restCount, sourceCount: data.sourceCount };
    } catch (e) {
      if (e instanceof ChartInputError) throw badInput(`chart: ${e.message}`);
      throw e;
    }
  }

  private read(args: ChartArgs, ctx: NianbaoContext): Promise<Drawn> {
    if (args.kind === ChartKindEnum.RANKING) return this.ranking(args, ctx);
    if (args.kind === ChartKindEnum.TREND) return this.trend(args, ctx);
    return this.regions(args, ctx);
  }

  private async scope(ctx: NianbaoContext, regionCode: string | undefined): Promise<string> {
    if (!regionCode) return '全国';
    return (await ctx.loaders.region.load(regionCode))?.name ?? regionCode;
  }

  private needYear(args: ChartArgs): number {
    if (args.year == null) throw badInput(`chart ${args.kind} needs a year`);
    return args.year;
  }

  /** Agencies of a year, largest first (the renderer keeps the order of ties). */
  private async ranking(args: ChartArgs, ctx: NianbaoContext): Promise<Drawn> {
    const year = this.needYear(args);
    const prefix = regionPrefix(args.regionCode);
    const rows = await cellPage(ctx.dataSource, { key: args.key, year, regionPrefix: prefix },
      { direction: 'DESC', after: null, limit: RANKING_READ, offset: 0, withReport: true, withAgency: true });
    const withValue = rows.filter((r) => r.cell.value !== null);
    const series = withValue.map(({ cell, agency }) => ({ label: agency?.name || agency?.fullName || '未知机关', value: Number(cell.value) }));
    return { series, sourceCount: withValue.length, scope: await this.scope(ctx, prefix), groups: '各机关', years: year };
  }

  /** One agency's values over years, or the sum of a region's reports per year. */
  private async trend(args: ChartArgs, ctx: NianbaoContext): Promise<Drawn> {
    const prefix = regionPrefix(args.regionCode);
    const inRange = (y: number) => (args.yearFrom == null || y >= args.yearFrom) && (args.yearTo == null || y <= args.yearTo);
    let points: { year: number; value: number | null; sources: number }[];
    let scope: string;
    if (args.agency) {
      const agencyId = isUuid(args.agency) ? args.agency : null;
      const agency = agencyId ? await ctx.loaders.agency.load(agencyId) : null;
      if (!agency) throw badInput(`chart trend: no agency with id "${args.agency}"`);
      const rows = await cellPage(ctx.dataSource, { key: args.key, regionPrefix: prefix, agencyId },
        { direction: 'DESC', after: null, limit: 200, offset: 0, withReport: false, withAgency: false });
      points = rows.map(({ cell }) => ({ year: cell.year, value: cell.value === null ? null : Number(cell.value), sources: 1 }));
      scope = agency.name || agency.fullName;
    } else {
      const rows = await aggregateCells(ctx.dataSource, { key: args.key, regionPrefix: prefix, groupBy: 'YEAR' });
      points = rows.filter((r) => r.group !== null).map((r) => ({ year: Number(r.group), value: r.sum, sources: r.count }));
      scope = await this.scope(ctx, prefix);
    }
    points = points.filter((p) => inRange(p.year)).sort((a, b) => a.year - b.year);
    if (points.length === 0) throw badInput('chart trend: no value of this key in these years');
    const years: [number, number] = [points[0].year, points[points.length - 1].year];
    return {
      series: points.map((p) => ({ label: `${p.year}年`, value: p.value })),
      sourceCount: points.reduce((s, p) => s + p.sources, 0), scope, years: years[0] === years[1] ? years[0] : years,
    };
  }

  /** Sums per region level (regions), or the largest 12 of them in that order (comparison). */
  private async regions(args: ChartArgs, ctx: NianbaoContext): Promise<Drawn> {
    const year = this.needYear(args);
    const groupBy = args.groupBy ?? AggregateGroupBy.CITY;
    const level = LEVEL[groupBy];
    if (!level) throw badInput('chart regions: groupBy must be PROVINCE, CITY or COUNTY');
    const prefix = regionPrefix(args.regionCode);
    const rows = (await aggregateCells(ctx.dataSource, { key: args.key, year: given(year), regionPrefix: prefix, groupBy }))
      .filter((r) => r.group !== null && r.sum !== null);
    const regions = await ctx.loaders.region.loadMany(rows.map((r) => r.group!));
    let series = rows.map((r, i) => {
      const region = regions[i];
      return { label: region && !(region instanceof Error) ? region.name : `未知地区 ${r.group}`, value: r.sum, count: r.count };
    });
    if (args.kind === ChartKindEnum.COMPARISON) series = [...series].sort((a, b) => (b.value ?? 0) - (a.value ?? 0)).slice(0, 12);
    return {
      series: series.map(({ label, value }) => ({ label, value })),
      sourceCount: series.reduce((s, r) => s + r.count, 0),
      scope: await this.scope(ctx, prefix), groups: level.groups, years: year,
    };
  }
}

/** echarts loaded with the first chart asked for: the processes that never draw one (`nianbao ask`) skip ~0.2 s. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const renderer = (): typeof import('../charts/render') => require('../charts/render') as typeof import('../charts/render');
