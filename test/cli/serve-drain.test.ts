import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freshDatabase, type FreshDatabase } from '../support/db';
import { DISK_FULL_TRIGGER, inDatabase } from '../server/support';

const ROOT = path.join(__dirname, '..', '..');
const TOKEN = 'nb-drain-token-6a2f';
const SAMPLE = path.join(ROOT, 'samples', 'baitu-2020.txt');

interface Serve {
  child: ChildProcess;
  exited: Promise<number | null>;
  out: () => string;
  err: () => string;
}

function serve(databaseUrl: string): Serve {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', NIANBAO_API_TOKEN: TOKEN, LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'serve', '--no-samples'], { cwd: ROOT, env });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

async function until(what: string, test: () => boolean | Promise<boolean>, detail?: () => string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail ? `: ${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function sleepingInsert(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%INSERT%' AND wait_event = 'PgSleep'`);
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

describe('nianbao serve stops gracefully (issue 13 item 11)', () => {
  let db: FreshDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(() => db.drop());

  it('SIGTERM during ingestReport: the request is answered, then the pool ends, without "Cannot use a pool"', async () => {
    // Every report insert waits 1.5 s: the request is surely in flight when the signal arrives.
    await inDatabase(db.url, `
      CREATE FUNCTION nianbao_test_slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1.5); RETURN NEW; END $$;
      CREATE TRIGGER nianbao_test_slow BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION nianbao_test_slow();`);
    const s = serve(db.url);
    await until('serve to listen', () => /GraphQL\s+(\S+)/.test(s.out()), () => s.out() + s.err());
    const graphql = /GraphQL\s+(\S+)/.exec(s.out())![1];
    const answer = fetch(graphql, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        query: 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { status report { year } } }',
        variables: { input: { fileName: 'baitu-2020.txt', content: readFileSync(SAMPLE).toString('base64'), encoding: 'BASE64' } },
      }),
    });
    await until('the insert to be under way', () => sleepingInsert(db.url), () => s.out() + s.err());
    s.child.kill('SIGTERM');
    const res = await answer;
    expect(res.status).toBe(200);
    expect((await res.json()).data.ingestReport).toEqual({ status: 'ingested', report: { year: 2020 } });
    expect(await s.exited).toBe(0);
    expect(s.err()).toContain('SIGTERM: stopping');
    expect(s.err()).not.toMatch(/Cannot use a pool|pool after calling end/);
  }, 120_000);

  it('a full disk at start: the warning names the cause, the server still serves', async () => {
    // The schema exists already; the failing step is the samples' first insert.
    await inDatabase(db.url, DISK_FULL_TRIGGER);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, PORT: '0' };
    const s = { child: spawn(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'serve'], { cwd: ROOT, env }), out: '', err: '' };
    s.child.stdout!.on('data', (d) => (s.out += d));
    s.child.stderr!.on('data', (d) => (s.err += d));
    const exited = new Promise<number | string | null>((resolve) => s.child.once('exit', (c, sig) => resolve(c ?? sig)));
    await until('serve to listen', () => /GraphQL\s+(\S+)/.test(s.out), () => s.out + s.err);
    expect(s.err).toMatch(/sample baitu-2020\.txt not ingested: .*No space left on device/);
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});

describe('nianbao serve: a start that fails says why', () => {
  it('names PostgreSQL\'s own reason when the embedded server cannot start', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-broken-'));
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'pg'), { mode: 0o755 });
    writeFileSync(path.join(dir, 'pg', 'PG_VERSION'), '18\n'); // a data folder without its files
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_DATA_DIR: dir, PORT: '0' };
      delete env.DATABASE_URL;
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'serve', '--no-samples'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^nianbao serve: embedded PostgreSQL did not start in .*pg: postgres: .*postgresql\.conf/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
