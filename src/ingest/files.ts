import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IngestError } from './errors';
import { isManifestName } from '../ingest/manifest';

/**
 * Document types a report can come in. Walking a folder takes only these (and extension-less files), so notes,
 * spreadsheets or expected-value JSON beside the reports are skipped and counted; a PDF or .doc is still taken so
 * the user hears why it cannot be read. A file named explicitly is always taken.
 */
const REPORT_EXTENSIONS = new Set(['', '.txt', '.text', '.md', '.htm', '.html', '.shtml', '.xhtml', '.docx', '.doc', '.pdf']);

export interface ReportFiles {
  files: string[];
  /** Files inside walked folders that are not report documents by their type. */
  skipped: number;
  /** Crawler manifests (manifest.csv, manifest.jsonl) found in walked folders: they give the hints of their files. */
  manifests: string[];
}

/** The report files under the given paths: folders recursively (hidden entries skipped), sorted; missing paths throw. */
export async function listReportFiles(paths: string[]): Promise<ReportFiles> {
  const found: ReportFiles = { files: [], skipped: 0, manifests: [] };
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) throw new IngestError(p, 'no such file or folder');
    if (stat.isDirectory()) await walk(p, found);
    else found.files.push(p);
  }
  return found;
}

async function walk(dir: string, found: ReportFiles): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, found);
    else if (!e.isFile()) continue;
    else if (isManifestName(e.name)) found.manifests.push(full);
    else if (REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) found.files.push(full);
    else found.skipped++;
  }
}
