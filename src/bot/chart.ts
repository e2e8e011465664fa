import { CHART_UNITS, type ChartSpec, type ChartUnit, type RenderedPng } from '../charts/types';
import { chartTitle, metricName } from '../charts/title';
import type { AskChart, Logger } from '../contracts';
import type { MetricInfo } from './vocabulary';

/**
 * Charts of the bot's answers (issue 17): the answer builders hand over the numbers they already put in the text,
 * this file turns them into a chart (or decides there is none), and renders it for a channel. A chart is an
 * addition: building one never fails an answer, rendering one never delays or loses the text.
 */

// The contract restates ChartSpec's fields (contracts import nothing): keep it assignable, checked at compile time.
const asSpec = (chart: AskChart): ChartSpec => chart;

/** Bars a ranking chart draws; more are cut by the renderer with 「其余 N 个」. */
export const CHART_TOP_N = 15;

interface Point {
  label: string;
  value: number | null;
}

/** The metric as a chart title names it: 「收到申请数量」 for a total column, else row and column. */
export function chartMetric(m: MetricInfo): string {
  return metricName(m.rowLabel, m.colLabel);
}

function unitOf(m: MetricInfo): ChartUnit | null {
  return (CHART_UNITS as readonly string[]).includes(m.unit) ? (m.unit as ChartUnit) : null;
}

/** One bar says nothing a sentence does not: a chart needs two values to compare. */
function drawable(points: readonly Point[]): boolean {
  return points.filter((p) => p.value !== null && Number.isFinite(p.value)).length >= 2;
}

export interface RankingInput {
  metric: MetricInfo;
  /** 「丰城市」, or 「全国」 without a region. */
  scope: string;
  /** 「各乡镇」 / 「各机关」. */
  groups: string;
  year: number;
  /** Every row read (in the graph's order), nulls included (the chart counts them as 无数据). */
  points: Point[];
  /** Reports of the scope with this metric (the text's 「共N份报告」). */
  totalCount: number;
  /** Every report of the scope was read (so `points` are all of the agencies asked about). */
  complete: boolean;
  /** 'asc': the question asked for the lowest. */
  order: 'desc' | 'asc';
}

/**
 * A ranking or per-agency list as horizontal bars. When every report of the scope was read, the renderer cuts to
 * the top N and notes 「其余 N 个」 with their sum; when only the first rows were read, the chart draws those and says
 * so in the subtitle (a 「其余」 sum would be partial).
 */
export function rankingChart(input: RankingInput): AskChart | undefined {
  const unit = unitOf(input.metric);
  if (!unit || !drawable(input.points)) return undefined;
  const { complete } = input;
  const valued = input.points.filter((p) => p.value !== null);
  const lowest = input.order === 'asc';
  const shown = lowest ? valued.slice(0, CHART_TOP_N) : complete ? input.points : valued.slice(0, CHART_TOP_N);
  const subtitle = lowest ? `最低的 ${shown.length} 个（共 ${input.totalCount} 份报告）`
    : complete ? undefined : `前 ${shown.length} 名（共 ${input.totalCount} 份报告）`;
  const title = chartTitle({ scope: input.scope, groups: input.groups, years: input.year, metric: chartMetric(input.metric) });
  return {
    kind: 'ranking', title, unit, series: shown, sourceCount: complete ? input.points.length : input.totalCount,
    ...(subtitle ? { subtitle } : {}),
    topN: Math.min(CHART_TOP_N, Math.max(1, shown.length)),
  };
}

export interface ComparisonInput {
  metric: MetricInfo;
  /** Agencies compared in one year: their names; years of one agency: 「2020年」…. */
  points: Point[];
  /** What the title names before the year: the agency of a year series, 「白土镇、施集镇」 for agencies. */
  scope: string;
  years: readonly number[];
  /** Reports the values come from. */
  sourceCount: number;
}

/** Agencies side by side (comparison), or one agency over years: a trend from three years on. */
export function comparisonChart(input: ComparisonInput): AskChart | undefined {
  const unit = unitOf(input.metric);
  if (!unit || !drawable(input.points)) return undefined;
  const years = [...input.years].sort((a, b) => a - b);
  const span: number | [number, number] = years.length === 1 ? years[0] : [years[0], years[years.length - 1]];
  const title = chartTitle({ scope: input.scope, years: span, metric: chartMetric(input.metric) });
  const overYears = years.length > 1;
  const kind = overYears && input.points.length >= 3 ? 'trend' : 'comparison';
  return { kind, title, unit, series: input.points.slice(0, 12), sourceCount: input.sourceCount };
}

// ------------------------------------------------------------------ rendering for a channel

export interface ChartImagesOptions {
  logger: Logger;
  /** Renders in flight at most; a chart asked for beyond that is skipped (a flood of questions must not queue minutes of rendering). */
  maxConcurrent?: number;
  render?: (spec: ChartSpec) => Promise<RenderedPng>;
}

/**
 * The renderer (echarts, resvg) loaded with the first chart: a process that only answers in text (`nianbao ask`)
 * never pays its ~0.25 s of loading.
 */
function renderPng(spec: ChartSpec): Promise<RenderedPng> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderChartPngAsync } = require('../charts/render') as typeof import('../charts/render');
  return renderChartPngAsync(spec);
}

/** Renders answer charts to PNG off the event loop; every failure is logged and yields null (the text was sent already). */
export class ChartImages {
  private inFlight = 0;
  private readonly maxConcurrent: number;
  private readonly render: (spec: ChartSpec) => Promise<RenderedPng>;

  constructor(private readonly options: ChartImagesOptions) {
    this.maxConcurrent = options.maxConcurrent ?? 2;
    this.render = options.render ?? renderPng;
  }

  async png(chart: AskChart): Promise<RenderedPng | null> {
    if (this.inFlight >= this.maxConcurrent) {
      this.options.logger.warn(`chart 「${chart.title}」 skipped: ${this.inFlight} charts are being rendered`);
      return null;
    }
    this.inFlight++;
    try {
      return await this.render(asSpec(chart));
    } catch (e) {
      const err = e as Error & { code?: string };
      this.options.logger.warn(`chart 「${chart.title}」 not sent (${err.code ?? err.name}): ${err.message}`);
      return null;
    } finally {
      this.inFlight--;
    }
  }
}
