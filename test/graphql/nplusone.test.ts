import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../../bench/generate';
import { ingestPaths } from '../../src/ingest';
import { METRICS } from '../../src/parser/catalog';
import { countStatements, startHarness, type Harness } from './harness';

let h: Harness;
let corpus: string;
beforeAll(async () => {
  h = await startHarness({ samples: false });
  corpus = mkdtempSync(path.join(tmpdir(), 'nianbao-n1-'));
  await generateCorpus({ outDir: corpus, seed: 'n-plus-one', years: [2020, 2021], reports: 20 });
  const summary = await ingestPaths([path.join(corpus, '2020'), path.join(corpus, '2021')], { dataSource: h.db.dataSource, workers: 0 });
  expect(summary.failed).toEqual([]);
});
afterAll(async () => {
  await h?.close();
  if (corpus) rmSync(corpus, { recursive: true, force: true });
});

const TEN_KEYS = METRICS.filter((m) => m.table === 'requests' && m.formats.length === 2).slice(0, 10).map((m) => m.key);

describe('no N+1: every relation goes through per-request DataLoaders', () => {
  it('a page of 20 reports with agency, region path and 10 cells each costs a small constant number of statements', async () => {
    const query = `query($keys: [String!]) { reports(first: 20) { totalCount edges { node {
      id title year sourceName
      agency { name fullName region { name path { name } } reports { year } }
      region { name parent { name } }
      cells(keys: $keys) { key value label report { id } }
      checks { passed }
    } } } }`;
    const counter = countStatements();
    let res;
    try {
      res = await h.post(query, { keys: TEN_KEYS });
    } finally {
      counter.restore();
    }
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data.reports.edges;
    expect(edges).toHaveLength(20);
    for (const e of edges) {
      expect(e.node.cells).toHaveLength(10);
      expect(e.node.agency.region).not.toBeNull();
    }
    // reports page, count, agencies, regions (agency + report region), region path, source names, cells, checks,
    // agency reports — one statement each, independent of the page size.
    console.log(`statements for a page of 20 reports: ${counter.statements.length}`);
    expect(counter.statements.length).toBeLessThanOrEqual(12);
  });

  it('the same query with first: 5 costs the same number of statements (it does not grow with the page)', async () => {
    const query = (n: number) => `{ reports(first: ${n}) { edges { node { agency { name region { name } } cells(keys: ${JSON.stringify(TEN_KEYS)}) { value } } } } }`;
    const counts: number[] = [];
    for (const n of [5, 40]) {
      const counter = countStatements();
      try {
        const res = await h.post(query(n));
        expect(res.body.errors).toBeUndefined();
      } finally {
        counter.restore();
      }
      counts.push(counter.statements.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('_entities for 20 reports is batched into one report query', async () => {
    const ids = (await h.post(`{ reports(first: 20) { edges { node { id } } } }`)).body.data.reports.edges.map((e: any) => e.node.id);
    const counter = countStatements();
    let res;
    try {
      res = await h.post(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { id agency { name } } } }`, {
        r: ids.map((id: string) => ({ __typename: 'Report', id })),
      });
    } finally {
      counter.restore();
    }
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data._entities).toHaveLength(20);
    expect(counter.statements.length).toBeLessThanOrEqual(2);
  });

  it("the bot's lookup (agency + year + one cell) is one statement, and answers as report(id) { cell } does", async () => {
    const page = (await h.post(`{ reports(first: 40) { edges { node { id year agency { id } } } } }`)).body.data.reports.edges;
    const key = 'requests.new.total';
    for (const { node } of page.slice(0, 6)) {
      const lookup = `query L($agency: String!, $year: Int!, $key: String!) {
        reports(filter: { agency: $agency, year: $year }, first: 1) { edges { node { id year ...C } } }
      } fragment C on Report { cell(key: $key) { key raw value unit } }`;
      const counter = countStatements();
      let res;
      try {
        res = await h.post(lookup, { agency: node.agency.id, year: node.year, key });
      } finally {
        counter.restore();
      }
      expect(res.body.errors).toBeUndefined();
      expect(counter.statements).toHaveLength(1);
      const direct = await h.post(`query D($id: ID!, $key: String!) { report(id: $id) { id year cell(key: $key) { key raw value unit } } }`, { id: node.id, key });
      expect(res.body.data.reports.edges).toEqual([{ node: direct.body.data.report }]);
    }
    // Two different keys of the same reports: answered through the cell loader, still correct.
    const two = await h.post(`{ reports(first: 3) { edges { node { id a: cell(key: "requests.new.total") { value } b: cell(key: "requests.carried_over.total") { value } } } } }`);
    expect(two.body.errors).toBeUndefined();
    for (const { node } of two.body.data.reports.edges) {
      const direct = await h.post(`query($id: ID!) { report(id: $id) { a: cell(key: "requests.new.total") { value } b: cell(key: "requests.carried_over.total") { value } } }`, { id: node.id });
      expect({ a: node.a, b: node.b }).toEqual(direct.body.data.report);
    }
  });

  it('a lookup of a key the report lacks answers null, like the cell loader does', async () => {
    const page = (await h.post(`{ reports(filter: { year: 2020 }, first: 1) { edges { node { agency { id } } } } }`)).body.data.reports.edges;
    // requests.carried_over.* exists in both formats; active.*.in_force only in 2021: a 2020 report lacks it.
    const res = await h.post(`query($a: String!) { reports(filter: { agency: $a, year: 2020 }, first: 1) { edges { node { year cell(key: "active.regulations.in_force") { value } } } } }`, { a: page[0].node.agency.id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.reports.edges[0].node).toEqual({ year: 2020, cell: null });
  });

  it('a ranking with each cell\'s report and agency is one statement (two with totalCount), in the same order as without them', async () => {
    const ranking = (fields: string) => `{ cells(filter: { key: "requests.new.total", year: 2021 }, orderBy: VALUE_DESC, first: 8) { ${fields} } }`;
    const counter = countStatements();
    let res;
    try {
      res = await h.post(ranking('edges { node { id value report { id year agency { id name } } } }'));
    } finally {
      counter.restore();
    }
    expect(res.body.errors).toBeUndefined();
    expect(counter.statements).toHaveLength(1);
    const bare = await h.post(ranking('totalCount edges { node { id value reportId: report { id } } }'));
    const nodes = res.body.data.cells.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id)).toEqual(bare.body.data.cells.edges.map((e: any) => e.node.id));
    expect(nodes.length).toBe(8);
    for (const n of nodes) {
      const direct = await h.post(`query($id: ID!) { report(id: $id) { id year agency { id name } } }`, { id: n.report.id });
      expect(n.report).toEqual(direct.body.data.report);
    }
  });
});
