import type { Command } from 'commander';
import type { Database } from '../app';
import { loadReparse } from '../app/load';
import { createProgress, oneLine, toCount, withDatabase } from './ingest';

export function registerReparse(program: Command, setExit: (code: number) => void): void {
  program
    .command('reparse')
    .description('re-extract every stored report from its original file with the current parser')
    .option('--workers <n>', 'parser threads (default: one per core)', toCount)
    .action(async (opts: { workers?: number }) => {
      setExit(await withDatabase('reparse', (db) => runReparse(db, opts.workers)));
    });
}

async function runReparse(db: Database, workers?: number): Promise<number> {
  const progress = createProgress('reparse', 'reports');
  let summary;
  try {
    summary = await loadReparse().reparseAll(db.dataSource, { workers, onProgress: (p) => progress.update(p.done, p.total) });
  } finally {
    progress.stop();
  }
  const out = [
    `reparsed ${summary.total} report${summary.total === 1 ? '' : 's'}: ${summary.changed.length} changed, ` +
      `${summary.unchanged} unchanged, ${summary.failed.length} failed (kept as they were)`,
  ];
  for (const c of summary.changed) out.push(`  ${c.file}: ${c.changes.join(', ')}`);
  if (summary.failed.length) out.push('failed:');
  for (const f of summary.failed) out.push(`  ${f.file}: ${oneLine(f.reason)}`);
  process.stdout.write(out.join('\n') + '\n');
  return summary.failed.length ? 1 : 0;
}

