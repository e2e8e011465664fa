/** Numbers as officials read them: thousands separators, money in 元 with 万元 / 亿元 for large amounts. */

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '（空白）';
  if (unit !== '元') return `${plain.format(value)}${unit}`;
  const base = `${money.format(value)}元`;
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${base}（约${plain.format(Math.round(value / 1e6) / 100)}亿元）`;
  if (abs >= 1e5) return `${base}（约${plain.format(Math.round(value / 100) / 100)}万元）`;
  return base;
}

/** The difference between two values in words: 「多108,458元」 / 「少3件」 / 「相同」. */
export function formatDifference(a: number, b: number, unit: string): string {
  const diff = a - b;
  if (diff === 0) return '相同';
  return `${diff > 0 ? '多' : '少'}${formatValue(Math.abs(diff), unit)}`;
}

/** Year-on-year change: 「增加2件（+20%）」. */
export function formatChange(current: number, previous: number, unit: string): string {
  const diff = current - previous;
  if (diff === 0) return '持平';
  const pct = previous !== 0 ? `（${diff > 0 ? '+' : ''}${plain.format(Math.round((diff / previous) * 1000) / 10)}%）` : '';
  return `${diff > 0 ? '增加' : '减少'}${formatValue(Math.abs(diff), unit)}${pct}`;
}
