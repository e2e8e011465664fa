import { createHash } from 'node:crypto';
import type { PoolClient, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { ParsedReport } from '../parser/types';
import { IngestError } from './errors';

export { IngestError };

/** A parsed report ready to be written: everything CPU-heavy (parsing, word segmentation) is done already. */
export interface PreparedReport {
  fileName: string;
  sha256: string;
  encoding: string;
  content: Buffer;
  parsed: ParsedReport;
  /** search_words of each section, aligned with parsed.sections. */
  searchWords: string[];
  parserVersion: string;
}

export type StoreStatus = 'ingested' | 'replaced' | 'unchanged';

export interface StoreResult {
  status: StoreStatus;
  /** The current report (null when unchanged and the source is not current anymore). */
  reportId: string | null;
}

/** Why a parsed report cannot be stored, or null when it can. */
export function rejectionReason(parsed: ParsedReport): string | null {
  if (!parsed.year || !Number.isInteger(parsed.year)) return 'no statistics year found in the report (expected e.g. 「2020年度」 in the title)';
  if (!parsed.agency || (!parsed.agency.name?.trim() && !parsed.agency.fullName?.trim())) {
    return 'no issuing agency found in the report (expected e.g. 「白土镇人民政府」 in the title or text)';
  }
  return null;
}

/** `${regionCode}:${name}` when the region is known, `?:${fullName}` otherwise. */
export function agencyIdentity(parsed: ParsedReport): string {
  const a = parsed.agency;
  return a.region ? `${a.region.code}:${a.name || a.fullName}` : `?:${a.fullName || a.name}`;
}

/**
 * Stores one report in ONE transaction: regions along the agency's path, the agency, the verbatim source, then the
 * current report of (agency, year) with its sections, cells and checks (replacing the previous ones).
 * Concurrency: unique indexes + ON CONFLICT do the arbitration. The same bytes stored by another process first make
 * this call `unchanged`; two different files for one (agency, year) serialise on the report row (last one wins,
 * both stay as history).
 */
export async function storePrepared(dataSource: DataSource, r: PreparedReport): Promise<StoreResult> {
  const reason = rejectionReason(r.parsed);
  if (reason) throw new IngestError(r.fileName, reason);
  const { result } = await inTransaction(dataSource, r.fileName, async (q) => {
    const agencyId = await upsertAgency(q, r.parsed);
    const sourceId = await insertSource(q, r, agencyId);
    if (!sourceId) return { rollback: true, result: { status: 'unchanged', reportId: await currentReportOf(q, r.sha256) } };
    const { reportId, inserted } = await upsertReport(q, r, agencyId, sourceId);
    if (!inserted) await deleteChildren(q, reportId);
    await insertChildren(q, r, reportId, agencyId);
    return { rollback: false, result: { status: inserted ? 'ingested' : 'replaced', reportId } };
  });
  return result;
}

/**
 * Re-derives an existing report from its stored source (reparse): same source row, new contents.
 * When the new parse names another (agency, year), the report moves there.
 */
export async function restoreFromSource(
  dataSource: DataSource,
  r: PreparedReport,
  sourceId: string,
  oldReportId: string,
): Promise<string> {
  const reason = rejectionReason(r.parsed);
  if (reason) throw new IngestError(r.fileName, reason);
  const { result } = await inTransaction(dataSource, r.fileName, async (q) => {
    const agencyId = await upsertAgency(q, r.parsed);
    await q.query(`UPDATE report_sources SET agency_id = $2, year = $3 WHERE id = $1`, [sourceId, agencyId, r.parsed.year]);
    const moved = await q.query<{ id: string }>(
      `SELECT id FROM reports WHERE id = $1 AND (agency_id <> $2 OR year <> $3)`,
      [oldReportId, agencyId, r.parsed.year],
    );
    if (moved.length) await q.query(`DELETE FROM reports WHERE id = $1`, [oldReportId]);
    const { reportId, inserted } = await upsertReport(q, r, agencyId, sourceId);
    if (!inserted) await deleteChildren(q, reportId);
    await insertChildren(q, r, reportId, agencyId);
    return { rollback: false, result: { status: 'replaced', reportId } };
  });
  return result.reportId as string;
}

export interface TxOutcome {
  rollback: boolean;
  result: StoreResult;
}

export async function inTransaction(
  dataSource: DataSource,
  fileName: string,
  work: (q: Sql) => Promise<TxOutcome>,
): Promise<TxOutcome> {
  // The pg pool under TypeORM: a report is a handful of statements, TypeORM's per-query machinery would only add cost.
  const client: PoolClient = await (dataSource.driver as unknown as { master: Pool }).master.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const outcome = await work(sqlOf(client));
    await client.query(outcome.rollback ? 'ROLLBACK' : 'COMMIT');
    return outcome;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    if (e instanceof IngestError) throw e;
    throw new IngestError(fileName, `the database refused the report: ${(e as Error).message}`);
  } finally {
    client.release(broken);
  }
}

