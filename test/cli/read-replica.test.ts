import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freshDatabase, type FreshDatabase } from '../support/db';

const ROOT = path.join(__dirname, '..', '..');
const TOKEN = 'nb-replica-token-3c1e';
const NIANBAO = path.join(ROOT, 'bin', 'nianbao.js');

async function run(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** `url` as the login `user` (password `secret`). */
function asUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = 'secret';
  return u.toString();
}

async function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; graphql: string }> {
  const child = spawn(process.execPath, [NIANBAO, 'serve', '--no-samples'], {
    cwd: ROOT, env: { ...process.env, PORT: '0', NIANBAO_RATE_LIMIT: '0', NIANBAO_API_TOKEN: TOKEN, ...env },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 90_000;
  while (!/GraphQL\s+(\S+)/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, graphql: /GraphQL\s+(\S+)/.exec(out)![1] };
}

async function graphql(endpoint: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return body.data;
}

/**
 * Issue 15, scale out: DATABASE_READ_URL. The "replica" is another database holding the five samples, reached as a
 * read-only login; the primary is empty. What the graph reads must come from the replica, what is written (an
 * ingested report, the bot's session) must land on the primary — a write sent to the replica would fail.
 */
describe('nianbao serve with DATABASE_READ_URL', () => {
  let primary: FreshDatabase;
  let replica: FreshDatabase;
  let reader: string;
  let server: { child: ChildProcess; graphql: string } | undefined;
  beforeAll(async () => {
    primary = await freshDatabase();
    replica = await freshDatabase();
    const ingested = spawnSync(process.execPath, [NIANBAO, 'ingest', path.join(ROOT, 'samples')], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: replica.url }, encoding: 'utf8',
    });
    expect(ingested.status).toBe(0);
    reader = `nb_reader_${randomBytes(4).toString('hex')}`;
    await run(replica.url, `CREATE ROLE ${reader} LOGIN PASSWORD 'secret';
      ALTER ROLE ${reader} SET default_transaction_read_only = on;
      GRANT USAGE ON SCHEMA public TO ${reader};
      GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader};`);
    server = await serve({ DATABASE_URL: primary.url, DATABASE_READ_URL: asUser(replica.url, reader) });
  }, 180_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      const exited = new Promise((r) => server!.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    await primary?.drop();
    await replica?.drop();
    if (reader) await run(primary.url, `DROP ROLE IF EXISTS ${reader}`).catch(() => undefined);
  });

  it('reads come from the replica: the samples are found though the primary holds none', async () => {
    const data = await graphql(server!.graphql, '{ reports(first: 10) { totalCount } }');
    expect(data.reports.totalCount).toBe(5);
    expect(await run(primary.url, 'SELECT count(*)::int AS n FROM reports')).toEqual([{ n: 0 }]);
    const readers = await run(replica.url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = '${reader}'`);
    expect(readers[0].n).toBeGreaterThan(0);
  });

  it('the bot answers from the replica and keeps its session on the primary', async () => {
    const ask = 'query($q: String!, $s: String) { ask(question: $q, sessionId: $s) { text sessionId } }';
    const opening = (await graphql(server!.graphql, ask, { q: '白土镇2020年政府采购金额', s: null })).ask;
    expect(opening.text).toContain('115,838元');
    const followUp = (await graphql(server!.graphql, ask, { q: '那施集镇呢', s: opening.sessionId })).ask;
    expect(followUp.text).toContain('7,380元');
    expect(await run(primary.url, `SELECT count(*)::int AS n FROM bot_sessions WHERE id LIKE '%' || '${opening.sessionId}'`)).toEqual([{ n: 1 }]);
  });

  it('an ingested report is written to the primary, not the replica, and the answer reads it back from there', async () => {
    const real = path.join(ROOT, 'test', 'fixtures', 'real');
    const content = readFileSync(path.join(real, 'reports', 'shuyang-fgj-2023.html')).toString('base64');
    const expected = JSON.parse(readFileSync(path.join(real, 'expected', 'shuyang-fgj-2023.json'), 'utf8')).cells['requests.new.total'];
    const data = await graphql(server!.graphql,
      'mutation($input: IngestReportInput!) { ingestReport(input: $input) { status report { year cells(keys: ["requests.new.total"]) { value } } } }',
      { input: { fileName: 'shuyang-fgj-2023.html', content, encoding: 'BASE64' } });
    expect(data.ingestReport).toEqual({ status: 'ingested', report: { year: 2023, cells: [{ value: expected }] } });
    expect(await run(primary.url, 'SELECT count(*)::int AS n FROM reports WHERE year = 2023')).toEqual([{ n: 1 }]);
    expect(await run(replica.url, 'SELECT count(*)::int AS n FROM reports')).toEqual([{ n: 5 }]);
  });
});
