import { parseReport, type ParsedReport } from '../../src/parser';

/**
 * Tables laid out by spaces (a PDF page rebuilt as text, `pdftotext -layout`) where blank cells print nothing: each
 * value belongs to the column whose header stands above it, never to the next free column (issue 10: the printed
 * 沭阳县发展和改革局 and 上海市人民政府办公厅 pages read 总计 as 商业企业), and wrapped labels keep their values.
 */

/** Display width: ideographs and full-width forms take two columns, as the PDF layout renders them. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

/** A line with each text placed at its display column. */
function line(...parts: [number, string][]): string {
  let out = '';
  for (const [col, text] of parts) out += ' '.repeat(Math.max(1, col - width(out))) + text;
  return out;
}

// Column starts of 表三: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
const C = [44, 50, 56, 62, 70, 78, 84];
const row = (label: string, values: (number | null)[]) => line([2, label], ...values.flatMap((v, i): [number, string][] => (v === null ? [] : [[C[i], String(v)]])));
// Column starts of 表四's fifteen columns (三 groups of 结果维持, 结果纠正, 其他结果, 尚未审结, 总计).
const A = [2, 9, 15, 22, 28, 34, 41, 47, 54, 60, 66, 73, 79, 86, 92];

function report(): string {
  const lines = [
    '某某县发展和改革局2023年政府信息公开工作年度报告',
    '一、总体情况',
    '  2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。',
    '二、主动公开政府信息情况',
    line([2, '第二十条第（一）项']),
    line([2, '信息内容'], [30, '本年制发件数'], [46, '本年废止件数'], [62, '现行有效件数']),
    line([2, '规章'], [34, '0'], [50, '0'], [66, '0']),
    line([2, '行政规范性文件'], [34, '12'], [50, '3'], [66, '41']),
    line([2, '第二十条第（五）项']),
    line([2, '信息内容'], [30, '本年处理决定数量']),
    line([2, '行政许可'], [34, '388']),
    line([2, '第二十条第（六）项']),
    line([2, '信息内容'], [30, '本年处理决定数量']),
    line([2, '行政处罚'], [34, '27']),
    line([2, '行政强制'], [34, '6']),
    line([2, '第二十条第（八）项']),
    line([2, '信息内容'], [30, '本年收费金额（单位：万元）']),
    line([2, '行政事业性收费'], [34, '0']),
    '三、收到和处理政府信息公开申请情况',
    line([44, '申请人情况']),
    line([2, '（本列数据的勾稽关系为：'], [44, '自然'], [50, '法人或其他组织'], [84, '总']),
    line([2, '第一项加第二项之和，等于'], [50, '商业'], [56, '科研'], [62, '社会公'], [70, '法律服'], [78, '其']),
    line([2, '第三项加第四项之和）'], [44, '人'], [50, '企业'], [56, '机构'], [62, '益组织'], [70, '务机构'], [78, '他'], [84, '计']),
    row('一、本年新收政府信息公开申请数量', [15, 2, null, null, 1, null, 18]),
    row('二、上年结转政府信息公开申请数量', [4, null, null, null, null, null, 4]),
    row('三、本年度办理结果 （一）予以公开', [9, 1, null, null, null, null, 10]),
    row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [2, null, null, null, 1, null, 3]),
    row('（三）不予公开 1.属于国家秘密', [5, null, null, null, null, null, 5]),
    row('2.其他法律行政法规禁止公开', [null, null, null, null, null, null, null]),
    row('（四）无法提供 1.本机关不掌握相关政府信息', [3, null, null, null, null, null, 3]),
    // A narrow label column wraps the label around its values; the end alone (「内容仍不明确」) also names the row.
    line([2, '3.补正后申请']),
    row('', [1, null, null, null, null, null, 1]),
    line([2, '内容仍不明确']),
    row('（五）不予处理 1.信访举报投诉类申请', [2, null, null, null, null, null, 2]),
    row('（七）总计', [16, 1, null, null, 1, null, 18]),
    row('四、结转下年度继续办理', [3, 1, null, null, null, null, 4]),
    '四、政府信息公开行政复议、行政诉讼情况',
    line([2, '行政复议'], [34, '行政诉讼']),
    line([34, '未经复议直接起诉'], [66, '复议后起诉']),
    line(...A.map((c, i): [number, string] => [c, ['结果', '结果', '其他', '尚未', '总'][i % 5]])),
    line(...A.map((c, i): [number, string] => [c, ['维持', '纠正', '结果', '审结', '计'][i % 5]])),
    line([A[0], '2'], [A[3], '1'], [A[4], '3'], [A[7], '4'], [A[9], '4']),
    '五、存在的主要问题及改进情况',
    '  无。',
  ];
  return lines.join('\n');
}

