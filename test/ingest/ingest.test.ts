import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deleteReport, ingestBuffer, ingestPaths, IngestError, type IngestProgress } from '../../src/ingest';
import { reparseAll } from '../../src/ingest/reparse';
import { freshDatabase, type FreshDatabase } from '../support/db';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const SAMPLE_FILES = ['baitu-2020.txt', 'gangkou-2021.txt', 'ganhezi-2020.txt', 'shiji-2020.txt', 'zhangjiachan-2020.txt'];

async function count(db: FreshDatabase, table: string): Promise<number> {
  const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

describe('ingestPaths / ingestBuffer / reparse on the real parser', () => {
  let db: FreshDatabase;
  let dir: string;
  beforeEach(async () => {
    db = await freshDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-ingest-'));
  });
  afterEach(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests a folder recursively with honest progress, then the same folder again is unchanged', async () => {
    mkdirSync(path.join(dir, 'jiangxi', 'yichun'), { recursive: true });
    copyFileSync(path.join(SAMPLES, 'baitu-2020.txt'), path.join(dir, 'jiangxi', 'yichun', 'baitu-2020.txt'));
    for (const f of SAMPLE_FILES.slice(1)) copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
    writeFileSync(path.join(dir, '.DS_Store'), 'hidden files are skipped');
    const progress: IngestProgress[] = [];
    const first = await ingestPaths([dir], { dataSource: db.dataSource, onProgress: (p) => progress.push(p) });
    expect(first).toEqual({ ingested: 5, unchanged: 0, replaced: 0, alternate: 0, failed: [], skipped: 0 });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every((p) => p.total === 5)).toBe(true);
    expect(await count(db, 'reports')).toBe(5);
    const [{ sum, n }] = await db.dataSource.query(
      `SELECT sum(value)::int AS sum, count(*)::int AS n FROM cells WHERE key = 'active.procurement.amount' AND year = 2020`,
    );
    expect({ sum, n }).toEqual({ sum: 123218, n: 4 });
    // every report is whole: its format's cell count and its sections
    const perReport: { cells: number; format: string; sections: number }[] = await db.dataSource.query(
      `SELECT r.format, (SELECT count(*)::int FROM cells c WHERE c.report_id = r.id) AS cells,
              (SELECT count(*)::int FROM sections s WHERE s.report_id = r.id) AS sections FROM reports r`,
    );
    for (const r of perReport) {
      expect(r.cells).toBe(r.format === '2021' ? 200 : 198);
      expect(r.sections).toBeGreaterThan(0);
    }
    const again = await ingestPaths([dir], { dataSource: db.dataSource });
    expect(again).toEqual({ ingested: 0, unchanged: 5, replaced: 0, alternate: 0, failed: [], skipped: 0 });
    expect(await count(db, 'report_sources')).toBe(5);
  });

  it('after a large ingest (here forced with analyze: true) cells are vacuumed and analysed, and the caller is told first', async () => {
    for (const f of SAMPLE_FILES) copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
    const events: string[] = [];
    await ingestPaths([dir], {
      dataSource: db.dataSource, analyze: true,
      onProgress: (p) => events.push(`file ${p.done}`),
      onAnalyze: () => events.push('analyze'),
    });
    expect(events).toEqual([...SAMPLE_FILES.map((_, i) => `file ${i + 1}`), 'analyze']);
    const [cells] = await db.dataSource.query(`SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = 'cells'`);
    expect(cells.last_vacuum).not.toBeNull();
    expect(cells.last_analyze).not.toBeNull();
    // A small ingest leaves that to autovacuum, and says nothing.
    const quiet: string[] = [];
    await ingestPaths([dir], { dataSource: db.dataSource, onAnalyze: () => quiet.push('analyze') });
    expect(quiet).toEqual([]);
  });

  it('a corrected file for the same agency and year replaces the report and keeps the old file as history', async () => {
    const original = path.join(SAMPLES, 'baitu-2020.txt');
    const first = await ingestPaths([original], { dataSource: db.dataSource });
    expect(first.ingested).toBe(1);
    const [before] = await db.dataSource.query(`SELECT id FROM reports`);
    const corrected = path.join(dir, 'baitu-2020-corrected.txt');
    writeFileSync(corrected, readFileSync(original, 'utf8').replace('115838元', '115839元'));
    const second = await ingestPaths([corrected], { dataSource: db.dataSource });
    expect(second).toEqual({ ingested: 0, unchanged: 0, replaced: 1, alternate: 0, failed: [], skipped: 0 });
    const [after] = await db.dataSource.query(`SELECT id FROM reports`);
    expect(after.id).toBe(before.id); // a stable id for API clients
    const [{ value }] = await db.dataSource.query(`SELECT value::int AS value FROM cells WHERE key = 'active.procurement.amount'`);
    expect(value).toBe(115839);
    const sources = await db.dataSource.query(`SELECT file_name FROM report_sources ORDER BY ingested_at`);
    expect(sources.map((s: { file_name: string }) => path.basename(s.file_name))).toEqual(['baitu-2020.txt', 'baitu-2020-corrected.txt']);
  });

  it('rejected files are failed with a specific reason and store nothing; the good ones still go in', async () => {
    const folder = path.join(dir, 'crawl');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'empty.txt'), '');
    writeFileSync(path.join(folder, 'notes.txt'), '会议纪要\n今天讨论了食堂的菜单。\n');
    copyFileSync(path.join(SAMPLES, 'shiji-2020.txt'), path.join(folder, 'shiji-2020.txt'));
    // Inside a walked folder, files that are no report document by type are skipped and counted…
    writeFileSync(path.join(folder, 'banner.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    writeFileSync(path.join(folder, 'values.json'), '{}');
    // …but a file named explicitly is always tried, and a PNG is then refused with its reason.
    const image = path.join(dir, 'image.png');
    writeFileSync(image, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const summary = await ingestPaths([folder, image], { dataSource: db.dataSource });
    expect(summary.ingested).toBe(1);
    expect(summary.skipped).toBe(2);
    expect(summary.failed.map((f) => path.basename(f.file)).sort()).toEqual(['empty.txt', 'image.png', 'notes.txt']);
    expect(summary.failed.find((f) => f.file.endsWith('image.png'))?.reason).toMatch(/PNG/);
    for (const f of summary.failed) expect(f.reason.length).toBeGreaterThan(10);
    expect(summary.failed.find((f) => f.file.endsWith('empty.txt'))?.reason).toMatch(/empty/);
    expect(await count(db, 'report_sources')).toBe(1);
    expect(await count(db, 'agencies')).toBe(1);
  });

  it('a path that does not exist is a clear error', async () => {
    await expect(ingestPaths([path.join(dir, 'missing')], { dataSource: db.dataSource })).rejects.toThrow(/missing: no such file or folder/);
  });

  it('ingestBuffer stores one document (the GraphQL mutation) and refuses a bad one with IngestError', async () => {
    const content = readFileSync(path.join(SAMPLES, 'gangkou-2021.txt'));
    const stored = await ingestBuffer(db.dataSource, { fileName: 'gangkou-2021.txt', content });
    expect(stored).toMatchObject({ status: 'ingested', file: 'gangkou-2021.txt' });
    expect(await ingestBuffer(db.dataSource, { fileName: 'gangkou-2021.txt', content })).toEqual({ ...stored, status: 'unchanged' });
    const bad = await ingestBuffer(db.dataSource, { fileName: 'x.txt', content: '   ' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(IngestError);
    expect((bad as IngestError).message).toMatch(/^x\.txt: /);
    expect(await deleteReport(db.dataSource, stored.reportId!)).toBe(true);
    expect(await count(db, 'reports')).toBe(0);
  });

  it('reparse re-extracts stored sources, records the parser version and reports what changed', async () => {
    await ingestPaths(SAMPLE_FILES.map((f) => path.join(SAMPLES, f)), { dataSource: db.dataSource });
    const clean = await reparseAll(db.dataSource);
    expect(clean).toMatchObject({ total: 5, unchanged: 5, changed: [], failed: [] });
    // Simulate an older parser's output: a wrong value, a lost cell and an old version.
    await db.dataSource.query(`UPDATE cells SET value = 1, raw = '1' WHERE key = 'active.procurement.amount'`);
    await db.dataSource.query(`DELETE FROM cells WHERE key = 'requests.new.total'`);
    await db.dataSource.query(`UPDATE reports SET parser_version = '0.0.1'`);
    const fixed = await reparseAll(db.dataSource);
    expect(fixed.total).toBe(5);
    expect(fixed.changed).toHaveLength(5);
    const baitu = fixed.changed.find((c) => c.file.endsWith('baitu-2020.txt'));
    expect(baitu?.changes).toEqual(['1 cell changed', '1 cell added']);
    const [{ sum }] = await db.dataSource.query(`SELECT sum(value)::int AS sum FROM cells WHERE key = 'active.procurement.amount' AND year = 2020`);
    expect(sum).toBe(123218);
    const versions = await db.dataSource.query(`SELECT DISTINCT parser_version FROM reports`);
    expect(versions).toHaveLength(1);
    expect(versions[0].parser_version).not.toBe('0.0.1');
    expect(await count(db, 'report_sources')).toBe(5);
  });
});
