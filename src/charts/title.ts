/** 「宜春市各乡镇2020年政府采购总金额」: scope, optional grouping, year (or 2019—2023年), metric. */
export function chartTitle(parts: { metric: string; scope: string; years: number | readonly [number, number]; groups?: string }): string {
  const years = typeof parts.years === 'number' ? `${parts.years}年` : `${parts.years[0]}—${parts.years[1]}年`;
  return `${parts.scope}${parts.groups ?? ''}${years}${parts.metric}`;
}

/** The form's numbering (「一、」「三（三）5 」) says where a row is printed, not what it counts: a title leaves it out. */
const NUMBERING = /^[一二三四五六七八九十]*、?(?:[（(][一二三四五六七八九十]+[）)])?\d*[、.．]?\s*/;

/** A metric as a title names it: 「本年新收政府信息公开申请数量」 for a total column, else 「政府集中采购·采购总金额」. */
export function metricName(rowLabel: string, colLabel: string): string {
  const row = rowLabel.replace(NUMBERING, '') || rowLabel;
  return /^(总计|合计)$/.test(colLabel) ? row : `${row}·${colLabel}`;
}
