import type { EChartsOption } from 'echarts';
import type { ChartData, ChartSpec, RegionLevel } from './types';
import { formatNumber, scaled } from './units';

/** Browsers that embed the SVG pick the first font they have; resvg maps sans-serif to the CJK font it found. */
export const FONT_STACK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const PALETTE = ['#3b6fd4', '#e0823d', '#3aa57a', '#c6494b', '#8a62c9', '#c9a227', '#3c9fb8', '#9b6a4f'];
const INK = '#333';
const MUTED = '#777';
const LABEL_CHARS = 12;
const GROUP_NAMES: Record<RegionLevel, string> = { province: '省份', city: '城市', county: '区县', township: '乡镇' };

function shorten(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

function footerNotes(data: ChartData): string {
  const notes: string[] = [];
  if (data.restCount > 0) {
    notes.push(`其余 ${data.restCount} 个未列出（合计 ${formatNumber(data.restSum, data.displayScale)}${data.displayUnit}）`);
  }
  if (data.missingCount > 0) notes.push(`${data.missingCount} 个无数据`);
  return notes.join('；');
}

function footer(text: string, side: 'left' | 'right') {
  if (text === '') return undefined;
  return { type: 'text' as const, [side]: 16, bottom: 10, style: { text, fontSize: 12, fill: MUTED, fontFamily: FONT_STACK } };
}

function frame(spec: ChartSpec, data: ChartData): EChartsOption {
  const grouping = spec.kind === 'regions' && spec.groupBy ? `按${GROUP_NAMES[spec.groupBy]}汇总` : undefined;
  const sub = [spec.subtitle, grouping, `单位：${data.displayUnit}`].filter(Boolean).join('  ·  ');
  return {
    animation: false,
    backgroundColor: '#fff',
    color: PALETTE,
    textStyle: { fontFamily: FONT_STACK, color: INK },
    title: {
      text: spec.title, subtext: sub, left: 'center', top: 12,
      textStyle: { fontSize: 18, fontWeight: 'bold', color: INK, fontFamily: FONT_STACK },
      subtextStyle: { fontSize: 12, color: MUTED, fontFamily: FONT_STACK },
    },
    graphic: [footer(`来源：${data.sourceCount} 份年度报告`, 'left'), footer(footerNotes(data), 'right')].filter((g) => g !== undefined),
  };
}

const valueAxisLabel = { color: MUTED, formatter: (v: number) => formatNumber(v, 1) };

function barData(data: ChartData): (number | '-')[] {
  return data.points.map((p) => (p.value === null ? '-' : scaled(p.value, data.displayScale)));
}

function labelOf(data: ChartData) {
  return (params: { dataIndex: number }) => data.points[params.dataIndex]?.text ?? '';
}

function ranking(data: ChartData): EChartsOption {
  return {
    grid: { left: 16, right: 110, top: 78, bottom: 44, containLabel: true },
    // Every bar carries its value: tick labels would only repeat them (and each text costs PNG time).
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { lineStyle: { color: '#e6e6e6' } } },
    yAxis: {
      type: 'category', inverse: true, data: data.points.map((p) => p.label),
      axisLabel: { color: INK, fontSize: 12, interval: 0, formatter: shorten }, axisTick: { show: false },
    },
    series: [{
      type: 'bar', data: barData(data), barMaxWidth: 28,
      label: { show: true, position: 'right', color: INK, fontSize: 12, formatter: labelOf(data) },
    }],
  };
}

function columns(data: ChartData, byColor: boolean): EChartsOption {
  const rotate = data.points.length > 8 ? 40 : 0;
  return {
    grid: { left: 16, right: 24, top: 82, bottom: 44, containLabel: true },
    xAxis: {
      type: 'category', data: data.points.map((p) => p.label),
      axisLabel: { color: INK, fontSize: 12, interval: 0, rotate, formatter: shorten }, axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', axisLabel: valueAxisLabel, splitLine: { lineStyle: { color: '#e6e6e6' } } },
    series: [{
      type: 'bar', data: barData(data), barMaxWidth: 56, colorBy: byColor ? 'data' : 'series',
      label: { show: true, position: 'top', color: INK, fontSize: data.points.length > 12 ? 10 : 12, formatter: labelOf(data) },
    }],
  };
}

function trend(data: ChartData, style: 'line' | 'bar'): EChartsOption {
  if (style === 'bar') return columns(data, false);
  return {
    grid: { left: 16, right: 40, top: 82, bottom: 44, containLabel: true },
    xAxis: { type: 'category', data: data.points.map((p) => p.label), boundaryGap: true, axisLabel: { color: INK, interval: 0 } },
    yAxis: { type: 'value', axisLabel: valueAxisLabel, splitLine: { lineStyle: { color: '#e6e6e6' } } },
    series: [{
      type: 'line', data: barData(data), connectNulls: false, symbol: 'circle', symbolSize: 8, lineStyle: { width: 3 },
      label: { show: true, position: 'top', color: INK, fontSize: 12, formatter: labelOf(data) },
    }],
  };
}

function body(spec: ChartSpec, data: ChartData): EChartsOption {
  switch (spec.kind) {
    case 'ranking': return ranking(data);
    case 'comparison': return columns(data, true);
    case 'regions': return columns(data, false);
    case 'trend': return trend(data, spec.trendStyle ?? 'line');
  }
}

/** The full ECharts option of a prepared chart: no animation, every label computed up front. */
export function chartOption(spec: ChartSpec, data: ChartData): EChartsOption {
  return { ...frame(spec, data), ...body(spec, data) };
}
