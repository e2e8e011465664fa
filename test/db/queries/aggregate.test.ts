import 'reflect-metadata';
import { aggregateCells, executorOf, sql } from '../../../src/db/queries';
import { ingestSamplesIfEmpty } from '../../../src/ingest/samples';
import { freshDatabase, type FreshDatabase } from '../../support/db';

let db: FreshDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await ingestSamplesIfEmpty(db.dataSource, { info: () => undefined, warn: (m) => { throw new Error(m); }, error: (m) => { throw new Error(m); } });
  // Synthetic cells with codes of every shape: two cities of one province, a bare province, a one-character code,
  // an empty and a null one, and null values (a group whose count is 0 still is a group).
  const codes = ['110101', '110102', '36', '3', null, '', '650102'];
  const values = [5, null, 7.5, 2, 4, 1.25, null];
  const reports = await executorOf(db.dataSource).rows(sql`SELECT id, agency_id FROM reports ORDER BY id`);
  for (const [k, key] of ['test.province.a', 'test.province.b', 'test.province.c'].entries()) {
    for (const [i, r] of reports.entries()) {
      const j = (i + k) % codes.length;
      await executorOf(db.dataSource).rows(sql`INSERT INTO cells (report_id, key, table_id, row_id, col_id, raw, value, unit, line, year, region_code, agency_id)
        VALUES (${r.id}, ${key}, 't', 'r', 'c', 'x', ${values[j]}, '元', 1, 2020, ${codes[j]}, ${r.agency_id})`);
    }
  }
});
afterAll(() => db.drop());

/** The GROUP BY every grouping used before the province path: the answers must stay the same. */
async function reference(key: string, year: number) {
  const rows = await executorOf(db.dataSource).rows(sql`SELECT left(c.region_code, 2) AS grp, count(c.value) AS count, sum(c.value) AS sum,
      avg(c.value) AS avg, min(c.value) AS min, max(c.value) AS max FROM cells c WHERE c.key = ${key} AND c.year = ${year} GROUP BY 1 ORDER BY 1 ASC NULLS LAST`);
  const num = (v: unknown) => (v === null ? null : Number(v));
  return rows.map((r) => ({ group: r.grp, count: Number(r.count), sum: num(r.sum), avg: num(r.avg), min: num(r.min), max: num(r.max) }));
}

describe('aggregateCells by province with a year (loose index scan)', () => {
  it('gives the groups, measures and order of the plain GROUP BY for every key and year', async () => {
    const keys = await executorOf(db.dataSource).rows(sql`SELECT DISTINCT key, year FROM cells ORDER BY key, year`);
    expect(keys.length).toBeGreaterThan(100);
    for (const { key, year } of keys) {
      expect({ key, year, rows: await aggregateCells(db.dataSource, { key, year, groupBy: 'PROVINCE' }) })
        .toEqual({ key, year, rows: await reference(key, year) });
    }
  });

  it('keeps odd codes apart: empty, one character, null last', async () => {
    // the sample reports take the codes from the second on: 110102, 36, 3, null, ''
    const rows = await aggregateCells(db.dataSource, { key: 'test.province.b', year: 2020, groupBy: 'PROVINCE' });
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['11', '3', '36', '', null]));
    expect(rows.at(-1)).toEqual({ group: null, count: 1, sum: 4, avg: 4, min: 4, max: 4 });
    expect(rows).toEqual(await reference('test.province.b', 2020));
    expect(await aggregateCells(db.dataSource, { key: 'test.province.a', year: 2019, groupBy: 'PROVINCE' })).toEqual([]);
  });
});
