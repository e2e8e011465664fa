import { ChartFontError, prepareChart, renderChart } from '../../src/charts';
import { ChartImages, chartMetric, comparisonChart, rankingChart } from '../../src/bot/chart';
import type { MetricInfo } from '../../src/bot/vocabulary';

/** The bot's chart builders (src/bot/chart.ts): which answers get which chart, and what it says. */

const AMOUNT: MetricInfo = {
  key: 'active.procurement.amount', label: '政府集中采购 · 采购总金额', rowLabel: '政府集中采购', colLabel: '采购总金额',
  unit: '元', formats: ['2019'],
};
const REQUESTS: MetricInfo = {
  key: 'requests.new.total', label: '本年新收政府信息公开申请数量 · 总计', rowLabel: '本年新收政府信息公开申请数量', colLabel: '总计',
  unit: '件', formats: ['2019', '2021'],
};

/** 20 townships with distinct values 20 000, 19 000, … 1 000 元, in the graph's order (largest first). */
const TWENTY = Array.from({ length: 20 }, (_, i) => ({ label: `第${i + 1}镇`, value: (20 - i) * 1000 }));

describe('rankingChart', () => {
  it('every report read: all points go to the renderer, which draws the top 15 and notes 其余 5 个 with their sum', () => {
    const chart = rankingChart({ metric: AMOUNT, scope: '丰城市', groups: '各乡镇', year: 2020, points: TWENTY, totalCount: 20, complete: true, order: 'desc' })!;
    expect(chart).toMatchObject({ kind: 'ranking', title: '丰城市各乡镇2020年政府集中采购·采购总金额', unit: '元', sourceCount: 20, topN: 15 });
    expect(chart.subtitle).toBeUndefined();
    const data = prepareChart(chart);
    expect(data.points.map((p) => p.label)).toEqual(TWENTY.slice(0, 15).map((p) => p.label));
    expect([data.restCount, data.restSum]).toEqual([5, 15000]); // 5 000 + 4 000 + 3 000 + 2 000 + 1 000
    expect(renderChart(chart).svg).toContain('其余 5 个未列出');
  });

  it('only the first rows read: draws those and says so, without a partial 其余 sum', () => {
    const chart = rankingChart({ metric: AMOUNT, scope: '全国', groups: '各机关', year: 2020, points: TWENTY, totalCount: 137, complete: false, order: 'desc' })!;
    expect(chart.series).toHaveLength(15);
    expect(chart.subtitle).toBe('前 15 名（共 137 份报告）');
    expect(chart.sourceCount).toBe(137);
    expect(prepareChart(chart).restCount).toBe(0);
  });

  it('the lowest: the first rows of an ascending read, named in the subtitle', () => {
    const asc = [...TWENTY].reverse();
    const chart = rankingChart({ metric: AMOUNT, scope: '全国', groups: '各乡镇', year: 2020, points: asc, totalCount: 20, complete: true, order: 'asc' })!;
    expect(chart.subtitle).toBe('最低的 15 个（共 20 份报告）');
    expect(prepareChart(chart).points.map((p) => p.value)).toEqual(asc.slice(0, 15).map((p) => p.value).reverse());
  });

  it('blank values are counted as 无数据, and fewer than two values make no chart', () => {
    const points = [{ label: '甲镇', value: 3 }, { label: '乙镇', value: null }, { label: '丙镇', value: 7 }];
    const chart = rankingChart({ metric: REQUESTS, scope: '全国', groups: '各乡镇', year: 2021, points, totalCount: 3, complete: true, order: 'desc' })!;
    expect(chart.title).toBe('全国各乡镇2021年本年新收政府信息公开申请数量');
    expect(prepareChart(chart).missingCount).toBe(1);
    expect(rankingChart({ metric: REQUESTS, scope: '全国', groups: '各乡镇', year: 2021, points: points.slice(0, 2), totalCount: 2, complete: true, order: 'desc' })).toBeUndefined();
  });

  it('a unit the renderer does not know makes no chart', () => {
    const odd = { ...AMOUNT, unit: '人' };
    expect(rankingChart({ metric: odd, scope: '全国', groups: '各乡镇', year: 2020, points: TWENTY, totalCount: 20, complete: true, order: 'desc' })).toBeUndefined();
  });
});