/** Runs one parameterised statement and returns its rows. */
export type Sql = { query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]> };

function sqlOf(client: PoolClient): Sql {
  return {
    query: async <T>(text: string, values?: unknown[]) => (await client.query({ name: statementName(text), text, values })).rows as T[],
  };
}

/**
 * Every statement here is a constant text: naming it makes pg prepare it once per connection, so PostgreSQL
 * parses and plans it once instead of once per report.
 */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `nianbao_store_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

async function upsertAgency(q: Sql, parsed: ParsedReport): Promise<string> {
  const a = parsed.agency;
  const regions = regionRows(parsed);
  const rows = await q.query<{ id: string }>(
    `WITH r AS (
       INSERT INTO regions (code, name, level, parent_code)
       SELECT code, name, level, parent_code FROM json_to_recordset($6::json)
         AS x(code varchar, name varchar, level varchar, parent_code varchar)
       ON CONFLICT (code) DO NOTHING
     )
     INSERT INTO agencies (identity, name, full_name, region_code, region_candidates)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (identity) DO UPDATE SET full_name = EXCLUDED.full_name, region_candidates = EXCLUDED.region_candidates
     RETURNING id`,
    [
      clip(agencyIdentity(parsed), 200),
      clip(a.name || a.fullName, 100),
      clip(a.fullName || a.name, 200),
      a.region?.code ?? null,
      (a.regionCandidates ?? []).map((c) => c.code),
      JSON.stringify(regions),
    ],
  );
  return rows[0].id;
}

/** Inserts the verbatim source; null when these exact bytes are already stored (by us earlier or by another process). */
async function insertSource(q: Sql, r: PreparedReport, agencyId: string): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO report_sources (sha256, file_name, encoding, content, agency_id, year)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (sha256) DO NOTHING
     RETURNING id`,
    [r.sha256, clip(r.fileName, 500), clip(r.encoding, 20), r.content, agencyId, r.parsed.year],
  );
  return rows.length ? rows[0].id : null;
}

async function currentReportOf(q: Sql, sha256: string): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `SELECT r.id FROM reports r JOIN report_sources s ON s.id = r.source_id WHERE s.sha256 = $1`,
    [sha256],
  );
  return rows.length ? rows[0].id : null;
}

async function upsertReport(
  q: Sql,
  r: PreparedReport,
  agencyId: string,
  sourceId: string,
): Promise<{ reportId: string; inserted: boolean }> {
  const v = reportValues(r);
  const rows = await q.query<{ id: string; inserted: boolean }>(
    `INSERT INTO reports (agency_id, region_code, year, format, title, published_at, source_id, parser_version, contact, warnings, missing_cells)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (agency_id, year) DO UPDATE SET
       region_code = EXCLUDED.region_code, format = EXCLUDED.format, title = EXCLUDED.title,
       published_at = EXCLUDED.published_at, source_id = EXCLUDED.source_id, parser_version = EXCLUDED.parser_version,
       contact = EXCLUDED.contact, warnings = EXCLUDED.warnings, missing_cells = EXCLUDED.missing_cells, updated_at = now()
     RETURNING id, (xmax = 0) AS inserted`,
    [agencyId, v.region_code, v.year, v.format, v.title, v.published_at, sourceId, v.parser_version, JSON.stringify(v.contact), JSON.stringify(v.warnings), v.missing_cells],
  );
  return { reportId: rows[0].id, inserted: rows[0].inserted };
}

/** The column values of a report row (without agency and source). */
export function reportValues(r: PreparedReport) {
  const p = r.parsed;
  return {
    region_code: p.agency.region?.code ?? null,
    year: p.year as number,
    format: p.format,
    title: clip(p.title || p.agency.fullName, 300),
    published_at: p.publishedAt,
    parser_version: clip(r.parserVersion, 20),
    contact: Object.fromEntries(
      Object.entries(p.contact ?? {})
        .filter(([, value]) => typeof value === 'string')
        .map(([k, value]) => [k, clean(value as string)]),
    ),
    warnings: p.warnings.map((w) => ({ code: w.code, message: clean(w.message), ...(w.line ? { line: w.line } : {}), ...(w.key ? { key: w.key } : {}) })),
    missing_cells: [...new Set(p.warnings.filter((w) => w.code === 'cell_missing' && w.key).map((w) => w.key as string))],
  };
}

