import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Logger } from '../contracts';
import { storedReportCount } from '../db/queries';
import { ingestPaths } from '.';

/**
 * The sample reports shipped in the package's samples/ folder (the plain-text ones: the HTML and DOCX files there are
 * other layouts of the same reports). Found from src/ (tests) and from dist/src/ (the built command) alike.
 */
export function bundledSampleFiles(): string[] {
  const dir = [path.resolve(__dirname, '../../samples'), path.resolve(__dirname, '../../../samples')].find((d) => existsSync(d));
  if (!dir) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
}

/** A fresh installation should show something: a database with no report gets the bundled samples. */
export async function ingestSamplesIfEmpty(dataSource: DataSource, log: Logger): Promise<void> {
  if ((await storedReportCount(dataSource)) > 0) return;
  const files = bundledSampleFiles();
  if (!files.length) return;
  log.info(`the database is empty: ingesting the ${files.length} bundled sample reports`);
  const summary = await ingestPaths(files, { dataSource, workers: 0 });
  for (const f of summary.failed) log.warn(`sample ${path.basename(f.file)} not ingested: ${f.reason.split('\n')[0]}`);
}
