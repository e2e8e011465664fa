import type { DataSource } from 'typeorm';
import type { ParsedReport, ReportHints } from '../parser/types';
import { createParsePool } from './parsePool';
import { agencyIdentity } from './rows';
import { IngestError, restoreFromSource } from './store';

export interface ReparseChange {
  reportId: string;
  file: string;
  /** Human-readable differences, e.g. 「3 cells changed, 2 added」. */
  changes: string[];
}

export interface ReparseSummary {
  total: number;
  unchanged: number;
  changed: ReparseChange[];
  failed: { file: string; reason: string }[];
}

export interface ReparseOptions {
  onProgress?: (p: { done: number; total: number; file: string }) => void;
  workers?: number;
}

interface StoredReport {
  id: string;
  source_id: string;
  file_name: string;
  sha256: string;
  content: Buffer;
  hints: ReportHints | null;
  year: number;
  format: string | null;
  identity: string;
}

const PAGE = 200;

/**
 * Re-extracts every current report from its stored source with the current parser and stores the result
 * (one transaction per report, the parser version recorded). Reports that the new parser rejects are kept as
 * they were and listed in `failed`.
 */
export async function reparseAll(dataSource: DataSource, options: ReparseOptions = {}): Promise<ReparseSummary> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM reports`);
  const summary: ReparseSummary = { total: n, unchanged: 0, changed: [], failed: [] };
  const pool = createParsePool(options.workers);
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  try {
    for (;;) {
      const page: StoredReport[] = await dataSource.query(
        `SELECT r.id, r.source_id, s.file_name, s.sha256, s.content, s.hints, r.year, r.format, a.identity
         FROM reports r JOIN report_sources s ON s.id = r.source_id JOIN agencies a ON a.id = r.agency_id
         WHERE r.id > $1 ORDER BY r.id LIMIT ${PAGE}`,
        [after],
      );
      if (!page.length) break;
      after = page[page.length - 1].id;
      await Promise.all(
        page.map(async (stored) => {
          await reparseOne(dataSource, pool, stored, summary);
          options.onProgress?.({ done: ++done, total: n, file: stored.file_name });
        }),
      );
    }
  } finally {
    await pool.close();
  }
  return summary;
}

async function reparseOne(
  dataSource: DataSource,
  pool: ReturnType<typeof createParsePool>,
  stored: StoredReport,
  summary: ReparseSummary,
): Promise<void> {
  const outcome = await pool.prepare({ fileName: stored.file_name, sha256: stored.sha256, content: stored.content, hints: stored.hints ?? undefined });
  if (!outcome.ok) {
    summary.failed.push({ file: stored.file_name, reason: outcome.reason });
    return;
  }
  const before = await cellsOf(dataSource, stored.id);
  const changes = describeChanges(stored, before, outcome.report.parsed);
  try {
    const reportId = await restoreFromSource(dataSource, outcome.report, stored.source_id, stored.id);
    if (changes.length) summary.changed.push({ reportId, file: stored.file_name, changes });
    else summary.unchanged++;
  } catch (e) {
    summary.failed.push({ file: stored.file_name, reason: e instanceof IngestError ? e.reason : (e as Error).message });
  }
}

async function cellsOf(dataSource: DataSource, reportId: string): Promise<Map<string, string>> {
  const rows: { key: string; raw: string; value: string | null }[] = await dataSource.query(
    `SELECT key, raw, value::text AS value FROM cells WHERE report_id = $1`,
    [reportId],
  );
  return new Map(rows.map((r) => [r.key, `${r.raw}\u0001${r.value === null ? '' : Number(r.value)}`]));
}

function describeChanges(stored: StoredReport, before: Map<string, string>, parsed: ParsedReport): string[] {
  const changes: string[] = [];
  if (parsed.year !== stored.year) changes.push(`year ${stored.year} → ${parsed.year}`);
  if (parsed.format !== stored.format) changes.push(`format ${stored.format ?? 'none'} → ${parsed.format ?? 'none'}`);
  const identity = agencyIdentity(parsed);
  if (identity !== stored.identity) changes.push(`agency ${stored.identity} → ${identity}`);
  let added = 0;
  let altered = 0;
  const after = new Set<string>();
  for (const c of parsed.cells) {
    if (after.has(c.key)) continue;
    after.add(c.key);
    const old = before.get(c.key);
    if (old === undefined) added++;
    else if (old !== `${c.raw.replace(/\u0000/g, '')}\u0001${c.value === null || !Number.isFinite(c.value) ? '' : c.value}`) altered++;
  }
  const removed = [...before.keys()].filter((k) => !after.has(k)).length;
  if (altered) changes.push(`${altered} cell${altered > 1 ? 's' : ''} changed`);
  if (added) changes.push(`${added} cell${added > 1 ? 's' : ''} added`);
  if (removed) changes.push(`${removed} cell${removed > 1 ? 's' : ''} removed`);
  return changes;
}
