/**
 * Renders one chart of each kind to docs/charts/*.png (+ .svg) from illustrative values (not from real reports:
 * the subtitle says 示例数据), and with --time the median of 20 renders per kind.
 * Run: npx tsc -p scripts/tsconfig.json && node dist/scripts/render-chart-examples.js [--time] [--no-write]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartTitle, cjkFont, renderChart, renderChartPng, svgToPng, type ChartSpec } from '../src/charts';

const OUT = join(__dirname, '..', '..', 'docs', 'charts');

const TOWNS = ['白土镇', '剑光街道', '河洲街道', '孙渡街道', '尚庄街道', '曲江镇', '同田乡', '筱塘乡', '张巷镇', '泉港镇',
  '梅林镇', '小港镇', '上塘镇', '石滩镇', '丽村镇', '杜市镇', '桥东镇', '董家镇', '秀市镇', '淘沙镇', '荣塘镇', '铁路镇'];

export const EXAMPLES: Record<string, ChartSpec> = {
  ranking: {
    kind: 'ranking', unit: '元', sourceCount: TOWNS.length, subtitle: '示例数据',
    title: chartTitle({ scope: '丰城市', groups: '各乡镇', years: 2020, metric: '政府采购总金额' }),
    series: TOWNS.map((label, i) => ({ label, value: Math.round(((i * 7919) % 23 + 1) * 48213.5 + i * 1500) })),
  },
  trend: {
    kind: 'trend', unit: '件', sourceCount: 5, subtitle: '示例数据',
    title: chartTitle({ scope: '丰城市白土镇', years: [2019, 2023], metric: '收到的政府信息公开申请' }),
    series: [{ label: '2019', value: 3 }, { label: '2020', value: 1 }, { label: '2021', value: 6 }, { label: '2022', value: 4 }, { label: '2023', value: 9 }],
  },
  comparison: {
    kind: 'comparison', unit: '项', sourceCount: 4, subtitle: '示例数据',
    title: chartTitle({ scope: '丰城市四镇', years: 2021, metric: '政府集中采购项目数量' }),
    series: [{ label: '白土镇', value: 10 }, { label: '曲江镇', value: 17 }, { label: '张巷镇', value: 6 }, { label: '泉港镇', value: 12 }],
  },
  regions: {
    kind: 'regions', unit: '元', sourceCount: 1832, groupBy: 'city', subtitle: '示例数据',
    title: chartTitle({ scope: '江西省', groups: '各设区市', years: 2021, metric: '政府采购总金额' }),
    series: ['南昌市', '景德镇市', '萍乡市', '九江市', '新余市', '鹰潭市', '赣州市', '吉安市', '宜春市', '抚州市', '上饶市']
      .map((label, i) => ({ label, value: 1e8 * (((i * 37) % 11) + 2.35) })),
  },
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

function time(spec: ChartSpec, runs: number): { svg: number; png: number } {
  const svg: number[] = [];
  const png: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = renderChart(spec);
    svg.push(ms(t0));
    const t1 = process.hrtime.bigint();
    svgToPng(r.svg);
    png.push(ms(t1));
  }
  return { svg: median(svg), png: median(png) };
}

function main(): void {
  const write = !process.argv.includes('--no-write');
  if (write) mkdirSync(OUT, { recursive: true });
  for (const [name, spec] of Object.entries(EXAMPLES)) {
    const r = renderChartPng(spec);
    if (write) writeFileSync(join(OUT, `${name}.png`), r.png);
    if (write) writeFileSync(join(OUT, `${name}.svg`), r.svg);
    console.log(`${name}: ${r.data.width}×${r.data.height}, ${r.data.points.length} drawn, ${r.data.restCount} cut, ${r.png.length} bytes`);
  }
  if (!process.argv.includes('--time')) return;
  console.log(`font: ${cjkFont().file} (${cjkFont().family || 'first face'})`);
  for (const [name, spec] of Object.entries(EXAMPLES)) {
    const t = time(spec, 20);
    console.log(`${name}: median of 20 — SVG ${t.svg.toFixed(1)} ms, PNG ${t.png.toFixed(1)} ms, total ${(t.svg + t.png).toFixed(1)} ms`);
  }
}

if (require.main === module) main();
