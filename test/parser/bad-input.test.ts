import { parseReport, ReportParseError, keysFor, type ParsedReport } from '../../src/parser';
import * as iconv from 'iconv-lite';
import { sampleText } from './support/samples';
import { pdfLayout } from './support/variants';

const parse = (fileName: string, content: Buffer | string) => parseReport({ fileName, content });

/** The parse must fail with a ReportParseError whose reason matches — nothing else may escape. */
async function rejection(content: Buffer | string, reason: RegExp): Promise<ReportParseError> {
  let caught: unknown;
  try {
    await parse('bad.file', content);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ReportParseError);
  const err = caught as ReportParseError;
  expect(err.fileName).toBe('bad.file');
  expect(err.reason).toMatch(reason);
  expect(err.message).not.toMatch(/\n\s+at /);
  return err;
}

/** Small deterministic PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BAITU = sampleText('baitu-2020.txt');
const codes = (r: ParsedReport) => r.warnings.map((w) => w.code);

describe('inputs that are not annual reports give a specific ReportParseError', () => {
  it('empty file', () => rejection(Buffer.alloc(0), /empty/));
  it('whitespace only', () => rejection(Buffer.from(' \n\t\r\n  '), /empty/));
  it('PNG image', () => rejection(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /PNG image/));
  it('JPEG image', () => rejection(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), /JPEG/));
  it('ZIP archive that is not a DOCX', () => rejection(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('\x14\x00\x00\x00notes.txt hello')]), /ZIP archive but not a DOCX/));
  it('corrupt DOCX', () => rejection(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('garbage word/document.xml garbage')]), /DOCX could not be read/));
  it('PDF cut off before its end', () => rejection(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), /PDF is truncated/));
  it('legacy .doc', () => rejection(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /legacy Word/));
  it('random binary bytes', () => {
    const rnd = prng(42);
    const bytes = Buffer.alloc(4096, 0);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
    bytes[0] = 0x01; // no known magic number
    return rejection(bytes, /binary data/);
  });
  it('HTML page without a report', () =>
    rejection(Buffer.from('<!DOCTYPE html><html><head><title>首页</title></head><body><nav>首页 &gt; 新闻</nav><h1>欢迎访问</h1><p>今日新闻</p><table><tr><td>1</td><td>2</td></tr></table></body></html>'), /no annual report title/));
  it('plain prose that is not a report', () => rejection('今天天气很好。\n我们去公园散步。\n', /no annual report title/));
  it('neither a report title nor any standard table', () => rejection('一、总体情况\n本单位今年工作顺利。\n', /not an annual report/));
  it('a file over the size limit (50 MB) is refused before any work', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x30);
    await rejection(big, /too large/);
  });
});

describe('damaged reports parse with warnings, never invented cells', () => {
  let base: ParsedReport;
  beforeAll(async () => {
    base = await parse('baitu-2020.txt', BAITU);
  });

  it('a report cut off in the middle of 表三 keeps what it shows and names every missing cell', async () => {
    const lines = BAITU.split('\n');
    const cut = lines.findIndex((l) => l.includes('5、属于第三类内部事务信息'));
    const r = await parse('cut.txt', lines.slice(0, cut + 3).join('\n'));
    expect(r.format).toBe('2019');
    const baseValues = new Map(base.cells.map((c) => [c.key, c.value]));
    for (const c of r.cells) expect(c.value).toBe(baseValues.get(c.key));
    expect(r.cells.filter((c) => c.table === 'active')).toHaveLength(22);
    expect(r.cells.some((c) => c.table === 'appeals')).toBe(false);
    const missing = r.warnings.filter((w) => w.code === 'cell_missing').map((w) => w.key);
    expect(missing).toHaveLength(198 - r.cells.length);
    expect(missing).toContain('requests.denied.internal.total');
    expect(missing).toContain('appeals.review.total');
    expect(codes(r)).toContain('table_not_found');
    // Each missing cell says where: its row's label line, else its table's first line.
    const where = (key: string) => r.warnings.find((w) => w.key === key)?.line;
    expect(r.cells.find((c) => c.key === 'requests.denied.internal.commercial')?.value).toBe(0);
    expect(where('requests.denied.internal.total')).toBe(cut + 1);
    expect(where('requests.denied.process.total')).toBe(lines.findIndex((l) => l.startsWith('三、收到和处理')) + 2);
    expect(where('appeals.review.total')).toBeUndefined();
    // A rule that needs a missing cell is undecided, not failed.
    expect(r.checks.filter((c) => c.passed === false)).toEqual([]);
    expect(r.checks.some((c) => c.passed === null)).toBe(true);
  });

  it('a report with 表三 removed keeps 表二 and 表四 and reports 表三 missing', async () => {
    const lines = BAITU.split('\n');
    const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
    const to = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const r = await parse('no-table3.txt', [...lines.slice(0, from), ...lines.slice(to)].join('\n'));
    expect(r.cells.filter((c) => c.table === 'requests')).toEqual([]);
    expect(r.cells.filter((c) => c.table === 'active')).toHaveLength(22);
    expect(r.cells.filter((c) => c.table === 'appeals')).toHaveLength(15);
    expect(r.warnings.filter((w) => w.code === 'cell_missing')).toHaveLength(161);
    expect(r.warnings.find((w) => w.code === 'table_not_found')?.message).toContain('表三');
  });

  it('a deliberately wrong number fails the checks and stays as written', async () => {
    const lines = BAITU.split('\n');
    const totalRow = lines.findIndex((l) => l.includes('（七）总计'));
    expect(lines[totalRow + 1]).toBe('\t1');
    lines[totalRow + 1] = '\t2';
    const r = await parse('wrong.txt', lines.join('\n'));
    const cell = r.cells.find((c) => c.key === 'requests.total.natural_person');
    expect(cell).toMatchObject({ value: 2, raw: '2', line: totalRow + 2 });
    const failed = r.checks.filter((c) => c.passed === false);
    expect(failed.map((c) => `${c.rule}:${c.scope}`).sort()).toEqual(
      ['requests.applicants:total', 'requests.balance:natural_person', 'requests.outcomes:natural_person'],
    );
    for (const f of failed) expect(f.keys).toContain(f.rule === 'requests.applicants' ? 'requests.total.total' : 'requests.total.natural_person');
    const balance = failed.find((c) => c.rule === 'requests.balance')!;
    expect([balance.left, balance.right]).toEqual([1, 2]);
    expect(r.warnings.filter((w) => w.code === 'check_failed')).toHaveLength(3);
  });

  it('a number written in words is read and flagged', async () => {
    const r = await parse('words.txt', BAITU.replace('\t10\n', '\t十\n'));
    expect(r.cells.find((c) => c.key === 'active.procurement.projects')).toMatchObject({ value: 10, raw: '十' });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'number_in_words', key: 'active.procurement.projects' })]);
  });

  it('blank, 「/」, 「—」 and 「无」 cells are null, not 0, and the checks count them as 0', async () => {
    const lines = BAITU.split('\n');
    const at = (label: string, offset: number) => lines.findIndex((l) => l.includes(label)) + offset;
    lines[at('\t规章', 1)] = '\t/';
    lines[at('\t规范性文件', 2)] = '\t—';
    lines[at('\t行政许可', 3)] = '\t无';
    lines[at('二、上年结转', 4)] = '\t';
    const r = await parse('nulls.txt', lines.join('\n'));
    const get = (k: string) => r.cells.find((c) => c.key === k);
    expect(get('active.regulations.made')).toMatchObject({ value: null, raw: '/' });
    expect(get('active.normative_docs.published')).toMatchObject({ value: null, raw: '—' });
    expect(get('active.licensing.decisions')).toMatchObject({ value: null, raw: '无' });
    expect(get('requests.carried_over.social_org')).toMatchObject({ value: null, raw: '' });
    expect(r.cells).toHaveLength(198);
    expect(r.checks.filter((c) => c.passed !== true)).toEqual([]);
  });

  it('blank cells that end 表四\'s value row in one block are null cells, not trailing noise', async () => {
    const lines = BAITU.split('\n');
    const first = lines.findIndex((l, i) => l === '\t0' && lines[i - 1] === '' && lines[i - 2]?.startsWith('\t总计'));
    for (let i = first + 10; i < first + 15; i++) lines[i] = '\t';
    const r = await parse('appeals-blank.txt', lines.join('\n'));
    const row = ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => r.cells.find((x) => x.key === `appeals.suit_after_review.${c}`));
    expect(row.map((c) => c && { value: c.value, raw: c.raw })).toEqual(Array(5).fill({ value: null, raw: '' }));
    expect(codes(r)).not.toContain('cell_missing');
  });

  it('money in 万元 is converted to 元 on the decimal string', async () => {
    const r = await parse('wan.txt', BAITU.replace('\t115838元', '\t11.5838万元'));
    expect(r.cells.find((c) => c.key === 'active.procurement.amount')?.value).toBe(115838);
    const g = await parse('fees.txt', sampleText('gangkou-2021.txt').replace(/(行政事业性收费\n)\t0/, '$1\t0.37'));
    expect(g.cells.find((c) => c.key === 'active.fees.amount')).toMatchObject({ value: 3700, unit: '元', raw: '0.37' });
  });

  it('a count written with its measure word (「10笔」, 「3份」) is a count (the glued web layout: real-extra/pingtan-finance-2020)', async () => {
    const r = await parse('bi.txt', BAITU.replace('\t政府集中采购\n\t10\n', '\t政府集中采购\n\t10笔\n'));
    expect(r.cells.find((c) => c.key === 'active.procurement.projects')).toMatchObject({ value: 10, raw: '10笔' });
    expect(r.cells.find((c) => c.key === 'active.procurement.amount')?.value).toBe(115838);
  });

  it('a header in 万元 scales bare numbers; a 2021 fee header in 元 does not', async () => {
    const r = await parse('wan-header.txt', BAITU.replace('\t采购总金额', '\t采购总金额（万元）').replace('\t115838元', '\t11.5838'));
    expect(r.cells.find((c) => c.key === 'active.procurement.amount')).toMatchObject({ value: 115838, raw: '11.5838' });
    const g = sampleText('gangkou-2021.txt').replace('本年收费金额（单位：万元）', '本年收费金额（单位：元）').replace(/(行政事业性收费\n)\t0/, '$1\t370');
    const fees = (await parse('yuan.txt', g)).cells.find((c) => c.key === 'active.fees.amount');
    expect(fees).toMatchObject({ value: 370, unit: '元' });
  });

  it('signed changes keep their sign', async () => {
    const lines = BAITU.split('\n');
    const row = lines.findIndex((l) => l === '\t行政许可');
    lines[row + 1] = '\t190';
    lines[row + 2] = '\t-185';
    const other = lines.findIndex((l) => l === '\t行政处罚');
    lines[other + 2] = '\t+5';
    const r = await parse('signs.txt', lines.join('\n'));
    expect(r.cells.find((c) => c.key === 'active.licensing.change')?.value).toBe(-185);
    expect(r.cells.find((c) => c.key === 'active.penalty.change')?.value).toBe(5);
  });

  it('a file far larger than a report but under the limit finishes (no quadratic path)', async () => {
    const big = BAITU.repeat(Math.ceil((8 * 1024 * 1024) / Buffer.byteLength(BAITU)));
    const r = await parse('big.txt', Buffer.from(big));
    expect(r.cells).toHaveLength(198);
  });
});

describe('reports without tables and agencies above township level', () => {
  it('a pre-2019 report has no format, no cells and says so', async () => {
    const text = [
      '沭阳县人民政府2017年政府信息公开工作年度报告',
      '本报告由概述、主动公开政府信息情况、依申请公开政府信息情况等部分组成。',
      '一、概述',
      '2017年，我县认真贯彻落实《中华人民共和国政府信息公开条例》。',
      '二、主动公开政府信息情况',
      '全年共主动公开政府信息3521条。',
      '三、依申请公开政府信息情况',
      '全年共受理政府信息公开申请12件，均已按时答复。',
    ].join('\n');
    const r = await parse('old.txt', text);
    expect(r.format).toBeNull();
    expect(r.cells).toEqual([]);
    expect(r.checks).toEqual([]);
    expect(codes(r)).toEqual(['no_tables']);
    expect(r.year).toBe(2017);
    expect(r.agency).toMatchObject({ name: '沭阳县', fullName: '沭阳县人民政府' });
    expect(r.agency.region).toMatchObject({ code: '321322', level: 'county' });
  });

  it('a county department resolves to its county', async () => {
    const r = await parse('dept.txt', '丰城市教育局2020年政府信息公开工作年度报告\n一、总体情况\n无。\n');
    expect(r.agency.name).toBe('丰城市教育局');
    expect(r.agency.region?.code).toBe('360981');
  });

  it('a township whose name repeats and no context: no guess, candidates and a warning', async () => {
    const r = await parse('ambiguous.txt', '白土镇2020年政府信息公开工作年度报告\n一、总体情况\n无。\n');
    expect(r.agency.region).toBeNull();
    expect(r.agency.regionCandidates.map((c) => c.code).sort()).toEqual(
      ['130427107', '341322116', '360981101', '410324110', '440205108', '441204113', '500101157'],
    );
    expect(codes(r)).toContain('region_ambiguous');
  });

  it('甘河子镇 without 乌苏市 in the text stays ambiguous; with 阜康市 it resolves there', async () => {
    const bare = await parse('g.txt', '甘河子镇2020年政府信息公开工作年度报告\n一、总体情况\n无。\n');
    expect(bare.agency.region).toBeNull();
    const fukang = await parse('g.txt', '甘河子镇2020年政府信息公开工作年度报告\n依托阜康市政府网站公开。\n');
    expect(fukang.agency.region?.code).toBe('652302100');
  });

  it('keys are always from the catalog of the detected format', async () => {
    const r = await parse('gangkou.txt', sampleText('gangkou-2021.txt'));
    const allowed = new Set(keysFor('2021'));
    for (const c of r.cells) expect(allowed.has(c.key)).toBe(true);
  });
});

describe('less common layouts', () => {
  it('表四 printed with row labels (「行政复议 0 0 0 0 0」) is read by label', async () => {
    const lines = BAITU.split('\n');
    const from = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const to = lines.findIndex((l) => l.startsWith('五、存在的主要问题'));
    const table4 = ['四、政府信息公开行政复议、行政诉讼情况', '', '| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '| 行政复议 | 1 | 2 | 3 | 4 | 10 |', '| 行政诉讼（未经复议直接起诉） | 0 | 1 | 0 | 0 | 1 |', '| 行政诉讼（复议后起诉） | 2 | 0 | 0 | 1 | 3 |', ''];
    const r = await parse('labelled.txt', [...lines.slice(0, from), ...table4, ...lines.slice(to)].join('\n'));
    const get = (k: string) => r.cells.find((c) => c.key === k)?.value;
    expect([get('appeals.review.upheld'), get('appeals.review.pending'), get('appeals.review.total')]).toEqual([1, 4, 10]);
    expect([get('appeals.suit_direct.corrected'), get('appeals.suit_direct.total')]).toEqual([1, 1]);
    expect([get('appeals.suit_after_review.upheld'), get('appeals.suit_after_review.total')]).toEqual([2, 3]);
    expect(r.checks.filter((c) => c.passed !== true)).toEqual([]);
  });

  it('a report missing 表二 still has its format told from 表三 (and says so)', async () => {
    const lines = BAITU.split('\n');
    const from = lines.findIndex((l) => l.startsWith('二、主动公开政府信息情况'));
    const to = lines.findIndex((l) => l.startsWith('三、收到和处理'));
    const r = await parse('no-table2.txt', [...lines.slice(0, from), ...lines.slice(to)].join('\n'));
    expect(r.format).toBe('2019');
    expect(codes(r)).toContain('format_inferred');
    expect(r.cells.filter((c) => c.table === 'requests')).toHaveLength(161);
    expect(r.warnings.filter((w) => w.code === 'cell_missing')).toHaveLength(22);
  });
});

describe('web page variants', () => {
  const report = (html: string) => parse('page.html', Buffer.from(html));

  it('an article wrapped in a layout table keeps its paragraphs, headings and data tables', async () => {
    const page = sampleText('baitu-2020.html');
    const wrapped = page.replace('<div class="content" id="zoom">', '<table width="100%"><tr><td class="layout"><div class="content" id="zoom">')
      .replace('</div>\n</div>\n<div class="footer">', '</div></td></tr></table>\n</div>\n<div class="footer">');
    expect(wrapped).toContain('<td class="layout">');
    const r = await report(wrapped);
    expect(r.cells).toHaveLength(198);
    expect(r.sections.map((s) => s.kind)).toEqual(['overview', 'active', 'requests', 'appeals', 'problems', 'other']);
    expect(r.cells.find((c) => c.key === 'active.procurement.amount')?.value).toBe(115838);
  });

  it('the publication date may come from <meta name="PubDate">', async () => {
    const page = sampleText('baitu-2020.html')
      .replace('<meta charset="utf-8"/>', '<meta charset="utf-8"/><meta name="PubDate" content="2021-02-03 09:00">')
      .replace(/发布时间:2021-01-20 10:15 /, '');
    const r = await report(page);
    expect(r.publishedAt).toBe('2021-02-03');
  });

  it('a GBK-encoded page without a charset declaration', async () => {
    const page = sampleText('baitu-2020.html').replace('<meta charset="utf-8"/>', '');
    const r = await parse('gbk.html', iconv.encode(page, 'gbk'));
    expect(r.cells).toHaveLength(198);
    expect(r.agency.region?.code).toBe('360981101');
  });
});

describe('agency not where expected', () => {
  it('a title without an agency, and nothing else naming one: kept, agency empty, agency_missing', async () => {
    const r = await parse('none.txt', '2020年政府信息公开工作年度报告\n一、总体情况\n无。\n');
    expect(r.year).toBe(2020);
    expect(r.agency).toMatchObject({ name: '', fullName: '', region: null });
    expect(codes(r)).toEqual(['agency_missing', 'no_tables']);
  });

  it('a title starting with the year', async () => {
    const r = await parse('y.txt', '2020年丰城市白土镇政府信息公开工作年度报告\n一、总体情况\n无。\n');
    expect(r.agency.name).toBe('白土镇');
    expect(r.agency.region?.code).toBe('360981101');
  });

  it('no agency in the title: the signature names it', async () => {
    const text = sampleText('zhangjiachan-2020.txt').replace('威海市文登区张家产镇\n2020年度政府信息公开工作报告', '2020年度政府信息公开工作报告');
    const r = await parse('sig.txt', text);
    expect(r.title).toBe('2020年度政府信息公开工作报告');
    expect(r.agency.name).toBe('张家产镇');
    expect(r.agency.region?.code).toBe('371003102');
    expect(r.cells).toHaveLength(198);
  });
});

describe('rows the template does not have', () => {
  it('an extra row in 表二 is one unknown_row warning, its values are not stored', async () => {
    const text = BAITU.replace('\t规范性文件\n', '\t其他文件（自定义）\n\t7\n\t8\n\t9\n\n\t规范性文件\n');
    const r = await parse('extra-row.txt', text);
    expect(r.cells).toHaveLength(198);
    expect(r.cells.some((c) => c.value === 7 || c.value === 8 || c.value === 9)).toBe(false);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'unknown_row', message: expect.stringContaining('其他文件（自定义）') })]);
  });
});

describe('title and heading spellings', () => {
  it('「…年度报告（全文）」 is a title and 「一、概述」 an overview heading', async () => {
    const text = BAITU.replace('白土镇2020年政府信息公开工作年度报告', '白土镇2020年政府信息公开工作年度报告（全文）').replace('一、总体情况', '一、概述');
    const r = await parse('t.txt', text);
    expect(r.title).toBe('白土镇2020年政府信息公开工作年度报告（全文）');
    expect(r.sections.map((s) => s.kind)).toEqual(['overview', 'active', 'requests', 'appeals', 'problems', 'other']);
    expect(r.sections[0].title).toBe('一、概述');
  });
});

describe('converted PDF page furniture', () => {
  it('page numbers and form feeds between table rows are not read as cells', async () => {
    const pdf = pdfLayout(BAITU);
    const lines = pdf.split('\n');
    const at = lines.findIndex((l) => l.includes('4、保护第三方合法权益'));
    lines.splice(at, 0, '', '                         - 3 -', '\f', '                     第 4 页 共 9 页', '');
    const r = await parse('pdf.txt', lines.join('\n'));
    const base = await parse('baitu.txt', BAITU);
    expect(Object.fromEntries(r.cells.map((c) => [c.key, c.value]))).toEqual(Object.fromEntries(base.cells.map((c) => [c.key, c.value])));
    expect(r.warnings).toEqual([]);
  });
});

describe('runaway tables', () => {
  it('millions of value lines after a table heading are cut short with a warning, not read into memory', async () => {
    const lines = BAITU.split('\n');
    const at = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const flood = '\t0\n'.repeat(3_000_000);
    const text = [...lines.slice(0, at + 1), flood, ...lines.slice(at + 1)].join('\n');
    const r = await parse('flood.txt', Buffer.from(text));
    expect(r.warnings.map((w) => w.code)).toContain('table_too_long');
    expect(r.cells.filter((c) => c.table === 'appeals')).toHaveLength(15);
  });
});

describe('dates and years in Chinese numerals', () => {
  it('「二〇二〇年」 in the title and 「二〇二一年一月二十九日」 under the signature', async () => {
    const text = sampleText('zhangjiachan-2020.txt')
      .replace('2020年度政府信息公开工作报告', '二〇二〇年度政府信息公开工作报告')
      .replace(/2021年1月29日\s*$/, '二〇二一年一月二十九日\n');
    const r = await parse('cn.txt', text);
    expect(r.title).toBe('威海市文登区张家产镇二〇二〇年度政府信息公开工作报告');
    expect(r.year).toBe(2020);
    expect(r.publishedAt).toBe('2021-01-29');
    expect(r.cells).toHaveLength(198);
  });

  it('an impossible date is no date', async () => {
    const r = await parse('bad-date.txt', `${BAITU}\n2021年13月45日\n`);
    expect(r.publishedAt).toBeNull();
  });
});
