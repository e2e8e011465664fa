import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freshDatabase, type FreshDatabase } from '../support/db';
import { startBotHarness, type BotHarness } from '../bot/harness';

/** `nianbao ask` and `nianbao chat` as child processes, the way an official runs them. */

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Async, so that the in-process server of this test keeps answering while the child runs. */
function nianbao(args: string[], env: Record<string, string> = {}, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

let empty: FreshDatabase;
let h: BotHarness;

beforeAll(async () => {
  empty = await freshDatabase();
  h = await startBotHarness();
}, 180_000);

afterAll(async () => {
  await empty?.drop();
  await h?.close();
});

describe('nianbao ask', () => {
  it('prints 115,838元 with its source; an empty database first gets the bundled samples', async () => {
    const run = await nianbao(['ask', '白土镇2020年政府采购金额'], { DATABASE_URL: empty.url });
    expect(run.stderr).toContain('ingesting the 5 bundled sample reports');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('白土镇2020年「政府集中采购 · 采购总金额」：115,838元（约11.58万元）');
    expect(lines[1]).toBe('来源：《白土镇2020年政府信息公开工作年度报告》表二 主动公开政府信息情况，「政府集中采购」行「采购总金额」列（原文：115838元）');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('asks a running server with --endpoint, and --json gives the whole answer', async () => {
    const run = await nianbao(['ask', '--endpoint', h.endpoint, '--json', '施集镇2020年政府采购金额']);
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as { text: string; operation: string; cells: { key: string }[] };
    expect(answer.text).toContain('7,380元');
    expect(answer.operation).toBe('BotCell');
    expect(answer.cells).toEqual([expect.objectContaining({ key: 'active.procurement.amount' })]);
  });

  it('says 暂时无法查询 (exit 1, no stack trace) when the endpoint is down; refuses a bad endpoint clearly', async () => {
    const down = await nianbao(['ask', '--endpoint', 'http://127.0.0.1:9/graphql', '白土镇2020年政府采购金额']);
    expect(down.stdout.trim()).toBe('暂时无法查询：数据服务不可用，请稍后再试。');
    expect(down.status).toBe(1);
    const bad = await nianbao(['ask', '--endpoint', 'ftp://example', '白土镇']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('nianbao ask: --endpoint must be an http(s) URL such as http://127.0.0.1:4000/graphql (got "ftp://example")');
  });
});

describe('nianbao chat', () => {
  it('keeps the context between lines: follow-ups and a numbered reply', async () => {
    const input = ['施集镇2020年政府采购金额', '那白土镇呢', '那采购项目数呢', '白土镇2020年规章', '1', '退出', '这行不会被读到'].join('\n');
    const run = await nianbao(['chat', '--endpoint', h.endpoint], {}, input);
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain('施集镇2020年「政府集中采购 · 采购总金额」：7,380元');
    expect(out).toContain('白土镇2020年「政府集中采购 · 采购总金额」：115,838元');
    expect(out).toContain('白土镇2020年「政府集中采购 · 采购项目数量」：10项');
    expect(out).toContain('请回复序号');
    expect(out).toContain('白土镇2020年「规章 · 本年新制作数量」：0件');
    expect(out).not.toContain('这行不会被读到');
  });
});

describe('nianbao bot', () => {
  it('starts with the puppet named by WECHATY_PUPPET, logs it, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'bot', '--endpoint', h.endpoint, '--rooms', '白名单群'], {
      cwd: ROOT, env: { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-mock' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const started = Date.now();
    while (!stderr.includes('bot started') && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain('bot started (puppet wechaty-puppet-mock)');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('nianbao ask with the database down (issue 13 item 13)', () => {
  let broken: BotHarness;

  beforeAll(async () => {
    broken = await startBotHarness();
    // the server stays up, its database goes away: every read fails inside the graph
    await broken.db.dataSource.destroy();
  }, 180_000);
  afterAll(() => broken?.close());

  it('says 暂时无法查询 with status unavailable and exits 1, without a stack trace', async () => {
    const run = await nianbao(['ask', '--endpoint', broken.endpoint, '--json', '白土镇2020年政府采购金额']);
    expect(run.status).toBe(1);
    const answer = JSON.parse(run.stdout) as { text: string; status: string };
    expect(answer).toEqual(expect.objectContaining({ status: 'unavailable', text: '暂时无法查询：数据服务不可用，请稍后再试。' }));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('the engine answers unavailable for every kind of question, never 查询出错', async () => {
    for (const q of ['白土镇2020年政府采购金额', '2020年哪个镇采购金额最高', '有哪些报告', '白士镇2020年收到多少申请']) {
      const answer = await broken.engine.ask(q);
      expect({ q, status: answer.status, text: answer.text }).toEqual({ q, status: 'unavailable', text: '暂时无法查询：数据服务不可用，请稍后再试。' });
    }
  });
});
