import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestPaths } from '../../src/ingest';
import type { KeptReport } from '../../src/ingest/kept';
import { keptLine } from '../../src/ingest/kept';
import { freshDatabase, type FreshDatabase } from '../support/db';

// One real report as its web page, and a poorer capture of it: the same page with the 行政规范性文件 row of 表二 lost
// (as a careless save loses a row), so its three cells are missing with a warning.
const REAL = path.join(__dirname, '..', 'fixtures', 'real', 'reports');
const HTML = 'pingtan-2025.html';
const TXT = 'pingtan-2025-poorer.html';
const ROW = '<tr><td>行政规范性文件</td><td>58</td><td>45</td><td>546</td></tr>';

async function current(db: FreshDatabase): Promise<{ file: string; cells: number; sources: number }> {
  const [row] = await db.dataSource.query(
    `SELECT s.file_name AS file, (SELECT count(*)::int FROM cells c WHERE c.report_id = r.id) AS cells,
            (SELECT count(*)::int FROM report_sources) AS sources
     FROM reports r JOIN report_sources s ON s.id = r.source_id`,
  );
  return row;
}

describe('two captures of one report: the one that reads more cells stays current', () => {
  let db: FreshDatabase;
  let dir: string;
  beforeEach(async () => {
    db = await freshDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-alternate-'));
  });
  afterEach(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const ingest = async (file: string, kept: KeptReport[] = []) => {
    if (file === HTML) copyFileSync(path.join(REAL, file), path.join(dir, file));
    else {
      const page = readFileSync(path.join(REAL, HTML), 'utf8');
      expect(page).toContain(ROW);
      writeFileSync(path.join(dir, file), page.replace(ROW, ''));
    }
    return ingestPaths([path.join(dir, file)], { dataSource: db.dataSource, workers: 0, onReport: (k) => kept.push(k) });
  };

  it('the poorer capture after the web page is kept as an alternate and says which version stays', async () => {
    expect((await ingest(HTML)).ingested).toBe(1);
    const before = await current(db);
    const kept: KeptReport[] = [];
    const summary = await ingest(TXT, kept);
    expect(summary).toMatchObject({ ingested: 0, replaced: 0, alternate: 1, unchanged: 0 });
    expect(await current(db)).toEqual({ file: before.file, cells: before.cells, sources: 2 });
    expect(kept.map((k) => [k.status, k.current])).toEqual([['alternate', { file: before.file, moreCells: 3 }]]);
    expect(keptLine(kept[0])).toContain(`kept as an alternate: the current version ${before.file} reads 3 more cells`);
  });

  it('the web page after the poorer capture replaces it', async () => {
    await ingest(TXT);
    const poorer = await current(db);
    const summary = await ingest(HTML);
    expect(summary).toMatchObject({ ingested: 0, replaced: 1, alternate: 0 });
    const now = await current(db);
    expect(now.file).toMatch(/pingtan-2025\.html$/);
    expect(now.cells).toBe(poorer.cells + 3);
  });
});
