import { sampleServer } from './harness';

const server = sampleServer();
const { data } = server;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** One object of each node type, read through the ordinary fields. */
async function oneOfEach(): Promise<{ type: string; id: string; nodeId: string }[]> {
  const d = await data(`{ reports(first: 1, filter: { year: 2020, agency: "白土" }) { edges { node {
    nodeId id agency { nodeId id } region { nodeId code } sections { nodeId id }
    cells(keys: ["active.procurement.amount"]) { nodeId id value } sources { nodeId id current } } } } }`);
  const r = d.reports.edges[0].node;
  return [
    { type: 'Report', id: r.id, nodeId: r.nodeId },
    { type: 'Agency', id: r.agency.id, nodeId: r.agency.nodeId },
    { type: 'Region', id: r.region.code, nodeId: r.region.nodeId },
    { type: 'Section', id: r.sections[0].id, nodeId: r.sections[0].nodeId },
    { type: 'Cell', id: r.cells[0].id, nodeId: r.cells[0].nodeId },
    { type: 'ReportSource', id: r.sources[0].id, nodeId: r.sources[0].nodeId },
  ];
}

const NODE_FIELDS = `__typename nodeId ... on Report { id title } ... on Agency { id name } ... on Region { code name }
  ... on Section { id title } ... on Cell { id value } ... on ReportSource { id current }`;

