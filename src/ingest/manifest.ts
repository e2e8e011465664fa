import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { ReportHints } from '../parser/types';
import { checkHints, HintError, HINT_FIELDS, type HintField } from './hints';

/**
 * A crawler's manifest beside its downloads: manifest.csv (header row, quoted fields) or manifest.jsonl (one JSON
 * object per line), with the fields file, url, title, agency, publishedAt (and year). Each row gives the hints of
 * one document; other columns are ignored. A bad row is one specific failure (file:line: what was expected), the
 * other rows still count.
 */
export interface ManifestRow {
  /** 1-based line of the row in the manifest. */
  line: number;
  /** The document's path, resolved against the manifest's folder (null when the row names only a url). */
  file: string | null;
  hints: ReportHints;
}

export interface RowError {
  /** `manifest.csv:7` */
  where: string;
  reason: string;
}

export interface Manifest {
  path: string;
  rows: ManifestRow[];
  errors: RowError[];
}

/** A manifest that cannot be read as one at all (unreadable, malformed CSV, no file or url column). */
export class ManifestError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = 'ManifestError';
  }
}

export const MANIFEST_NAMES = new Set(['manifest.csv', 'manifest.jsonl']);
/** Manifests of a national crawl are a few MB; a file far larger is not read whole into memory. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export function isManifestName(name: string): boolean {
  return MANIFEST_NAMES.has(path.basename(name).toLowerCase());
}

export function isManifestFile(file: string): boolean {
  return /\.(csv|jsonl|ndjson)$/i.test(file);
}

export async function readManifest(file: string): Promise<Manifest> {
  const text = await readText(file);
  const rows = /\.csv$/i.test(file) ? csvRecords(file, text) : jsonlRecords(file, text);
  const manifest: Manifest = { path: file, rows: [], errors: [] };
  for (const r of rows) {
    const where = `${file}:${r.line}`;
    if ('error' in r) {
      manifest.errors.push({ where, reason: r.error });
      continue;
    }
    try {
      manifest.rows.push(toRow(file, r.line, r.fields));
    } catch (e) {
      if (!(e instanceof HintError) && !(e instanceof RowProblem)) throw e;
      manifest.errors.push({ where, reason: e.message });
    }
  }
  return manifest;
}

class RowProblem extends Error {}

async function readText(file: string): Promise<string> {
  const stat = await fs.stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new ManifestError(file, `cannot read the file: ${e.code ?? e.message}`);
  });
  if (stat.size > MAX_MANIFEST_BYTES) throw new ManifestError(file, `manifest over ${MAX_MANIFEST_BYTES / 1048576} MB`);
  const text = (await fs.readFile(file)).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

type Raw = { line: number; fields: Record<string, unknown> } | { line: number; error: string };

/** Header names as crawlers spell them: publishedAt, published_at, Published-At → publishedat. */
const canonical = (name: string) => name.trim().toLowerCase().replace(/[\s_-]/g, '');
const FIELD_OF = new Map<string, 'file' | HintField>([['file', 'file'], ...HINT_FIELDS.map((f) => [canonical(f), f] as [string, HintField])]);

function csvRecords(file: string, text: string): Raw[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new ManifestError(err.lines ? `${file}:${err.lines}` : file, `not valid CSV (${err.message.replace(/^[^:]*:\s*/, '')})`);
  }
  if (!records.length) return [];
  const header = records[0].record.map((h) => FIELD_OF.get(canonical(h)) ?? null);
  if (!header.includes('file') && !header.includes('url')) {
    throw new ManifestError(`${file}:1`, `expected a header row naming a file or url column (and title, agency, publishedAt), got ${JSON.stringify(records[0].record.join(','))}`);
  }
  return records.slice(1).map(({ record, info }) => {
    if (record.length !== header.length) {
      return { line: info.lines, error: `expected ${header.length} fields as in the header, got ${record.length}` };
    }
    const fields: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (h) fields[h] = record[i];
    });
    return { line: info.lines, fields };
  });
}

function jsonlRecords(file: string, text: string): Raw[] {
  const out: Raw[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      out.push({ line: i + 1, error: `expected a JSON object, got invalid JSON (${(e as Error).message})` });
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      out.push({ line: i + 1, error: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}` });
      return;
    }
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const f = FIELD_OF.get(canonical(k));
      if (f) fields[f] = v;
    }
    out.push({ line: i + 1, fields });
  });
  if (!out.length && text.trim()) throw new ManifestError(file, 'expected one JSON object per line');
  return out;
}

function toRow(manifestPath: string, line: number, fields: Record<string, unknown>): ManifestRow {
  const { file, ...rest } = fields;
  const hints = checkHints(rest as Partial<Record<HintField, unknown>>);
  const relative = file === undefined || file === null || file === '' ? null : file;
  if (relative !== null && typeof relative !== 'string') throw new RowProblem(`file: expected a path, got ${JSON.stringify(relative)}`);
  if (relative === null && !hints.url) throw new RowProblem('expected a file or a url, got neither');
  return { line, file: relative === null ? null : insideFolder(manifestPath, relative), hints };
}

/** A row's file, inside the manifest's folder: an absolute path or one leading out of the folder is refused. */
function insideFolder(manifestPath: string, relative: string): string {
  const dir = path.dirname(path.resolve(manifestPath));
  const full = path.resolve(dir, relative);
  if (path.isAbsolute(relative) || (full !== dir && !full.startsWith(dir + path.sep))) {
    throw new RowProblem(`file: expected a path inside the manifest's folder, got ${JSON.stringify(relative)}`);
  }
  return full;
}

/** One address per line for --from-list; blank lines and # comments skipped. */
export interface ListEntry {
  where: string;
  address: string | null;
  file: string | null;
  hints: ReportHints;
}

/**
 * The entries of `--from-list FILE`: a manifest (.csv, .jsonl) gives rows with a url to fetch (or a file beside
 * it); any other file is one address per line.
 */
export async function readAddressList(file: string): Promise<{ entries: ListEntry[]; errors: RowError[] }> {
  if (isManifestFile(file)) {
    const m = await readManifest(file);
    return {
      entries: m.rows.map((r) => ({ where: `${file}:${r.line}`, address: r.hints.url ?? null, file: r.hints.url ? null : r.file, hints: r.hints })),
      errors: m.errors,
    };
  }
  const text = await readText(file);
  const entries: ListEntry[] = [];
  const errors: RowError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (!/^https?:\/\//i.test(line)) {
      errors.push({ where: `${file}:${i + 1}`, reason: `expected an http:// or https:// address, got ${JSON.stringify(line.slice(0, 80))}` });
    } else entries.push({ where: `${file}:${i + 1}`, address: line, file: null, hints: {} });
  });
  return { entries, errors };
}
