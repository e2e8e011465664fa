import type { AgencyRecord } from './agencies';
import {
  agencyLabel, agencyOf, metricOf, readValue, regionLabel, rowPart, sharedPrefix, type AnswerContext, type CellRef, type Outcome,
} from './answers';
import type { Draft, MetricPart } from './draft';
import { formatValue } from './format';
import type { ReportNode } from './graph';
import { labelForms, SAY, type MetricInfo, type MetricVocabulary } from './vocabulary';

/**
 * Answers computed from several printed cells, every one of them stated and cited: the applicant columns of a row
 * ranked (「哪类申请人最多」), a share of a whole (「予以公开占比」) and a ratio of two values (「是去年的几倍」).
 * The bot never prints a share or a ratio without the two numbers and the formula it came from.
 */

/** The applicant columns of 表三 (总计 aside), in the form's order. */
export const APPLICANT_COLUMNS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org'];

/** 表三 rows that are not outcomes of handling: a share of them has no implied whole. */
const FLOW_ROWS = new Set(['requests.new', 'requests.carried_over', 'requests.total', 'requests.carried_forward']);
const HANDLED_TOTAL = 'requests.total';

// ------------------------------------------------------------------ 哪类申请人最多

interface Ranked {
  m: MetricInfo;
  value: number | null;
  raw: string | null;
}

/** 「东华门街道2021年哪类申请人最多」: the row's applicant columns of the one report, or added up over the reports in scope. */
export async function answerApplicants(ctx: AnswerContext, d: Draft): Promise<Outcome> {
  const rowKey = d.rows[0];
  const metrics = APPLICANT_COLUMNS.map((col) => ctx.vocab.metric(`${rowKey}.${col}`) ? metricOf(ctx, { ...d, rows: [rowKey], colId: col }) : null)
    .filter((m): m is MetricInfo => m !== null);
  if (metrics.length === 0) return { status: 'no_data', text: `「${rowLabelOf(ctx.vocab, rowKey)}」这一行没有按申请人分列。`, answered: d };
  const year = d.years[0];
  if (d.agencies.length > 0) {
    const agency = agencyOf(ctx, d.agencies[0][0]);
    const found = await ctx.graph.reportCells(agency.id, year, metrics.map((m) => m.key));
    const name = agencyLabel(ctx, agency);
    if (!found) {
      const have = (await ctx.graph.agencyReports(agency.id)).map((r) => r.year);
      return { status: 'no_data', text: SAY.noReport(name, year, have), answered: d };
    }
    const ranked = metrics.map((m) => {
      const cell = found.cells.find((c) => c.key === m.key);
      return { m, value: cell?.value ?? null, raw: cell ? cell.raw : null };
    });
    if (ranked.every((r) => r.value === null)) return { status: 'no_data', text: `${name}${year}年报告的表格里没有填写按申请人分列的「${metrics[0].rowLabel}」。`, answered: d };
    const cite = `来源：《${found.report.title}》${tableOf(ctx, metrics[0])}，「${metrics[0].rowLabel}」行${ranked.map((r) => `「${r.m.colLabel}」列（原文：${r.raw ?? '缺'}）`).join('、')}`;
    return rankedText(`${name}${year}年`, d, ranked, cite, ranked.map((r) => ({ reportId: found.report.id, key: r.m.key })));
  }
  const region = d.region[0] ?? null;
  const ranked: Ranked[] = [];
  let count = 0;
  for (const m of metrics) {
    const row = await ctx.graph.aggregate(m.key, year ?? null, region);
    count = Math.max(count, row?.count ?? 0);
    ranked.push({ m, value: row && row.count > 0 ? row.sum : null, raw: null });
  }
  const scope = `${region ? regionLabel(ctx, region) : '全部报告'}${year ? `${year}年` : ''}`;
  if (count === 0) return { status: 'no_data', text: `没有找到${scope}「${metrics[0].rowLabel}」的数据。`, answered: d };
  const cite = `来源：${count}份报告${tableOf(ctx, metrics[0])}，「${metrics[0].rowLabel}」行各申请人列（按申请人汇总）`;
  return rankedText(scope, d, ranked, cite, []);
}

