import {
  ACTIVE_ROWS, APPEAL_COLS, APPEAL_ROWS, REQUEST_COLS, REQUEST_ROWS, activeColumns, type TemplateFormat,
} from '../src/parser/catalog';
import type { CellValue } from './values';

/**
 * The three standard tables as grids of Word/HTML cells. A merged cell appears once with its span; the positions it
 * covers in later rows are `cont` placeholders, which Word's plain-text export prints as empty cells and HTML omits.
 */
export interface GridCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  cont?: boolean;
  /** A number cell (text layouts pad these with stray spaces, as real exports do). */
  numeric?: boolean;
}
export type Grid = GridCell[][];

const cont = (): GridCell => ({ text: '', cont: true });
const label = (text: string, colspan?: number, rowspan?: number): GridCell => ({ text, colspan, rowspan });

function cellOf(cells: Map<string, CellValue>, key: string): GridCell {
  const v = cells.get(key);
  if (!v) throw new Error(`generator bug: no value for ${key}`);
  return { text: v.raw, numeric: true };
}

interface ActiveGroup {
  header: string;
  rows: string[];
}

const ACTIVE_GROUPS: Record<TemplateFormat, ActiveGroup[]> = {
  '2019': [
    { header: '第二十条第（一）项', rows: ['regulations', 'normative_docs'] },
    { header: '第二十条第（五）项', rows: ['licensing', 'other_services'] },
    { header: '第二十条第（六）项', rows: ['penalty', 'coercion'] },
    { header: '第二十条第（八）项', rows: ['fees'] },
    { header: '第二十条第（九）项', rows: ['procurement'] },
  ],
  '2021': [
    { header: '第二十条第（一）项', rows: ['regulations', 'normative_docs'] },
    { header: '第二十条第（五）项', rows: ['licensing'] },
    { header: '第二十条第（六）项', rows: ['penalty', 'coercion'] },
    { header: '第二十条第（八）项', rows: ['fees'] },
  ],
};

/** 表二: four columns wide (信息内容 + up to three), one header row per group as in the national template. */
export function activeGrid(format: TemplateFormat, cells: Map<string, CellValue>): Grid {
  const grid: Grid = [];
  for (const group of ACTIVE_GROUPS[format]) {
    const cols = activeColumns(group.rows[0], format);
    const span = cols.length === 1 ? 3 : undefined;
    grid.push([label(group.header, 4)]);
    const header = [label('信息内容'), ...cols.map((c) => label(c.label, span))];
    if (cols.length === 2) header.push(label(' '));
    grid.push(header);
    for (const rowId of group.rows) {
      const row = ACTIVE_ROWS.find((r) => r.id === rowId)!;
      const printed = format === '2021' && rowId === 'normative_docs' ? '行政规范性文件' : row.label;
      const line: GridCell[] = [label(printed), ...cols.map((c) => ({ ...cellOf(cells, `active.${rowId}.${c.id}`), colspan: span }))];
      if (cols.length === 2) line.push(label(' '));
      grid.push(line);
    }
  }
  return grid;
}

/** A 表三 row label of the catalog (三（三）1 属于国家秘密) split into its group (（三）) and printed item (1.属于国家秘密). */
function splitRequestLabel(text: string): { group: string | null; item: string } {
  const m = /^三(（[一二三四五六七]）)(\d)?\s*(.*)$/.exec(text);
  if (!m) return { group: null, item: text };
  if (!m[2]) return { group: null, item: `${m[1]}${m[3]}` };
  return { group: m[1], item: `${m[2]}.${m[3]}` };
}

const REQUEST_GROUP_TITLES: Record<string, string> = {
  '（三）': '（三）不予公开',
  '（四）': '（四）无法提供',
  '（五）': '（五）不予处理',
  '（六）': '（六）其他处理',
};

/** 表三: three label columns (the outcome block nests two levels) and the seven applicant columns. */
export function requestGrid(format: TemplateFormat, cells: Map<string, CellValue>, wrapHeaders: boolean): Grid {
  const applicants = REQUEST_COLS.filter((c) => c.id !== 'total');
  const wrap = (t: string) => (wrapHeaders && t.length === 4 ? `${t.slice(0, 2)}\n${t.slice(2)}` : t);
  const grid: Grid = [
    [label('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), label('申请人情况', 7)],
    [cont(), label(applicants[0].label, undefined, 2), label('法人或其他组织', 5), label('总计', undefined, 2)],
    [cont(), cont(), ...applicants.slice(1).map((c) => label(wrap(c.label))), cont()],
  ];
  const rows = REQUEST_ROWS.filter((r) => r.formats.includes(format));
  const outcomeCount = rows.length - 3; // all but new, carried_over, carried_forward
  let outcomeIndex = 0;
  let lastGroup: string | null = null;
  for (const row of rows) {
    const values = REQUEST_COLS.map((c) => cellOf(cells, `requests.${row.id}.${c.id}`));
    if (row.id === 'new' || row.id === 'carried_over' || row.id === 'carried_forward') {
      grid.push([label(row.label, 3), ...values]);
      continue;
    }
    const first = outcomeIndex++ === 0 ? label('三、本年度办理结果', undefined, outcomeCount) : cont();
    const { group, item } = splitRequestLabel(row.label);
    const printed = row.id === 'partial' ? `${item}（区分处理的，只计这一情形，不计其他情形）` : item;
    if (!group) {
      grid.push([first, label(printed, 2), ...values]);
    } else {
      const size = rows.filter((r) => splitRequestLabel(r.label).group === group).length;
      const head = group === lastGroup ? cont() : label(REQUEST_GROUP_TITLES[group], undefined, size);
      grid.push([first, head, label(printed), ...values]);
    }
    lastGroup = group;
  }
  return grid;
}

/** 表四: 行政复议 (five columns) then 行政诉讼 split into 未经复议直接起诉 and 复议后起诉 (five columns each). */
export function appealGrid(cells: Map<string, CellValue>): Grid {
  const [review, direct, after] = APPEAL_ROWS;
  const colLabels = APPEAL_COLS.map((c) => c.label);
  return [
    [label(review.label, 5), label('行政诉讼', 10)],
    [...colLabels.map((t) => label(t, undefined, 2)), label('未经复议直接起诉', 5), label('复议后起诉', 5)],
    [...colLabels.map(() => cont()), ...colLabels.map((t) => label(t)), ...colLabels.map((t) => label(t))],
    [review, direct, after].flatMap((row) => APPEAL_COLS.map((c) => cellOf(cells, `appeals.${row.id}.${c.id}`))),
  ];
}