/** The regions along the agency's path, parents first. */
export function regionRows(parsed: ParsedReport) {
  const a = parsed.agency;
  const path = a.region ? (a.region.path.length ? a.region.path : [a.region]) : [];
  return path.map((p, i) => ({ code: p.code, name: clip(p.name, 64), level: p.level, parent_code: i === 0 ? null : path[i - 1].code }));
}

async function deleteChildren(q: Sql, reportId: string): Promise<void> {
  await q.query(
    `WITH a AS (DELETE FROM cells WHERE report_id = $1), b AS (DELETE FROM sections WHERE report_id = $1)
     DELETE FROM checks WHERE report_id = $1`,
    [reportId],
  );
}

/**
 * Sections, cells and checks of one report in one statement: three multi-row inserts. Cells (about 200 a report)
 * come as typed arrays through unnest, which PostgreSQL reads faster than JSON; the few sections and checks as JSON.
 */
async function insertChildren(q: Sql, r: PreparedReport, reportId: string, agencyId: string): Promise<void> {
  const p = r.parsed;
  const cells = cellRows(p);
  await q.query(
    `WITH s AS (
       INSERT INTO sections (report_id, kind, ordinal, title, text, search_words)
       SELECT $1, kind, ordinal, title, text, search_words FROM json_to_recordset($2::json)
         AS x(kind varchar, ordinal smallint, title varchar, text text, search_words text)
     ), k AS (
       INSERT INTO checks (report_id, rule, scope, description, keys, passed, "left", "right")
       SELECT $1, rule, scope, description, keys, passed, "left", "right" FROM json_to_recordset($3::json)
         AS x(rule varchar, scope varchar, description text, keys text[], passed boolean, "left" numeric, "right" numeric)
     )
     INSERT INTO cells (report_id, key, table_id, row_id, col_id, raw, value, unit, line, year, region_code, agency_id)
     SELECT $1, key, table_id, row_id, col_id, raw, value, unit, line, $4, $5, $6
     FROM unnest($7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::text[], $12::numeric[], $13::varchar[], $14::int[])
       AS x(key, table_id, row_id, col_id, raw, value, unit, line)`,
    [
      reportId,
      JSON.stringify(sectionRows(r)),
      JSON.stringify(p.checks.map((c) => ({ ...c, description: clean(c.description) }))),
      p.year,
      p.agency.region?.code ?? null,
      agencyId,
      cells.map((c) => c.key),
      cells.map((c) => c.table_id),
      cells.map((c) => c.row_id),
      cells.map((c) => c.col_id),
      cells.map((c) => c.raw),
      cells.map((c) => c.value),
      cells.map((c) => c.unit),
      cells.map((c) => c.line),
    ],
  );
}

/** One row per section kind (the table has one per kind): repeated kinds are merged in order. */
export function sectionRows(r: PreparedReport) {
  const byKind = new Map<string, { kind: string; ordinal: number; title: string; text: string; search_words: string }>();
  r.parsed.sections.forEach((s, i) => {
    const words = r.searchWords[i] ?? '';
    const seen = byKind.get(s.kind);
    if (seen) {
      seen.text += `\n${clean(s.text)}`;
      seen.search_words += ` ${words}`;
    } else {
      byKind.set(s.kind, { kind: s.kind, ordinal: s.ordinal, title: clip(s.title, 200), text: clean(s.text), search_words: words });
    }
  });
  return [...byKind.values()];
}

/** One row per key (the table has one per report and key): a repeated key keeps its first occurrence. */
export function cellRows(p: ParsedReport) {
  const seen = new Set<string>();
  const rows = [];
  for (const c of p.cells) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    rows.push({
      key: c.key,
      table_id: c.table,
      row_id: c.row,
      col_id: c.col,
      raw: clean(c.raw),
      value: c.value === null || !Number.isFinite(c.value) ? null : c.value,
      unit: c.unit,
      line: c.line ?? null,
    });
  }
  return rows;
}

/** PostgreSQL text cannot hold NUL characters; they only come from broken files. */
export function clean(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
}

export function clip(s: string, max: number): string {
  const c = clean(s);
  return c.length > max ? c.slice(0, max) : c;
}

/**
 * Deletes a report with its sections, cells and checks, and the stored sources of its (agency, year) — otherwise
 * ingesting the same file again would be a no-op and the report could never come back. False when there is none.
 */
export async function deleteReport(dataSource: DataSource, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return false;
  return dataSource.transaction(async (m) => {
    // TypeORM answers a DELETE with [rows, rowCount].
    const [rows]: [{ agency_id: string; year: number }[], number] = await m.query(
      `DELETE FROM reports WHERE id = $1 RETURNING agency_id, year`,
      [id],
    );
    if (!rows.length) return false;
    await m.query(`DELETE FROM report_sources WHERE agency_id = $1 AND year = $2`, [rows[0].agency_id, rows[0].year]);
    return true;
  });
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

