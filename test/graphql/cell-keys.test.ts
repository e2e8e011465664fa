import { sampleServer } from './harness';

const server = sampleServer();
const { data } = server;

describe('labels and aliases accepted as cell keys (issue 16)', () => {
  it('aggregate, cells, Report.cell and Report.cells accept 采购总金额 and the full label like the key', async () => {
    for (const key of ['active.procurement.amount', '采购总金额', '政府集中采购 · 采购总金额', '政府集中采购采购总金额']) {
      const d = await data(`{ aggregate(key: ${JSON.stringify(key)}, year: 2020) { count sum max }
        cells(filter: { key: ${JSON.stringify(key)}, year: 2020 }, first: 1) { edges { node { key value report { agency { name } } } } }
        reports(filter: { agency: "白土镇" }) { edges { node { cell(key: ${JSON.stringify(key)}) { key value } cells(keys: [${JSON.stringify(key)}]) { key value } } } } }`);
      expect(d.aggregate).toEqual([{ count: 4, sum: 123218, max: 115838 }]);
      expect(d.cells.edges[0].node).toEqual({ key: 'active.procurement.amount', value: 115838, report: { agency: { name: '白土镇' } } });
      const report = d.reports.edges[0].node;
      expect(report.cell).toEqual({ key: 'active.procurement.amount', value: 115838 });
      expect(report.cells).toEqual([{ key: 'active.procurement.amount', value: 115838 }]);
    }
  });

  it('an unknown key is BAD_USER_INPUT suggesting close keys', async () => {
    const res = await server.h.post(`{ aggregate(key: "active.procurement.amout") { count } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).toContain('Did you mean "active.procurement.amount"');
    expect(res.body.errors?.[0].extensions?.suggestions[0]).toBe('active.procurement.amount');
  });

  it('an alias naming several cells is BAD_USER_INPUT listing them', async () => {
    const res = await server.h.post(`{ cells(filter: { key: "采购" }) { totalCount } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].extensions?.candidates).toEqual(['active.procurement.projects', 'active.procurement.amount']);
  });

  it('metrics(search:) finds keys by part of a key, label or alias', async () => {
    const byAlias = await data(`{ metrics(search: "花了多少钱") { key } }`);
    expect(byAlias.metrics).toEqual([{ key: 'active.procurement.amount' }]);
    const byKey = await data(`{ metrics(search: "procurement") { key unit } }`);
    expect(byKey.metrics).toEqual([{ key: 'active.procurement.projects', unit: '项' }, { key: 'active.procurement.amount', unit: '元' }]);
  });
});
