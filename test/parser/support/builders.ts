/**
 * Builds report documents in the layouts government sites publish: an HTML page (chrome around the article,
 * tables with rowspan/colspan) and a DOCX (Word tables with merged cells). Used by scripts/make-samples.ts for the
 * committed samples and by the tests for variants with other values. The printed labels are the national form's.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import type { TemplateFormat } from '../../../src/parser/catalog';

export interface ReportSpec {
  format: TemplateFormat;
  title: string;
  /** Web page publication line, e.g. 「发布时间:2021-01-15 09:30 来源:丰城市 阅读次数: 字体:【大 中 小】」. */
  chrome?: string;
  intro: string[];
  /** The six section headings and their body paragraphs; tables follow headings 2, 3 and 4. */
  sections: { heading: string; paragraphs: string[] }[];
  /** Trailing lines (signature, date). */
  signature?: string[];
  /** Cell text by canonical key; a key left out prints as an empty cell. */
  cells: Record<string, string>;
}

/** One printed cell: text, spans. A null marks the place covered by a rowspan from above (DOCX needs it). */
interface Cell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}
type Row = (Cell | null)[];

const c = (text: string, colSpan?: number, rowSpan?: number): Cell => ({ text, colSpan, rowSpan });

function activeGroups(format: TemplateFormat): { header: string; cols: string[]; rows: [string, string, string[]][] }[] {
  const docCols = format === '2019' ? ['made', 'published', 'total_public'] : ['issued', 'repealed', 'in_force'];
  const docLabels = format === '2019' ? ['本年新制作数量', '本年新公开数量', '对外公开总数量'] : ['本年制发件数', '本年废止件数', '现行有效件数'];
  const itemCols = format === '2019' ? ['prev_count', 'change', 'decisions'] : ['decisions'];
  const itemLabels = format === '2019' ? ['上一年项目数量', '本年增/减', '处理决定数量'] : ['本年处理决定数量'];
  const groups = [
    { header: '第二十条第（一）项', cols: docLabels, rows: [['regulations', '规章', docCols], ['normative_docs', format === '2019' ? '规范性文件' : '行政规范性文件', docCols]] as [string, string, string[]][] },
    { header: '第二十条第（五）项', cols: itemLabels, rows: [['licensing', '行政许可', itemCols], ...(format === '2019' ? [['other_services', '其他对外管理服务事项', itemCols]] : [])] as [string, string, string[]][] },
    { header: '第二十条第（六）项', cols: itemLabels, rows: [['penalty', '行政处罚', itemCols], ['coercion', '行政强制', itemCols]] as [string, string, string[]][] },
    format === '2019'
      ? { header: '第二十条第（八）项', cols: ['上一年项目数量', '本年增/减'], rows: [['fees', '行政事业性收费', ['prev_count', 'change']]] as [string, string, string[]][] }
      : { header: '第二十条第（八）项', cols: ['本年收费金额（单位：万元）'], rows: [['fees', '行政事业性收费', ['amount']]] as [string, string, string[]][] },
  ];
  if (format === '2019') {
    groups.push({ header: '第二十条第（九）项', cols: ['采购项目数量', '采购总金额'], rows: [['procurement', '政府集中采购', ['projects', 'amount']]] });
  }
  return groups;
}

function activeTable(spec: ReportSpec): Row[] {
  const width = 4;
  const rows: Row[] = [];
  for (const g of activeGroups(spec.format)) {
    rows.push([c(g.header, width)]);
    const last = width - g.cols.length; // the last column absorbs the unused width
    rows.push([c('信息内容'), ...g.cols.map((h, i) => c(h, i === g.cols.length - 1 ? last : undefined))]);
    for (const [rowId, label, cols] of g.rows) {
      rows.push([c(label), ...cols.map((col, i) => c(spec.cells[`active.${rowId}.${col}`] ?? '', i === cols.length - 1 ? last : undefined))]);
    }
  }
  return rows;
}

const REQUEST_COL_IDS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];

