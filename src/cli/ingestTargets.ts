import type { Database } from '../app';
import { loadEntries, loadIngest } from '../app/load';
import type { IngestFailure, IngestOptions, IngestSummary } from '../ingest';
import type { ReportHints } from '../parser/types';
import type { IngestEntry } from '../ingest/entries';
import { checkHints, HintError } from '../ingest/hints';
import { keptDetail, keptLine, needsALook, type KeptReport } from '../ingest/kept';
import { ManifestError, readAddressList } from '../ingest/manifest';
import type { WebOptions } from '../ingest/web/client';

export interface IngestFlags {
  workers?: number;
  fromList?: string;
  agency?: string;
  year?: string;
  url?: string;
  publishedAt?: string;
  strict?: boolean;
  verbose?: boolean;
  json?: boolean;
  delay?: number;
  timeout?: number;
  retries?: number;
  backoff?: number;
}

/** A usage mistake (bad flag value): exit code 2, one line. */
export class UsageError extends Error {}

export const isAddress = (target: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);

/** The hints given by flags, checked; --url names one document, so it needs exactly one target. */
export function hintsOfFlags(flags: IngestFlags, targets: string[]): ReportHints | undefined {
  let hints: ReportHints;
  try {
    hints = checkHints({ agency: flags.agency, year: flags.year, url: flags.url, publishedAt: flags.publishedAt });
  } catch (e) {
    if (e instanceof HintError) throw new UsageError(`--${e.field === 'publishedAt' ? 'published-at' : e.field}: expected ${e.expected}, got ${JSON.stringify(e.got)}`);
    throw e;
  }
  if (hints.url && (targets.length !== 1 || flags.fromList)) throw new UsageError('--url names one document: give exactly one file or address with it');
  return Object.keys(hints).length ? hints : undefined;
}

export function webOptionsOf(flags: IngestFlags): WebOptions {
  const ms = (s: number | undefined) => (s === undefined ? undefined : Math.round(s * 1000));
  return { delayMs: ms(flags.delay), timeoutMs: ms(flags.timeout), retries: flags.retries, backoffMs: ms(flags.backoff) };
}

type Progress = { update(done: number, total: number): void; stop(): void };

export interface RunParts {
  progress: (label: string) => Progress;
  onAnalyze: (progress: Progress) => void;
}

/** Local paths (files, folders with manifests), then addresses and the --from-list entries; one summary. */
export async function ingestTargets(db: Database, targets: string[], flags: IngestFlags, parts: RunParts): Promise<{ summary: IngestSummary; kept: KeptReport[] }> {
  const hints = hintsOfFlags(flags, targets);
  const kept: KeptReport[] = [];
  const entries: IngestEntry[] = targets.filter(isAddress).map((address) => ({ address, hints }));
  const paths = targets.filter((t) => !isAddress(t));
  const listFailed: IngestFailure[] = [];
  if (flags.fromList) {
    try {
      const list = await readAddressList(flags.fromList);
      for (const e of list.entries) entries.push({ address: e.address ?? undefined, file: e.file ?? undefined, hints: { ...e.hints, ...(hints ?? {}) } });
      for (const e of list.errors) listFailed.push({ file: e.where, reason: e.reason });
    } catch (e) {
      if (e instanceof ManifestError) throw new UsageError(e.message);
      throw e;
    }
  }
  const total: IngestSummary = { ingested: 0, unchanged: 0, replaced: 0, alternate: 0, failed: [], skipped: 0 };
  const run = async (label: string, go: (options: IngestOptions) => Promise<IngestSummary>) => {
    const progress = parts.progress(label);
    try {
      add(total, await go({ dataSource: db.dataSource, workers: flags.workers, hints, strict: flags.strict, onReport: (k) => kept.push(k), onProgress: (p) => progress.update(p.done, p.total), onAnalyze: () => parts.onAnalyze(progress) }));
    } finally {
      progress.stop();
    }
  };
  if (paths.length) await run('ingest', (o) => loadIngest().ingestPaths(paths, o));
  if (entries.length || listFailed.length) await run('fetch', (o) => loadEntries().ingestEntries(entries, { ...o, web: webOptionsOf(flags), failed: listFailed }));
  return { summary: total, kept };
}

function add(total: IngestSummary, s: IngestSummary): void {
  total.ingested += s.ingested;
  total.unchanged += s.unchanged;
  total.replaced += s.replaced;
  total.alternate += s.alternate;
  total.skipped += s.skipped;
  if (s.links) total.links = (total.links ?? 0) + s.links;
  total.failed.push(...s.failed);
}

/** The lines printed after an ingest: the counts, reports worth a look (one line each, details with --verbose), failures. */
export function reportLines(summary: IngestSummary, kept: KeptReport[], seconds: number, verbose: boolean, oneLine: (s: string) => string): string[] {
  const files = summary.ingested + summary.unchanged + summary.replaced + summary.alternate + summary.failed.length;
  const alternates = summary.alternate ? `, alternate ${summary.alternate}` : '';
  const out = [
    `ingested ${summary.ingested}, unchanged ${summary.unchanged}, replaced ${summary.replaced}${alternates}, failed ${summary.failed.length}` +
      ` (${files} file${files === 1 ? '' : 's'} in ${seconds.toFixed(1)} s, ${(files / Math.max(seconds, 0.001)).toFixed(0)} files/s)`,
  ];
  if (summary.links) out.push(`followed ${summary.links} symbolic link${summary.links === 1 ? '' : 's'} in those folders`);
  if (summary.skipped) out.push(`skipped ${summary.skipped} file${summary.skipped === 1 ? '' : 's'} in those folders that are not report documents (e.g. .json)`);
  const look = kept.filter(needsALook).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (look.length) {
    out.push('stored, worth a look:');
    for (const k of look) {
      out.push(`  ${oneLine(keptLine(k))}`);
      if (verbose) out.push(...keptDetail(k).map((d) => `    ${oneLine(d)}`));
    }
  }
  if (summary.failed.length) {
    out.push('failed:');
    for (const f of summary.failed) out.push(`  ${f.file}: ${oneLine(f.reason)}`);
  }
  return out;
}
