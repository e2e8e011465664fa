import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../../bench/generate';
import { freshDatabase, type FreshDatabase } from '../support/db';

/**
 * The ingest and reparse commands as a user runs them (node bin/nianbao.js, built dist/), against a fresh
 * database through DATABASE_URL; crash and concurrency robustness with real child processes.
 */
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'nianbao.js');
const SAMPLES = path.join(ROOT, 'samples');
const SAMPLE_FILES = ['baitu-2020.txt', 'gangkou-2021.txt', 'ganhezi-2020.txt', 'shiji-2020.txt', 'zhangjiachan-2020.txt'];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return start(args, env).done;
}

/** Counts that prove every stored report is whole. */
async function integrity(db: FreshDatabase) {
  const [row] = await db.dataSource.query(`SELECT
    (SELECT count(*)::int FROM reports) AS reports,
    (SELECT count(*)::int FROM report_sources) AS sources,
    (SELECT count(DISTINCT sha256)::int FROM report_sources) AS distinct_sources,
    (SELECT count(*)::int FROM reports r WHERE
       (SELECT count(*) FROM cells c WHERE c.report_id = r.id) <> CASE r.format WHEN '2021' THEN 200 ELSE 198 END
       OR NOT EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id)
       OR NOT EXISTS (SELECT 1 FROM checks k WHERE k.report_id = r.id)) AS partial,
    (SELECT count(*)::int FROM report_sources s WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.source_id = s.id)) AS orphan_sources,
    (SELECT count(*)::int FROM (SELECT agency_id, year FROM reports GROUP BY 1, 2 HAVING count(*) > 1) d) AS duplicates`);
  return row as { reports: number; sources: number; distinct_sources: number; partial: number; orphan_sources: number; duplicates: number };
}

function summaryOf(stdout: string): { ingested: number; unchanged: number; replaced: number; failed: number } {
  const m = /ingested (\d+), unchanged (\d+), replaced (\d+), failed (\d+)/.exec(stdout);
  if (!m) throw new Error(`no summary in: ${stdout}`);
  return { ingested: +m[1], unchanged: +m[2], replaced: +m[3], failed: +m[4] };
}

