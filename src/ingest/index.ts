import type { DataSource } from 'typeorm';
import { createParsePool, type ParseLimits, type ParsePool } from './parsePool';
import { storeBatch, type BatchOutcome } from './batch';
import { listReportFiles, readDocument } from './files';
import { poolOf } from '../db/pool';
import { IngestError, sha256Of, storePrepared, type PreparedReport, type SourceOrigin, type StoreResult, type StoreStatus } from './store';
import type { ReportHints } from '../parser/types';
import { keptOf, strictRefusal, type KeptReport } from './kept';
import { hintsOfFiles } from './folderHints';
import { cellRows } from './rows';
import type { IngestObserver } from '../contracts';

export { segmentWords } from './segment';
export { IngestError, deleteReport, sha256Of } from './store';
export { fillAgencyVocabulary } from './vocabulary';

export interface IngestFailure {
  file: string;
  reason: string;
}

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  replaced: number;
  /** Other captures of reports already stored that read fewer cells: kept as history, not current. */
  alternate: number;
  failed: IngestFailure[];
  /** Files in the given folders that are not report documents by type (e.g. .json, .xlsx), left alone. */
  skipped: number;
  /** Symbolic links in the given folders that were followed (their files are counted like the others). */
  links?: number;
}

export interface IngestProgress {
  /** Files finished (stored, unchanged or failed). */
  done: number;
  total: number;
  file: string;
  status: StoreStatus | 'failed';
}

export interface IngestOptions {
  dataSource: DataSource;
  onProgress?: (p: IngestProgress) => void;
  /** Parser worker threads (default: one per core; 0 parses in this thread). */
  workers?: number;
  /** Batches written at once, each in its own transaction on its own connection (default 2). */
  writers?: number;
  /** Reports per batch: one statement per table per batch (default 16; 1 writes each report on its own). */
  batchSize?: number;
  /**
   * After the ingest, VACUUM (ANALYZE) `cells` and ANALYZE the small tables, so that the first queries have
   * statistics and index-only scans (default: when at least ANALYZE_AFTER reports were stored).
   */
  analyze?: boolean;
  /** Called when the files are done and that VACUUM (ANALYZE) starts (seconds to a minute at national scale). */
  onAnalyze?: () => void;
  /** Hints for every file named (CLI flags); they win over a manifest row's. */
  hints?: ReportHints;
  /** Refuse reports whose checks fail: nothing of them is stored, each is a failure with the checks named. */
  strict?: boolean;
  /** Each stored report, with what it kept and what is worth a look (failed checks, warnings). */
  onReport?: (kept: KeptReport) => void;
  /** Told each document's outcome and the cells written for it (the server's ingest counters). */
  observer?: IngestObserver;
}

/**
 * A bulk ingest this large leaves `cells` without statistics or visibility map until autovacuum gets there: a
 * national aggregate then reads every heap page instead of the index only. Measured on 10,000 reports: VACUUM
 * (ANALYZE) cells 1.0 s, ANALYZE of reports/agencies/regions 0.1 s (~3% of the ingest). sections and checks
 * (ANALYZE 1.7 s and 0.8 s: the tsvector expression index and the key arrays) are read by report id only and are
 * left to autovacuum.
 */
export const ANALYZE_AFTER = 1000;

/** Files read, hashed and looked up together: one query tells which of them are already stored. */
const CHUNK = 64;

/**
 * Ingests files and folders (recursively). Files are parsed on worker threads; this thread writes, each report in
 * its own transaction. A file that cannot be read, parsed or stored is reported in `failed` and stores nothing.
 */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const { files, skipped, manifests, links, refused } = await listReportFiles(paths);
  const hinted = await hintsOfFiles(files, manifests, options.hints);
  const summary = await ingestDocuments(readFiles(files, hinted.hints), files.length, { skipped, failed: [...refused, ...hinted.failed] }, options);
  return links ? { ...summary, links } : summary;
}

/**
 * The ingest itself, for documents from anywhere (files, web addresses): chunks come as they are read or fetched;
 * `total` is for progress; `start` carries what failed or was skipped before (e.g. bad manifest rows).
 */
