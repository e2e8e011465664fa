import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { generateCorpus } from '../../bench/generate';
import { loadOperation } from '../../src/bot/client';
import { statementNamer } from '../../src/db/queries/executor';
import { ingestPaths } from '../../src/ingest';
import { startHarness, type Harness } from './harness';

/** Every statement sent while `run` runs, with the name pg prepared it under. */
async function statementsOf<T>(run: () => Promise<T>): Promise<{ result: T; statements: { text: string; name?: string }[] }> {
  const statements: { text: string; name?: string }[] = [];
  const original = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; name?: string };
    statements.push(typeof first === 'string' ? { text: first } : { text: first?.text ?? '?', name: first?.name });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await run(), statements };
  } finally {
    Client.prototype.query = original;
  }
}

const FULL_REPORT = `
    id title year format publishedAt missingCells parserVersion warnings { code message } createdAt updatedAt
    agency { id name fullName regionCode kind }
    region { code name level }
    contact { address postcode phone website }
    sections { kind ordinal title text }
    cells { id key table row col raw value unit line year }
    checks { rule scope description keys passed left right }`;

let h: Harness;
let corpus: string;
let reports: { id: string; year: number; agency: { id: string } }[];
beforeAll(async () => {
  h = await startHarness({ samples: false });
  corpus = mkdtempSync(path.join(tmpdir(), 'nianbao-lookahead-'));
  // two years of the same townships: the cross-year rules have a year before to read
  await generateCorpus({ outDir: corpus, seed: 'lookahead-columns', years: [2020, 2021], reports: 6 });
  const summary = await ingestPaths([path.join(corpus, '2020'), path.join(corpus, '2021')], { dataSource: h.db.dataSource, workers: 0 });
  expect(summary.failed).toEqual([]);
  const res = await h.post(`{ reports(first: 50) { edges { node { id year agency { id } } } } }`);
  reports = res.body.data.reports.edges.map((e: any) => e.node);
  expect(reports).toHaveLength(12);
});
afterAll(async () => {
  await h?.close();
  if (corpus) rmSync(corpus, { recursive: true, force: true });
});

