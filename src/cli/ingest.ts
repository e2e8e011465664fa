import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import type { Database } from '../app';
import { loadApp, loadIngest } from '../app/load';
import type { IngestSummary } from '../ingest';

/** Ingest and reparse write in bulk: a longer statement timeout than the serving pool's. */
const WRITE_STATEMENT_TIMEOUT_MS = 60_000;

export function registerIngest(program: Command, setExit: (code: number) => void): void {
  program
    .command('ingest')
    .description('extract and store annual reports (files or folders, recursively)')
    .argument('<paths...>', 'report files or folders')
    .option('--workers <n>', 'parser threads (default: one per core)', toCount)
    .action(async (paths: string[], opts: { workers?: number }) => {
      setExit(await withDatabase('ingest', (db) => runIngest(db, paths, opts.workers)));
    });
}

async function runIngest(db: Database, paths: string[], workers?: number): Promise<number> {
  const started = Date.now();
  const progress = createProgress('ingest');
  let summary: IngestSummary;
  try {
    summary = await loadIngest().ingestPaths(paths, {
      dataSource: db.dataSource,
      workers,
      onProgress: (p) => progress.update(p.done, p.total),
      onAnalyze: () => {
        progress.stop();
        process.stderr.write('nianbao: vacuuming and analysing the new cells, so that the first queries are fast…\n');
      },
    });
  } finally {
    progress.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  const files = summary.ingested + summary.unchanged + summary.replaced + summary.failed.length;
  const out = [
    `ingested ${summary.ingested}, unchanged ${summary.unchanged}, replaced ${summary.replaced}, failed ${summary.failed.length}` +
      ` (${files} file${files === 1 ? '' : 's'} in ${seconds.toFixed(1)} s, ${(files / Math.max(seconds, 0.001)).toFixed(0)} files/s)`,
  ];
  if (summary.skipped) out.push(`skipped ${summary.skipped} file${summary.skipped === 1 ? '' : 's'} in those folders that are not report documents (e.g. .json)`);
  if (summary.failed.length) {
    out.push('failed:');
    for (const f of summary.failed) out.push(`  ${f.file}: ${oneLine(f.reason)}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return summary.failed.length ? 1 : 0;
}

/**
 * Opens the database, runs the command, always closes (stopping an embedded server we started, also on Ctrl-C),
 * and turns any error into one line on stderr.
 */
export async function withDatabase(command: string, run: (db: Database) => Promise<number>): Promise<number> {
  let db: Database | null = null;
  const interrupt = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nnianbao ${command}: interrupted (${signal}); reports not yet stored are not in the database\n`);
    void (db?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    db = await loadApp().openData({ statementTimeoutMs: WRITE_STATEMENT_TIMEOUT_MS, synchronousCommit: false });
    return await run(db);
  } catch (e) {
    process.stderr.write(`nianbao ${command}: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return 1;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await db?.close().catch(() => undefined);
  }
}

interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on a terminal; elsewhere (logs, CI) a line every few seconds. Always on stderr. */
export function createProgress(label: string, unit = 'files'): Progress {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      // Reports complete in batches: a long ETA window keeps the estimate steady.
      { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, hideCursor: true, etaBuffer: 200, fps: 5 },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let last = 0;
  return {
    update: (done, total) => {
      const now = Date.now();
      if (done === total || now - last >= 2000) {
        last = now;
        process.stderr.write(`${label}: ${done}/${total} ${unit} (${Math.floor((done / Math.max(total, 1)) * 100)}%)\n`);
      }
    },
    stop: () => {},
  };
}

export function toCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return n;
}

export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
