/** The contract of the chart renderer: data in, SVG/PNG out. Nothing here knows about the database or GraphQL. */

/** ranking: horizontal bars, largest first, cut to top N; trend: one point per year; comparison: a few bars in the
 * given order; regions: columns per region group (province / city / county), largest first, cut to top N. */
export type ChartKind = 'ranking' | 'trend' | 'comparison' | 'regions';
export const CHART_KINDS: readonly ChartKind[] = ['ranking', 'trend', 'comparison', 'regions'];

/** Units of the catalog's cells (money is always given in 元; the renderer picks 元 / 万元 / 亿元 to display). */
export type ChartUnit = '元' | '件' | '项';
export const CHART_UNITS: readonly ChartUnit[] = ['元', '件', '项'];

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface ChartPoint {
  label: string;
  /** null = no value could be read for this label: a gap on a trend, left out (and counted) elsewhere. */
  value: number | null;
}

export interface ChartSpec {
  kind: ChartKind;
  /** Names the metric, scope and year, e.g. 「宜春市各乡镇2020年政府采购总金额」 (see chartTitle()). */
  title: string;
  subtitle?: string;
  unit: ChartUnit;
  series: readonly ChartPoint[];
  /** How many annual reports the values come from: drawn as 「来源：N 份年度报告」. */
  sourceCount: number;
  /** ranking / regions: how many bars at most (default 15 / 20, at most 40); the rest is noted as 「其余 N 个」. */
  topN?: number;
  /** trend only: 'line' (default) or 'bar'. */
  trendStyle?: 'line' | 'bar';
  /** regions only: what a group is, named on the axis. */
  groupBy?: RegionLevel;
  /** Pixels; default width 800, height by kind and bar count. */
  width?: number;
  height?: number;
}

/** One bar / point as drawn: the original value (in the spec's unit) and its label text on the chart. */
export interface DrawnPoint {
  label: string;
  value: number | null;
  text: string;
}

export interface ChartData {
  kind: ChartKind;
  title: string;
  /** The unit the chart displays, e.g. 万元 when the spec's unit is 元 and the values are large. */
  displayUnit: string;
  /** Divide a spec value by this to get the displayed number (1, 10000 or 1e8). */
  displayScale: number;
  points: DrawnPoint[];
  /** Points not drawn because of top N, and their sum in the spec's unit (0 when none). */
  restCount: number;
  restSum: number;
  /** Points with a null value left out of a ranking / comparison / regions chart. */
  missingCount: number;
  sourceCount: number;
  width: number;
  height: number;
}

export interface RenderedSvg {
  svg: string;
  data: ChartData;
}

export interface RenderedPng extends RenderedSvg {
  png: Buffer;
}

/** A spec the renderer refuses (the caller's bug or hostile input): `code` is stable, the message says what is wrong. */
export class ChartInputError extends Error {
  readonly code = 'CHART_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'ChartInputError';
  }
}

/** No CJK font on this machine: PNG rendering is impossible, the caller should answer with text only. */
export class ChartFontError extends Error {
  readonly code = 'CHART_FONT_MISSING';
  constructor(message: string) {
    super(message);
    this.name = 'ChartFontError';
  }
}