let work: string;
let corpus: string;
const CORPUS_REPORTS = 400;
/** Every report of the corpus stored once, whole, each with its source. */
const WHOLE_CORPUS = {
  reports: CORPUS_REPORTS,
  sources: CORPUS_REPORTS,
  distinct_sources: CORPUS_REPORTS,
  partial: 0,
  orphan_sources: 0,
  duplicates: 0,
};

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-'));
  chmodSync(work, 0o755);
  await generateCorpus({ outDir: path.join(work, 'corpus'), seed: 'db-tests', years: [2020], reports: CORPUS_REPORTS });
  corpus = path.join(work, 'corpus', '2020');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('nianbao ingest / reparse', () => {
  let db: FreshDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(() => db.drop());

  it('ingests the samples with a summary, then reports them unchanged; reparse reports no change', async () => {
    const files = SAMPLE_FILES.map((f) => path.join(SAMPLES, f));
    const first = await cli(['ingest', ...files], { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^ingested 5, unchanged 0, replaced 0, failed 0 \(5 files in/);
    expect(first.stderr).toMatch(/ingest: 5\/5 files \(100%\)/); // not a terminal: progress lines, not a bar
    const second = await cli(['ingest', ...files], { DATABASE_URL: db.url });
    expect(summaryOf(second.stdout)).toEqual({ ingested: 0, unchanged: 5, replaced: 0, failed: 0 });
    const reparse = await cli(['reparse'], { DATABASE_URL: db.url });
    expect(reparse.code).toBe(0);
    expect(reparse.stdout).toMatch(/^reparsed 5 reports: 0 changed, 5 unchanged, 0 failed/);
  });

  it('exits 1 and names each rejected file with its reason, without a stack trace; nothing of it is stored', async () => {
    const dir = mkdtempSync(path.join(work, 'bad-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'archive.zip'), Buffer.from('504b030414000000080000000000', 'hex'));
    copyFileSync(path.join(SAMPLES, 'baitu-2020.txt'), path.join(dir, 'baitu-2020.txt'));
    const named = path.join(work, 'named-archive.zip');
    writeFileSync(named, Buffer.from('504b030414000000080000000000', 'hex'));
    const run = await cli(['ingest', dir, named], { DATABASE_URL: db.url });
    expect(run.code).toBe(1);
    expect(summaryOf(run.stdout)).toEqual({ ingested: 1, unchanged: 0, replaced: 0, failed: 2 });
    // the zip inside the folder is not a report document by type: skipped and said so; the named one is refused
    expect(run.stdout).toMatch(/\nskipped 1 file in those folders that are not report documents/);
    expect(run.stdout).toMatch(/\n {2}\S*named-archive\.zip: .+/);
    expect(run.stdout).toMatch(/\n {2}\S*empty\.txt: .*empty/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect((await integrity(db)).sources).toBe(1);
  });

  it('a missing path or an unreachable database is one line on stderr and exit 1', async () => {
    const missing = await cli(['ingest', path.join(work, 'nope')], { DATABASE_URL: db.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^nianbao ingest: .*nope: no such file or folder$/);
    const down = await cli(['ingest', SAMPLES], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(down.code).toBe(1);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/^nianbao ingest: cannot open the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(down.stderr).not.toContain('secret');
  });
});

describe('robustness: crashes and concurrent ingests', () => {
  let db: FreshDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(() => db.drop());

  it('SIGKILL in the middle of a folder leaves only whole reports; the same ingest again completes it without duplicates', async () => {
    const { child, done } = start(['ingest', '--workers', '1', corpus], { DATABASE_URL: db.url });
    // Kill once some reports are in, well before the end.
    for (let i = 0; i < 600; i++) {
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM reports`);
      if (n >= 40) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = await integrity(db);
    expect(afterKill.reports).toBeGreaterThanOrEqual(40);
    expect(afterKill.reports).toBeLessThan(CORPUS_REPORTS); // really killed mid-way
    expect(afterKill).toMatchObject({ partial: 0, orphan_sources: 0, duplicates: 0, sources: afterKill.reports });

    const rerun = await cli(['ingest', corpus], { DATABASE_URL: db.url });
    expect(rerun.code).toBe(0);
    const s = summaryOf(rerun.stdout);
    expect(s.unchanged).toBe(afterKill.reports);
    expect(s.ingested + s.unchanged).toBe(CORPUS_REPORTS);
    expect(await integrity(db)).toEqual(WHOLE_CORPUS);
  }, 120_000);

  it('two processes ingesting the same files at once end with one copy of each report', async () => {
    const a = start(['ingest', corpus], { DATABASE_URL: db.url });
    const b = start(['ingest', corpus], { DATABASE_URL: db.url });
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code, ra.stderr.match(/\n\s+at /), rb.stderr.match(/\n\s+at /)]).toEqual([0, 0, null, null]);
    const sa = summaryOf(ra.stdout);
    const sb = summaryOf(rb.stdout);
    // Every file stored exactly once, by one process or the other; the other saw it unchanged.
    expect(sa.ingested + sb.ingested).toBe(CORPUS_REPORTS);
    expect(sa.unchanged + sb.unchanged).toBe(CORPUS_REPORTS);
    expect(sa.replaced + sb.replaced + sa.failed + sb.failed).toBe(0);
    expect(await integrity(db)).toEqual(WHOLE_CORPUS);
  }, 120_000);
});

describe('openDatabase with the embedded server', () => {
  it('two processes on one data folder share one server; it outlives its starter and the last one out stops it', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    chmodSync(dataDir, 0o755);
    const script = writeOpenScript();
    const children: ChildProcess[] = [];
    const open = () => {
      const child = spawn(process.execPath, [script, dataDir], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } });
      children.push(child);
      const lines: string[] = [];
      let resolveLine: (() => void) | null = null;
      child.stdout.on('data', (d: Buffer) => {
        lines.push(...d.toString().trim().split('\n'));
        resolveLine?.();
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      let ended = false;
      const exited = new Promise<number | null>((r) =>
        child.on('close', (code) => {
          ended = true;
          resolveLine?.();
          r(code);
        }),
      );
      const next = async (count: number) => {
        while (lines.length < count && !ended) await new Promise<void>((r) => (resolveLine = r));
        if (lines.length < count) throw new Error(`the process ended early: ${stderr}`);
        return JSON.parse(lines[count - 1]);
      };
      return { child, next, exited };
    };
    try {
      await shareAndStop(open, dataDir);
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
  }, 120_000);
});

describe('embedded server after a crash', () => {
  it('a server left by a SIGKILLed process is adopted by the next one, which stops it when it leaves', async () => {
    const dataDir = mkdtempSync(path.join(work, 'data-'));
    chmodSync(dataDir, 0o755);
    const script = writeOpenScript();
    const run = (input: string) =>
      new Promise<{ out: string; child: ChildProcess }>((resolve) => {
        const child = spawn(process.execPath, [script, dataDir], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } });
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          if (out.includes('"reports"')) resolve({ out, child });
        });
        child.stdin.end(input);
        child.on('close', () => resolve({ out, child }));
      });
    const crashed = await run('');
    expect(crashed.out).toContain('embedded-owner');
    crashed.child.kill('SIGKILL');
    await new Promise((r) => crashed.child.on('close', r));
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true); // postgres outlived it
    const next = spawnSync(process.execPath, [script, dataDir], { cwd: ROOT, input: 'close\n', encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    expect(next.stdout).toContain('"server":"embedded-shared"');
    expect(next.stdout).toContain('"closed":true');
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});

/** A script that opens the database in the data folder given, reports, and closes when told on stdin. */
function writeOpenScript(): string {
  const script = path.join(work, 'open.js');
  // Opens the database, reports who owns the server, counts reports, then closes when told to on stdin.
  writeFileSync(
    script,
    `require(${JSON.stringify(path.join(ROOT, 'node_modules', 'reflect-metadata'))});
       const { openDatabase } = require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'db', 'dataSource.js'))});
       (async () => {
         const db = await openDatabase({ dataDir: process.argv[2] });
         const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM reports');
         console.log(JSON.stringify({ server: db.server, reports: n }));
         process.stdin.once('data', async () => {
           const [{ ok }] = await db.dataSource.query('SELECT 1 AS ok');
           await db.close();
           console.log(JSON.stringify({ closed: ok === 1 }));
         });
       })().catch((e) => { console.error(e.message); process.exit(1); });`,
  );
  return script;
}

type Opened = { child: ChildProcess & { stdin: NodeJS.WritableStream }; next(count: number): Promise<unknown>; exited: Promise<number | null> };

async function shareAndStop(open: () => Opened, dataDir: string): Promise<void> {
  {
    const first = open();
    expect(await first.next(1)).toEqual({ server: 'embedded-owner', reports: 0 });
    const second = open();
    expect(await second.next(1)).toEqual({ server: 'embedded-shared', reports: 0 });
    // The starter leaves first: the server keeps serving the other process…
    first.child.stdin.end('close\n');
    expect(await first.next(2)).toEqual({ closed: true });
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
    // …which still queries it (SELECT 1 before closing), and, being the last, stops it.
    second.child.stdin.end('close\n');
    expect(await second.next(2)).toEqual({ closed: true });
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }
}
