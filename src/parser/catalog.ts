/**
 * The canonical cell keys of the three standard tables (spec: docs/cells.md).
 * This catalog is the single source of truth for the parser, the database, the GraphQL
 * `metrics` field and the bot's vocabulary; nothing else spells a key by hand. It holds the printed labels and the
 * rules that match them only: the words people use for a cell are the bot's (src/bot/aliases.ts) and the names the
 * API accepts for a key are the graph's (src/resolvers/metricAliases.ts).
 */

export type TemplateFormat = '2019' | '2021';
export type TableId = 'active' | 'requests' | 'appeals';
export type CellUnit = '件' | '项' | '元';

export interface RowDef {
  /** Row part of the key, e.g. `denied.state_secret`. */
  id: string;
  /** Label as printed on the form. */
  label: string;
  /** Which template formats have this row. */
  formats: readonly TemplateFormat[];
  /** Patterns that recognise the printed label (whitespace removed, brackets normalised); tested in template order. */
  match: RegExp;
}

export interface ColDef {
  id: string;
  label: string;
  unit: CellUnit;
}

export interface MetricDef {
  key: string;
  table: TableId;
  row: string;
  col: string;
  /** Full Chinese label, e.g. 「政府集中采购 · 采购总金额」. */
  label: string;
  rowLabel: string;
  colLabel: string;
  unit: CellUnit;
  formats: readonly TemplateFormat[];
}

export const TABLE_LABELS: Record<TableId, string> = {
  active: '表二 主动公开政府信息情况',
  requests: '表三 收到和处理政府信息公开申请情况',
  appeals: '表四 政府信息公开行政复议、行政诉讼情况',
};

const BOTH: readonly TemplateFormat[] = ['2019', '2021'];
const ONLY_2019: readonly TemplateFormat[] = ['2019'];
const ONLY_2021: readonly TemplateFormat[] = ['2021'];

// ---------------------------------------------------------------- 表二 active
const DOC_COLS_2019: ColDef[] = [
  { id: 'made', label: '本年新制作数量', unit: '件' },
  { id: 'published', label: '本年新公开数量', unit: '件' },
  { id: 'total_public', label: '对外公开总数量', unit: '件' },
];
const DOC_COLS_2021: ColDef[] = [
  { id: 'issued', label: '本年制发件数', unit: '件' },
  { id: 'repealed', label: '本年废止件数', unit: '件' },
  { id: 'in_force', label: '现行有效件数', unit: '件' },
];
const ITEM_COLS_2019: ColDef[] = [
  { id: 'prev_count', label: '上一年项目数量', unit: '项' },
  { id: 'change', label: '本年增/减', unit: '项' },
  { id: 'decisions', label: '处理决定数量', unit: '件' },
];
const DECISIONS_2021: ColDef = { id: 'decisions', label: '本年处理决定数量', unit: '件' };

interface ActiveRowDef extends RowDef {
  cols: Partial<Record<TemplateFormat, readonly ColDef[]>>;
}

export const ACTIVE_ROWS: readonly ActiveRowDef[] = [
  {
    id: 'regulations', label: '规章', formats: BOTH, match: /规章$/,
    cols: { '2019': DOC_COLS_2019, '2021': DOC_COLS_2021 },
  },
  {
    id: 'normative_docs', label: '规范性文件', formats: BOTH, match: /规范性文件$/,
    cols: { '2019': DOC_COLS_2019, '2021': DOC_COLS_2021 },
  },
  {
    id: 'licensing', label: '行政许可', formats: BOTH, match: /行政许可$/,
    cols: { '2019': ITEM_COLS_2019, '2021': [DECISIONS_2021] },
  },
  {
    id: 'other_services', label: '其他对外管理服务事项', formats: ONLY_2019, match: /其他对外管理服务事项$/,
    cols: { '2019': ITEM_COLS_2019 },
  },
  {
    id: 'penalty', label: '行政处罚', formats: BOTH, match: /行政处罚$/,
    cols: { '2019': ITEM_COLS_2019, '2021': [DECISIONS_2021] },
  },
  {
    id: 'coercion', label: '行政强制', formats: BOTH, match: /行政强制$/,
    cols: { '2019': ITEM_COLS_2019, '2021': [DECISIONS_2021] },
  },
  {
    id: 'fees', label: '行政事业性收费', formats: BOTH, match: /行政事业性收费$/,
    cols: {
      '2019': ITEM_COLS_2019.slice(0, 2),
      '2021': [{ id: 'amount', label: '本年收费金额（单位：万元）', unit: '元' }],
    },
  },
  {
    id: 'procurement', label: '政府集中采购', formats: ONLY_2019, match: /政府集中采购$/,
    cols: {
      '2019': [
        { id: 'projects', label: '采购项目数量', unit: '项' },
        { id: 'amount', label: '采购总金额', unit: '元' },
      ],
    },
  },
];

