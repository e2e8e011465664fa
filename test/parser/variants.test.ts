import { parseReport, type ParsedCell, type ParsedReport, type TemplateFormat } from '../../src/parser';
import { buildDocx, buildHtml, type ReportSpec } from './support/builders';
import { SAMPLE_FILES, TAB_SAMPLES, expectedFor, sampleText, templateOrder } from './support/samples';
import * as v from './support/variants';

const TEXT_SAMPLES = SAMPLE_FILES.filter((f) => f.endsWith('.txt'));

const parse = (fileName: string, content: Buffer | string) => parseReport({ fileName, content });
const values = (cells: readonly ParsedCell[]) => Object.fromEntries(cells.map((c) => [c.key, c.value]));
const raws = (cells: readonly ParsedCell[]) => Object.fromEntries(cells.map((c) => [c.key, c.raw]));

describe.each(TEXT_SAMPLES)('encodings and whitespace of %s', (file) => {
  const text = sampleText(file);
  let base: ParsedReport;
  beforeAll(async () => {
    base = await parse(file, text);
  });
  const variants: [string, (t: string) => Buffer | string][] = [
    ['GBK bytes (no declaration)', v.gbk],
    ['UTF-8 with BOM', v.utf8Bom],
    ['UTF-16LE with BOM', v.utf16leBom],
    ['UTF-16LE without BOM', v.utf16leNoBom],
    ['UTF-16BE with BOM', v.utf16beBom],
    ['CRLF line ends', v.crlf],
    ['extra blank lines', v.extraBlankLines],
    ['full-width digits', v.fullWidthDigits],
  ];
  it.each(variants)('%s gives identical cells, region and year', async (_name, make) => {
    const r = await parse(file, make(text));
    expect(values(r.cells)).toEqual(values(base.cells));
    expect(raws(r.cells)).toEqual(raws(base.cells));
    expect(r.cells).toHaveLength(base.cells.length);
    expect(r.agency.region?.code).toBe(base.agency.region?.code);
    expect(r.year).toBe(base.year);
    expect(r.format).toBe(base.format);
    expect(r.warnings).toEqual([]);
  });
});

describe.each(TAB_SAMPLES)('table layouts of %s', (file) => {
  const text = sampleText(file);
  let base: ParsedReport;
  beforeAll(async () => {
    base = await parse(file, text);
  });
  it.each([
    ['cells of a row on one line', v.cellsOnOneLine],
    ['a pipe table', v.pipeTable],
    ['pdftotext -layout with wrapped labels', v.pdfLayout],
    ['units inside the cells', v.unitsInCells],
  ] as [string, (t: string) => string][])('%s gives identical values', async (_name, make) => {
    const changed = make(text);
    expect(changed).not.toBe(text);
    const r = await parse(file, changed);
    expect(values(r.cells)).toEqual(values(base.cells));
    expect(r.cells).toHaveLength(expectedFor(file).format === '2019' ? 198 : 200);
    expect(r.checks.filter((c) => c.passed !== true)).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});

/**
 * Every value cell replaced by a distinct number (in source order): each must land under the key the printed form
 * gives that position — a column or row shifted by one would show here, where all-zero tables hide it.
 */
describe('distinct values land on the right keys', () => {
  const NUMERIC_TAB = /^(\t[\s\u00a0]*)\d+(?:元)?([\s\u00a0]*)$/;
  const NUMERIC_PARA = /^([\s\u00a0]*)\d+(?:元整\(单位:人民币\))?([\s\u00a0]*)$/;

  function numberCells(text: string, pattern: RegExp): { text: string; count: number } {
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.includes('主动公开政府信息情况') && l.length < 40);
    const to = lines.findIndex((l, i) => i > from && /存在的?主要问题/.test(l) && l.length < 40);
    let n = 0;
    for (let i = from; i < to; i++) if (pattern.test(lines[i])) lines[i] = lines[i].replace(pattern, (_m, a: string, b: string) => `${a}${1000 + n++}${b}`);
    return { text: lines.join('\n'), count: n };
  }

  it.each(TEXT_SAMPLES)('%s', async (file) => {
    const format = expectedFor(file).format;
    const { text, count } = numberCells(sampleText(file), file.startsWith('shiji') ? NUMERIC_PARA : NUMERIC_TAB);
    const order = templateOrder(format);
    expect(count).toBe(order.length);
    const r = await parse(file, text);
    const want = Object.fromEntries(order.map((k, i) => [k, (format === '2021' && k === 'active.fees.amount' ? 10000 : 1) * (1000 + i)]));
    expect(values(r.cells)).toEqual(want);
  });

  function distinctSpec(format: TemplateFormat, blanks: Record<string, string>): { spec: ReportSpec; want: Record<string, number | null> } {
    const order = templateOrder(format);
    const cells: Record<string, string> = {};
    const want: Record<string, number | null> = {};
    order.forEach((k, i) => {
      cells[k] = k in blanks ? blanks[k] : String(1000 + i);
      want[k] = k in blanks ? null : (format === '2021' && k === 'active.fees.amount' ? 10000 : 1) * (1000 + i);
    });
    const spec: ReportSpec = {
      format,
      title: `铜鼓县港口乡${format === '2019' ? 2020 : 2021}年政府信息公开工作年度报告`,
      chrome: '发布时间:2022-01-10 08:00 来源:铜鼓县 阅读次数: 字体:【大 中 小】',
      intro: ['本报告中所列数据的统计期限自1月1日起至12月31日止。'],
      sections: ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
        .map((heading) => ({ heading, paragraphs: heading.startsWith('一') ? ['全年工作有序开展。'] : [] })),
      cells,
    };
    return { spec, want };
  }

  const blanks = { 'requests.partial.research': '', 'requests.new.total': '—', 'appeals.suit_direct.pending': '/', 'active.penalty.decisions': '' };

  it.each(['2019', '2021'] as TemplateFormat[])('HTML page with rowspan/colspan, format %s', async (format) => {
    const { spec, want } = distinctSpec(format, blanks);
    const r = await parse('distinct.html', Buffer.from(buildHtml(spec)));
    expect(r.format).toBe(format);
    expect(values(r.cells)).toEqual(want);
    expect(r.agency.region?.code).toBe('360926201');
  });

  it.each(['2019', '2021'] as TemplateFormat[])('DOCX with merged cells, format %s', async (format) => {
    const { spec, want } = distinctSpec(format, blanks);
    const r = await parse('distinct.docx', await buildDocx(spec));
    expect(r.format).toBe(format);
    expect(values(r.cells)).toEqual(want);
  });
});
