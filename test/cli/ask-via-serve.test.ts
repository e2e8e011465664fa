import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'nianbao.js');

function envFor(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_DATA_DIR: dataDir, PORT: '0', ...extra };
  delete env.DATABASE_URL;
  if (!extra.NIANBAO_URL) delete env.NIANBAO_URL;
  return env;
}

function ask(env: NodeJS.ProcessEnv, question: string): { via: string; text: string; operation: string | null } {
  const r = spawnSync(process.execPath, [BIN, 'ask', '--json', question], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

/** Issue 15: `nianbao ask` answers through a running `nianbao serve` instead of starting PostgreSQL and the graph. */
describe('nianbao ask with a nianbao serve running', () => {
  let dataDir: string;
  let serve: ChildProcess;
  let base: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-askserve-'));
    chmodSync(dataDir, 0o755); // postgres runs as its own OS user
    serve = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env: envFor(dataDir) });
    let out = '';
    serve.stdout!.on('data', (d) => (out += d));
    serve.stderr!.on('data', (d) => (out += d));
    const deadline = Date.now() + 120_000;
    while (!/GraphQL\s+(\S+)/.test(out)) {
      if (Date.now() > deadline || serve.exitCode !== null) throw new Error(`serve did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    base = /GraphQL\s+(\S+)\/graphql/.exec(out)![1].replace('://localhost:', '://127.0.0.1:');
  }, 180_000);
  afterAll(async () => {
    if (serve && serve.exitCode === null) {
      const exited = new Promise((r) => serve.once('exit', r));
      serve.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serve announces itself in the data folder (pid and URL)', () => {
    const announced = JSON.parse(readFileSync(path.join(dataDir, 'server.json'), 'utf8'));
    expect(announced).toEqual({ pid: serve.pid, url: base });
  });

  it('ask on the same data folder is answered by that server', () => {
    const postmaster = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0];
    const answer = ask(envFor(dataDir), '白土镇2020年政府采购金额');
    expect(answer.via).toBe(base);
    expect(answer.text).toContain('115,838元');
    expect(answer.operation).toBe('BotCell');
    // the same PostgreSQL as before, not one the ask started
    expect(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]).toBe(postmaster);
  });

  it('NIANBAO_URL sends ask to that server, whatever the data folder: nothing is started there', () => {
    const elsewhere = path.join(tmpdir(), `nianbao-askserve-none-${process.pid}`);
    const answer = ask(envFor(elsewhere, { NIANBAO_URL: `${base}/graphql` }), '施集镇2020年政府采购金额');
    expect(answer.via).toBe(base);
    expect(answer.text).toContain('7,380元');
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('a NIANBAO_URL that does not answer is an error, not a silent local start', () => {
    const elsewhere = path.join(tmpdir(), `nianbao-askserve-none2-${process.pid}`);
    const r = spawnSync(process.execPath, [BIN, 'ask', '白土镇2020年政府采购金额'], {
      cwd: ROOT, env: envFor(elsewhere, { NIANBAO_URL: 'http://127.0.0.1:9' }), encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('NIANBAO_URL http://127.0.0.1:9 does not answer');
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('stopping serve removes its announcement', async () => {
    const exited = new Promise((r) => serve.once('exit', r));
    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'server.json'))).toBe(false);
  });
});