// ---------------------------------------------------------------- 表三 requests
export const REQUEST_COLS: readonly ColDef[] = [
  { id: 'natural_person', label: '自然人', unit: '件' },
  { id: 'commercial', label: '商业企业', unit: '件' },
  { id: 'research', label: '科研机构', unit: '件' },
  { id: 'social_org', label: '社会公益组织', unit: '件' },
  { id: 'legal_service', label: '法律服务机构', unit: '件' },
  { id: 'other_org', label: '其他', unit: '件' },
  { id: 'total', label: '总计', unit: '件' },
];

export const REQUEST_ROWS: readonly RowDef[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', formats: BOTH, match: /本年新收/ },
  { id: 'carried_over', label: '二、上年结转政府信息公开申请数量', formats: BOTH, match: /上年结转/ },
  { id: 'granted', label: '三（一）予以公开', formats: BOTH, match: /(?<!不)予以公开$/ },
  { id: 'partial', label: '三（二）部分公开', formats: BOTH, match: /部分公开/ },
  { id: 'denied.state_secret', label: '三（三）1 属于国家秘密', formats: BOTH, match: /国家秘密$/ },
  { id: 'denied.law_forbidden', label: '三（三）2 其他法律行政法规禁止公开', formats: BOTH, match: /禁止公开$/ },
  { id: 'denied.three_safety', label: '三（三）3 危及“三安全一稳定”', formats: BOTH, match: /三安全一稳定/ },
  { id: 'denied.third_party', label: '三（三）4 保护第三方合法权益', formats: BOTH, match: /第三方合法权益$/ },
  { id: 'denied.internal', label: '三（三）5 属于三类内部事务信息', formats: BOTH, match: /内部事务信息$/ },
  { id: 'denied.process', label: '三（三）6 属于四类过程性信息', formats: BOTH, match: /过程性信息$/ },
  { id: 'denied.enforcement_file', label: '三（三）7 属于行政执法案卷', formats: BOTH, match: /执法案卷$/ },
  { id: 'denied.query', label: '三（三）8 属于行政查询事项', formats: BOTH, match: /查询事项$/ },
  { id: 'unable.not_held', label: '三（四）1 本机关不掌握相关政府信息', formats: BOTH, match: /不掌握相关政府信息$/ },
  { id: 'unable.need_creation', label: '三（四）2 没有现成信息需要另行制作', formats: BOTH, match: /需要另行制作$/ },
  { id: 'unable.unclear', label: '三（四）3 补正后申请内容仍不明确', formats: BOTH, match: /仍不明确$/ },
  { id: 'rejected.petition', label: '三（五）1 信访举报投诉类申请', formats: BOTH, match: /信访.*申请$/ },
  { id: 'rejected.repeat', label: '三（五）2 重复申请', formats: BOTH, match: /重复申请$/ },
  { id: 'rejected.publication', label: '三（五）3 要求提供公开出版物', formats: BOTH, match: /公开出版物$/ },
  { id: 'rejected.excessive', label: '三（五）4 无正当理由大量反复申请', formats: BOTH, match: /大量反复申请$/ },
  { id: 'rejected.confirm', label: '三（五）5 要求行政机关确认或重新出具已获取信息', formats: BOTH, match: /重新出具已获取信息$/ },
  { id: 'other', label: '三（六）其他处理', formats: ONLY_2019, match: /其他处理$/ },
  { id: 'other.overdue_correction', label: '三（六）1 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', formats: ONLY_2021, match: /逾期不补正/ },
  { id: 'other.overdue_fee', label: '三（六）2 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', formats: ONLY_2021, match: /缴纳费用|收费通知/ },
  // Only the whole label or its numbered end: 「…只计这一情形，不计其他」 (部分公开's label wrapped) is no row.
  { id: 'other.other', label: '三（六）3 其他', formats: ONLY_2021, match: /(?:^|\d[、.．]|处理|[）)])其他$/ },
  { id: 'total', label: '三（七）总计', formats: BOTH, match: /总计$/ },
  { id: 'carried_forward', label: '四、结转下年度继续办理', formats: BOTH, match: /结转下年度?继续办理$/ },
];

