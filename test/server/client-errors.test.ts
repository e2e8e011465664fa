import { createHash } from 'node:crypto';
import { startHarness, type Harness } from '../graphql/harness';
import { takeDown } from './support';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;

function apq(url: string, query: string, sha256Hash: string) {
  return fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
  });
}

const stackLines = (lines: string[]) => lines.filter((l) => /\n\s+at /.test(l));

describe('client errors are 4xx with a specific code, logged as one line without a stack (issue 13 item 4)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('an unknown or missing _entities __typename is 400 UNKNOWN_ENTITY_TYPE; a missing key 400 BAD_USER_INPUT', async () => {
    const unknown = await h.post(ENTITIES, { r: [{ __typename: 'Nope', id: '1' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'representations[0].__typename is "Nope"; entities of this graph: Report, Agency, Region',
      extensions: { code: 'UNKNOWN_ENTITY_TYPE' },
    });
    const missing = await h.post(ENTITIES, { r: [{ id: '1' }] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0].extensions?.code).toBe('UNKNOWN_ENTITY_TYPE');
    const literal = await h.post(`{ _entities(representations: [{ __typename: "Region" }]) { __typename } }`);
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]).toMatchObject({ message: 'representations[0] (Region) needs its key field "code"', extensions: { code: 'BAD_USER_INPUT' } });
    const proto = await h.post(ENTITIES, { r: [{ __typename: '__proto__', id: '1' }] });
    expect(proto.body.errors?.[0].extensions?.code).toBe('UNKNOWN_ENTITY_TYPE');
    // a right representation still resolves
    const ok = await h.post(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { name } } }`, { r: [{ __typename: 'Region', code: '360981' }] });
    expect(ok.status).toBe(200);
    expect(ok.body.data._entities).toEqual([{ name: '丰城市' }]);
  });

  it('an APQ hash that does not match its query is 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const query = '{ reports { totalCount } }';
    const wrong = await apq(h.http.url, query, createHash('sha256').update('something else').digest('hex'));
    expect(wrong.status).toBe(400);
    const body = await wrong.json();
    expect(body.errors[0]).toMatchObject({ message: 'provided sha does not match query', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } });
    const right = await apq(h.http.url, query, createHash('sha256').update(query).digest('hex'));
    expect(right.status).toBe(200);
    expect((await right.json()).data.reports.totalCount).toBe(5);
  });

  it('logs client errors as one info line each, never with a stack or at error level', async () => {
    h.logger.lines.length = 0;
    await h.post(ENTITIES, { r: [{ __typename: 'Nope', id: '1' }] });
    await h.post(`query($n: Int) { reports(first: $n) { totalCount } }`, { n: 'abc' });
    await h.post(`{ nope }`);
    await apq(h.http.url, '{ reports { totalCount } }', 'f'.repeat(64));
    expect(h.logger.lines).toHaveLength(4);
    expect(h.logger.lines.every((l) => l.startsWith('info graphql ') && !l.includes('\n'))).toBe(true);
    expect(h.logger.lines.map((l) => l.split(' ').slice(-1)[0])).toEqual([
      'UNKNOWN_ENTITY_TYPE', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_HASH_MISMATCH',
    ]);
  });
});

describe('the log stays bounded while the database is down under load (issue 13 item 4)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ errorLogLimit: { windowMs: 60_000, repeats: 3 } });
  });
  afterAll(async () => {
    if (h) await takeDown(h.db.url, false);
    await h?.close();
  });

  it('logs the failure once with its stack, three times as one line, then only counts it', async () => {
    await takeDown(h.db.url, true);
    h.logger.lines.length = 0;
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => h.post(`{ reports(first: ${1 + ((i + j) % 5)}) { totalCount } }`)));
      for (const res of batch) {
        answers.push(res.status);
        expect(res.body.errors?.[0].extensions?.code).toMatch(/^(INTERNAL_SERVER_ERROR|DATABASE_UNAVAILABLE)$/);
        expect(res.text).not.toMatch(/ALLOW_CONNECTIONS|does not allow connections|\bat \//);
      }
    }
    expect(answers).toHaveLength(100);
    const errors = h.logger.lines.filter((l) => l.startsWith('error '));
    // One kind (connections refused), or two when a request was on a connection the cut reached first
    // ("terminating connection due to administrator command"): each kind once with its stack, then 3 one-liners.
    const kinds = stackLines(errors).length;
    expect(kinds).toBeGreaterThanOrEqual(1);
    expect(kinds).toBeLessThanOrEqual(2);
    expect(errors.length).toBeLessThanOrEqual(kinds * 4);
    // 100 request lines (one short line each) + at most 8 error entries: far from a stack per request
    const bytes = h.logger.lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
    expect(bytes).toBeLessThan(100 * 200 + 8 * 4000);
  });
});