describe('a full report in one statement', () => {
  it('report(id) with agency, region, sections, cells and checks is one named statement, equal to the per-relation reads', async () => {
    const report = reports.find((r) => r.year === 2021)!;
    const { result, statements } = await statementsOf(() => h.post(`query($id: ID!) { report(id: $id) { ${FULL_REPORT} } }`, { id: report.id }));
    expect(result.body.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(statements[0].name).toMatch(/^nb_/);
    // the same fields through the reports page, whose relations each come from their own DataLoader query
    const viaLoaders = await statementsOf(() => h.post(`query($a: String!) { reports(filter: { agency: $a, year: 2021 }, first: 1) { edges { node { ${FULL_REPORT} } } } }`, { a: report.agency.id }));
    expect(viaLoaders.statements.length).toBeGreaterThanOrEqual(6);
    const node = viaLoaders.result.body.data.reports.edges[0].node;
    const full = result.body.data.report;
    expect(full).toEqual(node);
    expect(full.cells.length).toBeGreaterThan(150);
    expect(full.sections.length).toBeGreaterThan(0);
    // format-2021 reports of a township with a stored 2020 report carry the cross-year rules
    expect(full.checks.filter((c: { rule: string }) => c.rule.startsWith('years.')).length).toBeGreaterThan(0);
  });

  it("a cell whose table, row and column are not its key's parts comes back as stored", async () => {
    const report = reports.find((r) => r.year === 2021 && r.id !== reports[0].id)!;
    // the bundle sends null for a cell whose key splits back into its table, row and column; these two do not (and,
    // updated, they are no longer where their ids place them in the heap: the server sorts the bundle's rows by id)
    await h.db.dataSource.query(`UPDATE cells SET row_id = 'odd.row' WHERE id = (SELECT min(id) FROM cells WHERE report_id = $1)`, [report.id]);
    await h.db.dataSource.query(`UPDATE cells SET table_id = 'appeals', col_id = 'z.w' WHERE id = (SELECT max(id) FROM cells WHERE report_id = $1)`, [report.id]);
    const res = await h.post(`query($id: ID!) { report(id: $id) { cells { key table row col } } }`, { id: report.id });
    expect(res.body.errors).toBeUndefined();
    const full = res.body.data.report.cells;
    const viaLoaders = (await h.post(`query($a: String!) { reports(filter: { agency: $a, year: 2021 }, first: 1) { edges { node { cells { key table row col } } } } }`, { a: report.agency.id })).body.data.reports.edges[0].node.cells;
    expect(full).toEqual(viaLoaders);
    expect(full[0].row).toBe('odd.row');
    expect(full.at(-1)).toMatchObject({ table: 'appeals', col: 'z.w' });
    expect(full[1].key).toBe(`${full[1].table}.${full[1].row}.${full[1].col}`);
    // only the parts, no key asked: the key is read for the split and left out
    const parts = (await h.post(`query($id: ID!) { report(id: $id) { cells { row } } }`, { id: report.id })).body.data.report.cells;
    expect(parts).toEqual(viaLoaders.map(({ row }: { row: string }) => ({ row })));
  });

  it('several reports in one request share that statement (batched, not one per report)', async () => {
    const ids = reports.slice(0, 4).map((r) => r.id);
    const query = `query { ${ids.map((id, i) => `r${i}: report(id: "${id}") { id sections { ordinal } checks { rule } agency { name } }`).join(' ')} }`;
    const { result, statements } = await statementsOf(() => h.post(query));
    expect(result.body.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(ids.map((_, i) => result.body.data[`r${i}`].id)).toEqual(ids);
  });

  it("reads only the cells' asked columns, as positional arrays, and answers as the per-relation reads do", async () => {
    const report = reports.find((r) => r.year === 2021)!;
    const query = `query($id: ID!) { report(id: $id) { id cells { key raw value } t: cells(table: appeals) { row } k: cells(keys: ["requests.new.total"]) { col unit } } }`;
    const { result, statements } = await statementsOf(() => h.post(query, { id: report.id }));
    expect(result.body.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    // table, row and column ride on the key (null when it splits back into them exactly)
    expect(statements[0].text).toMatch(/json_build_array\(c\."key", c\."raw", c\."value", c\."unit", CASE WHEN c\.key = c\.table_id/);
    expect(statements[0].text).not.toMatch(/c\."(agency_id|region_code|report_id|line|year)"/);
    const all = await h.post(`query($id: ID!) { report(id: $id) { cells { key raw value table row col unit } } }`, { id: report.id });
    const cells = all.body.data.report.cells as { key: string; raw: string; value: number | null; table: string; row: string; col: string; unit: string }[];
    const got = result.body.data.report;
    expect(got.cells).toEqual(cells.map(({ key, raw, value }) => ({ key, raw, value })));
    expect(got.t).toEqual(cells.filter((c) => c.table === 'appeals').map(({ row }) => ({ row })));
    expect(got.t.length).toBeGreaterThan(0);
    expect(got.k).toEqual(cells.filter((c) => c.key === 'requests.new.total').map(({ col, unit }) => ({ col, unit })));
  });

  it('partial cells answer only their own selection: the same report read elsewhere in the request gets whole cells', async () => {
    const report = reports.find((r) => r.year === 2021)!;
    const nodeId = (await h.post(`query($id: ID!) { report(id: $id) { nodeId } }`, { id: report.id })).body.data.report.nodeId;
    const query = `query($id: ID!, $node: ID!) {
      a: report(id: $id) { cells { raw } }
      b: report(id: $id) { cells { key year line } }
      n: node(id: $node) { ... on Report { cells { id key } } } }`;
    const res = await h.post(query, { id: report.id, node: nodeId });
    expect(res.body.errors).toBeUndefined();
    const whole = await h.post(`query($id: ID!) { report(id: $id) { cells { id key raw year line } } }`, { id: report.id });
    const cells = whole.body.data.report.cells as { id: string; key: string; raw: string; year: number; line: number | null }[];
    expect(res.body.data.a.cells).toEqual(cells.map(({ raw }) => ({ raw })));
    expect(res.body.data.b.cells).toEqual(cells.map(({ key, year, line }) => ({ key, year, line })));
    expect(res.body.data.n.cells).toEqual(cells.map(({ id, key }) => ({ id, key })));
    expect(cells.every((c) => c.year === 2021)).toBe(true);
  });

  it('an unknown or malformed id is null, as before', async () => {
    const res = await h.post(`{ a: report(id: "00000000-0000-4000-8000-000000000000") { id cells { key } } b: report(id: "nope") { id agency { name } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ a: null, b: null });
  });
});

describe('only the columns the selection needs', () => {
  it("the bot's lookup (BotCell) selects the report's and the cell's asked columns only, with the same answer", async () => {
    const r = reports.find((x) => x.year === 2020)!;
    const key = 'active.procurement.amount';
    const { result, statements } = await statementsOf(() => h.post(loadOperation('BotCell'), { agency: r.agency.id, year: 2020, key }));
    expect(result.body.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(statements[0].text).not.toMatch(/"warnings"|"contact"|"created_at"|"table_id"|"line"/);
    expect(statements[0].name).toMatch(/^nb_/);
    const node = result.body.data.reports.edges[0].node;
    const direct = await h.post(`query($id: ID!, $key: String!) { report(id: $id) { id title year format missingCells cell(key: $key) { key raw value unit } } }`, { id: r.id, key });
    expect(node).toEqual(direct.body.data.report);
    expect(node.cell.value).toEqual(expect.any(Number));
  });

  it('a ranking (BotRanking) reads only the asked report and agency columns, with the same rows as report(id)', async () => {
    const vars = { key: 'requests.new.total', year: 2021, regionCode: null, orderBy: 'VALUE_DESC', first: 5 };
    const { result, statements } = await statementsOf(() => h.post(loadOperation('BotRanking'), vars));
    expect(result.body.errors).toBeUndefined();
    const page = statements.find((s) => /JOIN reports r/.test(s.text))!;
    expect(page.text).not.toMatch(/"warnings"|"contact"|"identity"|"line"/);
    const edges = result.body.data.cells.edges;
    expect(edges).toHaveLength(5);
    for (const { node } of edges) {
      const direct = await h.post(`query($id: ID!) { report(id: $id) { id title year agency { id name fullName regionCode kind } cell(key: "requests.new.total") { value } } }`, { id: node.report.id });
      const { cell, ...report } = direct.body.data.report;
      expect(node.report).toEqual(report);
      expect(node.value).toBe(cell.value);
    }
  });

  it('the agency list (BotAgencies) reads only id, names, region and kind, and a field outside the map still answers', async () => {
    const { result, statements } = await statementsOf(() => h.post(loadOperation('BotAgencies'), { first: 3, withCount: true }));
    expect(result.body.errors).toBeUndefined();
    const page = statements.find((s) => /FROM agencies a/.test(s.text) && !/count\(/.test(s.text))!;
    expect(page.text).not.toMatch(/"created_at"|"identity"|"region_candidates"/);
    const nodes = result.body.data.agencies.edges.map((e: any) => e.node);
    const withAll = await h.post(`{ agencies(first: 3) { edges { node { id name fullName regionCode kind region { code } reports { year } } } } }`);
    expect(withAll.body.errors).toBeUndefined();
    expect(withAll.body.data.agencies.edges.map(({ node }: any) => ({ id: node.id, name: node.name, fullName: node.fullName, regionCode: node.regionCode, kind: node.kind }))).toEqual(nodes);
    for (const { node } of withAll.body.data.agencies.edges) {
      expect(node.region.code).toBe(node.regionCode);
      expect(node.reports.map((x: any) => x.year)).toEqual([2021, 2020]);
    }
  });

  it('an aggregate computes only the measures asked (count always), with the values of the full query', async () => {
    const q = (fields: string) => `{ aggregate(key: "requests.new.total", year: 2021, groupBy: PROVINCE) { group ${fields} } }`;
    const { result, statements } = await statementsOf(() => h.post(q('count sum')));
    expect(result.body.errors).toBeUndefined();
    const agg = statements.find((s) => /FROM cells c/.test(s.text) && /count\(c\.value\)/.test(s.text))!;
    expect(agg.text).toMatch(/sum\(c\.value\)/);
    expect(agg.text).not.toMatch(/avg\(|min\(|max\(/);
    const full = await h.post(q('count sum avg min max'));
    const rows = full.body.data.aggregate;
    expect(rows.length).toBeGreaterThan(1);
    expect(result.body.data.aggregate).toEqual(rows.map(({ group, count, sum }: any) => ({ group, count, sum })));
    expect(rows.some((r: any) => r.sum > 0)).toBe(true);
    expect(rows.every((r: any) => r.count > 0 && r.min <= r.avg && r.avg <= r.max)).toBe(true);
  });
});

describe('statement names', () => {
  it('one name per distinct text, the same name for the same text, none past the limit', () => {
    const nameOf = statementNamer(2);
    const a = nameOf('SELECT 1');
    const b = nameOf('SELECT 2');
    expect(a).not.toBe(b);
    expect(nameOf('SELECT 1')).toBe(a);
    expect(nameOf('SELECT 3')).toBeUndefined();
    expect(nameOf('SELECT 2')).toBe(b);
  });
});
