import { storeBatch } from '../../src/ingest/batch';
import { storePrepared } from '../../src/ingest/store';
import { freshDatabase, type FreshDatabase } from '../support/db';
import { BAITU, parsedReport, prepared } from './fixtures';

/** Agencies in other townships: region code and name vary with n. */
function township(n: number) {
  const code = `3609811${String(n).padStart(2, '0')}`;
  const name = `第${n}镇`;
  return parsedReport({
    title: `${name}2020年政府信息公开工作年度报告`,
    agency: {
      name,
      fullName: `丰城市${name}人民政府`,
      kind: 'government',
      region: { code, name, level: 'township', path: [...BAITU.path.slice(0, 3), { code, name, level: 'township' }] },
      regionCandidates: [],
    },
  }, n);
}

describe('storeBatch: one statement per table for many reports', () => {
  let db: FreshDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(() => db.drop());

  const counts = async () =>
    (
      await db.dataSource.query(`SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM report_sources) AS sources,
        (SELECT count(*)::int FROM cells) AS cells, (SELECT count(*)::int FROM regions) AS regions, (SELECT count(*)::int FROM agencies) AS agencies`)
    )[0];

  it('stores a batch whole, with shared regions once, and tells each report its status', async () => {
    const reports = [1, 2, 3, 4].map((n) => prepared(township(n), `t${n}.txt`));
    const before = prepared(township(5), 't5.txt');
    await storePrepared(db.dataSource, before); // already there: unchanged in the batch
    const replacement = prepared(township(6), 't6-v2.txt', 'v2');
    await storePrepared(db.dataSource, prepared(township(6), 't6-v1.txt', 'v1'));
    const outcomes = await storeBatch(db.dataSource, [...reports, before, replacement]);
    expect(outcomes.map((o) => (o.ok ? o.status : o.reason))).toEqual(['ingested', 'ingested', 'ingested', 'ingested', 'unchanged', 'replaced']);
    expect(outcomes.every((o) => o.ok && o.reportId)).toBe(true);
    expect(await counts()).toEqual({ reports: 6, sources: 7, cells: 6 * 198, regions: 3 + 6, agencies: 6 });
  });

  it('reports colliding inside the batch are stored one by one in order: same bytes → unchanged, same agency and year → replaced', async () => {
    const a = prepared(township(1), 'a.txt', 'A');
    const sameBytes = prepared(township(1), 'a-copy.txt', 'A');
    const newer = prepared(township(1), 'a-v2.txt', 'A2');
    const other = prepared(township(2), 'b.txt', 'B');
    const outcomes = await storeBatch(db.dataSource, [a, sameBytes, newer, other]);
    expect(outcomes.map((o) => (o.ok ? o.status : o.reason))).toEqual(['ingested', 'unchanged', 'replaced', 'ingested']);
    expect(await counts()).toMatchObject({ reports: 2, sources: 3, cells: 2 * 198 });
  });

  it('a report the database refuses fails alone: the batch falls back to one transaction per report', async () => {
    const bad = township(2);
    bad.cells[10] = { ...bad.cells[10], unit: '件件件' as never };
    const noYear = township(3);
    noYear.year = null;
    const outcomes = await storeBatch(db.dataSource, [prepared(township(1), 'a.txt'), prepared(bad, 'bad.txt'), prepared(noYear, 'noyear.txt'), prepared(township(4), 'd.txt')]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, reason: expect.stringMatching(/the database refused the report/) });
    expect(outcomes[2]).toMatchObject({ ok: false, reason: expect.stringMatching(/no statistics year/) });
    expect(await counts()).toMatchObject({ reports: 2, sources: 2, cells: 2 * 198, agencies: 2 });
  });
});
