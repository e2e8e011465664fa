import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import type { Database } from '../app';
import { loadApp } from '../app/load';
import { hintsOfFlags, ingestTargets, reportLines, UsageError, type IngestFlags } from './ingestTargets';

/** Ingest and reparse write in bulk: a longer statement timeout than the serving pool's. */
const WRITE_STATEMENT_TIMEOUT_MS = 60_000;

export function registerIngest(program: Command, setExit: (code: number) => void): void {
  program
    .command('ingest')
    .description('extract and store annual reports: files, folders (recursively, with their manifest), web addresses')
    .argument('[targets...]', 'report files, folders, or http(s) addresses of report pages and attachments')
    .option('--from-list <file>', 'addresses to fetch, one per line, or a crawler manifest (.csv / .jsonl with url, file, title, agency, publishedAt)')
    .option('--agency <name>', 'hint: the issuing agency, for the documents named')
    .option('--year <year>', 'hint: the statistics year')
    .option('--url <address>', 'hint: where the one document named was published')
    .option('--published-at <date>', 'hint: publication date YYYY-MM-DD')
    .option('--strict', 'refuse reports whose checks fail (nothing stored from them)')
    .option('--verbose', 'every failed check and warning of the stored reports')
    .option('--json', 'the summary as one JSON object (counts, failures, what each stored report kept)')
    .option('--delay <seconds>', 'pause between two requests to the same site (default 1)', toSeconds)
    .option('--timeout <seconds>', 'give up a request after this long (default 30)', toSeconds)
    .option('--retries <n>', 'tries again after a 5xx answer, timeout or network failure (default 2)', toCount)
    .option('--backoff <seconds>', 'first wait before a retry, doubled each time (default 2)', toSeconds)
    .option('--workers <n>', 'parser threads (default: one per core)', toCount)
    .action(async (targets: string[], opts: IngestFlags) => {
      if (!targets.length && !opts.fromList) {
        process.stderr.write('nianbao ingest: name files, folders or addresses, or give --from-list FILE\n');
        setExit(2);
        return;
      }
      try {
        hintsOfFlags(opts, targets); // a bad flag is said before the database is opened
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`nianbao ingest: ${e.message}\n`);
        setExit(2);
        return;
      }
      setExit(await withDatabase('ingest', (db) => runIngest(db, targets, opts)));
    });
}

async function runIngest(db: Database, targets: string[], flags: IngestFlags): Promise<number> {
  const started = Date.now();
  let result: Awaited<ReturnType<typeof ingestTargets>>;
  try {
    result = await ingestTargets(db, targets, flags, {
      progress: (label) => createProgress(label),
      onAnalyze: (progress) => {
        progress.stop();
        process.stderr.write('nianbao: vacuuming and analysing the new cells, so that the first queries are fast…\n');
      },
    });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`nianbao ingest: ${e.message}\n`);
    return 2;
  }
  const { summary, kept } = result;
  if (flags.json) process.stdout.write(`${JSON.stringify({ ...summary, kept })}\n`);
  else process.stdout.write(reportLines(summary, kept, (Date.now() - started) / 1000, flags.verbose === true, oneLine).join('\n') + '\n');
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

export function toSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 3600) throw new InvalidArgumentError(`expected seconds (0 to 3600), got "${value}"`);
  return n;
}

export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
