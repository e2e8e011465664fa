import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { ParsedReport, ReportHints } from '../parser/types';
import { IngestError } from './errors';
import type { PreparedReport, StoreOptions, StoreResult } from './types';
import { poolOf } from '../db/pool';
import { INSERT_REGIONS, regionColumns, upsertAgencies, upsertReports, replaceChildren, writeReports } from './writes';
import type { Sql } from './types';
import { agencyIdentity, clip } from './rows';

export { IngestError };
export type { PreparedReport, SourceOrigin, StoreOptions, StoreResult, StoreStatus } from './types';

/** Why a parsed report cannot be stored, or null when it can. */
export function rejectionReason(parsed: ParsedReport): string | null {
  if (!parsed.year || !Number.isInteger(parsed.year)) return 'no statistics year found in the report (expected e.g. 「2020年度」 in the title)';
  if (!parsed.agency || (!parsed.agency.name?.trim() && !parsed.agency.fullName?.trim())) {
    return 'no issuing agency found in the report (expected e.g. 「白土镇人民政府」 in the title or text)';
  }
  return null;
}

/**
 * Stores one report in ONE transaction: regions along the agency's path, the agency, the verbatim source, then the
 * current report of (agency, year) with its sections, cells and checks (replacing the previous ones) — the same
 * statements as a batch, with one report. Concurrency: unique indexes + ON CONFLICT do the arbitration. The same bytes
 * stored by another process first make this call `unchanged` (and nothing is written); two different files for one
 * (agency, year) serialise on the report row (last one wins, both stay as history).
 */
export async function storePrepared(dataSource: DataSource, r: PreparedReport, options: StoreOptions = {}): Promise<StoreResult> {
  const reason = rejectionReason(r.parsed);
  if (reason) throw new IngestError(r.fileName, reason);
  return storeAll(dataSource, [r], options).then(([result]) => result);
}

/**
 * Reports distinct by bytes and by (agency, year), in one transaction; rolled back when all are `unchanged`, so that
 * ingesting known files writes nothing (not even the agency upsert).
 */
export async function storeAll(dataSource: DataSource, reports: PreparedReport[], options: StoreOptions = {}): Promise<StoreResult[]> {
  if (options.bulk) await ensureRegions(dataSource, reports, options);
  return inTransaction(dataSource, reports[0].fileName, async (q) => {
    const results = await writeReports(q, reports);
    return { rollback: results.every((x) => x.status === 'unchanged'), result: results };
  }, options);
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
  return inTransaction(dataSource, r.fileName, async (q) => {
    const agencyIds = await upsertAgencies(q, [r]);
    const agencyId = agencyIds.get(clip(agencyIdentity(r.parsed), 200))!;
    await q.query(`UPDATE report_sources SET agency_id = $2, year = $3 WHERE id = $1`, [sourceId, agencyId, r.parsed.year]);
    const moved = await q.query<{ id: string }>(
      `SELECT id FROM reports WHERE id = $1 AND (agency_id <> $2 OR year <> $3)`,
      [oldReportId, agencyId, r.parsed.year],
    );
    if (moved.length) await q.query(`DELETE FROM reports WHERE id = $1`, [oldReportId]);
    const upserted = await upsertReports(q, [r], agencyIds, new Map([[r.sha256, sourceId]]));
    await replaceChildren(q, [r], agencyIds, upserted);
    return { rollback: false, result: upserted.get(r.sha256)!.id };
  });
}

/**
 * The regions along the reports' paths, committed on their own before the report transaction. Regions are the
 * gazetteer (code, name, parent), not report data: the resolvers fall back to the bundled division data for a code
 * the table lacks, so a region row left by a report that then fails changes no answer. Inserted inside the report
 * transaction, a new county shared by the reports of two concurrent writers made the second wait for the first
 * one's COMMIT (files come sorted by region code, so neighbouring batches nearly always share one): the writers
 * took turns. Committed first, the insert inside the transaction finds every code present and never waits.
 * Bulk ingest only: a single document keeps its regions inside its one transaction.
 */
async function ensureRegions(dataSource: DataSource, reports: PreparedReport[], options: StoreOptions): Promise<void> {
  await inTransaction(dataSource, reports[0].fileName, async (q) => {
    await q.query(INSERT_REGIONS, regionColumns(reports));
    return { rollback: false, result: undefined };
  }, options);
}

/** Runs `work` in one transaction on a pooled connection; any failure rolls back and becomes an IngestError. */
export async function inTransaction<T>(
  dataSource: DataSource,
  fileName: string,
  work: (q: Sql) => Promise<{ rollback: boolean; result: T }>,
  options: StoreOptions = {},
): Promise<T> {
  // The pg pool under TypeORM: a report is a handful of statements, TypeORM's per-query machinery would only add cost.
  const client: PoolClient = await poolOf(dataSource).connect();
  let broken = false;
  try {
    await client.query(options.bulk ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN');
    const outcome = await work(sqlOf(client));
    await client.query(outcome.rollback ? 'ROLLBACK' : 'COMMIT');
    return outcome.result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    if (e instanceof IngestError) throw e;
    const code = (e as { code?: unknown }).code;
    throw new IngestError(fileName, `the database refused the report: ${(e as Error).message}`, typeof code === 'string' ? code : undefined);
  } finally {
    client.release(broken);
  }
}

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

/**
 * Deletes a report with its sections, cells and checks, the stored sources of its (agency, year) — otherwise
 * ingesting the same file again would be a no-op and the report could never come back — and its agency when no other
 * report or source is left to it. False when there is none.
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
    const agency = rows[0].agency_id;
    await m.query(`DELETE FROM report_sources WHERE agency_id = $1 AND year = $2`, [agency, rows[0].year]);
    // An agency left without reports would still be a name the bot offers (「白土镇人民政府」 beside 白土镇). The lock
    // waits for an ingest of that agency under way; the next statement's snapshot then sees what it stored.
    await m.query(`SELECT id FROM agencies WHERE id = $1 FOR UPDATE`, [agency]);
    await m.query(
      `DELETE FROM agencies a WHERE a.id = $1
         AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM report_sources s WHERE s.agency_id = a.id)`,
      [agency],
    );
    return true;
  });
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