function requestRows(format: TemplateFormat): { group?: string; label: string; id: string }[] {
  const rows: { group?: string; label: string; id: string }[] = [
    { label: '（一）予以公开', id: 'granted' },
    { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', id: 'partial' },
    ...['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']
      .map((label, i) => ({ group: '（三）不予公开', label, id: `denied.${['state_secret', 'law_forbidden', 'three_safety', 'third_party', 'internal', 'process', 'enforcement_file', 'query'][i]}` })),
    ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']
      .map((label, i) => ({ group: '（四）无法提供', label, id: `unable.${['not_held', 'need_creation', 'unclear'][i]}` })),
    ...['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']
      .map((label, i) => ({ group: '（五）不予处理', label, id: `rejected.${['petition', 'repeat', 'publication', 'excessive', 'confirm'][i]}` })),
  ];
  if (format === '2019') rows.push({ label: '（六）其他处理', id: 'other' });
  else {
    rows.push(
      { group: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', id: 'other.overdue_correction' },
      { group: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', id: 'other.overdue_fee' },
      { group: '（六）其他处理', label: '3.其他', id: 'other.other' },
    );
  }
  rows.push({ label: '（七）总计', id: 'total' });
  return rows;
}

function requestTable(spec: ReportSpec): Row[] {
  const values = (id: string) => REQUEST_COL_IDS.map((col) => c(spec.cells[`requests.${id}.${col}`] ?? ''));
  const rows: Row[] = [
    [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', 7)],
    [null, c('自然人', 1, 2), c('法人或其他组织', 5), c('总计', 1, 2)],
    [null, null, c('商业\n企业'), c('科研\n机构'), c('社会公益组织'), c('法律服务机构'), c('其他'), null],
    [c('一、本年新收政府信息公开申请数量', 3), ...values('new')],
    [c('二、上年结转政府信息公开申请数量', 3), ...values('carried_over')],
  ];
  const outcomes = requestRows(spec.format);
  outcomes.forEach((r, i) => {
    const first: Row = i === 0 ? [c('三、本年度办理结果', 1, outcomes.length)] : [null];
    const groupStart = r.group && (i === 0 || outcomes[i - 1].group !== r.group);
    const groupSize = r.group ? outcomes.filter((o) => o.group === r.group).length : 0;
    const label: Row = r.group ? [groupStart ? c(r.group, 1, groupSize) : null, c(r.label)] : [c(r.label, 2)];
    rows.push([...first, ...label, ...values(r.id)]);
  });
  rows.push([c('四、结转下年度继续办理', 3), ...values('carried_forward')]);
  return rows;
}

function appealTable(spec: ReportSpec): Row[] {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const values: Row = [];
  for (const row of ['review', 'suit_direct', 'suit_after_review']) {
    for (const col of ['upheld', 'corrected', 'other', 'pending', 'total']) values.push(c(spec.cells[`appeals.${row}.${col}`] ?? ''));
  }
  return [
    [c('行政复议', 5), c('行政诉讼', 10)],
    [...heads.map((h) => c(h, 1, 2)), c('未经复议直接起诉', 5), c('复议后起诉', 5)],
    [null, null, null, null, null, ...heads.map((h) => c(h)), ...heads.map((h) => c(h))],
    values,
  ];
}

function tables(spec: ReportSpec): Record<number, Row[]> {
  return { 1: activeTable(spec), 2: requestTable(spec), 3: appealTable(spec) };
}

// ------------------------------------------------------------------ HTML
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlTable(rows: Row[]): string {
  const trs = rows.map((r) => {
    const tds = r.filter((x): x is Cell => x !== null).map((x) => {
      const span = `${x.colSpan && x.colSpan > 1 ? ` colspan="${x.colSpan}"` : ''}${x.rowSpan && x.rowSpan > 1 ? ` rowspan="${x.rowSpan}"` : ''}`;
      return `<td${span} style="border:1px solid #000"><p align="center">${esc(x.text).replace(/\n/g, '<br/>') || '&nbsp;'}</p></td>`;
    });
    return `  <tr>${tds.join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n<tbody>\n${trs.join('\n')}\n</tbody>\n</table>`;
}

export function buildHtml(spec: ReportSpec): string {
  const t = tables(spec);
  const body = spec.sections.map((s, i) => [
    `<p style="text-indent:2em"><strong>${esc(s.heading)}</strong></p>`,
    ...(t[i] ? [htmlTable(t[i])] : []),
    ...s.paragraphs.map((p) => `<p style="text-indent:2em">${esc(p)}</p>`),
  ].join('\n'));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"/>
<title>${esc(spec.title)}_政府信息公开年报</title>
<style>.nav a{color:#333} table td{font-size:14px}</style>
<script>var _hmt = _hmt || []; document.write("<p>统计代码 2020年 本年新收</p>");</script>
</head>
<body>
<div class="top"><nav class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</nav></div>
<div class="article">
<h1 class="title">${esc(spec.title)}</h1>
<div class="info">${esc(spec.chrome ?? '')}</div>
<div class="content" id="zoom">
${spec.intro.map((p) => `<p style="text-indent:2em">${esc(p)}</p>`).join('\n')}
${body.join('\n')}
${(spec.signature ?? []).map((p) => `<p style="text-align:right">${esc(p)}</p>`).join('\n')}
</div>
</div>
<div class="footer"><p>主办单位：人民政府办公室 &nbsp; 网站标识码：3609810001</p><script>console.log("footer")</script></div>
</body>
</html>
`;
}

// ------------------------------------------------------------------ DOCX
function docxTable(rows: Row[]): Table {
  // Word merges vertically by a RESTART cell followed by CONTINUE cells in the rows below.
  const pendingRowSpan: { remaining: number; colSpan: number }[] = [];
  const trs = rows.map((r) => {
    const cells: TableCell[] = [];
    let col = 0;
    for (const x of r) {
      if (x === null) {
        const carried = pendingRowSpan[col];
        const colSpan = carried?.colSpan ?? 1;
        cells.push(new TableCell({ children: [new Paragraph('')], columnSpan: colSpan, verticalMerge: VerticalMergeType.CONTINUE }));
        if (carried) carried.remaining--;
        col += colSpan;
        continue;
      }
      const colSpan = x.colSpan ?? 1;
      const paragraphs = x.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
      const merged = x.rowSpan && x.rowSpan > 1;
      if (merged) pendingRowSpan[col] = { remaining: x.rowSpan! - 1, colSpan };
      cells.push(new TableCell({
        children: paragraphs,
        columnSpan: colSpan,
        verticalMerge: merged ? VerticalMergeType.RESTART : undefined,
      }));
      col += colSpan;
    }
    return new TableRow({ children: cells });
  });
  return new Table({ rows: trs, width: { size: 100, type: WidthType.PERCENTAGE } });
}

export async function buildDocx(spec: ReportSpec): Promise<Buffer> {
  const t = tables(spec);
  const children: (Paragraph | Table)[] = [new Paragraph({ children: [new TextRun({ text: spec.title, bold: true })] })];
  for (const p of spec.intro) children.push(new Paragraph(p));
  spec.sections.forEach((s, i) => {
    children.push(new Paragraph({ children: [new TextRun({ text: s.heading, bold: true })] }));
    if (t[i]) children.push(docxTable(t[i]));
    for (const p of s.paragraphs) children.push(new Paragraph(p));
  });
  for (const p of spec.signature ?? []) children.push(new Paragraph(p));
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}
