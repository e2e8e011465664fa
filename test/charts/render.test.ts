import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChartFontError, ChartInputError, cjkFont, findCjkFont, renderChart, renderChartPng, renderChartPngAsync, renderChartSvg,
  type ChartSpec,
} from '../../src/charts';
import { assertWellFormed, decodePng, inkStats, pngHeader, readSvg } from './support';

const TOWNS = ['白土镇', '港口镇', '石滩镇', '曲江镇', '张巷镇'];

const ranking: ChartSpec = {
  kind: 'ranking', unit: '元', sourceCount: 5, title: '丰城市各乡镇2020年政府采购总金额',
  series: [{ label: '白土镇', value: 115838 }, { label: '港口镇', value: 73802895.9 }, { label: '石滩镇', value: 2500000 },
    { label: '曲江镇', value: 640000 }, { label: '张巷镇', value: 38000 }],
};

function spec(over: Partial<ChartSpec>): ChartSpec {
  return { ...ranking, ...over };
}

/** 30 townships with distinct values 1000, 2000, … 30000 件 in shuffled order. */
function longSeries(): ChartSpec['series'] {
  return Array.from({ length: 30 }, (_, i) => ({ label: `第${i + 1}镇`, value: ((i * 7) % 30 + 1) * 1000 }));
}

