/** 「宜春市各乡镇2020年政府采购总金额」: scope, optional grouping, year (or 2019—2023年), metric. */
export function chartTitle(parts: { metric: string; scope: string; years: number | readonly [number, number]; groups?: string }): string {
  const years = typeof parts.years === 'number' ? `${parts.years}年` : `${parts.years[0]}—${parts.years[1]}年`;
  return `${parts.scope}${parts.groups ?? ''}${years}${parts.metric}`;
}
