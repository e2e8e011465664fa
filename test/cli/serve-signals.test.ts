import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * The quick start's own path: `nianbao serve` on the embedded default (no DATABASE_URL). Ctrl-C under `npm start`
 * reaches the process twice; the second signal must not cut the stop short and leave PostgreSQL running.
 */
describe('nianbao serve on the embedded database, stopped by a doubled Ctrl-C or by SIGTERM', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-serve-'));
    chmodSync(dataDir, 0o755); // postgres runs as its own OS user
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // NODE_ENV as users have it (jest sets "test", and Apollo installs its own signal handlers only outside tests)
  it.each(['SIGINT', 'SIGTERM'] as const)('serves the samples, then on %s stops itself and the embedded PostgreSQL', async (signal) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_DATA_DIR: dataDir, PORT: '0' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'serve'], { cwd: ROOT, env });
    const exited = exitOf(child);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    const deadline = Date.now() + 90_000;
    while (!/GraphQL\s+(\S+)/.test(out)) {
      if (Date.now() > deadline) throw new Error(`serve did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const graphql = /GraphQL\s+(\S+)/.exec(out)![1];
    const res = await fetch(graphql, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ reports { totalCount } }' }),
    });
    expect((await res.json()).data.reports.totalCount).toBe(5);
    const postgresPid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(postgresPid)).toBe(true);

    child.kill(signal);
    // the second Ctrl-C (npm forwards it) arrives while the stop is under way
    while (!new RegExp(`${signal}: stopping`).test(err)) await new Promise((r) => setTimeout(r, 5));
    if (signal === 'SIGINT') child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(isAlive(postgresPid)).toBe(false);
    expect(readdirSync(path.join(dataDir, 'clients'))).toEqual([]);
  }, 120_000);
});
