import type { Command } from 'commander';
import { listReportFiles, readDocument } from '../ingest/files';
import { IngestError } from '../ingest/errors';
import type { ParsedReport } from '../parser';

// The parser (and its HTML, DOCX and division tables) loads when `parse` runs, not with every `nianbao` command:
// `nianbao ask` through a running server would otherwise spend ~0.2 s loading it (issue 15).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parser = (): typeof import('../parser') => require('../parser') as typeof import('../parser');

/**
 * `nianbao parse PATH... [--json]`: one JSON object (exactly the ParsedReport fields) per file per line, or a short
 * summary. A file that cannot be read or is not a report → one line on stderr, exit 1; the other files are still parsed.
 */
export function registerParse(program: Command, setExit: (code: number) => void): void {
  program
    .command('parse')
    .description('extract annual reports (text, HTML, DOCX) and print their cells, checks and warnings')
    .argument('<paths...>', 'report files, or folders to search for report documents')
    .option('--json', 'one JSON object per file per line')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      for (const p of paths) {
        for (const file of await filesOf(p, setExit)) setExit(await parseOne(file, opts.json === true));
      }
    });
}

/** The path itself, or the report documents in it when it is a folder; a path that does not exist is reported. */
async function filesOf(p: string, setExit: (code: number) => void): Promise<string[]> {
  try {
    return (await listReportFiles([p])).files;
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    process.stderr.write(`nianbao parse: ${e.file}: ${e.reason}\n`);
    setExit(1);
    return [];
  }
}

async function parseOne(file: string, json: boolean): Promise<number> {
  let report: ParsedReport;
  try {
    report = await parser().parseReport({ fileName: file, content: await readDocument(file) });
  } catch (e) {
    process.stderr.write(`nianbao parse: ${file}: ${reasonOf(e)}\n`);
    return 1;
  }
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : summary(file, report));
  return 0;
}

/** A reason for the user, never a stack trace. */
function reasonOf(e: unknown): string {
  if (e instanceof parser().ReportParseError) return e.line ? `line ${e.line}: ${e.reason}` : e.reason;
  if (e instanceof IngestError) return e.reason;
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT') return 'no such file';
  if (err && err.code === 'EISDIR') return 'is a directory, not a file';
  if (err && err.code === 'EACCES') return 'permission denied';
  return `cannot be parsed (${err && err.message ? err.message.split('\n')[0] : String(e)})`;
}

function summary(file: string, r: ParsedReport): string {
  const region = r.agency.region
    ? `${r.agency.region.path.map((p) => p.name).join('')} (${r.agency.region.code})`
    : `未确定 undetermined (${r.agency.regionCandidates.length} candidates)`;
  const failed = r.checks.filter((c) => c.passed === false);
  const lines = [
    `${file}: ${r.title}`,
    `  机关 agency:   ${r.agency.fullName} [${r.agency.name}] (${r.agency.kind})`,
    `  地区 region:   ${region}`,
    `  年度 year:     ${r.year ?? '?'}   格式 format: ${r.format ?? 'none'}   发布 published: ${r.publishedAt ?? '?'}`,
    `  数据 cells:    ${r.cells.length}   核对 checks: ${r.checks.length - failed.length} passed, ${failed.length} failed`,
    ...failed.map((c) => `    ✗ ${c.rule} ${c.scope}: ${c.left} ≠ ${c.right}`),
    `  提示 warnings: ${r.warnings.length}`,
    ...r.warnings.slice(0, 20).map((w) => `    - ${w.code}${w.line ? ` (line ${w.line})` : ''}: ${w.message}`),
  ];
  if (r.warnings.length > 20) lines.push(`    … ${r.warnings.length - 20} more (use --json)`);
  return `${lines.join('\n')}\n`;
}