function rankedText(who: string, d: Draft, ranked: Ranked[], cite: string, cells: CellRef[]): Outcome {
  if (d.applicants === 'list') {
    const unit = ranked[0].m.unit;
    const lines = ranked.map((r) => `${r.m.colLabel}：${formatValue(r.value, unit)}`).join('\n');
    return { status: 'answered', text: `${who}「${ranked[0].m.rowLabel}」按申请人分：\n${lines}\n${cite}`, cells, answered: d };
  }
  const sign = d.order === 'desc' ? -1 : 1;
  // the form's order among equals; a blank cell last
  const valued = ranked.filter((r) => r.value !== null).sort((a, b) => sign * ((a.value ?? 0) - (b.value ?? 0)));
  const sorted = [...valued, ...ranked.filter((r) => r.value === null)];
  const best = valued[0];
  const tie = valued.filter((r) => r.value === best.value);
  const word = d.order === 'desc' ? '最多' : '最少';
  const unit = best.m.unit;
  const head = tie.length > 1
    ? `${who}「${best.m.rowLabel}」按申请人分，${word}的有${tie.length}类并列：${tie.map((r) => r.m.colLabel).join('、')}，均为${formatValue(best.value, unit)}`
    : `${who}「${best.m.rowLabel}」按申请人分，${word}的是${best.m.colLabel}：${formatValue(best.value, unit)}`;
  const lines = sorted.map((r, i) => `${i + 1}. ${r.m.colLabel} ${formatValue(r.value, unit)}`).join('\n');
  return { status: 'answered', text: `${head}。\n${lines}\n${cite}`, cells, answered: d };
}

// ------------------------------------------------------------------ 占比 and 几倍

/** What one side of a ratio read: its value (a sum for 「不予公开」), label, cited cells. */
interface PartValue {
  label: string;
  value: number | null;
  unit: string;
  report: ReportNode;
  /** The table and the cell it was read from. */
  cites: Cite[];
  /** The value as said (a sum with its parts: 「2件（未经复议直接起诉0件 + 复议后起诉2件）」). */
  shown: string;
  cells: CellRef[];
}

/** The whole a part is a share of, when the form implies one (else null: the question must name it). */
export function impliedWhole(vocab: MetricVocabulary, part: MetricPart): MetricPart | null {
  const col = part.colId ?? 'total';
  // 「行政诉讼纠错率」: the summed rows' column of their totals
  if (part.sum) {
    if (col !== 'total') return { ...part, colId: 'total' };
    return part.rows.every((r) => r.startsWith('requests.') && !FLOW_ROWS.has(r)) ? { rows: [HANDLED_TOTAL], colId: 'total' } : null;
  }
  const row = part.rows[0];
  // 「自然人申请占比」, 「复议纠错占比」: the column of the row's 总计
  if (col !== 'total') return vocab.metric(`${row}.total`) ? { rows: [row], colId: 'total' } : null;
  // 「予以公开占比」: of every request handled (办理结果 · 总计)
  return row.startsWith('requests.') && !FLOW_ROWS.has(row) ? { rows: [HANDLED_TOTAL], colId: 'total' } : null;
}

/** Read one side of a ratio from the agency's report of `year`; a text when it cannot be read. */
async function readPart(ctx: AnswerContext, d: Draft, agency: AgencyRecord, year: number, part: MetricPart): Promise<PartValue | string> {
  const metrics = part.rows.map((rowKey) => metricOf(ctx, { ...d, rows: [rowKey], colId: part.colId ?? 'total' }));
  let total: number | null = 0;
  let unit = metrics[0].unit;
  let report: ReportNode | null = null;
  const cites: Cite[] = [];
  const items: string[] = [];
  for (const m of metrics) {
    const r = await readValue(ctx, agency, year, m);
    if (r.kind === 'none') return r.text;
    report = r.report;
    unit = r.unit;
    total = total === null || r.value === null ? null : total + r.value;
    cites.push({ table: tableOf(ctx, m), cell: `「${m.rowLabel}」行「${m.colLabel}」列（原文：${r.raw || '空白'}）` });
    items.push(`${rowPart(m.rowLabel)}${formatValue(r.value, r.unit)}`);
  }
  const rowLabel = metrics.length > 1 ? sharedPrefix(metrics.map((m) => m.rowLabel), part.sumWord ?? metrics.map((m) => m.rowLabel).join('+')) : metrics[0].rowLabel;
  // 「三（七）总计」 is printed as 「总计」: said as officials say it
  const label = metrics[0].key === `${HANDLED_TOTAL}.total` ? '办理结果总计' : `${rowLabel} · ${metrics[0].colLabel}`;
  const shown = metrics.length > 1 ? `${formatValue(total, unit)}（${items.join(' + ')}）` : formatValue(total, unit);
  const read = report as ReportNode;
  return { label, value: total, unit, report: read, shown, cites, cells: metrics.map((m) => ({ reportId: read.id, key: m.key })) };
}

/** 0.571… → 「57.1%」. */
function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

function times(x: number): string {
  return `${Math.round(x * 100) / 100}`;
}

interface Cite {
  table: string;
  cell: string;
}