describe('comparisonChart', () => {
  it('agencies in one year: a comparison in the asker\'s order', () => {
    const chart = comparisonChart({ metric: AMOUNT, scope: '白土镇、施集镇', years: [2020], sourceCount: 2,
      points: [{ label: '白土镇', value: 115838 }, { label: '施集镇', value: 7380 }] })!;
    expect(chart).toMatchObject({ kind: 'comparison', title: '白土镇、施集镇2020年政府集中采购·采购总金额', sourceCount: 2 });
  });

  it('one agency over three years or more: a trend; over two years: a comparison', () => {
    const points = [{ label: '2020年', value: 115838 }, { label: '2019年', value: 43210 }, { label: '2018年', value: 98765 }];
    const trend = comparisonChart({ metric: AMOUNT, scope: '白土镇', years: [2020, 2019, 2018], sourceCount: 3, points })!;
    expect(trend.kind).toBe('trend');
    expect(trend.title).toBe('白土镇2018—2020年政府集中采购·采购总金额');
    expect(prepareChart(trend).points.map((p) => p.label)).toEqual(['2018年', '2019年', '2020年']);
    expect(comparisonChart({ metric: AMOUNT, scope: '白土镇', years: [2020, 2019], sourceCount: 2, points: points.slice(0, 2) })!.kind).toBe('comparison');
  });

  it('names the metric by its row alone when the column is the total', () => {
    expect(chartMetric(REQUESTS)).toBe('本年新收政府信息公开申请数量');
    expect(chartMetric(AMOUNT)).toBe('政府集中采购·采购总金额');
  });
});

describe('ChartImages', () => {
  const spec = comparisonChart({ metric: AMOUNT, scope: '白土镇、施集镇', years: [2020], sourceCount: 2,
    points: [{ label: '白土镇', value: 115838 }, { label: '施集镇', value: 7380 }] })!;

  it('a render failure is logged with its code and gives null', async () => {
    const lines: string[] = [];
    const images = new ChartImages({
      logger: { info: () => {}, warn: (m) => lines.push(m), error: (m) => lines.push(m) },
      render: async () => { throw new ChartFontError('no CJK font found'); },
    });
    expect(await images.png(spec)).toBeNull();
    expect(lines).toEqual(['chart 「白土镇、施集镇2020年政府集中采购·采购总金额」 not sent (CHART_FONT_MISSING): no CJK font found']);
  });

  it('beyond maxConcurrent renders in flight a chart is skipped, and the next one after them is drawn', async () => {
    const lines: string[] = [];
    const release: (() => void)[] = [];
    let drawn = 0;
    const images = new ChartImages({
      logger: { info: () => {}, warn: (m) => lines.push(m), error: (m) => lines.push(m) },
      maxConcurrent: 2,
      render: async (s) => {
        await new Promise<void>((r) => release.push(r));
        drawn++;
        return { ...renderChart(s), png: Buffer.from([drawn]) };
      },
    });
    const first = images.png(spec);
    const second = images.png(spec);
    expect(await images.png(spec)).toBeNull();
    expect(lines).toEqual(['chart 「白土镇、施集镇2020年政府集中采购·采购总金额」 skipped: 2 charts are being rendered']);
    release.forEach((r) => r());
    expect((await first)?.png).toEqual(Buffer.from([1]));
    expect((await second)?.png).toEqual(Buffer.from([2]));
    const third = images.png(spec);
    await new Promise((r) => setImmediate(r));
    release[2]!();
    expect((await third)?.png).toEqual(Buffer.from([3]));
  });
});
