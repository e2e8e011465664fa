import { parseReport, type ParsedReport } from '../../src/parser';

/**
 * Tables broken by PDF → Markdown conversion (like test/fixtures/real/shanghai-office-2025.md): cells pulled out of
 * their rows as loose text, labels displaced or split, rows printed without their label. Values are placed by the
 * template's row order and the form's notes, or left out with a warning — never given to a neighbour.
 */
const TITLE = '上海市人民政府办公厅2025年政府信息公开工作年度报告\n一、总体情况\n本年度持续推进政务公开。\n';

const ACTIVE = `二、主动公开政府信息情况
第二十条第（一）项
12
（其中修订 5 件）
47
（含自然失效 18 件）
第二十条第（五）项
信息内容本年处理决定数量
行政许可 7
第二十条第（六）项
信息内容本年处理决定数量
行政处罚 3
行政强制 2
第二十条第（八）项
信息内容本年收费金额（单位：万元）
行政事业性收费 0
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 9 | 143 |
|---|---|---|
| 行政规范性文件 | 31 | 276 |
`;

const requests = (confirmRow: boolean) => `
三、收到和处理政府信息公开申请情况
| 一、本年新收政府信息公开申请数量 | 346 | 18 | 0 | 0 | 5 | 0 | 369 |
|---|---|---|---|---|---|---|---|
| 二、上年结转政府信息公开申请数量 | 21 | 2 | 0 | 0 | 0 | 0 | 23 |
| （一）予以公开 | 97 | 4 | 0 | 0 | 1 | 0 | 102 |
5.要求行政机关确认或重新出具
已获取信息
1.申请人无正当理由逾期不补正、
开申请
| 3.补正后申请内容仍不明确 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |
|---|---|---|---|---|---|---|---|
| 1.信访举报投诉类申请 | 13 | 1 | 0 | 0 | 0 | 0 | 14 |
| 2.重复申请 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |
| （五）不 | 3.要求提供公开出版物 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 予处理 | 4.无正当理由大量反复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
${confirmRow ? '| 4 | 0 | 0 | 0 | 1 | 0 | 5 |\n|---|---|---|---|---|---|---|' : ''}
| 行政机关不再处理其政府信息公 | 27 | 3 | 0 | 0 | 2 | 0 | 32 |
|---|---|---|---|---|---|---|---|

（六）其
2.申请人逾期未按收费通知要求
他处理
| 缴纳费用、 | 行政机关不再处理其政 | 11 | 0 | 0 | 0 | 0 | 0 | 11 |
|---|---|---|---|---|---|---|---|---|
| 3.其他 | 58 | 2 | 0 | 0 | 0 | 0 | 60 |
`;

const APPEALS = `
四、政府信息公开行政复议、行政诉讼情况
行政复议行政诉讼
未经复议直接起诉复议后起诉
| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |
|---|---|---|---|---|---|
| 17 | 2 | 6 | 3 | 28 | 4 | 0 | 5 | 9 | 18 | 7 | 1 | 2 | 3 | 13 |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|

六、其他需要报告的事项
本年度未收取信息公开处理费。
`;

const parse = (text: string) => parseReport({ fileName: 'broken.md', content: Buffer.from(text) });
const values = (r: ParsedReport, prefix: string, cols: string[]) => cols.map((c) => r.cells.find((x) => x.key === `${prefix}.${c}`)?.value);
const REQUEST_COLS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
const DOC_COLS = ['issued', 'repealed', 'in_force'];

describe('a 表二 whose annotated cells float above the table', () => {
  it('puts each floating value back in the column its note names, in row order', async () => {
    const r = await parse(TITLE + ACTIVE + requests(true) + APPEALS);
    expect(values(r, 'active.regulations', DOC_COLS)).toEqual([9, 12, 143]);
    expect(values(r, 'active.normative_docs', DOC_COLS)).toEqual([31, 47, 276]);
    expect(values(r, 'active.penalty', ['decisions'])).toEqual([3]);
  });

  it('leaves the short rows out with a warning when no note names the column', async () => {
    const r = await parse(TITLE + ACTIVE.replace('（含自然失效 18 件）', '（其中市级 18 件）') + requests(true) + APPEALS);
    for (const key of ['active.regulations.issued', 'active.regulations.repealed', 'active.normative_docs.in_force']) {
      expect(r.cells.some((c) => c.key === key)).toBe(false);
      expect(r.warnings.some((w) => w.key === key && w.code === 'short_row')).toBe(true);
    }
  });
});

describe('a 表三 with displaced labels and rows printed without their label', () => {
  it('reads the rows a loose label points past, and gives unlabelled rows to the rows skipped, in order', async () => {
    const r = await parse(TITLE + ACTIVE + requests(true) + APPEALS);
    expect(values(r, 'requests.unable.unclear', REQUEST_COLS)).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(values(r, 'requests.rejected.publication', REQUEST_COLS)).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(values(r, 'requests.rejected.confirm', REQUEST_COLS)).toEqual([4, 0, 0, 0, 1, 0, 5]);
    expect(values(r, 'requests.other.overdue_correction', REQUEST_COLS)).toEqual([27, 3, 0, 0, 2, 0, 32]);
    expect(values(r, 'requests.other.overdue_fee', REQUEST_COLS)).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(values(r, 'requests.other.other', REQUEST_COLS)).toEqual([58, 2, 0, 0, 0, 0, 60]);
  });

  it('gives unlabelled values to no row when they do not fill the rows skipped exactly', async () => {
    const r = await parse(TITLE + ACTIVE + requests(false) + APPEALS);
    for (const row of ['rejected.confirm', 'other.overdue_correction']) {
      expect(values(r, `requests.${row}`, REQUEST_COLS)).toEqual(REQUEST_COLS.map(() => undefined));
      expect(r.warnings.some((w) => w.key === `requests.${row}.total` && w.code === 'cell_missing')).toBe(true);
    }
    expect(r.warnings.some((w) => w.code === 'unknown_row' && w.message.includes('行政机关不再处理其政府信息公'))).toBe(true);
    expect(values(r, 'requests.other.overdue_fee', REQUEST_COLS)).toEqual([11, 0, 0, 0, 0, 0, 11]);
  });
});