export async function ingestDocuments(
  documents: AsyncIterable<ReadFile[]>,
  total: number,
  start: { skipped: number; failed: IngestFailure[] },
  options: IngestOptions,
): Promise<IngestSummary> {
  const summary: IngestSummary = { ingested: 0, unchanged: 0, replaced: 0, alternate: 0, failed: [...start.failed], skipped: start.skipped };
  const pool = createParsePool(options.workers);
  const batchSize = options.batchSize ?? 16;
  const writers = options.writers ?? 2;
  const batcher = createBatcher(options.dataSource, batchSize, writers);
  // Enough files in flight to keep every worker and writer busy, few enough to bound memory: the batches being
  // written, one batch filling and two more waiting, plus what the workers have queued. With fewer, the parsers stall
  // while the writers hold every slot, and the two sides take turns instead of overlapping.
  const inFlight = limiter(Math.max(8, batchSize * (writers + 3) + (pool.size + 2) * 8));
  let done = 0;
  const finish = (file: string, status: StoreStatus | 'failed', reason?: string) => {
    if (status === 'failed') summary.failed.push({ file, reason: reason ?? 'unknown error' });
    else summary[status]++;
    if (status === 'failed' || status === 'unchanged') options.observer?.documentDone(status === 'failed' ? 'refused' : 'unchanged', 0);
    done++;
    options.onProgress?.({ done, total, file, status });
  };
  const tasks: Promise<void>[] = [];
  try {
    for await (const chunk of documents) {
      const known = await knownHashes(options.dataSource, chunk.flatMap((f) => (f.content ? [f.sha256] : [])));
      for (const f of chunk) {
        if (!f.content) finish(f.file, 'failed', f.error);
        else if (known.has(f.sha256)) finish(f.file, 'unchanged');
        else {
          tasks.push(
            inFlight(async () => {
              const outcome = await ingestOne(pool, batcher, f, options);
              finish(f.file, outcome.status, outcome.reason);
            }),
          );
        }
      }
      // Wait for room before reading the next chunk.
      await inFlight.idleBelow(CHUNK);
    }
    await Promise.all(tasks);
  } finally {
    await pool.close();
  }
  if (options.analyze ?? summary.ingested + summary.replaced >= ANALYZE_AFTER) {
    options.onAnalyze?.();
    await analyzeAfterIngest(options.dataSource);
  }
  return summary;
}

/** Best effort: the reports are stored already, a failure here only leaves the work to autovacuum. */
async function analyzeAfterIngest(dataSource: DataSource): Promise<void> {
  const client = await poolOf(dataSource).connect();
  let broken = false;
  try {
    // The serving pool's statement timeout (5 s) is too short for a national year's cells.
    await client.query('SET statement_timeout = 0');
    await client.query('VACUUM (ANALYZE) cells');
    await client.query('ANALYZE reports, agencies, regions');
    await client.query('RESET statement_timeout');
  } catch {
    broken = true;
  } finally {
    client.release(broken);
  }
}

function cellsWritten(status: StoreStatus, report: PreparedReport): number {
  return status === 'unchanged' || status === 'alternate' ? 0 : cellRows(report.parsed).length;
}

async function ingestOne(
  pool: ParsePool,
  batcher: Batcher,
  f: ReadFile,
  options: IngestOptions,
): Promise<{ status: StoreStatus | 'failed'; reason?: string }> {
  const outcome = await pool.prepare({ fileName: f.source ?? f.file, sha256: f.sha256, content: f.content!, hints: f.hints });
  // A wrapper page's attachment: say that the reason is about the attachment, not the page the user named.
  if (!outcome.ok) return { status: 'failed', reason: f.origin?.pageUrl ? `attachment ${f.origin.url}: ${outcome.reason}` : outcome.reason };
  const refusal = options.strict ? strictRefusal(outcome.report.parsed) : null;
  if (refusal) return { status: 'failed', reason: refusal };
  if (f.origin) outcome.report.origin = f.origin;
  const stored = await batcher.add(outcome.report);
  if (stored.ok && stored.status !== 'unchanged') {
    options.onReport?.(keptOf(f.file, stored.status, outcome.report.parsed, stored.current));
    options.observer?.documentDone(stored.status, cellsWritten(stored.status, outcome.report));
  }
  return stored.ok ? { status: stored.status } : { status: 'failed', reason: stored.reason };
}

interface Batcher {
  add(report: PreparedReport): Promise<BatchOutcome>;
}

/**
 * Groups parsed reports into batches written with one statement per table, by at most `writers` connections at
 * once. Reports wait here, not in a queue of ready-made batches: when a writer is free it takes up to `size` of
 * them, so while the writers are busy the next batches fill up (measured: batches made when a 10 ms timer fired and
 * then queued for a writer held ~5 reports on average instead of 16, and paid the per-batch round trips and commit
 * three times as often). A free writer takes a full batch at once, or what has arrived shortly after the first
 * waiting report, so a slow trickle of files is never held back.
 */
function createBatcher(dataSource: DataSource, size: number, writers: number): Batcher {
  const pending: { report: PreparedReport; resolve(o: BatchOutcome): void }[] = [];
  let active = 0;
  let timer: NodeJS.Timeout | null = null;
  const write = () => {
    active++;
    const items = pending.splice(0, size);
    storeBatch(dataSource, items.map((i) => i.report), { bulk: true })
      .then(
        (outcomes) => items.forEach((item, k) => item.resolve(outcomes[k])),
        (e: unknown) => items.forEach((item) => item.resolve({ ok: false, reason: (e as Error).message })),
      )
      .finally(() => {
        active--;
        pump();
      });
  };
  const pump = () => {
    while (active < writers && pending.length >= size) write();
    if (active < writers && pending.length && !timer) {
      timer = setTimeout(() => {
        timer = null;
        if (active < writers && pending.length) write();
        pump();
      }, 10);
    }
  };
  return {
    add: (report) =>
      new Promise<BatchOutcome>((resolve) => {
        pending.push({ report, resolve });
        pump();
      }),
  };
}