// ---------------------------------------------------------------- 表四 appeals
export const APPEAL_ROWS: readonly RowDef[] = [
  { id: 'review', label: '行政复议', formats: BOTH, match: /行政复议/ },
  { id: 'suit_direct', label: '行政诉讼·未经复议直接起诉', formats: BOTH, match: /未经复议直接起诉/ },
  { id: 'suit_after_review', label: '行政诉讼·复议后起诉', formats: BOTH, match: /复议后起诉/ },
];

export const APPEAL_COLS: readonly ColDef[] = [
  { id: 'upheld', label: '结果维持', unit: '件' },
  { id: 'corrected', label: '结果纠正', unit: '件' },
  { id: 'other', label: '其他结果', unit: '件' },
  { id: 'pending', label: '尚未审结', unit: '件' },
  { id: 'total', label: '总计', unit: '件' },
];

// ---------------------------------------------------------------- the flat catalog
function buildCatalog(): MetricDef[] {
  const defs = new Map<string, MetricDef>();
  const add = (table: TableId, row: RowDef, col: ColDef, format: TemplateFormat) => {
    const key = `${table}.${row.id}.${col.id}`;
    const found = defs.get(key);
    if (found) {
      if (!found.formats.includes(format)) defs.set(key, { ...found, formats: [...found.formats, format] });
      return;
    }
    defs.set(key, {
      key, table, row: row.id, col: col.id,
      label: `${row.label} · ${col.label}`, rowLabel: row.label, colLabel: col.label,
      unit: col.unit, formats: [format],
    });
  };
  for (const format of BOTH) {
    for (const row of ACTIVE_ROWS) for (const col of row.cols[format] ?? []) add('active', row, col, format);
    for (const row of REQUEST_ROWS) if (row.formats.includes(format)) for (const col of REQUEST_COLS) add('requests', row, col, format);
    for (const row of APPEAL_ROWS) for (const col of APPEAL_COLS) add('appeals', row, col, format);
  }
  return [...defs.values()];
}

export const METRICS: readonly MetricDef[] = buildCatalog();
const METRIC_BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

export function metric(key: string): MetricDef | undefined {
  return METRIC_BY_KEY.get(key);
}

/** The keys a complete report of this format has, in template order. */
export function keysFor(format: TemplateFormat): string[] {
  return METRICS.filter((m) => m.formats.includes(format)).map((m) => m.key);
}

export function activeColumns(rowId: string, format: TemplateFormat): readonly ColDef[] {
  return ACTIVE_ROWS.find((r) => r.id === rowId)?.cols[format] ?? [];
}

/** Header tokens that identify each template (spec: never decide from the year alone). */
export const FORMAT_TOKENS: Record<TemplateFormat, readonly string[]> = {
  '2019': ['本年新制作数量', '上一年项目数量', '第二十条第（九）项', '政府集中采购', '其他对外管理服务事项'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};