it('reads 表四 whose header kept 6 cells over a 15-cell value row', async () => {
  const r = await parse(TITLE + ACTIVE + requests(true) + APPEALS);
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  expect(values(r, 'appeals.review', cols)).toEqual([17, 2, 6, 3, 28]);
  expect(values(r, 'appeals.suit_direct', cols)).toEqual([4, 0, 5, 9, 18]);
  expect(values(r, 'appeals.suit_after_review', cols)).toEqual([7, 1, 2, 3, 13]);
});

describe('a 表三 whose row labels are stacked as loose text above their value rows (PDF → Markdown)', () => {
  // 3 labels printed one after another (the first interleaved with its group label 「（四）无法提供」), then their
  // three value rows without labels, a lone page number, and the next labelled row.
  const stacked = (rows: string[]) => `
三、收到和处理政府信息公开申请情况
| 一、本年新收政府信息公开申请数量 | 346 | 18 | 0 | 0 | 5 | 0 | 369 |
|---|---|---|---|---|---|---|---|
| 二、上年结转政府信息公开申请数量 | 21 | 2 | 0 | 0 | 0 | 0 | 23 |
| （一）予以公开 | 97 | 4 | 0 | 0 | 1 | 0 | 102 |
| 8.属于行政查询事项 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |

（四）无1.本机关不掌握相关政
法提供府信息
2.没有现成信息需要另
行制作
3.补正后申请内容仍不
明确
${rows.join('\n|---|---|---|---|---|---|---|\n')}
|---|---|---|---|---|---|---|
7
| 1.信访举报投诉类申请 | 13 | 1 | 0 | 0 | 0 | 0 | 14 |
| 2.重复申请 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |
`;
  const ROWS = ['| 41 | 2 | 0 | 0 | 0 | 0 | 43 |', '| 9 | 0 | 3 | 0 | 0 | 0 | 12 |', '| 5 | 1 | 0 | 0 | 0 | 0 | 6 |'];

  it('gives the value rows to the stacked rows by template order, and a lone number to none', async () => {
    const r = await parse(TITLE + ACTIVE + stacked(ROWS) + APPEALS);
    expect(values(r, 'requests.unable.not_held', REQUEST_COLS)).toEqual([41, 2, 0, 0, 0, 0, 43]);
    expect(values(r, 'requests.unable.need_creation', REQUEST_COLS)).toEqual([9, 0, 3, 0, 0, 0, 12]);
    expect(values(r, 'requests.unable.unclear', REQUEST_COLS)).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(values(r, 'requests.rejected.petition', REQUEST_COLS)).toEqual([13, 1, 0, 0, 0, 0, 14]);
    expect(r.warnings.some((w) => w.code === 'stray_value' && w.message.includes('「7」'))).toBe(true);
  });

  it('leaves the stacked rows out, never shifted, when the value rows do not match them one for one', async () => {
    const r = await parse(TITLE + ACTIVE + stacked(ROWS.slice(0, 2)) + APPEALS);
    for (const row of ['not_held', 'need_creation', 'unclear']) {
      expect(values(r, `requests.unable.${row}`, REQUEST_COLS)).toEqual(REQUEST_COLS.map(() => undefined));
    }
    expect(values(r, 'requests.rejected.petition', REQUEST_COLS)).toEqual([13, 1, 0, 0, 0, 0, 14]);
  });
});

it('reads 表四 printed as one small table per row under Markdown headings, by the row each heading names', async () => {
  const block = (title: string, row: string) => `### ${title}\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n${row}\n`;
  const appeals = `\n## 四、政府信息公开行政复议、行政诉讼情况\n\n${block('行政诉讼（复议后起诉）', '| 8 | 2 | 1 | 4 | 15 |')}\n${block('行政复议', '| 27 | 10 | 9 | 14 | 60 |')}\n${block('行政诉讼（未经复议直接起诉）', '| 3 | 5 | 6 | 7 | 21 |')}\n## 五、存在的主要问题及改进情况\n无。\n## 六、其他需要报告的事项\n无。\n`;
  const r = await parse(TITLE + ACTIVE + requests(true) + appeals);
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  expect(values(r, 'appeals.review', cols)).toEqual([27, 10, 9, 14, 60]);
  expect(values(r, 'appeals.suit_direct', cols)).toEqual([3, 5, 6, 7, 21]);
  expect(values(r, 'appeals.suit_after_review', cols)).toEqual([8, 2, 1, 4, 15]);
  expect(r.sections.map((s) => s.title)).toContain('四、政府信息公开行政复议、行政诉讼情况');
});