/** Ingests one document given as bytes (the GraphQL mutation). Throws IngestError with the reason when rejected. */
/**
 * The API's documents are parsed off the main thread, bounded in time and heap: a hostile upload stops a worker
 * and is answered with the limit it hit, while the server keeps answering. One worker: uploads are rare and small.
 */
let sharedPool: ParsePool | null = null;
export const BUFFER_PARSE_TIMEOUT_MS = 15_000;
export const BUFFER_PARSE_HEAP_MB = 256;
let bufferLimits: ParseLimits = { timeoutMs: BUFFER_PARSE_TIMEOUT_MS, maxOldGenerationSizeMb: BUFFER_PARSE_HEAP_MB, unref: true };
function bufferPool(): ParsePool {
  sharedPool ??= createParsePool(1, bufferLimits);
  return sharedPool;
}

/** Other bounds for the API's parser worker (tests use small ones to hit them fast); the next upload gets a new worker. */
export async function setUploadParseLimits(limits: Pick<ParseLimits, 'timeoutMs' | 'maxOldGenerationSizeMb'>): Promise<void> {
  bufferLimits = { ...bufferLimits, ...limits };
  await closeUploadParsing();
}

/** Stops the API's parser worker (a server stopping: its port would keep the process alive); the next upload starts another. */
export async function closeUploadParsing(): Promise<void> {
  const old = sharedPool;
  sharedPool = null;
  await old?.close();
}

export async function ingestBuffer(
  dataSource: DataSource,
  doc: { fileName: string; content: Buffer | string; hints?: ReportHints },
  observer?: IngestObserver,
): Promise<StoreResult & { file: string }> {
  const content = typeof doc.content === 'string' ? Buffer.from(doc.content, 'utf8') : doc.content;
  const sha256 = sha256Of(content);
  const outcome = await bufferPool().prepare({ fileName: doc.fileName, sha256, content, hints: doc.hints });
  if (!outcome.ok) {
    observer?.documentDone('refused', 0);
    throw new IngestError(doc.fileName, outcome.reason);
  }
  const stored = await storePrepared(dataSource, outcome.report);
  observer?.documentDone(stored.status, cellsWritten(stored.status, outcome.report));
  return { ...stored, file: doc.fileName };
}

/** A document to ingest: its bytes (or why they could not be had), the hints it comes with and where it came from. */
export interface ReadFile {
  /** As the user named it: the path, or the web address given. */
  file: string;
  sha256: string;
  content: Buffer | null;
  error?: string;
  hints?: ReportHints;
  /** The name stored as the source's file_name when it differs from `file` (the fetched address). */
  source?: string;
  origin?: SourceOrigin;
}

async function* readFiles(files: string[], hints: Map<string, ReportHints>): AsyncGenerator<ReadFile[]> {
  for (let i = 0; i < files.length; i += CHUNK) yield readChunk(files.slice(i, i + CHUNK), hints);
}

export async function readChunk(files: string[], hints: Map<string, ReportHints> = new Map()): Promise<ReadFile[]> {
  return Promise.all(
    files.map(async (file) => {
      try {
        const content = await readDocument(file);
        const h = hints.get(file);
        return { file, sha256: sha256Of(content), content, ...(h && Object.keys(h).length ? { hints: h } : {}) };
      } catch (e) {
        if (e instanceof IngestError) return { file, sha256: '', content: null, error: e.reason };
        return { file, sha256: '', content: null, error: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
      }
    }),
  );
}

async function knownHashes(dataSource: DataSource, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const rows: { sha256: string }[] = await dataSource.query(`SELECT sha256 FROM report_sources WHERE sha256 = ANY($1)`, [hashes]);
  return new Set(rows.map((r) => r.sha256));
}

interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once fewer than `n` tasks are running or queued. */
  idleBelow(n: number): Promise<void>;
}

/** At most `max` tasks at once (a tiny p-limit). */
function limiter(max: number): Limiter {
  let active = 0;
  const queue: (() => void)[] = [];
  const waiters: { n: number; resolve(): void }[] = [];
  const notify = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (active + queue.length < waiters[i].n) {
        waiters[i].resolve();
        waiters.splice(i, 1);
      }
    }
  };
  const run = <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        active++;
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            queue.shift()?.();
            notify();
          });
      };
      if (active < max) start();
      else queue.push(start);
    });
  const limit = run as Limiter;
  limit.idleBelow = (n: number) =>
    active + queue.length < n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }));
  return limit;
}
