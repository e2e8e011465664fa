import { sampleServer } from './harness';

const server = sampleServer();
const { data } = server;

describe('one agency matching rule (issue 16)', () => {
  it.each(['白土', '白土镇', ' 白土 '])('reports(filter:{agency:%j}) finds what agencies(search:) finds', async (text) => {
    const d = await data(`{ agencies(search: ${JSON.stringify(text)}) { totalCount edges { node { name } } }
      reports(filter: { agency: ${JSON.stringify(text)} }) { totalCount edges { node { agency { name } } } } }`);
    expect(d.agencies.totalCount).toBe(1);
    expect(d.agencies.edges[0].node.name).toBe('白土镇');
    expect(d.reports.totalCount).toBe(1);
    expect(d.reports.edges[0].node.agency.name).toBe('白土镇');
  });

  it('a name matching nothing finds nothing in both; LIKE wildcards are literal', async () => {
    const d = await data(`{ agencies(search: "%") { totalCount } reports(filter: { agency: "_" }) { totalCount } }`);
    expect(d).toEqual({ agencies: { totalCount: 0 }, reports: { totalCount: 0 } });
  });

  it('exact name matches come before substring matches', async () => {
    // A second agency whose names contain 白土镇; with both regions unknown, name order alone would put 北 (U+5317)
    // before 白 (U+767D): the exact match must still come first.
    await server.h.db.dataSource.query(
      `INSERT INTO agencies (identity, name, full_name) VALUES ('?:北白土镇联合办公室', '北白土镇办', '北白土镇联合办公室')`,
    );
    await server.h.db.dataSource.query(`UPDATE agencies SET region_code = NULL WHERE name = '白土镇'`);
    const d = await data(`{ agencies(search: "白土镇") { totalCount edges { node { name } } } reports(filter: { agency: "白土镇" }) { totalCount } }`);
    expect(d.agencies.totalCount).toBe(2);
    expect(d.agencies.edges.map((e: any) => e.node.name)).toEqual(['白土镇', '北白土镇办']);
    const other = await data(`{ agencies(search: "北白土镇办") { edges { node { name } } } }`);
    expect(other.agencies.edges.map((e: any) => e.node.name)).toEqual(['北白土镇办']);
    expect(d.reports.totalCount).toBe(1);
  });
});