describe('Relay Node (issue 16)', () => {
  it('node(id:) gives back every type by its nodeId, with its database id unchanged', async () => {
    const objects = await oneOfEach();
    for (const o of objects) {
      expect(o.nodeId).toBe(b64(`${o.type}:${o.id}`));
      const d = await data(`query($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`, { id: o.nodeId });
      expect(d.node.__typename).toBe(o.type);
      expect(d.node.nodeId).toBe(o.nodeId);
      expect(d.node.id ?? d.node.code).toBe(o.id);
    }
    const byType = Object.fromEntries(
      await Promise.all(objects.map(async (o) => [o.type, (await data(`query($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`, { id: o.nodeId })).node])),
    );
    expect(byType.Agency.name).toBe('白土镇');
    expect([byType.Region.name, byType.Region.code.slice(0, 6)]).toEqual(['白土镇', '360981']);
    expect(byType.Cell.value).toBe(115838);
    expect(byType.ReportSource.current).toBe(true);
  });

  it('nodes(ids:) answers in the order asked, null for a well-formed id of nothing', async () => {
    const objects = await oneOfEach();
    const missing = b64('Report:00000000-0000-4000-8000-000000000000');
    const ids = [...objects.map((o) => o.nodeId).reverse(), missing];
    const d = await data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename nodeId } }`, { ids });
    expect(d.nodes.map((n: any) => n?.nodeId ?? null)).toEqual([...objects.map((o) => o.nodeId).reverse(), null]);
    const one = await data(`query($id: ID!) { node(id: $id) { nodeId } }`, { id: missing });
    expect(one.node).toBeNull();
  });

  it('a malformed global id, an unknown type or an id of the wrong shape is 400 BAD_NODE_ID', async () => {
    const bad = [
      'garbage!', 'bm90LWEtZ2xvYmFsLWlk', b64('Unknown:1'), b64('Report:not-a-uuid'), b64('Cell:99999999999999999999'),
      b64('Cell:9223372036854775808'), b64('Section:-1'), b64('Region:abc'), '',
    ];
    for (const id of bad) {
      const res = await server.h.post(`query($id: ID!) { node(id: $id) { nodeId } }`, { id });
      expect([id, res.status, res.body.errors?.[0].extensions?.code]).toEqual([id, 400, 'BAD_NODE_ID']);
      expect(res.body.errors?.[0].message).toMatch(/^invalid node id/);
    }
    const list = await server.h.post(`query($ids: [ID!]!) { nodes(ids: $ids) { nodeId } }`, { ids: [b64('Region:360981'), 'garbage!'] });
    expect([list.status, list.body.errors?.[0].extensions?.code]).toEqual([400, 'BAD_NODE_ID']);
    const max = await data(`query($id: ID!) { node(id: $id) { nodeId } }`, { id: b64('Cell:9223372036854775807') });
    expect(max.node).toBeNull();
  });
});

/** Walks a connection forward (first/after) and backward (last/before), each page as a list of node ids. */
async function walk(field: string, args: string, idField: string, size: number) {
  const q = (paging: string) => `query($c: String) { ${field}(${args}${args ? ', ' : ''}${paging}) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${idField} } } } }`;
  const forward: string[][] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: any = (await data(q(`first: ${size}, after: $c`), { c: after }))[field];
    forward.push(page.edges.map((e: any) => e.node[idField]));
    expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const backward: string[][] = [];
  let before: string | null = null;
  let total = 0;
  for (let i = 0; i < 50; i++) {
    const page: any = (await data(q(`last: ${size}, before: $c`), { c: before }))[field];
    total = page.totalCount;
    backward.push(page.edges.map((e: any) => e.node[idField]));
    expect(page.pageInfo.hasNextPage).toBe(i > 0);
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor;
  }
  return { forward, backward, total };
}

describe('last/before (issue 16)', () => {
  const lists: [string, string, string][] = [
    ['reports', '', 'id'],
    ['agencies', '', 'id'],
    ['cells', 'filter: { key: "requests.new.total" }', 'id'],
    ['cells', 'filter: { key: "active.procurement.amount" }, orderBy: VALUE_ASC', 'id'],
    ['searchSections', 'text: "政府信息公开"', 'id'],
  ];
  it.each(lists)('%s(%s): the last/before pages, read from the end, are the first/after listing', async (field, args, idField) => {
    const { forward, backward, total } = await walk(field, args, idField, 2);
    const all = forward.flat();
    expect(all.length).toBe(total);
    expect(new Set(all).size).toBe(all.length); // distinct rows: the comparison means something
    expect(all.length).toBeGreaterThan(2);
    expect([...backward].reverse().flat()).toEqual(all);
    // Backward pages are the forward pages cut from the other end: the last one is full, the first holds the rest.
    expect(backward[0]).toEqual(all.slice(-2));
  });

  it('a keyset cursor from a backward page continues forward where it points', async () => {
    const all = (await data(`{ reports(first: 100) { edges { node { id } } } }`)).reports.edges.map((e: any) => e.node.id);
    const last = (await data(`{ reports(last: 3) { pageInfo { startCursor } edges { node { id } } } }`)).reports;
    expect(last.edges.map((e: any) => e.node.id)).toEqual(all.slice(-3));
    const next = await data(`query($c: String) { reports(first: 1, after: $c) { edges { node { id } } } }`, { c: last.pageInfo.startCursor });
    expect(next.reports.edges.map((e: any) => e.node.id)).toEqual([all[all.length - 2]]);
  });

  it('first with before, or last with after, is refused; last is bounded like first', async () => {
    const mixed = await server.h.post(`{ reports(first: 2, before: "${cursor([3])}") { totalCount } }`);
    expect(mixed.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const big = await server.h.post(`{ reports(last: 101) { totalCount } }`);
    expect(big.body.errors?.[0].message).toMatch(/^last must be between 1 and 100/);
  });

  it('the cost limit counts last as it counts first', async () => {
    const q = (paging: string) => `{ reports(${paging}) { edges { node { cells { key value report { cells { key } } } } } } }`;
    const [first, last] = await Promise.all([server.h.post(q('first: 100')), server.h.post(q('last: 100'))]);
    expect(first.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(last.body.errors?.[0].extensions).toEqual(first.body.errors?.[0].extensions);
  });
});

describe('cursors the server did not write (issue 16)', () => {
  const bad: [string, string][] = [
    ['garbage', 'reports(after: "garbage")'],
    ['not JSON', `reports(before: "${Buffer.from('{').toString('base64url')}")`],
    ['offset past 2^53', `reports(after: "${cursor([1e20])}")`],
    ['negative offset', `cells(filter: { key: "requests.new.total" }, before: "${cursor([-1])}")`],
    ['19-digit cell id beyond bigint', `cells(filter: { key: "requests.new.total" }, after: "${cursor([5, [10, '9999999999999999999']])}")`],
    ['20-digit cell id', `cells(filter: { key: "requests.new.total" }, after: "${cursor([5, [10, '12345678901234567890']])}")`],
    ['year beyond int4', `reports(after: "${cursor([1, [1e15, '00000000-0000-4000-8000-000000000000']])}")`],
    ['another list', `cells(filter: { key: "requests.new.total" }, after: "${cursor([0, [2020, '00000000-0000-4000-8000-000000000000']])}")`],
  ];
  it.each(bad)('%s → 400 BAD_CURSOR', async (_why, field) => {
    const res = await server.h.post(`{ ${field} { totalCount edges { cursor } } }`);
    expect([res.status, res.body.errors?.[0].extensions?.code]).toEqual([400, 'BAD_CURSOR']);
    expect(res.body.errors?.[0].message).toMatch(/^invalid cursor/);
  });

  it('the largest cell id a cursor may hold is read as a position, not refused', async () => {
    const res = await server.h.post(`{ cells(filter: { key: "requests.new.total" }, after: "${cursor([5, [10, '9223372036854775807']])}") { totalCount } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});
