import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freshDatabase, type FreshDatabase } from '../support/db';

const ROOT = path.join(__dirname, '..', '..');
const ASK = 'query Ask($q: String!, $s: String) { ask(question: $q, sessionId: $s) { text sessionId } }';

interface Serve {
  child: ChildProcess;
  graphql: string;
}

/** `nianbao serve` as its own process on the shared database (DATABASE_URL), on a free port. */
async function serve(url: string): Promise<Serve> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'serve'], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: url, PORT: '0', NIANBAO_RATE_LIMIT: '0' },
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

async function ask(s: Serve, q: string, sessionId: string | null): Promise<{ text: string; sessionId: string }> {
  const res = await fetch(s.graphql, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ASK, variables: { q, s: sessionId } }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return body.data.ask;
}

async function stop(s: Serve | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

/** Issue 15, scale out: conversation state is in PostgreSQL, so any server process on the database continues it. */
describe('two nianbao serve processes on one database', () => {
  let db: FreshDatabase;
  let first: Serve | undefined;
  let second: Serve | undefined;
  beforeAll(async () => {
    db = await freshDatabase();
    first = await serve(db.url); // ingests the samples into the empty database
    second = await serve(db.url);
  }, 180_000);
  afterAll(async () => {
    await stop(first);
    await stop(second);
    await db?.drop();
  });

  it('a follow-up sent to the second continues the question asked on the first', async () => {
    const opening = await ask(first!, '白土镇2020年政府采购金额', null);
    expect(opening.text).toContain('115,838元');
    // issued by the server: 144 random bits, URL-safe
    expect(opening.sessionId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const followUp = await ask(second!, '那施集镇呢', opening.sessionId);
    expect(followUp.text).toContain('施集镇2020年');
    expect(followUp.text).toContain('7,380元');
    expect(followUp.sessionId).toBe(opening.sessionId);
    // and back on the first: the second's answer is the context now
    const again = await ask(first!, '采购项目数呢', followUp.sessionId);
    expect(again.text).toContain('2项');
  });

  it('an id the server never issued starts afresh under a new id, and continues nobody else’s conversation', async () => {
    const opening = await ask(first!, '白土镇2020年政府采购金额', null);
    const guessed = `${opening.sessionId.slice(0, -1)}${opening.sessionId.endsWith('A') ? 'B' : 'A'}`;
    for (const id of [guessed, 'cli:ask', 'my-session']) {
      const answer = await ask(second!, '那施集镇呢', id);
      expect(answer.sessionId).not.toBe(id);
      expect(answer.sessionId).not.toBe(opening.sessionId);
      expect(answer.text).not.toContain('7,380元');
    }
    const fresh = await Promise.all([ask(first!, '你好', null), ask(second!, '你好', null)]);
    expect(new Set([...fresh.map((a) => a.sessionId), opening.sessionId]).size).toBe(3);
  });
});
