import path from 'node:path';
import { ingestPaths } from '../../src/ingest';
import { startHarness, type Harness } from './harness';

/** Agency kinds go from the parser through ingest into PostgreSQL and out of the graph as the AgencyKind enum. */
const REAL = path.join(__dirname, '..', 'fixtures', 'real', 'reports');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const files = ['shuyang-fgj-2023.html', 'pingtan-2023.html', 'shanghai-office-2025.md'].map((f) => path.join(REAL, f));
  const summary = await ingestPaths(files, { dataSource: h.db.dataSource, workers: 0 });
  expect(summary.failed).toEqual([]);
});
afterAll(() => h?.close());

it('departments, zones and governments are told apart, each under its parent division', async () => {
  const res = await h.post(`{ agencies(first: 50) { edges { node { name fullName kind regionCode } } } }`);
  expect(res.body.errors).toBeUndefined();
  const byName = new Map(res.body.data.agencies.edges.map((e: any) => [e.node.name, e.node]));
  expect(byName.get('沭阳县发展和改革局')).toEqual({ name: '沭阳县发展和改革局', fullName: '沭阳县发展和改革局', kind: 'department', regionCode: '321322' });
  expect(byName.get('平潭综合实验区')).toEqual({ name: '平潭综合实验区', fullName: '平潭综合实验区管理委员会', kind: 'zone', regionCode: '350128' });
  expect(byName.get('上海市人民政府办公厅')).toMatchObject({ kind: 'department', regionCode: '31' });
  expect(byName.get('白土镇')).toMatchObject({ kind: 'government', regionCode: '360981101' });
});

it('the kind is stored in the agencies table, within the check constraint', async () => {
  const rows: { kind: string; n: string }[] = await h.db.dataSource.query(`SELECT kind, count(*) AS n FROM agencies GROUP BY kind ORDER BY kind`);
  expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([['department', 2], ['government', 5], ['zone', 1]]);
  await expect(h.db.dataSource.query(`UPDATE agencies SET kind = 'bureau' WHERE name = '白土镇'`)).rejects.toThrow(/chk_agencies_kind/);
});