describe('SVG', () => {
  test.each<[ChartSpec['kind'], Partial<ChartSpec>]>([
    ['ranking', {}],
    ['comparison', { title: '三镇2021年收到申请', unit: '件', series: TOWNS.slice(0, 3).map((label, i) => ({ label, value: i + 2 })) }],
    ['regions', { title: '江西省各设区市2021年采购金额', groupBy: 'city', series: [{ label: '南昌市', value: 3e8 }, { label: '宜春市', value: 5e8 },
      { label: '赣州市', value: 4e8 }, { label: '九江市', value: 1e8 }] }],
    ['trend', { title: '白土镇2019—2022年收到申请', unit: '件', trendStyle: 'bar', series: [{ label: '2021', value: 6 },
      { label: '2019', value: 3 }, { label: '2022', value: 4 }, { label: '2020', value: 1 }] }],
  ])('%s: well-formed, one bar per group, Chinese title and labels, source line', (kind, over) => {
    const s = spec({ ...over, kind });
    const { svg, data } = renderChart(s);
    assertWellFormed(svg);
    const facts = readSvg(svg);
    expect(facts.root.attribs.width).toBe(String(data.width));
    expect(facts.dataShapes).toHaveLength(s.series.length);
    expect(facts.texts).toContain(s.title);
    for (const p of s.series) expect(facts.texts).toContain(p.label);
    expect(facts.texts).toContain(`来源：${s.sourceCount} 份年度报告`);
  });

  test('a ranking is sorted largest first, in 万元 when the largest is at least 10 000 元 and below 1 亿', () => {
    const { data, svg } = renderChart(ranking);
    expect(data.displayUnit).toBe('万元');
    expect(data.points.map((p) => p.label)).toEqual(['港口镇', '石滩镇', '曲江镇', '白土镇', '张巷镇']);
    expect(data.points.map((p) => p.text)).toEqual(['7,380.29万元', '250万元', '64万元', '11.58万元', '3.8万元']);
    const facts = readSvg(svg);
    expect(facts.texts).toContain('11.58万元');
    expect(facts.texts.some((t) => t.includes('单位：万元'))).toBe(true);
  });

  test('money picks 元 below 10 000 and 亿元 from 100 000 000; counts keep 件 / 项', () => {
    expect(renderChart(spec({ series: [{ label: '白土镇', value: 9800 }, { label: '港口镇', value: 120.5 }] })).data.points.map((p) => p.text))
      .toEqual(['9,800元', '120.5元']);
    expect(renderChart(spec({ series: [{ label: '南昌市', value: 123456789 }] })).data.points[0]!.text).toBe('1.23亿元');
    expect(renderChart(spec({ unit: '项', series: [{ label: '白土镇', value: 12000 }] })).data.points[0]!.text).toBe('12,000项');
  });

  test('a long ranking is cut to top N and 其余 N 个 is noted with their sum', () => {
    const { data, svg } = renderChart(spec({ unit: '件', series: longSeries(), topN: 12 }));
    expect(data.points).toHaveLength(12);
    expect(data.points[0]).toEqual({ label: '第18镇', value: 30000, text: '30,000件' });
    expect(data.restCount).toBe(18);
    expect(data.restSum).toBe((18 * 19) / 2 * 1000);
    const facts = readSvg(svg);
    expect(facts.dataShapes).toHaveLength(12);
    expect(facts.texts).toContain('其余 18 个未列出（合计 171,000件）');
    expect(facts.texts).not.toContain('第1镇');
  });

  test('default top N: 15 for a ranking, 20 for regions', () => {
    expect(renderChart(spec({ series: longSeries() })).data.restCount).toBe(15);
    expect(renderChart(spec({ kind: 'regions', series: longSeries() })).data.restCount).toBe(10);
  });

  test('a trend is drawn in year order, a missing year is a gap marked 无数据, not a zero', () => {
    const { data, svg } = renderChart(spec({ kind: 'trend', unit: '件', series: [{ label: '2021年', value: 6 }, { label: '2019年', value: 3 },
      { label: '2020年', value: null }] }));
    expect(data.points.map((p) => [p.label, p.text])).toEqual([['2019年', '3件'], ['2020年', '无数据'], ['2021年', '6件']]);
    expect(readSvg(svg).texts).toEqual(expect.arrayContaining(['2019年', '2020年', '2021年', '3件', '6件']));
  });

  test('a long agency name is shortened on the axis and kept whole in the data', () => {
    const name = '江西省宜春市丰城市白土镇人民政府办公室';
    const { data, svg } = renderChart(spec({ series: [{ label: name, value: 5 }, { label: '港口镇', value: 3 }] }));
    expect(data.points[0]!.label).toBe(name);
    expect(readSvg(svg).texts).toContain('江西省宜春市丰城市白土…');
  });

  test('a missing value is left out of a ranking and counted', () => {
    const { data, svg } = renderChart(spec({ series: [...ranking.series, { label: '杜市镇', value: null }] }));
    expect(data.points).toHaveLength(5);
    expect(data.missingCount).toBe(1);
    expect(readSvg(svg).texts).toContain('1 个无数据');
  });

  test('the same spec gives the same SVG, also after other charts were drawn', () => {
    const kinds = [ranking, spec({ kind: 'trend', series: [{ label: '2020', value: 3 }, { label: '2021', value: 5 }] }),
      spec({ kind: 'comparison' }), spec({ kind: 'regions' })];
    const first = kinds.map(renderChartSvg);
    const again = [...kinds].reverse().map(renderChartSvg).reverse();
    expect(again).toEqual(first);
  });

  test('markup in labels and title is escaped, not interpreted', () => {
    const { svg } = renderChart(spec({ title: '<script>alert(1)</script> & 采购', series: [{ label: '</text>白土镇&', value: 7 }] }));
    assertWellFormed(svg);
    const facts = readSvg(svg);
    expect(facts.texts).toContain('<script>alert(1)</script> & 采购');
    expect(facts.texts).toContain('</text>白土镇&');
  });

  test('the well-formedness check itself rejects broken markup', () => {
    expect(() => assertWellFormed('<svg><g><path></g></svg>')).toThrow('not well-formed');
    expect(() => assertWellFormed('<svg><g></g></text></svg>')).toThrow('close nothing');
  });
});

