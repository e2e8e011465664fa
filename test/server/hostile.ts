import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freshDatabase, type FreshDatabase } from '../support/db';

const ROOT = path.join(__dirname, '..', '..');

export { seeded } from '../support/seeded';

export interface Call {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Hostile calls: the codes an answer may carry (a 4xx each). Honest calls: none. */
  codes?: string[];
}

const post = (kind: string, query: string, variables?: unknown, codes?: string[], extra: Record<string, unknown> = {}): Call => ({
  kind, method: 'POST', path: '/graphql', body: JSON.stringify({ query, variables, ...extra }), codes,
});

function fanOut(levels: number): string {
  const frags = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `query { ...F0 } ${frags.join(' ')} fragment F${levels} on Query { __typename metrics { key } }`;
}

const DEEP = `{ agencies { edges { node { reports { agency { reports { agency { reports { agency { reports { agency { name } } } } } } } } } } } }`;
const ALIASES = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: metrics { key }`).join(' ')} }`;

/** The attacks of issue 13 against /graphql, each answered before any work with a 4xx and its code. */
export function hostileCall(random: () => number, i: number): Call {
  const n = Math.floor(random() * 1e6);
  const kinds: (() => Call)[] = [
    () => post('long-variable', `query($f: ReportFilter) { reports(filter: $f) { totalCount } }`, { f: { agency: `${n}${'x'.repeat(200_000 + (n % 1000))}` } }, ['ARGUMENT_TOO_LONG']),
    () => post('like-pattern', `query($s: String!) { agencies(search: $s) { totalCount } }`, { s: '%_'.repeat(50_000 + (n % 100)) }, ['ARGUMENT_TOO_LONG']),
    () => post('fan-out', fanOut(18 + (n % 6)), undefined, ['QUERY_TOO_COMPLEX']),
    () => post('deep', DEEP, undefined, ['QUERY_TOO_DEEP']),
    () => post('aliases', ALIASES, undefined, ['TOO_MANY_ALIASES']),
    () => post('nul', `query($f: ReportFilter) { reports(filter: $f) { totalCount } }`, { f: { agency: `白土\u0000${n}` } }, ['BAD_USER_INPUT']),
    () => post('bad-variable', `query($n: Int) { reports(first: $n) { totalCount } }`, { n: `abc${n}` }, ['BAD_USER_INPUT']),
    () => post('null-required', `query($id: ID!) { report(id: $id) { id } }`, { id: null }, ['BAD_USER_INPUT']),
    () => post('unknown-field', `query($f: ReportFilter) { reports(filter: $f) { totalCount } }`, { f: { ['__proto__']: { x: n }, nope: n } }, ['BAD_USER_INPUT']),
    () => post('entities', `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: [{ __typename: `T${n}`, id: '1' }] }, ['UNKNOWN_ENTITY_TYPE']),
    () => post('apq-mismatch', `{ reports { totalCount } }`, undefined, ['PERSISTED_QUERY_HASH_MISMATCH'], {
      extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(String(n)).digest('hex') } },
    }),
    () => post('service-sdl', `{ _service { sdl } }`, undefined, ['FORBIDDEN']),
    () => post('introspection', `{ __schema { types { name } } }`, undefined, ['GRAPHQL_VALIDATION_FAILED', 'INTROSPECTION_DISABLED']),
    () => post('tokens', `{ ${'__typename '.repeat(6000)} }`, undefined, ['GRAPHQL_PARSE_FAILED']),
    () => ({ kind: 'bad-json', method: 'POST', path: '/graphql', body: `{"query": "{ reports { totalCount } }"${n}`, codes: ['BAD_REQUEST'] }),
    () => post('unknown-type', `query { nope${n} }`, undefined, ['GRAPHQL_VALIDATION_FAILED']),
  ];
  return kinds[(i + n) % kinds.length]();
}

const HONEST: Call[] = [
  post('ranking', `{ cells(filter: { key: "active.procurement.amount", year: 2020 }, orderBy: VALUE_DESC, first: 3) { totalCount edges { node { value report { title agency { name } } } } } }`),
  post('aggregate', `{ aggregate(key: "active.procurement.amount", year: 2020, groupBy: COUNTY) { group count sum } }`),
  post('reports', `query($after: String) { reports(filter: { year: 2020 }, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title cell(key: "requests.new.total") { value } } } } }`, {}),
  post('metrics', `{ metrics(table: active) { key label } }`),
  post('search', `{ searchSections(text: "政务公开", first: 3) { totalCount } }`),
  post('agencies', `query($s: String!) { agencies(search: $s) { totalCount edges { node { name region { name } } } } }`, { s: '白土' }),
  { kind: 'health', method: 'GET', path: '/health' },
];

export function honestCall(random: () => number): Call {
  return HONEST[Math.floor(random() * HONEST.length)];
}

export interface Answer {
  status: number;
  codes: string[];
  data: unknown;
}

export async function send(base: string, call: Call): Promise<Answer> {
  const res = await fetch(`${base}${call.path}`, {
    method: call.method, body: call.body, headers: { 'content-type': 'application/json', ...call.headers },
  });
  const text = await res.text();
  let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = {};
  }
  return { status: res.status, codes: (body.errors ?? []).map((e) => String(e.extensions?.code)), data: body.data };
}

/** Runs `calls` with `concurrency` in flight, in order of the list, and returns the answers in the same order. */
export async function runAll(base: string, calls: Call[], concurrency: number): Promise<Answer[]> {
  const answers: Answer[] = new Array(calls.length);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < calls.length) {
      const i = next++;
      answers[i] = await send(base, calls[i]);
    }
  }));
  return answers;
}

/** A hostile call's answer is right when it is a 4xx carrying one of its codes (never INTERNAL_SERVER_ERROR). */
export function wrongHostileAnswers(calls: Call[], answers: Answer[]): string[] {
  const wrong: string[] = [];
  calls.forEach((c, i) => {
    if (!c.codes) return;
    const a = answers[i];
    if (a.status < 400 || a.status >= 500 || !a.codes.length || !a.codes.every((code) => c.codes!.includes(code))) {
      wrong.push(`${c.kind}: ${a.status} ${a.codes.join(',')}`);
    }
  });
  return wrong;
}

export interface ChildServer {
  base: string;
  pid: number;
  /** Resident size after a full garbage collection. */
  rssBytes(): Promise<number>;
  stop(): Promise<number | null>;
  stderr(): string;
}

/** `nianbao serve` in production mode in a child process (its own heap to measure), on a fresh database. */
/**
 * A fresh database and a child `nianbao serve` on it for the describe block that calls this (in its body): started
 * before its tests, stopped (exit 0 asserted) and dropped after. `server()` is the running one.
 */
export function childServerPerSuite(): () => ChildServer {
  let db: FreshDatabase | undefined;
  let server: ChildServer | undefined;
  beforeAll(async () => {
    db = await freshDatabase();
    server = await startChildServer(db.url);
  }, 120_000);
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
    await db?.drop();
  });
  return () => server!;
}

export async function startChildServer(databaseUrl: string): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production', NIANBAO_RATE_LIMIT: '0', LOG_LEVEL: 'warn',
    NODE_OPTIONS: `--expose-gc -r ${path.join(__dirname, 'gc-on-signal.js')}`,
  };
  delete env.NIANBAO_INTROSPECTION;
  delete env.NIANBAO_GATEWAY_TOKEN;
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), 'serve'], { cwd: ROOT, env });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err = (err + d).slice(-100_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!/GraphQL\s+(\S+)\/graphql/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`serve did not start: ${out}${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const base = /GraphQL\s+(\S+)\/graphql/.exec(out)![1].replace('://localhost:', '://127.0.0.1:');
  return {
    base,
    pid: child.pid!,
    rssBytes: async () => {
      child.kill('SIGUSR2'); // a full collection first (gc-on-signal.js)
      await new Promise((r) => setTimeout(r, 500));
      return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    stderr: () => err,
  };
}
