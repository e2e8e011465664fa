/**
 * The text pipeline shared by every input kind: normalised lines → metadata, sections, table cells, checks.
 */
import { APPEAL_COLS, keysFor, metric, REQUEST_COLS, TABLE_LABELS, type TableId, type TemplateFormat } from './catalog';
import { alignBlankCells } from './columns';
import { ReportParseError, type ParsedCell, type ParsedReport, type ParseWarning, type ReportHints } from './types';
import { compactKey, normalizeText } from './normalize';
import { detectFormat } from './format';
import { buildSections, findHeadings, type Heading } from './sections';
import { tokenize } from './tokens';
import { activeSpecsFor, readAppeals, readLabelledTable, requestSpecs, type TableResult } from './tables';
import { runChecks } from './checks';
import { findContact, findPublishedAt, findTitle } from './metadata';
import { findAgency } from './agency';
import { readHeader } from './header';
import { chooseTitle, chooseYear, hintDate } from './reportMeta';
import { reflowLongLines, sourceLine } from './reflow';
import { resolveGlued } from './resolve';
import { formConstraints, narrativeEvidence } from './evidence';

type Region = { from: number; to: number };

const MAX_TABLE_LINES = 5000;

/** Where a table starts when its section heading is missing or garbled beyond recognition. */
const ANCHORS: Record<TableId, RegExp> = {
  active: /^(?:第二十条第|信息内容$)/,
  requests: /^(?:申请人情况|[一1][、.]?本年新收政府信息公开申请)/,
  appeals: /^行政复议$/,
};

function findAnchor(lines: readonly string[], pattern: RegExp, after: number): number {
  for (let i = after; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t !== '' && t.length <= 40 && pattern.test(compactKey(t))) return i;
  }
  return -1;
}

/** Line ranges of the three tables: from the section heading (or an anchor) to the next boundary. */
function tableRegions(lines: readonly string[], headings: readonly Heading[]): Record<TableId, Region | null> {
  const starts: Record<TableId, number> = { active: -1, requests: -1, appeals: -1 };
  let after = 0;
  for (const table of ['active', 'requests', 'appeals'] as const) {
    const h = headings.find((x) => x.kind === table);
    starts[table] = h ? h.index + 1 : findAnchor(lines, ANCHORS[table], after);
    if (starts[table] >= 0) after = starts[table];
  }
  const boundaries = [...headings.map((h) => h.index), ...Object.values(starts).filter((s) => s >= 0)].sort((a, b) => a - b);
  const region = (from: number): Region | null => {
    if (from < 0) return null;
    const to = boundaries.find((b) => b > from) ?? lines.length;
    return { from, to };
  };
  return { active: region(starts.active), requests: region(starts.requests), appeals: region(starts.appeals) };
}

interface TablesRead extends TableResult {
  /** First line of each table's region, where a cell of a row never found is reported. */
  tableLines: Map<TableId, number>;
}

function readTables(lines: readonly string[], headings: readonly Heading[], format: TemplateFormat): TablesRead {
  const regions = tableRegions(lines, headings);
  const out: TablesRead = { cells: [], warnings: [], rowLines: new Map(), tableLines: new Map(), glued: [] };
  const add = (r: TableResult) => {
    out.cells.push(...r.cells);
    out.warnings.push(...r.warnings);
    out.glued.push(...r.glued);
    for (const [k, v] of r.rowLines) out.rowLines.set(k, v);
  };
  for (const table of ['active', 'requests', 'appeals'] as const) {
    const region = regions[table];
    if (!region) {
      out.warnings.push({ code: 'table_not_found', message: `${TABLE_LABELS[table]} was not found` });
      continue;
    }
    out.tableLines.set(table, region.from + 1);
    // A real table spans a few hundred lines; a runaway region (no next heading in a huge file) is cut short.
    const to = Math.min(region.to, region.from + MAX_TABLE_LINES);
    if (to < region.to) {
      out.warnings.push({ code: 'table_too_long', message: `${TABLE_LABELS[table]} runs over ${MAX_TABLE_LINES} lines; only the first are read`, line: region.from + 1 });
    }
    const tokens = tokenize(lines, region.from, to);
    if (table === 'active') add(readLabelledTable(tokens, activeSpecsFor(format, tokens), { anyOrder: true, floatingValues: true }));
    // Column headers (自然人 … 其他, 总计) precede the rows: only the first rows may open the table.
    else if (table === 'requests') add(readLabelledTable(alignBlankCells(tokens, lines, region.from, to, REQUEST_COLS, 1, out.warnings), requestSpecs(format), { gate: 3 }));
    else add(readAppeals(alignBlankCells(tokens, lines, region.from, to, APPEAL_COLS, 3, out.warnings)));
  }
  // The narrative (the text outside the tables) may state numbers that help split glued rows.
  if (out.glued.length > 0) splitGlued(out, format, narrativeText(lines, regions));
  return out;
}

function narrativeText(lines: readonly string[], regions: Record<TableId, Region | null>): string {
  const inTable = Object.values(regions).filter((r): r is Region => r !== null);
  return lines.filter((_, i) => !inTable.some((r) => i >= r.from && i < r.to)).join('\n');
}

