import type { ChartUnit } from './types';

export interface DisplayUnit {
  unit: string;
  scale: number;
}

/** Money is stored in 元; large sums read better in 万元 or 亿元. Counts keep their unit. */
export function displayUnit(unit: ChartUnit, values: readonly number[]): DisplayUnit {
  if (unit !== '元') return { unit, scale: 1 };
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (max >= 1e8) return { unit: '亿元', scale: 1e8 };
  if (max >= 1e4) return { unit: '万元', scale: 1e4 };
  return { unit: '元', scale: 1 };
}

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: true });

/** The number as displayed (scaled, at most two decimals, grouped), without the unit. */
export function formatNumber(value: number, scale: number): string {
  const n = value / scale;
  // -0.001 would print as "-0".
  return NUMBER.format(Math.abs(n) < 0.005 ? 0 : n);
}

export function formatValue(value: number | null, du: DisplayUnit): string {
  return value === null ? '无数据' : `${formatNumber(value, du.scale)}${du.unit}`;
}

/** The scaled number handed to ECharts, rounded so that axis ticks stay round. */
export function scaled(value: number, scale: number): number {
  return Math.round((value / scale) * 100) / 100;
}
