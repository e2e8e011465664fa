import { sampleServer } from './harness';

const server = sampleServer();
const { data } = server;

describe('the graph over the five samples (issue 3, done when)', () => {
  it('reports has totalCount 5 and pages with Relay cursors', async () => {
    const first = await data(`{ reports(first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id title year format sourceName } } } }`);
    expect(first.reports.totalCount).toBe(5);
    expect(first.reports.edges).toHaveLength(2);
    expect(first.reports.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const seen = new Set(first.reports.edges.map((e: any) => e.node.id));
    let after = first.reports.pageInfo.endCursor;
    for (;;) {
      const next = await data(`query($after: String) { reports(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after });
      next.reports.edges.forEach((e: any) => seen.add(e.node.id));
      if (!next.reports.pageInfo.hasNextPage) break;
      after = next.reports.pageInfo.endCursor;
    }
    expect(seen.size).toBe(5);
  });

  it('aggregate(active.procurement.amount, 2020) sums to 123218 over 4 reports', async () => {
    const d = await data(`{ aggregate(key: "active.procurement.amount", year: 2020) { group label count sum avg min max } }`);
    expect(d.aggregate).toHaveLength(1);
    expect(d.aggregate[0]).toMatchObject({ group: null, label: '全部', count: 4, sum: 123218, max: 115838 });
  });

  it('cells(active.procurement.amount, 2020, first 1) ranks 白土镇 first with 115838', async () => {
    const d = await data(`{ cells(filter: { key: "active.procurement.amount", year: 2020 }, first: 1) {
      totalCount edges { node { key table row col label raw value unit report { year agency { name fullName } } } } } }`);
    expect(d.cells.totalCount).toBe(4);
    const top = d.cells.edges[0].node;
    expect(top).toMatchObject({ key: 'active.procurement.amount', table: 'active', row: 'procurement', col: 'amount', value: 115838, unit: '元' });
    expect(top.label).toBe('政府集中采购 · 采购总金额');
    expect(top.raw).toContain('115838');
    expect(top.report.agency.name).toBe('白土镇');
    const asc = await data(`{ cells(filter: { key: "active.procurement.amount", year: 2020 }, orderBy: VALUE_ASC, first: 4) { edges { node { value } } } }`);
    const values = asc.cells.edges.map((e: any) => e.node.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('pages of one cell, followed by keyset cursors, give the same ranking as one page (both orders, blanks last)', async () => {
    const keys = ['active.procurement.amount', 'requests.new.total', 'active.fees.change', 'active.licensing.change'];
    for (const key of keys) {
      for (const orderBy of ['VALUE_DESC', 'VALUE_ASC']) {
        const q = `query($key: String!, $first: Int, $after: String) { cells(filter: { key: $key }, orderBy: ${orderBy}, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id value } } } }`;
        const whole = await data(q, { key, first: 100 });
        const paged: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 20; i++) {
          const page: any = await data(q, { key, first: 1, after });
          paged.push(...page.cells.edges.map((e: any) => e.node.id));
          if (!page.cells.pageInfo.hasNextPage) break;
          after = page.cells.pageInfo.endCursor;
        }
        expect(paged).toEqual(whole.cells.edges.map((e: any) => e.node.id));
        expect(paged).toHaveLength(whole.cells.totalCount);
        const values = whole.cells.edges.map((e: any) => e.node.value);
        const numbers = values.filter((v: number | null) => v !== null);
        expect(values.slice(0, numbers.length)).toEqual(numbers); // blanks last
      }
    }
  });

  it('a cursor of another list is refused', async () => {
    const reports = await data(`{ reports(first: 1) { pageInfo { endCursor } } }`);
    const res = await server.h.post(`query($after: String) { cells(filter: { key: "requests.new.total" }, after: $after) { totalCount } }`, {
      after: reports.reports.pageInfo.endCursor,
    });
    expect(res.body.errors?.[0].message).toMatch(/invalid cursor: it belongs to another list/);
  });

  it('aggregate groups by region with names from the regions table', async () => {
    const county = await data(`{ aggregate(key: "active.procurement.amount", year: 2020, regionCode: "360900", groupBy: COUNTY) { group label count sum } }`);
    expect(county.aggregate).toEqual(expect.arrayContaining([expect.objectContaining({ group: '360981', label: '丰城市' })]));
    const d = await data(`{ aggregate(key: "active.procurement.amount", groupBy: PROVINCE) { group label count sum } }`);
    expect(d.aggregate.length).toBeGreaterThan(0);
    const total = d.aggregate.reduce((s: number, r: any) => s + r.count, 0);
    expect(total).toBeGreaterThanOrEqual(4);
    const jiangxi = d.aggregate.find((r: any) => r.group === '36');
    expect(jiangxi?.label).toBe('江西省');
    const byYear = await data(`{ aggregate(key: "requests.new.total", groupBy: YEAR) { group label count } }`);
    expect(byYear.aggregate.map((r: any) => r.group)).toEqual(expect.arrayContaining(['2020', '2021']));
  });

  it('a report exposes agency, region path, sections, cells, checks and its source', async () => {
    const list = await data(`{ reports(filter: { agency: "白土镇" }) { totalCount edges { node { id } } } }`);
    expect(list.reports.totalCount).toBe(1);
    const id = list.reports.edges[0].node.id;
    const d = await data(`query($id: ID!) { report(id: $id) {
      id title year format publishedAt sourceName missingCells warnings { code message }
      contact { phone postcode }
      agency { id name fullName region { code name level path { code name level } parent { name } } reports { id } }
      sections { kind ordinal title }
      overview: section(kind: overview) { text }
      cells(table: appeals) { key value }
      some: cells(keys: ["active.procurement.amount", "requests.new.total"]) { key value }
      cell(key: "active.procurement.amount") { value raw }
      checks { rule scope passed keys }
      sources { fileName current sha256 }
    } }`, { id });
    const r = d.report;
    expect(r).toMatchObject({ year: 2020, format: '2019', sourceName: 'baitu-2020.txt' });
    expect(r.agency.name).toBe('白土镇');
    expect(r.agency.region.path.map((p: any) => p.name)).toEqual(expect.arrayContaining(['江西省', '丰城市']));
    expect(r.agency.reports.map((x: any) => x.id)).toContain(id);
    expect(r.sections.length).toBeGreaterThan(3);
    expect(r.overview.text).toContain('白土镇');
    expect(r.cells).toHaveLength(15);
    expect(r.cells.every((c: any) => c.key.startsWith('appeals.'))).toBe(true);
    expect(r.some.map((c: any) => c.key).sort()).toEqual(['active.procurement.amount', 'requests.new.total']);
    expect(r.cell.value).toBe(115838);
    expect(r.checks.length).toBeGreaterThan(0);
    expect(r.sources).toEqual([expect.objectContaining({ fileName: 'baitu-2020.txt', current: true })]);
  });

  it('filters reports by region code prefix, accepting GB six-digit codes', async () => {
    const all = await data(`{ reports { edges { node { regionCode agency { name } } } } }`);
    const codes: string[] = all.reports.edges.map((e: any) => e.node.regionCode).filter(Boolean);
    expect(codes.length).toBeGreaterThan(0);
    const county = codes[0].slice(0, 6);
    const gb = `${county.slice(0, 4)}00`; // the city in GB/T 2260 form, e.g. 360900
    const expected = codes.filter((c) => c.startsWith(county.slice(0, 4))).length;
    const d = await data(`query($code: String!) { reports(filter: { regionCode: $code }) { totalCount } region(code: $code) { code name level } }`, { code: gb });
    expect(d.reports.totalCount).toBe(expected);
    expect(d.region).toMatchObject({ code: county.slice(0, 4), level: 'city' });
  });

  it('agencies search by name substring and region', async () => {
    const d = await data(`{ agencies(search: "白土") { totalCount edges { node { name fullName region { name } reports { year } } } } }`);
    expect(d.agencies.totalCount).toBe(1);
    expect(d.agencies.edges[0].node.name).toBe('白土镇');
    const none = await data(`{ agencies(search: "%") { totalCount } }`);
    expect(none.agencies.totalCount).toBe(0);
  });

  it('metrics lists the catalog with Chinese labels', async () => {
    const d = await data(`{ metrics(table: active) { key label rowLabel colLabel unit formats aliases tableLabel } }`);
    const amount = d.metrics.find((m: any) => m.key === 'active.procurement.amount');
    expect(amount).toMatchObject({ rowLabel: '政府集中采购', colLabel: '采购总金额', unit: '元', formats: ['2019'] });
    expect(amount.aliases).toContain('采购');
    expect(d.metrics.every((m: any) => m.key.startsWith('active.'))).toBe(true);
  });

  it('searchSections finds Chinese words and short text, with the report', async () => {
    const d = await data(`{ searchSections(text: "政务公开工作领导小组", first: 5) { totalCount edges { node { kind title report { agency { name } } } } } }`);
    expect(d.searchSections.totalCount).toBeGreaterThan(0);
    expect(d.searchSections.edges.map((e: any) => e.node.report.agency.name)).toContain('白土镇');
    const short = await data(`{ searchSections(text: "热线", first: 5) { totalCount edges { node { report { agency { name } } } } } }`);
    expect(short.searchSections.edges.map((e: any) => e.node.report.agency.name)).toContain('白土镇');
    const none = await data(`{ searchSections(text: "量子计算机芯片", first: 5) { totalCount } }`);
    expect(none.searchSections.totalCount).toBe(0);
  });

  it('bad input gets a clear error, not a stack trace', async () => {
    const res = await server.h.post(`{ cells(filter: { key: "active.nope" }) { totalCount } }`);
    expect(res.body.errors![0].message).toMatch(/unknown cell key "active.nope"/);
    expect(res.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    const region = await server.h.post(`{ region(code: "abc") { name } }`);
    expect(region.body.errors![0].message).toMatch(/regionCode must be digits/);
    const cursor = await server.h.post(`{ reports(after: "garbage") { totalCount } }`);
    expect(cursor.body.errors![0].message).toMatch(/invalid cursor/);
    const missing = await data(`{ report(id: "not-a-uuid") { id } }`);
    expect(missing.report).toBeNull();
  });
});