/** 「来源：《…》表三 …，「予以公开」行「总计」列（原文：4）、「总计」行「总计」列（原文：8）」: per report, per table. */
function sources(parts: PartValue[]): string {
  const byReport = new Map<string, { title: string; tables: Map<string, string[]> }>();
  for (const p of parts) {
    const entry = byReport.get(p.report.id) ?? { title: p.report.title, tables: new Map<string, string[]>() };
    for (const c of p.cites) {
      const cells = entry.tables.get(c.table) ?? [];
      if (!cells.includes(c.cell)) cells.push(c.cell);
      entry.tables.set(c.table, cells);
    }
    byReport.set(p.report.id, entry);
  }
  const said = [...byReport.values()].map((e) => `《${e.title}》${[...e.tables].map(([table, cells]) => `${table}，${cells.join('、')}`).join('；')}`);
  return `来源：${said.join('；')}`;
}

/** 「予以公开占办理结果总计的比例」: part ÷ whole of one report, both numbers and the formula stated. */
export async function answerShare(ctx: AnswerContext, d: Draft, part: MetricPart, whole: MetricPart): Promise<Outcome> {
  const agency = agencyOf(ctx, d.agencies[0][0]);
  const year = d.years[0];
  const name = `${agencyLabel(ctx, agency)}${year}年`;
  const a = await readPart(ctx, d, agency, year, part);
  if (typeof a === 'string') return { status: 'no_data', text: a, answered: d };
  const b = await readPart(ctx, d, agency, year, whole);
  if (typeof b === 'string') return { status: 'no_data', text: b, answered: d };
  if (a.unit !== b.unit) return { status: 'refused', text: SAY.noRatio, answered: d };
  if (a.value === null || b.value === null || b.value === 0) {
    return { status: 'no_data', text: `${SAY.ratioZero(b.label)}\n${name}「${a.label}」：${a.shown}，「${b.label}」：${b.shown}\n${sources([a, b])}`, cells: [...a.cells, ...b.cells], answered: d };
  }
  const text = `${name}「${a.label}」占「${b.label}」的比例：${percent(a.value / b.value)}（${formatValue(a.value, a.unit)} ÷ ${formatValue(b.value, b.unit)}）\n`
    + `其中「${a.label}」：${a.shown}；「${b.label}」：${b.shown}\n${sources([a, b])}`;
  return { status: 'answered', text, cells: [...a.cells, ...b.cells], answered: d };
}

export interface RatioSide {
  /** 「东华门街道2021年」. */
  who: string;
  agency: AgencyRecord;
  year: number;
  part: MetricPart;
}

/** 「今年申请数是去年的几倍」, 「新收申请是予以公开的几倍」: the first value ÷ the second. */
export async function answerTimes(ctx: AnswerContext, d: Draft, sides: [RatioSide, RatioSide], asPercent = false): Promise<Outcome> {
  const read: PartValue[] = [];
  for (const s of sides) {
    const r = await readPart(ctx, d, s.agency, s.year, s.part);
    if (typeof r === 'string') return { status: 'no_data', text: r, answered: d };
    read.push(r);
  }
  const [a, b] = read;
  const [sa, sb] = sides;
  if (a.unit !== b.unit) return { status: 'refused', text: SAY.noRatio, answered: d };
  const left = `${sa.who}「${a.label}」`;
  const right = `${sb.who === sa.who ? '' : sb.who}${a.label === b.label ? '' : `「${b.label}」`}`;
  const values = `${sa.who}「${a.label}」：${a.shown}；${sb.who}「${b.label}」：${b.shown}`;
  if (a.value === null || b.value === null || b.value === 0) {
    return { status: 'no_data', text: `${SAY.ratioZero(`${sb.who}${b.label}`)}\n${values}\n${sources(read)}`, cells: [...a.cells, ...b.cells], answered: d };
  }
  const ratio = a.value / b.value;
  const exact = Math.round(ratio * 100) / 100 === ratio;
  const division = `${formatValue(a.value, a.unit)} ÷ ${formatValue(b.value, b.unit)}`;
  const said = asPercent ? `${left}是${right}的${percent(ratio)}（${division}）` : `${left}是${right}的${times(ratio)}倍（${division} ${exact ? '=' : '≈'} ${times(ratio)}）`;
  const text = `${said}\n${values}\n${sources(read)}`;
  return { status: 'answered', text, cells: [...a.cells, ...b.cells], answered: d };
}

function tableOf(ctx: AnswerContext, m: MetricInfo): string {
  return ctx.tableLabels.get(m.key.split('.')[0]) ?? '';
}

function rowLabelOf(vocab: MetricVocabulary, rowKey: string): string {
  const row = vocab.rows.get(rowKey);
  return row ? (labelForms(row.rowLabel)[0] ?? row.rowLabel) : rowKey;
}
