import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createNianbaoServer } from '../../src/server';
import { freshDatabase } from '../support/db';
import { memoryLogger, sharedSchema, startHarness, type Harness } from '../graphql/harness';

describe('HTTP server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { statementTimeoutMs: 500 });
  });
  afterAll(() => h?.close());

  it('GET /health answers 200 with the database up', async () => {
    const res = await fetch(`${h.http.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'up', reports: 5 });
  });

  it('GET / is a self-contained GraphiQL page: no external script, style or font URL', async () => {
    const res = await fetch(`${h.http.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('graphiql');
    const external = [...html.matchAll(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/gi)].map((m) => m[0]);
    expect(external).toEqual([]);
    expect(html).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
  });

  it('keeps CSRF prevention on: a simple cross-site GET or text/plain POST is refused', async () => {
    const get = await fetch(`${h.http.url}/graphql?query=${encodeURIComponent('{ reports { totalCount } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const plain = await fetch(`${h.http.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ reports { totalCount } }' }),
    });
    expect(plain.status).toBe(400);
    const ok = await fetch(`${h.http.url}/graphql?query=${encodeURIComponent('{ reports { totalCount } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).data.reports.totalCount).toBe(5);
  });

  it('masks internal errors: no SQL, stack trace or file path reaches the client; the server logs them', async () => {
    const admin = new Client({ connectionString: h.db.url });
    await admin.connect();
    try {
      await admin.query('ALTER TABLE checks RENAME TO checks_gone');
      const res = await h.post(`{ reports(first: 1) { edges { node { title checks { passed } } } } }`);
      const error = res.body.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.message).toMatch(/^internal error \(reference [0-9a-f]{8}\)$/);
      expect(res.text).not.toMatch(/SELECT|relation|does not exist|\.ts|\/work\/|node_modules|stacktrace/i);
      const ref = error?.extensions?.reference;
      expect(h.logger.lines.find((l) => l.includes(`[${ref}]`))).toMatch(/checks/);
    } finally {
      await admin.query('ALTER TABLE checks_gone RENAME TO checks');
      await admin.end();
    }
  });

  it('a malformed or oversized body gets a short JSON error, never an HTML stack trace', async () => {
    const post = (body: string) => fetch(`${h.http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const broken = await post('{"query": "{ reports { totalCount } }"');
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(JSON.parse(text).errors[0].message).toBe('request body is not valid JSON');
    expect(text).not.toMatch(/at |node_modules|\/work\//);
    const huge = await post(JSON.stringify({ query: '{ reports { totalCount } }', variables: { pad: 'x'.repeat(17 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].message).toMatch(/request body too large/);
  });

  it('reads gzip-compressed bodies, and refuses unknown encodings with a reason', async () => {
    const query = JSON.stringify({ query: '{ reports { totalCount } }' });
    const send = (body: Blob | string, headers: Record<string, string>) =>
      fetch(`${h.http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const zipped = await send(new Blob([new Uint8Array(gzipSync(query))]), { 'content-encoding': 'gzip' });
    expect(zipped.status).toBe(200);
    expect((await zipped.json()).data.reports.totalCount).toBeGreaterThan(0);
    const unknown = await send(query, { 'content-encoding': 'compress' });
    expect(unknown.status).toBe(415);
    expect((await unknown.json()).errors[0].message).toBe('unsupported content encoding "compress"');
  });

  it('a slow query is cut by the statement timeout, with a clear error', async () => {
    // Another session holds a lock on cells: from the server's side the ranking query is simply slow.
    const blocker = new Client({ connectionString: h.db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE cells IN ACCESS EXCLUSIVE MODE');
      const res = await h.post(`{ cells(filter: { key: "active.procurement.amount" }) { edges { node { value } } } }`);
      expect(res.body.errors?.[0].extensions?.code).toBe('QUERY_TIMEOUT');
      expect(res.body.errors?.[0].message).toMatch(/took too long and was cancelled \(statement timeout\)/);
      expect(res.text).not.toMatch(/SELECT|canceling statement/);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const after = await h.post(`{ cells(filter: { key: "active.procurement.amount" }, first: 1) { totalCount } }`);
    expect(after.body.data.cells.totalCount).toBe(4);
  });

  it('execute() runs an operation in-process', async () => {
    const result = await h.server.execute<{ reports: { totalCount: number } }>(`query($y: Int) { reports(filter: { year: $y }) { totalCount } }`, { y: 2021 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.reports.totalCount).toBe(1);
  });

  it('GET /health answers 503 when the database goes away, and 200 again when it is back', async () => {
    const db = await freshDatabase();
    const server = await createNianbaoServer({ dataSource: db.dataSource, logger: memoryLogger(), schema: await sharedSchema() });
    const http = await server.listen(0);
    const name = new URL(db.url).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      expect((await fetch(`${http.url}/health`)).status).toBe(200);
      // Refuse new connections and end the pool's: the database is down as far as the server can tell.
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      const res = await fetch(`${http.url}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, database: 'down', error: 'the database is not reachable' });
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      expect((await fetch(`${http.url}/health`)).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
      await server.stop();
      await db.drop();
    }
  });
});

describe('introspection', () => {
  const INTROSPECT = `{ __schema { queryType { name } } }`;
  const saved = { ...process.env };
  afterEach(() => {
    process.env.NODE_ENV = saved.NODE_ENV;
    if (saved.NIANBAO_INTROSPECTION === undefined) delete process.env.NIANBAO_INTROSPECTION;
    else process.env.NIANBAO_INTROSPECTION = saved.NIANBAO_INTROSPECTION;
  });

  async function introspect(): Promise<{ status: number; body: any }> {
    const h = await startHarness({ samples: false });
    try {
      const res = await h.post(INTROSPECT);
      return { status: res.status, body: res.body };
    } finally {
      await h.close();
    }
  }

  it('is on in development', async () => {
    process.env.NODE_ENV = 'development';
    delete process.env.NIANBAO_INTROSPECTION;
    const res = await introspect();
    expect(res.body.data.__schema.queryType.name).toBe('Query');
  });

  it('is off when NODE_ENV=production, and hides "did you mean" hints', async () => {
    process.env.NODE_ENV = 'production';
    delete process.env.NIANBAO_INTROSPECTION;
    const res = await introspect();
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe('introspection is disabled in production; set NIANBAO_INTROSPECTION=true to enable it');
    expect(res.body.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED');
    const h = await startHarness({ samples: false });
    try {
      const typename = await h.post(`{ __typename }`);
      expect(typename.body.data).toEqual({ __typename: 'Query' });
      const inFragment = await h.post(`query Q { ...F } fragment F on Query { __type(name: "Report") { name } }`);
      expect([inFragment.status, inFragment.body.errors?.[0].extensions?.code]).toEqual([400, 'INTROSPECTION_DISABLED']);
      const typo = await h.post(`{ reprts { totalCount } }`);
      expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/);
    } finally {
      await h.close();
    }
  });

  it('is on in production with NIANBAO_INTROSPECTION=true', async () => {
    process.env.NODE_ENV = 'production';
    process.env.NIANBAO_INTROSPECTION = 'true';
    const res = await introspect();
    expect(res.body.data.__schema.queryType.name).toBe('Query');
  });
});