/** Glued runs → cells by the form's rules, with the cells read normally as known values. */
function splitGlued(read: TablesRead, format: TemplateFormat, narrative: string): void {
  const fixed = new Map<string, number>();
  for (const c of read.cells) fixed.set(c.key, c.value ?? 0);
  const resolved = resolveGlued(read.glued, fixed, formConstraints(format), narrativeEvidence(narrative, format));
  read.cells.push(...resolved.cells);
  read.warnings.push(...resolved.warnings);
}

const KEYS: Record<TemplateFormat, readonly string[]> = { '2019': keysFor('2019'), '2021': keysFor('2021') };

/** One warning per template cell the source lacks, at its row's line (or its table's) when there is one. */
function missingCells(read: TablesRead, format: TemplateFormat): ParseWarning[] {
  if (read.cells.length === KEYS[format].length) return []; // keys are unique per table walk: all present
  const found = new Set(read.cells.map((c) => c.key));
  return KEYS[format]
    .filter((k) => !found.has(k))
    .map((key) => {
      const m = metric(key)!;
      const line = read.rowLines.get(`${m.table}.${m.row}`) ?? read.tableLines.get(m.table);
      return { code: 'cell_missing', message: `no value found for ${key} (${m.label})`, key, ...(line ? { line } : {}) };
    });
}

/** Lines of the reflowed body → lines of the source (in place; the objects are this parse's own). */
function toSourceLines<T extends { line?: number }>(origin: readonly number[] | null, list: T[]): T[] {
  if (origin) for (const x of list) if (x.line !== undefined) x.line = sourceLine(origin, x.line);
  return list;
}

/**
 * @param hints what the caller knows (agency, year, title, publication date): the text wins where it says the thing,
 *   a hint fills what it lacks, and a hint that contradicts the text is a `hint_conflict` warning.
 */
/** A report without tables (before 2019) still has sections or a narrative; a title alone is no report (issue 13). */
const MIN_BODY_CHARS = 10;

function bodyLength(lines: readonly string[], titleLine: number): number {
  let n = 0;
  lines.forEach((l, i) => {
    if (i !== titleLine - 1) n += l.replace(/\s/g, '').length;
  });
  return n;
}

export function parseText(fileName: string, text: string, hints: ReportHints = {}): ParsedReport {
  const lines = normalizeText(text);
  const joined = lines.join('\n');
  const header = readHeader(lines);
  const title = findTitle(lines) ?? (header.title ? { title: header.title.text, line: header.title.line } : null);
  const agency = findAgency({ lines, title, header, text: joined, hint: hints.agency });
  const publishedAt = findPublishedAt(lines);
  const hintedDate = hintDate(hints.publishedAt);
  const year = chooseYear(title?.title ?? null, joined, hints, publishedAt ?? hintedDate);
  const warnings: ParseWarning[] = [...agency.warnings, ...year.warnings];
  // Metadata is read from the lines as they are; sections and tables from lines cut at section titles.
  const body = reflowLongLines(lines);
  const headings = findHeadings(body.lines);
  // Header tokens are rarely broken over lines: try the text as it is before building its compact copy.
  let detection = detectFormat(joined);
  if (detection.hits < 3) detection = detectFormat(compactKey(joined));
  const { format, inferred } = detection;
  if (inferred) {
    warnings.push({ code: 'format_inferred', message: `表二's header tokens are missing: format ${format} was told from 表三's rows` });
  }
  let cells: ParsedCell[] = [];
  let checks: ParsedReport['checks'] = [];
  if (format === null) {
    if (!title) {
      throw new ReportParseError(fileName, 'not an annual report: no annual report title found in the first 40 lines (expected a line like 「…2020年政府信息公开工作年度报告」) and none of the standard tables');
    }
    if (headings.length === 0 && bodyLength(lines, title.line) < MIN_BODY_CHARS) {
      throw new ReportParseError(fileName, `not an annual report: a title with no body (no section, under ${MIN_BODY_CHARS} characters of text, none of the standard tables)`, title.line);
    }
    warnings.push({ code: 'no_tables', message: 'none of the standard tables (format 2019 or 2021) is present: a report from before 2019 or not in the national template' });
  } else {
    const tables = readTables(body.lines, headings, format);
    cells = tables.cells;
    const tableWarnings = [...tables.warnings, ...missingCells(tables, format)];
    toSourceLines(body.origin, cells);
    toSourceLines(body.origin, tableWarnings);
    warnings.push(...tableWarnings);
    const checked = runChecks(cells, format);
    checks = checked.checks;
    warnings.push(...checked.warnings);
  }
  const chosen = chooseTitle(title?.title ?? null, agency.agency, year.year, hints);
  warnings.push(...chosen.warnings);
  return {
    title: chosen.title,
    year: year.year,
    format,
    publishedAt: publishedAt ?? hintedDate,
    agency: agency.agency,
    contact: findContact(joined),
    sections: toSourceLines(body.origin, buildSections(body.lines, headings)),
    cells,
    checks,
    warnings,
  };
}