describe('bad input is refused with a ChartInputError naming the problem', () => {
  test.each<[string, Partial<ChartSpec>, string]>([
    ['NaN', { series: [{ label: '白土镇', value: NaN }] }, 'series[0] (白土镇) has value NaN'],
    ['Infinity', { series: [{ label: '白土镇', value: 1 }, { label: '港口镇', value: Infinity }] }, 'series[1] (港口镇) has value Infinity'],
    ['a string value', { series: [{ label: '白土镇', value: '12' as unknown as number }] }, 'series[0] (白土镇) has value 12'],
    ['no value at all', { series: [{ label: '白土镇', value: null }] }, 'no value to draw'],
    ['an empty label', { series: [{ label: ' ', value: 1 }] }, 'series[0].label must be a non-empty string'],
    ['too many points', { series: Array.from({ length: 10001 }, (_, i) => ({ label: `${i}`, value: i })) }, 'at most 10000 points, got 10001'],
    ['too many compared values', { kind: 'comparison', series: longSeries() }, 'a comparison chart takes at most 12 points, got 30'],
    ['a year twice', { kind: 'trend', series: [{ label: '2020', value: 1 }, { label: '2020', value: 2 }] }, 'the label 2020 twice'],
    ['top N 0', { topN: 0 }, 'topN must be an integer from 1 to 40, got 0'],
    ['a huge width', { width: 100000 }, 'width must be an integer from 200 to 2000'],
    ['an unknown kind', { kind: 'pie' as ChartSpec['kind'] }, 'kind must be one of ranking, trend, comparison, regions, got pie'],
    ['an unknown unit', { unit: '吨' as ChartSpec['unit'] }, 'unit must be one of 元, 件, 项, got 吨'],
    ['a control character', { title: '白土镇\u0001' }, 'title contains a control character'],
    ['a null point', { series: [null as unknown as ChartSpec['series'][number]] }, 'series[0] must be an object'],
    ['no source count', { sourceCount: undefined as unknown as number }, 'sourceCount is required'],
  ])('%s', (_name, over, message) => {
    const attempt = () => renderChartSvg(spec(over));
    expect(attempt).toThrow(ChartInputError);
    expect(attempt).toThrow(message);
  });
});

describe('PNG', () => {
  test('decodes to the chart size and is not blank', () => {
    const { png, data } = renderChartPng(spec({ width: 640, height: 420 }));
    expect(pngHeader(png)).toEqual({ width: 640, height: 420 });
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([640, 420]);
    const { variance, inkShare } = inkStats(decoded.pixels);
    expect(variance).toBeGreaterThan(500);
    expect(inkShare).toBeGreaterThan(0.03);
    expect(data.points).toHaveLength(5);
  });

  test('text is drawn: the same chart with a title has more ink than with a one-character title', () => {
    const ink = (title: string) => inkStats(decodePng(renderChartPng(spec({ title })).png).pixels).inkShare;
    expect(ink('丰城市各乡镇2020年政府采购总金额丰城市各乡镇2020年政府采购总金额')).toBeGreaterThan(ink('图'));
  });

  test('the async renderer gives the same PNG as the sync one', async () => {
    const sync = renderChartPng(ranking).png;
    expect((await renderChartPngAsync(ranking)).png.equals(sync)).toBe(true);
  });
});

describe('CJK font', () => {
  test('found on this machine for PNG rendering', () => {
    expect(cjkFont().file).toMatch(/\.(ttc|otf|ttf)$/);
  });

  test('found by file name in a font folder, with its family', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-fonts-'));
    mkdirSync(join(dir, 'opentype', 'noto'), { recursive: true });
    symlinkSync(cjkFont().file, join(dir, 'opentype', 'noto', 'NotoSansCJK-Regular.ttc'));
    expect(findCjkFont({ env: {}, dirs: [dir], fontconfig: false }))
      .toEqual({ file: join(dir, 'opentype', 'noto', 'NotoSansCJK-Regular.ttc'), family: 'Noto Sans CJK SC' });
  });

  test('missing: a ChartFontError with a code the caller can fall back on', () => {
    const empty = mkdtempSync(join(tmpdir(), 'nb-nofonts-'));
    const attempt = () => findCjkFont({ env: {}, dirs: [empty], fontconfig: false });
    expect(attempt).toThrow(ChartFontError);
    expect(attempt).toThrow(`no CJK font found in ${empty}: install fonts-noto-cjk or set NIANBAO_CJK_FONT`);
    expect(() => findCjkFont({ env: { NIANBAO_CJK_FONT: join(empty, 'none.ttc') } })).toThrow('which does not exist');
  });
});
