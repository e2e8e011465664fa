import type { ChartData, ChartPoint, ChartSpec } from './types';
import { displayUnit, formatValue } from './units';

export const DEFAULT_TOP_N = { ranking: 15, regions: 20 } as const;
const DEFAULT_WIDTH = 800;

type Valued = { label: string; value: number };

function byValueDesc(points: readonly ChartPoint[]): Valued[] {
  const valued = points.filter((p): p is Valued => p.value !== null);
  // Stable sort: equal values keep the caller's order, so the output is deterministic.
  return valued.map((p, i) => ({ p, i })).sort((a, b) => b.p.value - a.p.value || a.i - b.i).map(({ p }) => p);
}

/** Years ("2019", "2019年") in calendar order; other labels keep the caller's order. */
function chronological(points: readonly ChartPoint[]): ChartPoint[] {
  const year = (label: string) => /^(\d{4})/.exec(label)?.[1];
  if (!points.every((p) => year(p.label) !== undefined)) return [...points];
  return [...points].sort((a, b) => Number(year(a.label)) - Number(year(b.label)));
}

interface Selection {
  drawn: ChartPoint[];
  rest: Valued[];
  missingCount: number;
}

function select(spec: ChartSpec): Selection {
  const missingCount = spec.series.filter((p) => p.value === null).length;
  if (spec.kind === 'trend') return { drawn: chronological(spec.series), rest: [], missingCount: 0 };
  if (spec.kind === 'comparison') {
    return { drawn: spec.series.filter((p) => p.value !== null), rest: [], missingCount };
  }
  const sorted = byValueDesc(spec.series);
  const n = spec.topN ?? DEFAULT_TOP_N[spec.kind];
  return { drawn: sorted.slice(0, n), rest: sorted.slice(n), missingCount };
}

/** Horizontal bars need room per bar; the others have a fixed frame. */
function defaultHeight(spec: ChartSpec, bars: number): number {
  if (spec.kind === 'ranking') return Math.min(2000, Math.max(360, 150 + bars * 32));
  return 500;
}

/** Everything the chart shows, decided before ECharts is involved (so it can be tested and returned as data). */
export function prepareChart(spec: ChartSpec): ChartData {
  const { drawn, rest, missingCount } = select(spec);
  const du = displayUnit(spec.unit, drawn.flatMap((p) => (p.value === null ? [] : [p.value])));
  const restSum = rest.reduce((s, p) => s + p.value, 0);
  return {
    kind: spec.kind,
    title: spec.title,
    displayUnit: du.unit,
    displayScale: du.scale,
    points: drawn.map((p) => ({ label: p.label, value: p.value, text: formatValue(p.value, du) })),
    restCount: rest.length,
    restSum,
    missingCount,
    sourceCount: spec.sourceCount,
    width: spec.width ?? DEFAULT_WIDTH,
    height: spec.height ?? defaultHeight(spec, drawn.length),
  };
}