async function parse(text: string): Promise<ParsedReport> {
  return parseReport({ fileName: 'aligned.txt', content: Buffer.from(text, 'utf8') });
}

const cell = (r: ParsedReport, key: string) => r.cells.find((c) => c.key === key)?.value;

describe('space-aligned tables with blank cells', () => {
  it('puts each value of a short 表三 row under its column header; the columns between are blank', async () => {
    const r = await parse(report());
    expect(['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'].map((c) => cell(r, `requests.new.${c}`)))
      .toEqual([15, 2, null, null, 1, null, 18]);
    expect(cell(r, 'requests.carried_over.natural_person')).toBe(4);
    expect(cell(r, 'requests.carried_over.commercial')).toBeNull();
    expect(cell(r, 'requests.carried_over.total')).toBe(4);
    expect(cell(r, 'requests.partial.legal_service')).toBe(1);
    expect(cell(r, 'requests.partial.total')).toBe(3);
    expect(cell(r, 'requests.denied.state_secret.total')).toBe(5);
    expect(cell(r, 'requests.total.total')).toBe(18);
    expect(cell(r, 'requests.carried_forward.commercial')).toBe(1);
    expect(cell(r, 'requests.carried_forward.total')).toBe(4);
  });

  it('a row label with no values at all is a row of blank cells', async () => {
    const r = await parse(report());
    const row = r.cells.filter((c) => c.key.startsWith('requests.denied.law_forbidden.'));
    expect(row).toHaveLength(7);
    expect(row.every((c) => c.value === null)).toBe(true);
  });

  it('a label wrapped around its values keeps them, even when its end alone names the row', async () => {
    const r = await parse(report());
    expect(cell(r, 'requests.unable.unclear.natural_person')).toBe(1);
    expect(cell(r, 'requests.unable.unclear.total')).toBe(1);
    expect(cell(r, 'requests.rejected.petition.natural_person')).toBe(2);
    expect(cell(r, 'requests.rejected.petition.total')).toBe(2);
  });

  it('a 部分公开 label wrapped so that a line ends 「不计其他」 keeps its values (it is not row 3.其他)', async () => {
    const wrapped = report().replace(
      row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [2, null, null, null, 1, null, 3]),
      [line([2, '（二）部分公开（区分处理']), row('的，只计这一情形，不计其他', [2, null, null, null, 1, null, 3]), line([2, '情形）'])].join('\n'),
    );
    expect(wrapped).toContain('不计其他 ');
    const r = await parse(wrapped);
    expect(['natural_person', 'legal_service', 'total'].map((c) => cell(r, `requests.partial.${c}`))).toEqual([2, 1, 3]);
    expect(r.cells.filter((c) => c.key.startsWith('requests.other.other.') && c.value !== null)).toEqual([]);
  });

  it('a value standing between two headers is not read (column_unclear), never read into the next free column', async () => {
    const between = report().replace(row('二、上年结转政府信息公开申请数量', [4, null, null, null, null, null, 4]), line([2, '二、上年结转政府信息公开申请数量'], [C[0], '4'], [68, '6'], [C[6], '10']));
    const r = await parse(between);
    expect(r.cells.filter((c) => c.key.startsWith('requests.carried_over.') && c.value !== null)).toEqual([]);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'column_unclear' }));
    expect(cell(r, 'requests.new.total')).toBe(18);
  });

  it('places 表四 values by column too: blank 结果纠正 and 其他结果 stay blank, the 未经复议直接起诉 values land in their group', async () => {
    const r = await parse(report());
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => cell(r, `appeals.review.${c}`))).toEqual([2, null, null, 1, 3]);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => cell(r, `appeals.suit_direct.${c}`))).toEqual([null, null, 4, null, 4]);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => cell(r, `appeals.suit_after_review.${c}`))).toEqual([null, null, null, null, null]);
  });
});
