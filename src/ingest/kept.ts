import type { CheckResult, ParsedReport, ParseWarning } from '../parser/types';

/**
 * What ingest kept of one stored report and what is worth a look there (issue 10: not only refusals): failed
 * checks, cells the source lacks, splits that could not be decided, an agency without a region, a missing title.
 */
export interface KeptReport {
  file: string;
  status: 'ingested' | 'replaced' | 'alternate';
  /** For `alternate`: the current version's file, which reads this many more cells and stays current. */
  current?: { file: string; moreCells: number };
  title: string;
  agency: string;
  regionCode: string | null;
  year: number;
  format: string | null;
  cells: number;
  failedChecks: CheckResult[];
  /** Warnings except check_failed (said by failedChecks). */
  warnings: ParseWarning[];
}

export function keptOf(file: string, status: KeptReport['status'], parsed: ParsedReport, current?: KeptReport['current']): KeptReport {
  return {
    file,
    status,
    ...(current ? { current } : {}),
    title: parsed.title,
    agency: parsed.agency.fullName || parsed.agency.name,
    regionCode: parsed.agency.region?.code ?? null,
    year: parsed.year as number,
    format: parsed.format,
    cells: parsed.cells.length,
    failedChecks: parsed.checks.filter((c) => c.passed === false),
    warnings: parsed.warnings.filter((w) => w.code !== 'check_failed'),
  };
}

/** True when the report has something to look at. */
export function needsALook(k: KeptReport): boolean {
  return k.status === 'alternate' || k.failedChecks.length > 0 || k.warnings.length > 0;
}

/** `--strict`: why a report whose checks fail is refused (null when every check that could run passed). */
export function strictRefusal(parsed: ParsedReport): string | null {
  const failed = parsed.checks.filter((c) => c.passed === false);
  if (!failed.length) return null;
  const shown = failed.slice(0, 3).map((c) => `${c.rule} ${c.scope} (${c.left} ≠ ${c.right})`);
  const more = failed.length > 3 ? ` and ${failed.length - 3} more` : '';
  return `refused (--strict): ${failed.length} check${failed.length === 1 ? '' : 's'} failed: ${shown.join(', ')}${more}; nothing stored`;
}

/** Warning codes with their counts, most frequent first: 「cell_missing ×5, region_ambiguous」. */
export function warningCounts(warnings: readonly ParseWarning[]): string {
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n]) => (n > 1 ? `${code} ×${n}` : code))
    .join(', ');
}

/** The one line of a kept report that needs a look. */
export function keptLine(k: KeptReport): string {
  const parts = [`${k.cells} cells`];
  if (k.failedChecks.length) {
    const rules = [...new Set(k.failedChecks.map((c) => c.rule))].join(', ');
    parts.push(`${k.failedChecks.length} check${k.failedChecks.length === 1 ? '' : 's'} failed (${rules})`);
  }
  if (k.warnings.length) parts.push(`${k.warnings.length} warning${k.warnings.length === 1 ? '' : 's'}: ${warningCounts(k.warnings)}`);
  if (k.current) parts.push(`kept as an alternate: the current version ${k.current.file} reads ${k.current.moreCells} more cell${k.current.moreCells === 1 ? '' : 's'}`);
  return `${k.file}: ${parts.join('; ')}`;
}

/** Every failed check and warning of a kept report, one per line (--verbose). */
export function keptDetail(k: KeptReport): string[] {
  return [
    ...k.failedChecks.map((c) => `✗ ${c.rule} ${c.scope}: ${c.left} ≠ ${c.right} (${c.description})`),
    ...k.warnings.map((w) => `- ${w.code}${w.line ? ` (line ${w.line})` : ''}: ${w.message}`),
  ];
}
