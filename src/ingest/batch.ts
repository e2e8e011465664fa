import type { DataSource } from 'typeorm';
import { agencyIdentity } from './rows';
import { IngestError, rejectionReason, storeAll, storePrepared, type PreparedReport, type StoreOptions, type StoreResult } from './store';

export type BatchOutcome = ({ ok: true } & StoreResult) | { ok: false; reason: string };

/**
 * Stores several reports with one statement per table (regions, agencies, sources, reports, children) in one
 * transaction: every report of the batch is stored whole, or — if anything in the batch fails — none is, and each
 * is then stored on its own (storePrepared), so that one bad report fails alone. Reports that collide inside the
 * batch (same bytes, same agency and year) also go the single way, after the batch, in their original order.
 * The statements themselves are in writes.ts (they take their locks in sorted order).
 */
export async function storeBatch(dataSource: DataSource, reports: PreparedReport[], options: StoreOptions = {}): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array(reports.length);
  const batch: number[] = [];
  const single: number[] = [];
  const shas = new Set<string>();
  const slots = new Set<string>();
  reports.forEach((r, i) => {
    const reason = rejectionReason(r.parsed);
    if (reason) {
      outcomes[i] = { ok: false, reason };
      return;
    }
    const slot = `${agencyIdentity(r.parsed)}\u0000${r.parsed.year}`;
    if (shas.has(r.sha256) || slots.has(slot)) single.push(i);
    else {
      shas.add(r.sha256);
      slots.add(slot);
      batch.push(i);
    }
  });
  let stored = false;
  if (batch.length > 1) {
    try {
      const results = await storeAll(dataSource, batch.map((i) => reports[i]), options);
      batch.forEach((i, k) => (outcomes[i] = { ok: true, ...results[k] }));
      stored = true;
    } catch {
      // fall through: each report on its own
    }
  }
  const rest = stored ? single : [...batch, ...single].sort((a, b) => a - b);
  for (const i of rest) outcomes[i] = await storeOne(dataSource, reports[i], options);
  return outcomes;
}

async function storeOne(dataSource: DataSource, r: PreparedReport, options: StoreOptions): Promise<BatchOutcome> {
  try {
    return { ok: true, ...(await storePrepared(dataSource, r, options)) };
  } catch (e) {
    return { ok: false, reason: e instanceof IngestError ? e.reason : (e as Error).message };
  }
}
