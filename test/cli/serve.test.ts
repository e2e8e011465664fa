import { main } from '../../src/cli/main';
import { freshDatabase, type FreshDatabase } from '../support/db';

/** Captures what a command prints, to read the address it serves on. */
function captureStdout(): { text(): string; restore(): void } {
  let out = '';
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  return { text: () => out, restore: () => void (process.stdout.write = original) };
}

async function until<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('nianbao serve', () => {
  let db: FreshDatabase;
  const saved = process.env.DATABASE_URL;
  beforeAll(async () => {
    db = await freshDatabase();
    process.env.DATABASE_URL = db.url;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    await db?.drop();
  });

  it('fills an empty database with the samples, prints where everything is, serves, and stops on SIGTERM', async () => {
    const stdout = captureStdout();
    let exit: Promise<number>;
    let base: string;
    try {
      exit = main(['node', 'nianbao', 'serve', '--port', '0']);
      base = await until(() => /GraphQL\s+(http:\/\/\S+)\/graphql/.exec(stdout.text())?.[1]);
    } finally {
      stdout.restore();
    }
    const printed = stdout.text();
    expect(printed).toMatch(/GraphiQL\s+http:\/\/localhost:\d+\//);
    expect(printed).toMatch(/health\s+http:\/\/localhost:\d+\/health/);
    const url = base.replace('localhost', '127.0.0.1');
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toEqual({ ok: true, database: 'up', reports: 5 });
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ cells(filter: { key: "active.procurement.amount", year: 2020 }, first: 1) { edges { node { value report { agency { name } } } } } }' }),
    });
    const body = await res.json();
    expect(body.data.cells.edges[0].node).toEqual({ value: 115838, report: { agency: { name: '白土镇' } } });
    process.emit('SIGTERM', 'SIGTERM');
    await expect(exit!).resolves.toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('refuses a port in use with a clear message and exit code 1', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const errors: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (errors.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      await expect(main(['node', 'nianbao', 'serve', '--port', String(port), '--no-samples'])).resolves.toBe(1);
    } finally {
      process.stderr.write = original;
      blocker.close();
    }
    expect(errors.join('')).toMatch(new RegExp(`port ${port} on 127.0.0.1 is in use: set PORT`));
  });
});
