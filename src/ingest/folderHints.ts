import path from 'node:path';
import type { ReportHints } from '../parser/types';
import { mergeHints } from './hints';
import { ManifestError, readManifest } from './manifest';

export interface FolderHints {
  /** Hints by file, as the file was listed. */
  hints: Map<string, ReportHints>;
  /** Bad manifest rows and manifests that could not be read, one failure each. */
  failed: { file: string; reason: string }[];
}

/**
 * The hints of each file: its row in the manifest of its folder (manifest.csv / manifest.jsonl), under the hints
 * given for every file (CLI flags: the explicit command wins). A row naming a file that is not there is a failure.
 */
export async function hintsOfFiles(files: string[], manifests: string[], flags: ReportHints | undefined): Promise<FolderHints> {
  const out: FolderHints = { hints: new Map(), failed: [] };
  const byPath = new Map(files.map((f) => [path.resolve(f), f]));
  const fromManifest = new Map<string, ReportHints>();
  for (const m of manifests) {
    try {
      const manifest = await readManifest(m);
      for (const e of manifest.errors) out.failed.push({ file: e.where, reason: e.reason });
      for (const row of manifest.rows) {
        if (row.file === null) continue; // a row for an address only: fetched with --from-list, not here
        if (!byPath.has(row.file)) out.failed.push({ file: `${m}:${row.line}`, reason: `no report document ${path.relative(path.dirname(path.resolve(m)), row.file)} in the manifest's folder` });
        else fromManifest.set(row.file, row.hints);
      }
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      out.failed.push({ file: e.where, reason: e.reason });
    }
  }
  for (const [full, file] of byPath) {
    const hints = mergeHints(fromManifest.get(full), flags);
    if (Object.keys(hints).length) out.hints.set(file, hints);
  }
  return out;
}
